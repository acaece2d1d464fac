// The loopback HTTP host for browser mode and end-to-end tests: 127.0.0.1 only, a per-launch token on every
// API call, Host/Origin checks against DNS rebinding, the built renderer as static files, and job events as SSE.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { encodeWire } from '../../shared/wire';
import type { Result } from '../../shared/errors';
import type { Dispatcher } from './dispatcher';
import type { Engine } from '../engine/engine';

export interface HttpHostOptions {
  engine: Engine;
  dispatcher: Dispatcher;
  /** 0 picks a free port. */
  port?: number;
  /** Only loopback addresses are accepted. */
  host?: string;
  /** Folder of the built renderer (index.html); absent = API only. */
  staticDir?: string | null;
  /** Fixed token (tests); default a fresh random one. */
  token?: string;
  /**
   * The door for this machine's own commands (the CLI, through the runtime file): calls with this token go to this
   * dispatcher (transport 'local'), calls with `token` to `dispatcher` (the browser page's).
   */
  local?: { token: string; dispatcher: Dispatcher };
  maxBodyBytes?: number;
}

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to servers. */
  url: string;
  /** Extra GET routes (downloads) registered by other modules. */
  routes: Map<string, (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const STATUS: Record<string, number> = {
  BAD_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  NOT_READY: 409,
  CANCELLED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : (STATUS[result.error.code] ?? 500);
  const { contentType, body } = encodeWire(result);
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function fail(res: ServerResponse, code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'BAD_INPUT' | 'NOT_FOUND', message: string, status?: number): void {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  res.writeHead(status ?? STATUS[code] ?? 400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

/** The request body as text; a body over the limit stops being read (BodyTooLarge), declared or not. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return reject(new BodyTooLarge());
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (size > max) return;
      size += c.length;
      if (size > max) return reject(new BodyTooLarge());
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** 413 with a JSON error; the connection closes after the answer, so the rest of the body is never read. */
function tooLarge(res: ServerResponse, max: number): void {
  const body = JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: `the request body is larger than ${max} bytes` } });
  res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(body);
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`refusing to listen on ${host}: the Painel host binds to loopback only`);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 10 * 1024 * 1024;
  const staticRoot = opts.staticDir && existsSync(join(opts.staticDir, 'index.html')) ? resolve(opts.staticDir) : null;
  const routes: HttpHost['routes'] = new Map();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);

  const serveStatic = (res: ServerResponse, pathname: string) => {
    if (!staticRoot) return fail(res, 'NOT_FOUND', 'the renderer is not built: run npm run build', 404);
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    } catch {
      return fail(res, 'BAD_INPUT', 'bad path');
    }
    let file = resolve(staticRoot, rel);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return fail(res, 'FORBIDDEN', 'path outside the app');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CSP;
      headers['Cache-Control'] = 'no-store';
      headers['X-Frame-Options'] = 'DENY';
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  };

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host header.
      if (!allowedHosts().has(req.headers.host ?? '')) return fail(res, 'FORBIDDEN', 'foreign Host header', 421);
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return fail(res, 'FORBIDDEN', 'foreign Origin');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const isApi = url.pathname.startsWith('/api/');
      if (!isApi && !routes.has(url.pathname)) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'BAD_INPUT', 'method not allowed', 405);
        return serveStatic(res, url.pathname);
      }
      const auth = req.headers.authorization;
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? undefined);
      const fromLocal = opts.local !== undefined && tokenMatches(given, opts.local.token);
      if (!fromLocal && !tokenMatches(given, token)) return fail(res, 'UNAUTHORIZED', 'missing or wrong token');
      const dispatcher = fromLocal && opts.local ? opts.local.dispatcher : opts.dispatcher;
      const route = routes.get(url.pathname);
      if (route) return await route(req, res, url);
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return fail(res, 'BAD_INPUT', 'use GET', 405);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        const off = opts.engine.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
        const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
        req.on('close', () => {
          off();
          clearInterval(ping);
        });
        return;
      }
      if (req.method !== 'POST') return fail(res, 'BAD_INPUT', 'use POST', 405);
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return fail(res, 'BAD_INPUT', 'the method name is not valid URL encoding');
      }
      let input: unknown = {};
      let text: string;
      try {
        text = await readBody(req, maxBody);
      } catch (err) {
        if (err instanceof BodyTooLarge) return tooLarge(res, maxBody);
        throw err;
      }
      if (text.trim()) {
        try {
          input = JSON.parse(text);
        } catch {
          return sendResult(res, { ok: false, error: { code: 'BAD_INPUT', message: 'the request body is not valid JSON' } });
        }
      }
      sendResult(res, await dispatcher.call(method, input));
    } catch (err) {
      if (!res.headersSent) sendResult(res, { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } });
      else res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    routes,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
