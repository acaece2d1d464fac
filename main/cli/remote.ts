// The CLI's client for an engine already running on the database (desktop app or browser mode): contract calls
// over loopback HTTP with the runtime file's token, and job events from the host's event stream.
import type { Result } from '../../shared/errors';
import type { PainelEvent } from '../../shared/events';
import { decodeFrame, FRAME_CONTENT_TYPE } from '../../shared/wire';
import type { RuntimeInfo } from '../host/runtimeFile';

export interface RemoteEngine {
  info: RuntimeInfo;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Listens to the engine's events until the returned function is called. */
  onEvent(listener: (e: PainelEvent) => void): Promise<() => void>;
}

export function remoteEngine(info: RuntimeInfo): RemoteEngine {
  const base = `http://127.0.0.1:${info.port}`;
  const headers = { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json' };
  return {
    info,
    async call(method, input) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      } catch (err) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `the running Painel (${info.mode}) stopped answering: ${err instanceof Error ? err.message : String(err)}` } };
      }
      if (res.headers.get('content-type')?.startsWith(FRAME_CONTENT_TYPE)) return decodeFrame(new Uint8Array(await res.arrayBuffer())) as Result<unknown>;
      return (await res.json()) as Result<unknown>;
    },
    async onEvent(listener) {
      const abort = new AbortController();
      const res = await fetch(`${base}/api/events`, { headers: { Authorization: headers.Authorization }, signal: abort.signal });
      if (!res.ok || !res.body) throw new Error(`the running Painel refused its event stream (${res.status})`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buf = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buf += value;
            let end: number;
            while ((end = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, end);
              buf = buf.slice(end + 2);
              for (const line of block.split('\n')) if (line.startsWith('data: ')) listener(JSON.parse(line.slice(6)) as PainelEvent);
            }
          }
        } catch {
          // the stream ends when we stop listening or the engine goes away; waiting for the job reports that
        }
      })();
      return () => abort.abort();
    },
  };
}
