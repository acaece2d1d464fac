// The browser-mode upload route on a real loopback host: token required, bytes stored under a safe name in the
// uploads folder, oversize bodies refused and nothing left behind.
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher';
import { startHttpHost, type HttpHost } from './httpHost';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { registerUploadRoute, safeUploadName, UPLOAD_ROUTE, uploadDir } from './uploadRoute';

let t: TestEngine;
let host: HttpHost;
beforeAll(async () => {
  t = await openTestEngine();
  host = await startHttpHost({ engine: t.engine, dispatcher: createDispatcher(t.engine), staticDir: null });
  registerUploadRoute(host, t.engine, 1024);
});
afterAll(async () => {
  await host.close();
  t.close();
});

const post = (name: string, body: string | Uint8Array, token: string | null = host.token) =>
  fetch(`http://127.0.0.1:${host.port}${UPLOAD_ROUTE}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    body,
  });

describe('upload route', () => {
  it('refuses a call without the token', async () => {
    const res = await post('sales.csv', 'a,b\n', null);
    expect(res.status).toBe(401);
  });

  it('stores the bytes under a safe name in the uploads folder and answers the path', async () => {
    const csv = 'sale_id,total_amount\ns1,10.00\n';
    const res = await post('../../Vendas de março.csv', csv);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { path: string; bytes: number } };
    expect(body.ok).toBe(true);
    expect(body.value.bytes).toBe(csv.length);
    expect(dirname(dirname(body.value.path))).toBe(uploadDir(t.engine));
    expect(body.value.path.endsWith('.csv')).toBe(true);
    expect(readFileSync(body.value.path, 'utf8')).toBe(csv);
  });

  it('refuses a body over the limit and keeps nothing of it', async () => {
    const res = await post('big.csv', new Uint8Array(4096));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(body.error.code).toBe('BAD_INPUT');
  });

  it('makes names safe', () => {
    expect(safeUploadName('C:\\Users\\ana\\vendas.csv')).toBe('vendas.csv');
    expect(safeUploadName('../..')).toBe('upload');
    expect(safeUploadName('relatório final.xlsx')).toBe('relatorio_final.xlsx');
    expect(existsSync(uploadDir(t.engine))).toBe(true);
  });
});
