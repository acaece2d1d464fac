// What each transport may name: the desktop window only dialog-chosen paths (and the exports folder), a browser page
// only its uploads (deleted once imported) and the exports folder, local commands anything; and the desktop app's
// door through which local commands reach its engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobSnapshot } from '../../shared/events';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { exportsDir } from '../export/exportJob';
import { runCli } from '../cli/painel';
import { publishForCommands } from './commandDoor';
import { createDispatcher } from './dispatcher';
import { uploadDir } from './pathPolicy';
import { runtimeFilePath } from './runtimeFile';

let t: TestEngine;
let outside: string;
const CSV = 'customer_id,name,city\nc1,Ana,Recife\nc2,Bia,Olinda\n';

beforeAll(async () => {
  t = await openTestEngine();
  outside = join(t.dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'customers.csv'), CSV);
});
afterAll(() => t.close());

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const exportInput = (folder?: string) => ({ report: 'sales-summary', period: { preset: 'custom', from: '2026-01-01', to: '2026-01-31' }, format: 'csv', ...(folder ? { folder } : {}), fileName: 'x.csv', overwrite: true });

describe('paths by transport', () => {
  it('browser mode imports only its uploads and deletes them once the import ended', async () => {
    const d = createDispatcher(t.engine, { transport: 'browser' });
    expect(code(await d.call('import.run', { paths: [join(outside, 'customers.csv')] }))).toBe('FORBIDDEN');
    expect(code(await d.call('import.run', { paths: [uploadDir(t.engine)] }))).toBe('FORBIDDEN');
    expect(code(await d.call('import.inspect', { path: join(outside, 'customers.csv') }))).toBe('FORBIDDEN');
    expect(code(await d.call('import.inspect', { path: '/etc/passwd' }))).toBe('FORBIDDEN');
    const folder = join(uploadDir(t.engine), 'abc123');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'customers.csv'), CSV);
    const r = await d.call('import.run', { paths: [join(folder, 'customers.csv')] });
    expect(code(r)).toBe('ok');
    const end = await t.engine.jobs.wait((r as { value: JobSnapshot }).value.id, 30_000);
    expect(end.state).toBe('done');
    for (let i = 0; i < 50 && existsSync(folder); i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(existsSync(folder)).toBe(false);
  });

  it('keeps an upload that still needs a mapping for the next step, and removes uploads left for over a day', async () => {
    const d = createDispatcher(t.engine, { transport: 'browser' });
    const stale = join(uploadDir(t.engine), 'left-behind');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'old.csv'), CSV);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    const folder = join(uploadDir(t.engine), 'needs-mapping');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'atendimentos.csv'), 'Data;Cliente;Serviço;Valor\n05/03/2026;Ana;Corte;120,00\n');
    const r = await d.call('import.run', { paths: [join(folder, 'atendimentos.csv')] });
    expect(code(r)).toBe('ok');
    await t.engine.jobs.wait((r as { value: JobSnapshot }).value.id, 30_000);
    for (let i = 0; i < 50 && existsSync(stale); i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(folder, 'atendimentos.csv'))).toBe(true);
    expect(code(await d.call('import.inspect', { path: join(folder, 'atendimentos.csv') }))).toBe('ok');
  });

  it('browser mode exports only into the exports folder', async () => {
    const d = createDispatcher(t.engine, { transport: 'browser' });
    expect(code(await d.call('export.run', exportInput(outside)))).toBe('FORBIDDEN');
    expect(code(await d.call('export.close', { month: '2026-01', folder: '/etc', fileName: 'x.pdf' }))).toBe('FORBIDDEN');
    expect(code(await d.call('export.run', exportInput(exportsDir(t.engine))))).toBe('ok');
    expect(code(await d.call('export.run', exportInput()))).toBe('ok');
  });

  it('the desktop window names only what the person chose in a dialog', async () => {
    const d = createDispatcher(t.engine, { transport: 'desktop' });
    const file = join(outside, 'customers.csv');
    expect(code(await d.call('import.run', { paths: [file] }))).toBe('FORBIDDEN');
    expect(code(await d.call('export.run', exportInput(outside)))).toBe('FORBIDDEN');
    d.grant([outside]);
    expect(code(await d.call('import.run', { paths: [file] }))).toBe('ok');
    expect(code(await d.call('import.inspect', { path: file }))).toBe('ok');
    expect(code(await d.call('export.run', exportInput(outside)))).toBe('ok');
    expect(code(await d.call('import.run', { paths: [join(t.dir, 'test.duckdb')] }))).toBe('FORBIDDEN');
  });

  it('local commands name any path', async () => {
    const d = createDispatcher(t.engine, { transport: 'local' });
    expect(code(await d.call('export.run', exportInput(outside)))).toBe('ok');
  });
});

describe("the desktop app's door for local commands", () => {
  it('publishes a private runtime file; painel commands run in the app engine; closing removes it', async () => {
    const door = await publishForCommands(t.engine);
    expect(door).not.toBeNull();
    const file = runtimeFilePath(t.dbPath);
    const info = JSON.parse(readFileSync(file, 'utf8')) as { mode: string; port: number };
    expect(info.mode).toBe('app');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    let out = '';
    // The file is held by this process's engine: the command must go through the door, not open it.
    const rc = await runCli(['--db', t.dbPath, 'call', 'app.info'], { out: (x) => (out += x), err: () => undefined, isTTY: false });
    expect(rc).toBe(0);
    expect(JSON.parse(out).dbPath).toBe(t.dbPath);
    // The page's token is not the door's: the browser transport is not reachable with the runtime token's host.
    const res = await fetch(`http://127.0.0.1:${info.port}/api/app.info`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
    await door?.close();
    expect(existsSync(file)).toBe(false);
  });
});
