// The runner's HTTP client for one source: per-request timeout, retries with exponential backoff and full jitter,
// Retry-After, a per-source rate limit, credentials on every request and one OAuth refresh on a rejected token.
// Error messages name the source and the path, never a query string, header or credential.
import { AppError } from '../store/errors';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** Path under the base URL (query strings go in `query`). */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Send the source's credentials (default true). */
  auth?: boolean;
  /** Non-2xx statuses returned to the caller instead of thrown (e.g. PostgREST's 416). */
  accept?: number[];
  /** False for requests that must not be sent twice (a rotating-token grant): retried only when never sent. */
  idempotent?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** What the runner plugs in for credentials: headers/query per request, and a refresh after a 401. */
export interface AuthApplier {
  apply(): Promise<{ headers: Record<string, string>; query: Record<string, string>; token: string | null }>;
  /** Called once per rejected token; returns true when a new token is available to retry with. */
  onRejected(token: string | null): Promise<boolean>;
}

export interface HttpPolicy {
  sourceName: string;
  baseUrl: string;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this fails the source instead of stalling the sync. */
  maxRetryAfterMs: number;
  ratePerSec: number | null;
  maxBodyBytes: number;
  signal: AbortSignal;
  auth: AuthApplier | null;
  errorMessage(body: unknown): string | null;
  redact(text: string): string;
  /** Called with every retry's reason (for progress, never with secrets). */
  onRetry?(reason: string, waitMs: number): void;
}

export interface HttpStats {
  requests: number;
  retries: number;
  rateLimited: number;
}

/** Spaces requests at most `rate` per second (a request waits for its slot). */
export class RateLimiter {
  private next = 0;
  constructor(private readonly ratePerSec: number | null) {}
  async take(signal: AbortSignal): Promise<void> {
    if (!this.ratePerSec) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.ratePerSec;
    if (at > now) await sleep(at - now, signal);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('CANCELLED', 'cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new AppError('CANCELLED', 'cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

function networkCode(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+|^UND_ERR/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

type Attempt = { kind: 'ok'; res: HttpResponse } | { kind: 'retry'; reason: string; waitMs: number | null; sent: boolean; error: AppError };

export class SourceHttp {
  readonly stats: HttpStats = { requests: 0, retries: 0, rateLimited: 0 };
  private readonly limiter: RateLimiter;

  constructor(readonly policy: HttpPolicy) {
    this.limiter = new RateLimiter(policy.ratePerSec);
  }

  url(path: string, query: Record<string, string | number | boolean | null | undefined> = {}): URL {
    const base = this.policy.baseUrl.replace(/\/+$/, '');
    const u = new URL(base + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) u.searchParams.set(k, String(v));
    return u;
  }

  private backoff(attempt: number): number {
    const cap = Math.min(this.policy.retryMaxMs, this.policy.retryBaseMs * 2 ** attempt);
    return Math.round(cap / 2 + (Math.random() * cap) / 2);
  }

  async request<T = unknown>(opts: RequestOptions): Promise<HttpResponse<T>> {
    const p = this.policy;
    const where = `${p.sourceName} ${opts.method ?? 'GET'} ${opts.path.split('?')[0]}`;
    let refreshed = false;
    let rateLimitedTimes = 0;
    for (let attempt = 0; ; attempt++) {
      if (p.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      const a = await this.once(opts, where);
      if (a.kind === 'ok') {
        if ((a.res.status === 401 || a.res.status === 403) && opts.auth !== false && p.auth && !refreshed && !opts.accept?.includes(a.res.status)) {
          refreshed = true;
          if (await p.auth.onRejected(a.token ?? null)) {
            attempt--;
            continue;
          }
        }
        return this.finish<T>(a.res, opts, where);
      }
      if (opts.idempotent === false && a.sent) throw a.error;
      if (a.reason === 'rate limited') rateLimitedTimes++;
      const budget = a.reason === 'rate limited' ? p.maxAttempts * 2 : p.maxAttempts;
      if ((a.reason === 'rate limited' ? rateLimitedTimes : attempt + 1) >= budget) throw a.error;
      const wait = a.waitMs ?? this.backoff(attempt);
      if (wait > p.maxRetryAfterMs) throw new AppError('SOURCE', `${p.sourceName} asked to wait ${Math.ceil(wait / 60000)} min before the next request; try again later`, { retryAfterMs: wait });
      this.stats.retries++;
      p.onRetry?.(a.reason, wait);
      await sleep(wait, p.signal);
    }
  }

  private finish<T>(res: HttpResponse, opts: RequestOptions, where: string): HttpResponse<T> {
    const p = this.policy;
    if ((res.status >= 200 && res.status < 300) || opts.accept?.includes(res.status)) return res as HttpResponse<T>;
    const detail = p.redact(p.errorMessage(res.body) ?? '').slice(0, 300);
    if (res.status === 401 || res.status === 403) {
      throw new AppError('UNAUTHORIZED', `${p.sourceName} refused the credentials (HTTP ${res.status})${detail ? `: ${detail}` : ''}; check them in the source settings`, { status: res.status });
    }
    if (res.status >= 300 && res.status < 400) throw new AppError('SOURCE', `${where} answered with a redirect (HTTP ${res.status}), which Painel does not follow; check the base URL`, { status: res.status });
    throw new AppError('SOURCE', `${where} failed with HTTP ${res.status}${detail ? `: ${detail}` : ''}`, { status: res.status });
  }

  private async once(opts: RequestOptions, where: string): Promise<Attempt & { token?: string | null }> {
    const p = this.policy;
    await this.limiter.take(p.signal);
    const auth = opts.auth !== false && p.auth ? await p.auth.apply() : { headers: {}, query: {}, token: null };
    const url = this.url(opts.path, { ...(opts.query ?? {}), ...auth.query });
    const headers: Record<string, string> = { Accept: 'application/json', ...auth.headers, ...(opts.headers ?? {}) };
    let body: string | undefined;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['Content-Type'] = 'application/json';
    } else if (opts.form) {
      body = new URLSearchParams(opts.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const timeout = AbortSignal.timeout(p.timeoutMs);
    const signal = AbortSignal.any([p.signal, timeout]);
    this.stats.requests++;
    let res: Response;
    try {
      res = await fetch(url, { method: opts.method ?? 'GET', headers, body, signal, redirect: 'manual' });
    } catch (err) {
      if (p.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      if (timeout.aborted) return { kind: 'retry', reason: 'timeout', waitMs: null, sent: true, error: new AppError('UNAVAILABLE', `${where} did not answer within ${p.timeoutMs / 1000} s`, { timeout: true }) };
      const code = networkCode(err);
      const offline = code !== null && OFFLINE_CODES.has(code);
      const sent = !(code === 'ECONNREFUSED' || offline);
      const msg = offline ? `no connection: ${url.host} could not be reached (${code})` : `${p.sourceName} could not be reached at ${url.host}${code ? ` (${code})` : ''}`;
      return { kind: 'retry', reason: code ?? 'network error', waitMs: null, sent, error: new AppError('UNAVAILABLE', msg, { offline, code }) };
    }
    let text: string;
    try {
      const len = Number(res.headers.get('content-length') ?? '0');
      if (len > p.maxBodyBytes) throw new AppError('SOURCE', `${where} sent ${Math.round(len / 1e6)} MB in one response, more than the ${Math.round(p.maxBodyBytes / 1e6)} MB limit`);
      text = await readCapped(res, p.maxBodyBytes, where);
    } catch (err) {
      if (err instanceof AppError && err.code === 'SOURCE') throw err;
      if (p.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      const msg = timeout.aborted ? `${where} did not finish its answer within ${p.timeoutMs / 1000} s` : `${where} broke off its answer`;
      return { kind: 'retry', reason: timeout.aborted ? 'timeout' : 'broken answer', waitMs: null, sent: true, error: new AppError('UNAVAILABLE', msg) };
    }
    let parsed: unknown = null;
    const looksJson = text.length > 0;
    if (looksJson) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (res.status >= 200 && res.status < 300) {
          return { kind: 'retry', reason: 'malformed JSON', waitMs: null, sent: true, error: new AppError('SOURCE', `${where} answered with something that is not JSON (${text.length} bytes)`) };
        }
        parsed = null;
      }
    }
    if (res.status === 429) {
      this.stats.rateLimited++;
      const wait = retryAfterMs(res.headers.get('retry-after'));
      return { kind: 'retry', reason: 'rate limited', waitMs: wait, sent: true, error: new AppError('SOURCE', `${p.sourceName} kept refusing requests as too many (HTTP 429)`, { status: 429 }) };
    }
    if (res.status >= 500) {
      const detail = p.redact(p.errorMessage(parsed) ?? '').slice(0, 200);
      return { kind: 'retry', reason: `HTTP ${res.status}`, waitMs: retryAfterMs(res.headers.get('retry-after')), sent: true, error: new AppError('SOURCE', `${where} failed with HTTP ${res.status}${detail ? `: ${detail}` : ''}`, { status: res.status }) };
    }
    return { kind: 'ok', res: { status: res.status, headers: res.headers, body: parsed }, token: auth.token };
  }
}

async function readCapped(res: Response, cap: number, where: string): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > cap) throw new AppError('SOURCE', `${where} sent more than ${Math.round(cap / 1e6)} MB in one response`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
