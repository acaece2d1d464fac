// The one way the UI calls the engine: `call(method, input)` returns the Result value, `on(listener)` delivers
// engine events. Desktop uses the preload bridge (window.painel); browser mode uses loopback HTTP.
import type { Contract, InputOf, MethodName, ResultOf } from '../../../shared/api/index';
import type { PainelBridge } from '../../../shared/bridge';
import type { PainelErrorData, Result } from '../../../shared/errors';
import type { PainelEvent } from '../../../shared/events';
import { HttpTransport, takeToken } from './httpTransport';

declare global {
  interface Window {
    painel?: PainelBridge;
  }
}

type Listener = (e: PainelEvent) => void;

const bridge: PainelBridge | undefined = typeof window !== 'undefined' ? window.painel : undefined;
const http = bridge ? null : new HttpTransport(takeToken());
/** The browser-mode upload route of the loopback host. */
export const UPLOAD_ROUTE = '/api/import/upload';

const listeners = new Set<Listener>();
const statusListeners = new Set<(connected: boolean) => void>();
let unsubscribe: (() => void) | null = null;
let connected = !!bridge;

/** An error value thrown by `callOrThrow`, keeping the engine's code and details. */
export class ApiError extends Error {
  constructor(readonly error: PainelErrorData) {
    super(error.message);
  }
  get code(): string {
    return this.error.code;
  }
}

export const isDesktop = !!bridge;

/**
 * Calls a contract method, typed by the contract; never throws for engine errors (they come back as values).
 * `low` calls wait until the calls a view needs first have answered (see whenIdle).
 */
export async function call<M extends MethodName>(method: M, input: InputOf<Contract[M]>, signal?: AbortSignal, opts: { low?: boolean } = {}): Promise<Result<ResultOf<Contract[M]>>> {
  if (opts.low) await whenIdle(signal);
  else inFlight++;
  try {
    if (bridge) return (await bridge.call(method, input)) as Result<ResultOf<Contract[M]>>;
    return (await http!.call(method, input, signal)) as Result<ResultOf<Contract[M]>>;
  } finally {
    if (!opts.low) {
      inFlight--;
      if (inFlight === 0) for (const w of idleWaiters.splice(0)) w();
    }
  }
}

let inFlight = 0;
const idleWaiters: (() => void)[] = [];

/**
 * Low-priority calls (charts below the fold, analytics that compute for a while) wait until the calls a view
 * needs first have answered, so after a data change the numbers on screen come back first. Never more than 2 s.
 */
function whenIdle(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // Let the same render's normal calls start first.
    setTimeout(() => {
      if (inFlight === 0 || signal?.aborted) return resolve();
      const timer = setTimeout(resolve, 2000);
      idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    }, 0);
  });
}

/** Like `call`, but throws an ApiError instead of returning an error value. */
export async function callOrThrow<M extends MethodName>(method: M, input: InputOf<Contract[M]>, signal?: AbortSignal): Promise<ResultOf<Contract[M]>> {
  const r = await call(method, input, signal);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

function ensureSubscribed(): void {
  if (unsubscribe) return;
  const dispatch = (e: PainelEvent) => {
    for (const l of [...listeners]) l(e);
  };
  const setStatus = (c: boolean) => {
    connected = c;
    for (const l of [...statusListeners]) l(c);
  };
  unsubscribe = bridge ? bridge.on(dispatch) : http!.on(dispatch, setStatus);
}

/** Subscribes to engine events (job progress, data.changed, settings.changed). */
export function on(listener: Listener): () => void {
  listeners.add(listener);
  ensureSubscribed();
  return () => {
    listeners.delete(listener);
  };
}

/** Whether the event stream to the engine is up (always true on desktop). */
export function onConnection(listener: (connected: boolean) => void): () => void {
  statusListeners.add(listener);
  ensureSubscribed();
  listener(connected);
  return () => {
    statusListeners.delete(listener);
  };
}

/** URL of a download path given by the engine (it may carry its own query), with the token; null on desktop. */
export function downloadUrl(path: string): string | null {
  if (!http) return null;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(http.authToken ?? '')}`;
}

/**
 * Desktop-only shell actions (native dialogs, revealing a file) are served by the desktop shell, not the engine,
 * so they are not part of the typed contract; an older shell answers UNKNOWN_METHOD and the UI falls back.
 */
export async function desktopCall(method: string, input: unknown): Promise<Result<unknown>> {
  if (!bridge) return { ok: false, error: { code: 'UNAVAILABLE', message: 'only in the desktop app' } };
  return bridge.call(method, input);
}

/** Desktop: the paths of files dropped on the window, checked and granted by the shell (no copy is made). */
export async function droppedPaths(files: File[]): Promise<Result<{ paths: string[] }>> {
  if (!bridge?.dropped) return { ok: false, error: { code: 'UNAVAILABLE', message: 'only in the desktop app' } };
  return bridge.dropped(files);
}

/** Browser mode: sends a chosen file to the loopback host, which keeps it in a private upload folder. */
export async function uploadFile(file: File): Promise<Result<{ path: string }>> {
  if (!http) return { ok: false, error: { code: 'UNAVAILABLE', message: 'uploads are for browser mode' } };
  return http.upload(UPLOAD_ROUTE, file);
}

export async function showInFolder(path: string): Promise<boolean> {
  const r = await desktopCall('desktop.showInFolder', { path });
  return r.ok;
}
