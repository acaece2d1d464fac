// The type of `window.painel`, the only thing the preload exposes to the page.
import type { PainelEvent } from './events';
import type { Result } from './errors';

export interface PainelBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: PainelEvent) => void): () => void;
  version: string;
  /** Desktop only: native dialogs exist. Browser mode has no bridge at all. */
  desktop: true;
  /** The paths of files dropped on the window (File objects of the drop), granted for import; see electron/dropPaths.ts. */
  dropped(files: File[]): Promise<Result<{ paths: string[] }>>;
}

export const IPC_INVOKE_CHANNEL = 'painel:call';
export const IPC_EVENT_CHANNEL = 'painel:event';
/** Dropped files' paths, sent only by the preload's `dropped` (the generic call cannot name this channel). */
export const IPC_DROP_CHANNEL = 'painel:drop';
