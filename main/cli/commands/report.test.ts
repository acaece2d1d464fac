// painel report prints exactly what the engine gives the app: every report's rows and totals through the CLI
// (JSON and CSV) equal reports.page / reports.totals on the same database; painel close defaults to the last complete month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportPage, ReportTotals } from '../../../shared/api/reports';
import { runCli } from '../painel';
import { openTestEngine } from '../../engine/testEngine';
import { Engine } from '../../engine/engine';
import { allReports } from '../../reports/registry';
import { loadReportFixture } from '../../reports/testFixture';
import { pageRows } from '../../reports/testHelpers';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-report-cli-'));
  db = join(dir, 'p.duckdb');
  const e = await Engine.open({ dbPath: db, log: () => undefined });
  await loadReportFixture(e.db);
  e.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', db, ...args], { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false });
  return { code, out, err };
}

describe('painel report', () => {
  it('prints every report with the same rows and totals as the engine', async () => {
    const period = ['--from', '2026-03-01', '--to', '2026-03-31'];
    const printed: Record<string, { rows: unknown[]; totals: unknown }> = {};
    for (const r of allReports()) {
      const res = await cli(['report', r.id, ...period, '--format', 'json']);
      expect(res.code, `${r.id}: ${res.err}`).toBe(0);
      printed[r.id] = JSON.parse(res.out);
    }
    const t = await openTestEngine({ memory: true });
    try {
      await loadReportFixture(t.engine.db);
      for (const r of allReports()) {
        const input = { report: r.id, period: { preset: 'custom', from: '2026-03-01', to: '2026-03-31' } };
        const page = await t.call<ReportPage>('reports.page', { ...input, limit: 5000 });
        const totals = await t.call<ReportTotals>('reports.totals', input);
        expect(printed[r.id].rows, r.id).toEqual(pageRows(page));
        expect(printed[r.id].totals, r.id).toEqual(totals.values);
      }
    } finally {
      t.close();
    }
  }, 60_000);

  it('writes CSV with exact decimal text, takes common filters and parameters, and exits 2 on bad input', async () => {
    const out = join(dir, 'c.csv');
    const res = await cli(['report', 'staff-commissions', '--from', '2026-03-01', '--to', '2026-03-31', '--employee', 'E1,E2', '--out', out]);
    expect(res.code, res.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('month,employee_id,employee_name,base,rate,commission\r\n2026-03-01,E1,Ana,90.10,0.05,4.51\r\n2026-03-01,E2,Bia,40.00,0.3333,13.33\r\n');
    const month = await cli(['report', 'sales-summary', '--preset', 'last_month', '--today', '2026-04-15', '--param', 'granularity=month', '--format', 'csv']);
    expect(month.out.split('\r\n')[1]).toBe('2026-03-01,3,420.10,30.00,20.00,370.10,18.00,141.03,2,50.00,6.402,2026-02-01,2026-02-28');
    const table = await cli(['report', 'sales-vs-receipts', '--from', '2026-03-01', '--to', '2026-03-31', '--view', 'open_sales', '--lang', 'en']);
    expect(table.out).toContain('Open sales');
    expect(table.out).toMatch(/woo:S3 .*R\$\u00a013\.00 +Partly paid/);
    expect((await cli(['report', 'sales-summary', '--sort', 'nope'])).code).toBe(2);
    expect((await cli(['report', 'sales-summary', '--param', 'granularity=year'])).code).toBe(2);
    expect((await cli(['report', 'sales-summary', '--preset', 'someday'])).code).toBe(2);
    expect((await cli(['report', 'financial-summary', '--employee', 'E1'])).code).toBe(2);
    expect((await cli(['report', 'nope'])).code).toBe(1);
    expect((await cli(['report', 'list'])).out).toContain('staff-commissions');
  }, 30_000);
});

describe('painel close', () => {
  it('closes the last complete month when no --month is given', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
    const [y, m] = today.split('-').map(Number);
    const last = new Date(Date.UTC(y, m - 2, 1));
    const name = new Intl.DateTimeFormat('pt-BR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(last);
    const pdf = join(dir, 'fechamento.pdf');
    const res = await cli(['close', '--out', pdf]);
    expect(res.code, res.err).toBe(0);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain(`Fechamento mensal — ${name}`);
  });
});
