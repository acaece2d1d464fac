// The type of `window.painel`, the only thing the preload exposes to the page.
import type { PainelEvent } from './events';
import type { Result } from './errors';

export interface PainelBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: PainelEvent) => void): () => void;
  version: string;
  /** Desktop only: native dialogs exist. Browser mode has no bridge at all. */
  desktop: true;
}

export const IPC_INVOKE_CHANNEL = 'painel:call';
export const IPC_EVENT_CHANNEL = 'painel:event';
