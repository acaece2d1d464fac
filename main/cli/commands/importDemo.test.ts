// painel import and painel demo: progress, summaries and exit codes through the real CLI entry point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../painel';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'painel-cli-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(db: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--db', join(dir, db), ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe('painel demo', () => {
  it('generates the dataset with a progress line, refuses to overwrite without --replace', async () => {
    const r = await cli('demo.duckdb', 'demo', '--customers', '200', '--months', '2', '--end', '2025-06-30', '--seed', '5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Demo data \(seed 5\): 200 customers, 2 months, 2025-05-01 to 2025-06-30/);
    expect(r.out).toMatch(/sales\s+[1-9]/);
    expect(r.err).toMatch(/Demo data \(200 customers, 2 months\) · done 14\/14 100%/);
    const again = await cli('demo.duckdb', 'demo', '--customers', '200', '--months', '2');
    expect(again.code).toBe(1);
    expect(again.err).toContain('CONFLICT');
    expect((await cli('demo.duckdb', 'demo', '--customers', '100', '--months', '1', '--replace', '--json')).code).toBe(0);
  });

  it('rejects bad flags with exit 2', async () => {
    expect((await cli('demo2.duckdb', 'demo', '--preset', 'huge')).code).toBe(2);
    expect((await cli('demo2.duckdb', 'demo', '--customers', 'many')).code).toBe(2);
  });
});

describe('painel import', () => {
  it('imports a folder, prints per-table counts and unknown columns, exits 3 when some files failed', async () => {
    const folder = join(dir, 'in');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'customers.csv'), 'customer_id,name,nickname\nc1,Ana,Aninha\nc2,Bia,\n');
    writeFileSync(join(folder, 'payments.csv'), 'payment_id,amount\np1,10\n');
    const r = await cli('import.duckdb', 'import', folder);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/✓ .*customers\.csv: 2 rows/);
    expect(r.out).toMatch(/customers\s+new\s+2/);
    expect(r.out).toContain('unknown columns (not loaded): nickname');
    expect(r.out).toMatch(/✗ .*payments\.csv: payments\.csv: missing required columns occurred_at, method, kind for table payments/);
    expect(r.err).toMatch(/Import 2 files · .*100%/);
  });

  it('exits 0 when everything loaded, 2 when every file was bad input, 1 for a missing path', async () => {
    const ok = join(dir, 'locations.csv');
    writeFileSync(ok, 'location_id,name\nl1,Centro\n');
    expect((await cli('import2.duckdb', 'import', ok)).code).toBe(0);
    const bad = join(dir, 'sales.csv');
    writeFileSync(bad, 'sale_id\ns1\n');
    expect((await cli('import2.duckdb', 'import', bad)).code).toBe(2);
    const missing = await cli('import2.duckdb', 'import', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_FOUND');
    expect((await cli('import2.duckdb', 'import')).code).toBe(2);
  });
});
