// One definition per figure, the places outside the app: `painel report` (JSON), the report's CSV export (the one
// CSV writer, as `painel report --out` and the app's export write it), the dashboard and the closing pack all
// show the same monthly figures to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportTotals } from '../../../shared/api/reports';
import type { DashboardResult } from '../../../shared/reports';
import { runCli } from '../../cli/painel';
import { Engine } from '../../engine/engine';
import { createDispatcher } from '../../host/dispatcher';
import { buildClosing } from '../closing/closingData';
import { same, type Pair } from './figurePairs';

const MONEY = ['gross', 'discounts', 'refunds', 'net', 'tax', 'received', 'fees', 'commissions'];
let dir: string;
let dbPath: string;

async function cli(...args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', dbPath, ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  expect(code, err).toBe(0);
  return out;
}

/** Sums a money column of a standard CSV (comma separated, column ids as the header) as exact cents. */
function csvSum(text: string, column: string): string {
  const [head, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const at = head.split(',').indexOf(column);
  expect(at, `${column} in ${head}`).toBeGreaterThanOrEqual(0);
  const cents = lines.reduce((s, l) => s + Math.round(Number(l.split(',')[at] || 0) * 100), 0);
  return (cents / 100).toFixed(2);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-crosscheck-cli-'));
  dbPath = join(dir, 'painel.duckdb');
  await cli('demo', '--preset', 'small');
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the last complete month outside the app', () => {
  it('CLI JSON, CSV export, dashboard and closing pack agree to the cent', async () => {
    const json = JSON.parse(await cli('report', 'financial-summary', '--preset', 'last_month', '--format', 'json')) as { totals: Record<string, unknown>; period: { from: string } };
    const csvFile = join(dir, 'financial.csv');
    await cli('report', 'financial-summary', '--preset', 'last_month', '--format', 'csv', '--out', csvFile);
    const csv = readFileSync(csvFile, 'utf8');

    const engine = await Engine.open({ dbPath, log: () => undefined });
    try {
      const d = createDispatcher(engine);
      const call = async <T,>(method: string, input: unknown): Promise<T> => {
        const r = await d.call(method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.value as T;
      };
      const period = { preset: 'last_month' };
      const totals = (await call<ReportTotals>('reports.totals', { report: 'financial-summary', period })).values;
      const dash = await call<DashboardResult>('reports.dashboard', { period });
      const month = json.period.from.slice(0, 7);
      const pack = await buildClosing(engine, month);
      const kpi = (id: string) => dash.kpis.find((k) => k.id === id)?.value ?? null;

      const pairs: Pair[] = [];
      for (const id of MONEY) {
        pairs.push([`${id}: CLI = report`, json.totals[id], totals[id]]);
        pairs.push([`${id}: CSV export = report`, csvSum(csv, id), String(totals[id])]);
        pairs.push([`${id}: closing pack = CLI`, pack.figures[id], json.totals[id]]);
      }
      pairs.push(['gross: dashboard = CLI', kpi('gross_revenue'), json.totals.gross]);
      pairs.push(['net: dashboard = CLI', kpi('net_revenue'), json.totals.net]);
      pairs.push(['refunds: dashboard = CLI', kpi('refunds'), json.totals.refunds]);
      pairs.push(['completed sales: dashboard = CLI', kpi('completed_sales'), json.totals.sales]);

      expect(pairs.filter(([, a, b]) => same(a) !== same(b))).toEqual([]);
      expect(pairs.filter(([, a]) => a !== null && a !== undefined).length).toBe(pairs.length);
      expect(Number(totals.gross)).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
