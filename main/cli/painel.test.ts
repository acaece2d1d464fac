import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './painel';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'painel-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--db', join(dir, 'cli.duckdb'), ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe('painel CLI', () => {
  it('painel info prints the database and row counts', async () => {
    const r = await cli('info');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cli.duckdb');
    expect(r.out).toMatch(/sales\s+0/);
  });

  it('painel call runs any contract method and prints JSON', async () => {
    const r = await cli('call', 'app.info', '--json', '{}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schemaVersion).toBeGreaterThan(0);
  });

  it('exits 2 on bad input with one line on stderr', async () => {
    const r = await cli('call', 'query.page', '--json', '{"table":"sales","sort":[{"column":"nope"}]}');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('BAD_INPUT');
    expect((await cli('call', 'app.info', '--json', '{nope')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('info', '--bogus')).code).toBe(2);
  });

  it('exits 1 on a failure that is not bad input', async () => {
    const r = await cli('call', 'jobs.get', '--json', '{"id":"missing"}');
    expect(r.code).toBe(1);
    expect(r.err).toContain('NOT_FOUND');
  });
});
