// Browser-mode file upload: a page cannot hand the engine a file path, so "Import files" first POSTs each chosen
// file's bytes to the loopback host (token required like every /api/ path), which keeps them in a private
// uploads folder beside the database and answers the path to give import.run (deleted again once that import has ended).
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import type { HttpHost } from './httpHost';
import { uploadDir } from './pathPolicy';

export const UPLOAD_ROUTE = '/api/import/upload';
const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

/** A safe file name: letters, digits, dot, dash, underscore; the extension (which selects the reader) is kept. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '_').replace(/^\.+/, '').slice(-120);
  return clean || 'upload';
}

export { uploadDir };

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Adds the upload route to a running host (the host checks the token and Origin before calling it). */
export function registerUploadRoute(host: Pick<HttpHost, 'routes'>, engine: Engine, maxBytes = DEFAULT_MAX_BYTES): void {
  host.routes.set(UPLOAD_ROUTE, (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return answer(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'use POST' } });
    const name = url.searchParams.get('name');
    if (!name) return answer(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'the file name is missing (?name=...)' } });
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBytes) return answer(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: `the file is larger than ${maxBytes} bytes` } });
    const dir = join(uploadDir(engine), randomBytes(9).toString('base64url'));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, safeUploadName(name));
    const out = createWriteStream(path, { flags: 'wx' });
    let size = 0;
    let failed = false;
    const fail = (status: number, code: string, message: string) => {
      if (failed) return;
      failed = true;
      req.unpipe(out);
      out.destroy();
      rmSync(dir, { recursive: true, force: true });
      if (!res.headersSent) answer(res, status, { ok: false, error: { code, message } });
      req.resume();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(413, 'BAD_INPUT', `the file is larger than ${maxBytes} bytes`);
    });
    req.on('error', () => fail(400, 'IO', 'the upload was interrupted'));
    out.on('error', (err) => fail(500, 'IO', `the file could not be stored: ${err.message}`));
    out.on('finish', () => {
      if (!failed) answer(res, 200, { ok: true, value: { path, bytes: size } });
    });
    req.pipe(out);
  });
}
