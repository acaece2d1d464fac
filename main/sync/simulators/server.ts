// The loopback HTTP server every simulator runs on (127.0.0.1 only): routing, fault switches (latency, 429 with
// Retry-After, 5xx bursts, hangs, cut-off JSON, a source that is down), request counts, and /__sim control routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimFaults {
  latencyMs: number;
  /** Every Nth request answers 429 with Retry-After (0 = never). */
  rateLimitEvery: number;
  /** The next N requests answer 429 with Retry-After. */
  rateLimited: number;
  retryAfterSec: number;
  /** The next N requests answer 503. */
  errors5xx: number;
  /** The next N requests never answer (the client's timeout must fire). */
  hangs: number;
  /** The next N JSON answers with data are cut in the middle (token answers are spared: see tokens.ts). */
  malformed: number;
  /** The next request for a later page first changes a record of an earlier page (the pages shift). */
  shiftNextPage: boolean;
  /** The access token expires after this many more authorized requests (OAuth sources). */
  expireTokenAfter: number | null;
  /** Canonical ids of records served with broken fields. */
  badRecords: string[];
  /** Every request answers 503: the source is down. */
  down: boolean;
}

export const NO_FAULTS: SimFaults = {
  latencyMs: 0,
  rateLimitEvery: 0,
  rateLimited: 0,
  retryAfterSec: 1,
  errors5xx: 0,
  hangs: 0,
  malformed: 0,
  shiftNextPage: false,
  expireTokenAfter: null,
  badRecords: [],
  down: false,
};

export interface SimStats {
  requests: number;
  byRoute: Record<string, number>;
  served429: number;
  served5xx: number;
  hung: number;
  malformed: number;
  shifted: number;
  tokenGrants: number;
  rejectedTokens: number;
}

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON or form body. */
  body: unknown;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export type SimHandler = (req: SimRequest) => Promise<SimResponse> | SimResponse;

export interface SimRoute {
  method: 'GET' | 'POST';
  /** Path pattern with :params, e.g. /orders/:id/refunds. */
  pattern: string;
  handler: SimHandler;
}

export interface SimServerOptions {
  name: string;
  /** Prefix every route lives under, e.g. /wp-json/wc/v3 (the base URL the connector uses). */
  basePath: string;
  routes: SimRoute[];
  /** The source's error envelope. */
  errorBody(status: number, message: string, code: string): unknown;
  /** Extra control operations (mutations) for /__sim/mutate. */
  control?(op: Record<string, unknown>): Promise<unknown>;
}

function compile(pattern: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:([a-zA-Z]+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  return { re, names };
}

export class SimServer {
  faults: SimFaults = { ...NO_FAULTS, badRecords: [] };
  stats: SimStats = { requests: 0, byRoute: {}, served429: 0, served5xx: 0, hung: 0, malformed: 0, shifted: 0, tokenGrants: 0, rejectedTokens: 0 };
  private server: Server | null = null;
  private readonly compiled: { route: SimRoute; re: RegExp; names: string[] }[];
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  constructor(readonly opts: SimServerOptions) {
    this.compiled = opts.routes.map((route) => ({ route, ...compile(route.pattern) }));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}${this.opts.basePath}`;
  }

  setFaults(patch: Partial<SimFaults>): void {
    this.faults = { ...this.faults, ...patch };
  }

  private listServed = new Map<string, number>();

  /**
   * Called by a list handler before it reads: true once, on the second list request of that endpoint after
   * shiftNextPage was set — the handler then changes a record the client already read, so later pages shift.
   */
  shiftPoint(endpoint: string): boolean {
    if (!this.faults.shiftNextPage) {
      this.listServed.clear();
      return false;
    }
    const n = (this.listServed.get(endpoint) ?? 0) + 1;
    this.listServed.set(endpoint, n);
    if (n < 2) return false;
    this.faults.shiftNextPage = false;
    this.listServed.clear();
    this.stats.shifted++;
    return true;
  }

  isBad(id: string): boolean {
    return this.faults.badRecords.includes(id);
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.hanging.clear();
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, cut = false): void {
    let text = typeof body === 'string' ? body : JSON.stringify(body);
    if (cut) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  private async readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return null;
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await this.readBody(req);
    if (url.pathname.startsWith('/__sim/')) return this.control(url.pathname, body, res);
    const f = this.faults;
    this.stats.requests++;
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.down) return this.send(res, 503, this.opts.errorBody(503, 'service unavailable', 'unavailable'));
    if (f.hangs > 0) {
      f.hangs--;
      this.stats.hung++;
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (f.errors5xx > 0) {
      f.errors5xx--;
      this.stats.served5xx++;
      return this.send(res, 503, this.opts.errorBody(503, 'temporarily unavailable', 'server_error'));
    }
    if (f.rateLimited > 0 || (f.rateLimitEvery > 0 && this.stats.requests % f.rateLimitEvery === 0)) {
      if (f.rateLimited > 0) f.rateLimited--;
      this.stats.served429++;
      return this.send(res, 429, this.opts.errorBody(429, 'too many requests', 'rate_limited'), { 'Retry-After': String(f.retryAfterSec) });
    }
    const rel = url.pathname.startsWith(this.opts.basePath) ? url.pathname.slice(this.opts.basePath.length) || '/' : null;
    const match = rel === null ? null : this.compiled.find((c) => c.route.method === req.method && c.re.test(rel));
    if (!match || rel === null) return this.send(res, 404, this.opts.errorBody(404, `no route ${req.method} ${url.pathname}`, 'not_found'));
    const m = match.re.exec(rel)!;
    const params: Record<string, string> = {};
    match.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
    this.stats.byRoute[match.route.pattern] = (this.stats.byRoute[match.route.pattern] ?? 0) + 1;
    try {
      const out = await match.route.handler({ method: req.method ?? 'GET', path: rel, params, query: url.searchParams, headers: req.headers, body });
      const status = out.status ?? 200;
      const cut = status < 300 && f.malformed > 0 && !match.route.pattern.includes('oauth');
      if (cut) {
        f.malformed--;
        this.stats.malformed++;
      }
      this.send(res, status, out.body, out.headers, cut);
    } catch (err) {
      this.send(res, 500, this.opts.errorBody(500, err instanceof Error ? err.message : String(err), 'internal'));
    }
  }

  private async control(path: string, body: unknown, res: ServerResponse): Promise<void> {
    try {
      if (path === '/__sim/faults') {
        if (body && typeof body === 'object') this.setFaults(body as Partial<SimFaults>);
        return this.send(res, 200, this.faults);
      }
      if (path === '/__sim/stats') return this.send(res, 200, this.stats);
      if (path === '/__sim/mutate' && this.opts.control) return this.send(res, 200, { ok: true, result: await this.opts.control((body ?? {}) as Record<string, unknown>) });
      this.send(res, 404, { error: 'unknown control route' });
    } catch (err) {
      this.send(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

/** Bearer token of a request, or null. */
export function bearer(req: SimRequest): string | null {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : null;
}
