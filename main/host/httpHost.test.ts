// The loopback HTTP host: token, Host and Origin checks, loopback-only bind, binary frames and SSE job events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { startHttpHost, type HttpHost } from './httpHost';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { decodeFrame, FRAME_CONTENT_TYPE } from '../../shared/wire';

let t: TestEngine;
let host: HttpHost;

beforeAll(async () => {
  t = await openTestEngine();
  await t.engine.db.run(`INSERT INTO customers (customer_id, name, city) SELECT 'c' || i, 'Cliente ' || i, CASE WHEN i % 2 = 0 THEN 'Recife' ELSE 'São Paulo' END FROM range(50) t(i)`);
  const web = join(t.dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Painel</title>');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  host = await startHttpHost({ engine: t.engine, dispatcher: t.dispatcher, staticDir: web });
});
afterAll(async () => {
  await host.close();
  t.close();
});

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, bad) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', bad);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, ...headers }, body: JSON.stringify(input) });

describe('http host', () => {
  it('refuses calls without the token or with a wrong one', async () => {
    const none = await fetch(`http://127.0.0.1:${host.port}/api/app.info`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${host.port}/api/app.info`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('answers with the token', async () => {
    const r = await api('app.info', {});
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; value: { tables: { name: string; rows: number }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.tables.find((x) => x.name === 'customers')?.rows).toBe(50);
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await raw('/api/app.info', { method: 'POST', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}` }, body: '{}' });
    expect(rebound.status).toBe(421);
    const page = await raw('/', { headers: { Host: 'attacker.test' } });
    expect(page.status).toBe(421);
    const origin = await api('app.info', {}, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
  });

  it('cannot bind to a non-loopback address', async () => {
    await expect(startHttpHost({ engine: t.engine, dispatcher: t.dispatcher, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startHttpHost({ engine: t.engine, dispatcher: t.dispatcher, host: '192.168.0.10' })).rejects.toThrow(/loopback/);
    const addr = host.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('sends table pages as a binary frame holding Arrow bytes', async () => {
    const r = await api('query.page', { table: 'customers', limit: 5, sort: [{ column: 'customer_id', desc: true }], search: 'recife' });
    expect(r.headers.get('content-type')).toBe(FRAME_CONTENT_TYPE);
    const body = decodeFrame(new Uint8Array(await r.arrayBuffer())) as { ok: true; value: { arrow: Uint8Array; total: number } };
    expect(body.value.total).toBe(25);
    const rows = tableFromIPC(body.value.arrow).toArray();
    expect(rows).toHaveLength(5);
    expect(rows.every((x) => x.city === 'Recife')).toBe(true);
  });

  it('maps bad input and unknown methods to 400 and 404 with error values', async () => {
    const bad = await api('query.page', { table: 'customers', sort: [{ column: 'x; DROP TABLE customers' }] });
    expect(bad.status).toBe(400);
    const unknown = await api('nope.nope', {});
    expect(unknown.status).toBe(404);
    const notJson = await fetch(`http://127.0.0.1:${host.port}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('serves the app with a CSP and never files outside it', async () => {
    const index = await raw('/', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("default-src 'self'");
    const escape = await raw('/../secret.txt', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(escape.body.toString()).not.toContain('do not serve');
    const encoded = await raw('/%2e%2e/secret.txt', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(encoded.body.toString()).not.toContain('do not serve');
  });

  it('pushes job events over SSE', async () => {
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events`, { headers: { Authorization: `Bearer ${host.token}` }, signal: ac.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const job = t.engine.jobs.start('identity', { 'pt-BR': 'Teste de SSE', en: 'SSE check' }, async (j) => {
      j.progress({ done: 1, total: 1, phase: 'work' });
      return { linkedCustomers: 7, groups: 0 };
    });
    let text = '';
    while (!text.includes('"state":"done"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    expect(text).toContain(job.id);
    expect(text).toContain('"result":{"linkedCustomers":7,"groups":0}');
  });
});
