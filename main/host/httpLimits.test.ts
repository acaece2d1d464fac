// The loopback host answers bad requests as bad requests: 413 for a body over the limit, 400 for a method name
// that is not one, 400 for a filter value no column can hold — never a reset connection or a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startHttpHost, type HttpHost } from './httpHost';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { createDispatcher } from './dispatcher';
import { contract } from '../../shared/api/index';

let t: TestEngine;
let host: HttpHost;

beforeAll(async () => {
  t = await openTestEngine();
  await t.engine.db.run(`INSERT INTO customers (customer_id, name, city) SELECT 'c' || i, 'Cliente ' || i, 'Recife' FROM range(5) t(i)`);
  host = await startHttpHost({ engine: t.engine, dispatcher: createDispatcher(t.engine, { transport: 'browser' }), staticDir: null, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await host.close();
  await t.close();
});

function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, bad) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { Authorization: `Bearer ${host.token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The host may close the connection before the whole body is sent; the answer is what counts.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : bad(err)));
    req.end(body);
  });
}

describe('http host limits', () => {
  it('answers 413 for a body over the limit, declared or streamed', async () => {
    const big = Buffer.alloc(200 * 1024, 0x20);
    const declared = await post('/api/app.info', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/larger than/);
    const chunked = await post('/api/app.info', big, { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    // The host keeps serving.
    expect((await post('/api/app.info', '{}')).status).toBe(200);
  });

  it('answers 400 for a malformed method name and 404 for an unknown one', async () => {
    for (const bad of ['%E0%A4%A', 'app.info%00', '..%2F..%2Fetc', 'app.__proto__x', '%20']) {
      const r = await post(`/api/${bad}`, '{}');
      expect(r.status, bad).toBe(400);
      expect(JSON.parse(r.body).error.code).toBe('BAD_INPUT');
    }
    expect((await post('/api/app.nothing', '{}')).status).toBe(404);
    // Every real method name passes the name check.
    for (const m of Object.keys(contract)) expect(m).toMatch(/^[a-z]+\.[A-Za-z0-9]+$/);
  });

  it('answers 400 for a filter value no column can hold', async () => {
    for (const value of [1e308, -1e308, 2 ** 64, 1.5e300]) {
      const r = await post('/api/query.page', JSON.stringify({ table: 'customers', limit: 10, filters: [{ column: 'customer_id', op: 'eq', value }] }));
      expect(r.status, String(value)).toBe(400);
    }
    const num = await post('/api/query.page', JSON.stringify({ table: 'sales', limit: 10, filters: [{ column: 'occurred_at', op: 'gt', value: 1e308 }] }));
    expect(num.status).toBe(400);
    expect(JSON.parse(num.body).error.code).toBe('BAD_INPUT');
  });
});
