// Browser-mode downloads: one GET route on the loopback host (token required, like every /api/ path) streams
// the files exports registered (export/downloads.ts). Only files an export wrote can be served.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Engine } from '../engine/engine';
import type { HttpHost } from './httpHost';
import { DOWNLOAD_ROUTE, downloadOf } from '../export/downloads';

const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.parquet': 'application/vnd.apache.parquet',
};

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Adds the download route to a running host (the host checks the token before calling it). */
export function registerDownloadRoutes(host: Pick<HttpHost, 'routes'>, engine: Engine): void {
  host.routes.set(DOWNLOAD_ROUTE, (req, res, url) => {
    const send = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ ok: false, error: { code, message } }));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'BAD_INPUT', 'use GET');
    const entry = downloadOf(engine, url.searchParams.get('id') ?? '');
    if (!entry || !existsSync(entry.path) || !statSync(entry.path).isFile()) return send(404, 'NOT_FOUND', 'no such export (it may have been moved or deleted)');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(entry.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(statSync(entry.path).size),
      'Content-Disposition': contentDisposition(entry.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(entry.path).pipe(res);
  });
}
