// The analytics reports through the report engine and `painel report`: the same numbers as the analytics
// functions (RFM rows as rfmSql, migration sums, segments, members, stored forecast, customer value, cohorts).
import { codeWord } from '../../../../shared/codeLists';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportPage, ReportTotals } from '../../../../shared/api/reports';
import type { ForecastResult, SegmentMembersResult } from '../../../../shared/analytics';
import type { JobSnapshot } from '../../../../shared/events';
import { runCli } from '../../../cli/painel';
import { Engine } from '../../../engine/engine';
import { createDispatcher } from '../../../host/dispatcher';
import { ParamList } from '../../../sql/specSql';
import { pageRows } from '../../testHelpers';
import { rfmSql, rfmOptions } from '../../../analytics/rfm';
import { RFM_CLUSTERS } from '../../../../shared/rfm';
import { generateSyntheticSales } from '../../../analytics/testing/syntheticSales';
import { tableFromIPC } from 'apache-arrow';

let dir: string;
let dbPath: string;
let engine: Engine;
const OCT = { preset: 'custom', from: '2026-10-01', to: '2026-10-31' };

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await createDispatcher(engine).call(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-analytics-reports-'));
  dbPath = join(dir, 'p.duckdb');
  engine = await Engine.open({ dbPath, log: () => undefined });
  await generateSyntheticSales(engine.db, { customers: 800, endDate: '2026-10-31', spanDays: 900, seed: 11 });
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('analytics reports', () => {
  it('rfm: one row per scored customer, as rfmSql computes them', async () => {
    const page = await call<ReportPage>('reports.page', { report: 'rfm', period: OCT, limit: 5000 });
    const p = new ParamList();
    const expected = await engine.db.all<Record<string, unknown>>(
      `SELECT q.customer_id, c.name AS customer_name, recency::DOUBLE AS recency, frequency::DOUBLE AS frequency, monetary::VARCHAR AS monetary, r::DOUBLE AS r, f::DOUBLE AS f, m::DOUBLE AS m, cluster
       FROM (${rfmSql(rfmOptions(await engine.settings(), '2026-10-31'), p)}) q LEFT JOIN customers c ON c.customer_id = q.customer_id ORDER BY q.customer_id`,
      p.values,
    );
    const got = pageRows(page).sort((a, b) => String(a.customer_id).localeCompare(String(b.customer_id)));
    expect(page.columns.map((c) => c.id)).toEqual(['customer_id', 'customer_name', 'recency', 'frequency', 'monetary', 'r', 'f', 'm', 'cluster']);
    expect(got).toEqual(expected.sort((a, b) => String(a.customer_id).localeCompare(String(b.customer_id))));
  });

  it('rfm-migration: rows with "left" sum to last month, columns with "entered" to this month', async () => {
    const page = pageRows(await call<ReportPage>('reports.page', { report: 'rfm-migration', period: OCT }));
    const totals = await call<ReportTotals>('reports.totals', { report: 'rfm-migration', period: OCT });
    const sizes = async (d: string) => {
      const p = new ParamList();
      const rows = await engine.db.all<{ cluster: string; n: number }>(`SELECT cluster, count(*)::INT AS n FROM (${rfmSql(rfmOptions(await engine.settings(), d), p)}) GROUP BY 1`, p.values);
      return Object.fromEntries(rows.map((r) => [r.cluster, r.n]));
    };
    const [prev, cur] = [await sizes('2026-09-30'), await sizes('2026-10-31')];
    for (const c of RFM_CLUSTERS) {
      expect(page.find((r) => r.from_cluster === c)?.total ?? 0).toBe(prev[c] ?? 0);
      expect(Number(totals.values[c])).toBe(cur[c] ?? 0);
    }
  });

  it('segments and segment-members match the analytics API', async () => {
    const segs = pageRows(await call<ReportPage>('reports.page', { report: 'segments', period: { preset: 'custom', from: '2026-10-31', to: '2026-10-31' } }));
    expect(segs.map((s) => s.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const members = await call<ReportPage>('reports.page', {
      report: 'segment-members',
      period: { preset: 'custom', from: '2026-10-31', to: '2026-10-31' },
      params: { segment: 'loyalty_champions', channel: 'whatsapp' },
      limit: 5000,
    });
    const api = await call<SegmentMembersResult>('analytics.segmentMembers', { segment: 'loyalty_champions', channel: 'whatsapp', asOf: '2026-10-31', limit: 5000 });
    expect(members.total).toBe(api.page.total);
    expect(segs.find((s) => s.segment_id === 'loyalty_champions')?.contactable).toBe(api.page.total);
    const ids = tableFromIPC(api.page.arrow).getChild('customer_id')?.toArray() as string[];
    expect(pageRows(members).map((r) => r.customer_id).sort()).toEqual([...ids].sort());
  });

  it('forecast, customer-value and cohorts read what the analytics computed', async () => {
    const f = await call<ForecastResult>('analytics.forecast', { granularity: 'day', horizon: 14, asOf: '2026-10-31' });
    const fr = pageRows(await call<ReportPage>('reports.page', { report: 'forecast', params: { granularity: 'day' } }));
    expect(fr.map((r) => r.date)).toEqual(f.points.map((p) => p.date));
    expect(fr[0].model).toBe(f.model);
    const bt = pageRows(await call<ReportPage>('reports.page', { report: 'forecast', params: { granularity: 'day', view: 'backtest' } }));
    // models by name, never by code; coverage travels with the errors
    expect(bt.map((r) => r.model).sort()).toEqual(f.backtest.map((b) => b.model).sort());
    for (const b of f.backtest) expect(codeWord('forecastModel', b.model, 'pt-BR')).not.toBe(b.model);
    expect(bt.map((r) => r.coverage80).sort()).toEqual(f.backtest.map((b) => b.coverage80).sort());
    const job = await call<JobSnapshot>('analytics.fitCustomerValue', { asOf: '2026-10-31' });
    expect((await call<JobSnapshot>('jobs.wait', { id: job.id })).state).toBe('done');
    const cv = await call<ReportTotals>('reports.totals', { report: 'customer-value' });
    const [{ n }] = await engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM customer_value`);
    expect(cv.rows).toBe(n);
    const co = pageRows(await call<ReportPage>('reports.page', { report: 'cohorts', period: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' }, limit: 100 }));
    expect(co.filter((r) => r.months_since === 0).every((r) => r.customers === r.cohort_size && r.retention === 1)).toBe(true);
    expect(new Set(co.map((r) => r.cohort))).toEqual(new Set(['2026-01-01', '2026-02-01', '2026-03-01']));
  });

  it('painel report rfm --month 2026-10 --format csv prints the RFM columns', async () => {
    engine.close();
    let out = '';
    let err = '';
    const code = await runCli(['--db', dbPath, 'report', 'rfm', '--month', '2026-10', '--format', 'csv'], { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false });
    engine = await Engine.open({ dbPath, log: () => undefined });
    expect(code, err).toBe(0);
    const lines = out.trim().split(/\r?\n/);
    expect(lines[0]).toBe('customer_id,customer_name,recency,frequency,monetary,r,f,m,cluster');
    const p = new ParamList();
    const [{ n }] = await engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM (${rfmSql(rfmOptions(await engine.settings(), '2026-10-31'), p)})`, p.values);
    expect(lines.filter((l) => /^c\d+,/.test(l))).toHaveLength(n);
    const bad = await runCli(['--db', dbPath + '.x', 'report', 'rfm', '--month', '2026-13'], { out: () => undefined, err: () => undefined, isTTY: false });
    expect(bad).toBe(2);
  });
});
