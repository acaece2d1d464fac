// Browser-mode transport: contract calls as POST /api/<method> and events as an SSE stream read with fetch
// (EventSource cannot send the Authorization header), both carrying the per-launch token.
import { decodeFrame, FRAME_CONTENT_TYPE } from '../../../shared/wire';
import type { Result } from '../../../shared/errors';
import type { PainelEvent } from '../../../shared/events';

const TOKEN_KEY = 'painel.token';

/** Reads the token from the URL fragment once, keeps it for this tab, and removes it from the address bar. */
export function takeToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    const rest = location.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&/, '#');
    history.replaceState(null, '', location.pathname + location.search + (rest === '#' ? '' : rest));
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export class HttpTransport {
  constructor(private readonly token: string | null) {}

  get authToken(): string | null {
    return this.token;
  }

  async call(method: string, input: unknown, signal?: AbortSignal): Promise<Result<unknown>> {
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token ?? ''}` },
        body: JSON.stringify(input ?? {}),
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'the Painel engine cannot be reached' } };
    }
    const type = res.headers.get('Content-Type') ?? '';
    if (type.startsWith(FRAME_CONTENT_TYPE)) return decodeFrame(new Uint8Array(await res.arrayBuffer())) as Result<unknown>;
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `unexpected answer (HTTP ${res.status})` } };
    }
  }

  /** Sends a file as the raw request body; the answer is a Result like any call. */
  async upload(route: string, file: File): Promise<Result<{ path: string }>> {
    let res: Response;
    try {
      res = await fetch(`${route}?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${this.token ?? ''}` },
        body: file,
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'the Painel engine cannot be reached' } };
    }
    try {
      const body = (await res.json()) as Result<{ path: string }>;
      if (!body.ok && res.status === 404 && body.error.code === 'NOT_FOUND') return { ok: false, error: { code: 'NOT_READY', message: 'this engine cannot receive uploaded files yet' } };
      return body;
    } catch {
      return { ok: false, error: { code: 'NOT_READY', message: 'this engine cannot receive uploaded files yet' } };
    }
  }

  /** Subscribes to engine events; reconnects with backoff until unsubscribed. */
  on(listener: (e: PainelEvent) => void, onStatus?: (connected: boolean) => void): () => void {
    let stopped = false;
    let ctrl: AbortController | null = null;
    let delay = 500;
    const loop = async () => {
      while (!stopped) {
        ctrl = new AbortController();
        try {
          const res = await fetch('/api/events', { headers: { Authorization: `Bearer ${this.token ?? ''}` }, signal: ctrl.signal });
          if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
          onStatus?.(true);
          delay = 500;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buf = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += value;
            let cut: number;
            while ((cut = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, cut);
              buf = buf.slice(cut + 2);
              const data = block
                .split('\n')
                .filter((l) => l.startsWith('data:'))
                .map((l) => l.slice(5).trimStart())
                .join('\n');
              if (!data) continue;
              try {
                listener(JSON.parse(data) as PainelEvent);
              } catch {
                // a malformed event is dropped; the stream goes on
              }
            }
          }
        } catch {
          // network drop or server restart: retry below
        }
        if (stopped) break;
        onStatus?.(false);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    };
    void loop();
    return () => {
      stopped = true;
      ctrl?.abort();
    };
  }
}
