// `painel report --format csv` goes through the one CSV writer: column ids as the header, wire values, and the
// same spreadsheet-formula protection as every exported CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine';
import { runCli } from '../cli/painel';
import { loadReportFixture } from '../reports/testFixture';

let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-report-csv-'));
  dbPath = join(dir, 'csv.duckdb');
  const engine = await Engine.open({ dbPath, log: () => undefined });
  await loadReportFixture(engine.db);
  await engine.db.run(`UPDATE items SET name = '=HYPERLINK("http://x","y")' WHERE item_id = 'SVC1'`);
  await engine.db.run(`UPDATE items SET name = '+55 Shampoo, grande' WHERE item_id = 'PRD1'`);
  engine.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = ['report', 'sales-by-item', '--from', '2026-03-01', '--to', '2026-03-31', '--sort', 'item_id', '--format', 'csv'];

describe('report CSV', () => {
  it('prints the CLI CSV with ids as the header and formula-looking text neutralised', async () => {
    let out = '';
    const code = await runCli(['--db', dbPath, ...ARGS], { out: (t) => (out += t), err: () => undefined, isTTY: false });
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0].startsWith('item_id,item_name,')).toBe(true);
    const prd = lines.find((l) => l.startsWith('PRD1,'));
    const svc = lines.find((l) => l.startsWith('SVC1,'));
    expect(prd).toContain(`"'+55 Shampoo, grande"`);
    expect(svc).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(out.endsWith('\r\n')).toBe(true);
  });
});
