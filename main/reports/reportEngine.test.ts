// The report engine over the registry: metadata, row filters and search on every declared column of every
// report view, refusals of undeclared columns and filters, comparisons, charts and the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartData, ReportComparison, ReportPage, ReportTotals } from '../../shared/api/reports';
import type { ForecastTotal } from '../../shared/analytics';
import type { DashboardResult, ReportMeta } from '../../shared/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { allReports, viewsOf } from './registry';
import { ANALYTICS_REPORTS } from './defs/analytics/index';
import { loadReportFixture, MARCH } from './testFixture';
import { pageRows } from './testHelpers';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await loadReportFixture(t.engine.db);
});
afterAll(() => t.close());

const CATALOGUE = [
  'sales-summary', 'sales-by-item', 'sales-by-location', 'sales-by-channel', 'discounts-coupons', 'financial-summary', 'payment-methods', 'refunds',
  'sales-vs-receipts', 'appointments-summary', 'peak-hours', 'occupancy', 'staff-performance', 'staff-commissions', 'staff-productivity',
  'customer-profiles', 'retention-cohorts', 'segments-campaigns',
];

async function fails(method: string, input: unknown): Promise<string> {
  const r = await t.dispatcher.call(method, input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.code;
}

describe('registry metadata', () => {
  it('lists the eighteen catalogue reports plus profitability, marketplace and the units side by side, titled and labelled in both languages', async () => {
    const list = await t.call<ReportMeta[]>('reports.list');
    expect(list.map((r) => r.id)).toEqual([...CATALOGUE, 'profitability', 'marketplace', 'units-overview', ...ANALYTICS_REPORTS.map((r) => r.id)]);
    for (const r of list) {
      expect(r.title['pt-BR'] && r.title.en && r.description.en).toBeTruthy();
      for (const c of [...r.columns, ...(r.views ?? []).flatMap((v) => v.columns)]) expect(c.label['pt-BR'] && c.label.en, `${r.id}.${c.id}`).toBeTruthy();
      expect(JSON.stringify(r)).not.toMatch(/sqlType|totalSql|SELECT/);
    }
    expect(new Set(list.map((r) => r.category))).toEqual(new Set(['sales', 'finance', 'appointments', 'team', 'customers', 'profitability', 'marketplace']));
    expect(list.find((r) => r.id === 'segments-campaigns')?.views?.find((v) => v.id === 'clusters')?.available).toBe(false);
  });

  it('declares every column the SQL returns, and charts, sorts and totals only over declared columns', async () => {
    for (const def of allReports()) {
      for (const v of viewsOf(def)) {
        const ids = new Set(v.columns.map((c) => c.id));
        for (const ch of v.charts) for (const id of [ch.x, ch.y, ch.by, ...ch.series.map((s) => s.column)]) if (id) expect(ids.has(id), `${def.id}/${v.id} chart ${ch.id}: ${id}`).toBe(true);
        for (const s of v.defaultSort) expect(ids.has(s.column), `${def.id}/${v.id} sort ${s.column}`).toBe(true);
        for (const c of v.columns) if (c.total === 'ratio' || c.total === 'distinct') expect(c.totalSql, `${def.id}.${c.id}`).toBeTruthy();
        if (v.requires) continue;
        const page = await t.call<ReportPage>('reports.page', { report: def.id, period: MARCH, params: v.id === 'main' ? {} : { view: v.id }, limit: 1 });
        expect(page.columns.map((c) => c.id)).toEqual(v.columns.filter((c) => !c.requires).map((c) => c.id));
      }
    }
  });
});

describe('row filters, search and refusals', () => {
  it('filters every declared column of every view (eq on a present value, is_null) and searches every searchable one', async () => {
    for (const def of allReports()) {
      for (const v of viewsOf(def)) {
        if (v.requires) continue;
        const base = { report: def.id, period: MARCH, params: v.id === 'main' ? {} : { view: v.id } };
        const [first] = pageRows(await t.call<ReportPage>('reports.page', { ...base, limit: 1 }));
        if (!first) continue;
        const checks = v.columns.filter((x) => !x.requires).map(async (c) => {
          const value = first[c.id];
          const filters = value === null ? [{ column: c.id, op: 'is_null' }] : [{ column: c.id, op: 'eq', value }];
          const page = await t.call<ReportPage>('reports.page', { ...base, filters, limit: 1000 });
          const rows = pageRows(page);
          expect(rows.length, `${def.id}/${v.id}.${c.id}`).toBeGreaterThan(0);
          expect(rows.every((r) => r[c.id] === value), `${def.id}/${v.id}.${c.id}`).toBe(true);
          const count = await t.call<{ total: number }>('reports.count', { ...base, filters });
          expect(count.total).toBe(rows.length);
          if (c.searchable && typeof value === 'string') {
            const found = pageRows(await t.call<ReportPage>('reports.page', { ...base, search: value, limit: 1000 }));
            expect(found.some((r) => r[c.id] === value), `search ${def.id}.${c.id}`).toBe(true);
          }
        });
        await Promise.all(checks);
      }
    }
  }, 60_000);

  it('sorts by value, not by the text the value travels as', async () => {
    const page = await t.call<ReportPage>('reports.page', { report: 'staff-commissions', period: MARCH, sort: [{ column: 'base', desc: true }] });
    expect(pageRows(page).map((r) => r.base)).toEqual(['180.00', '90.10', '80.00', '40.00']);
  });

  it('refuses undeclared or hidden columns, unknown filters, parameters and reports', async () => {
    const base = { report: 'sales-summary', period: MARCH };
    expect(await fails('reports.page', { ...base, sort: [{ column: 'nope' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, sort: [{ column: '__total' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, filters: [{ column: 'status', op: 'eq', value: 'x' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.totals', { ...base, filters: [{ column: '__customers', op: 'is_null' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, sort: [{ column: 'gross; DROP TABLE sales' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, filters: [{ column: 'gross', op: 'gt', value: 'abc' }] })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, params: { granularity: 'year' } })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, params: { other: 1 } })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { report: 'financial-summary', period: MARCH, common: { employee: ['E1'] } })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { report: 'nope' })).toBe('NOT_FOUND');
    expect(await fails('reports.page', { ...base, period: { preset: 'custom', from: '2026-03-02' } })).toBe('BAD_INPUT');
    expect(await fails('reports.page', { ...base, common: { rfmCluster: ['champions'] } })).toBe('NOT_READY');
    expect(await fails('reports.page', { report: 'segments-campaigns', params: { view: 'clusters' } })).toBe('NOT_READY');
    expect(await t.engine.db.all(`SELECT count(*)::INT AS n FROM sales`)).toEqual([{ n: 9 }]);
  });

  it('applies the common filters in SQL (location, employee, source, category)', async () => {
    const tot = (common: object, report = 'sales-summary') => t.call<ReportTotals>('reports.totals', { report, period: MARCH, common }).then((r) => r.values);
    expect(await tot({ location: ['L1'] })).toMatchObject({ sales: 2, gross: '220.10', refunds: '0.00' });
    expect(await tot({ location: ['L2'] })).toMatchObject({ sales: 0, refunds: '20.00' });
    expect(await tot({ source: ['woo'] })).toMatchObject({ sales: 1, gross: '200.00' });
    expect(await tot({ employee: ['E3'] })).toMatchObject({ sales: 1, gross: '120.00' });
    expect(await tot({ category: ['unhas'] }, 'sales-by-item')).toMatchObject({ revenue: '40.00' });
    expect(await tot({ employee: ['E2'] }, 'staff-commissions')).toMatchObject({ base: '40.00', commission: '13.33' });
  });
});

describe('comparisons, charts and the dashboard', () => {
  it('compares with the previous period and the same period last year', async () => {
    const c = await t.call<ReportComparison>('reports.compare', { report: 'sales-summary', period: { preset: 'last_month', today: '2026-04-15' } });
    expect(c.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(c.previous).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(c.current).toMatchObject({ gross: '420.10', net: '370.10' });
    expect(c.previousValues).toMatchObject({ gross: '50.00', net: '50.00', sales: 1 });
    expect(c.variation.gross).toBe(7.402);
    expect(c.lastYear).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    expect(c.lastYearValues).toMatchObject({ gross: '60.00', sales: 1 });
    const feb = await t.call<ReportComparison>('reports.compare', { report: 'sales-summary', period: { preset: 'custom', from: '2026-02-01', to: '2026-02-28' } });
    expect(feb.lastYear).toBeNull();
    expect(await fails('reports.compare', { report: 'customer-profiles' })).toBe('BAD_INPUT');
  });

  it('builds chart series, with the previous period, top N and split by a column', async () => {
    const net = await t.call<ChartData>('reports.chart', { report: 'sales-summary', chart: 'net', period: MARCH });
    expect(net.x).toHaveLength(31);
    expect(net.series.find((s) => s.column === 'net')?.values[30]).toBe('90.10');
    const top = await t.call<ChartData>('reports.chart', { report: 'sales-by-item', chart: 'top', period: MARCH });
    expect(top.x).toEqual(['Shampoo', 'Corte', 'Manicure']);
    const kind = await t.call<ChartData>('reports.chart', { report: 'sales-by-item', chart: 'kind', period: MARCH });
    expect(kind.x).toEqual(['product', 'service']);
    expect(kind.series[0].values).toEqual(['260.00', '130.10']);
    const split = await t.call<ChartData>('reports.chart', { report: 'payment-methods', chart: 'amount', period: MARCH, params: { granularity: 'day' } });
    expect(split.x).toEqual(['2026-03-10', '2026-03-15', '2026-03-17', '2026-03-20', '2026-03-31']);
    expect(split.series.find((s) => s.group === 'pix')?.values).toEqual(['20.00', '70.00', '0.00', '230.00', null]);
    expect(split.series.find((s) => s.group === 'cash')?.values).toEqual([null, null, null, null, '90.10']);
    const heat = await t.call<ChartData>('reports.chart', { report: 'peak-hours', chart: 'appointments', period: MARCH });
    expect(heat.x).toHaveLength(168);
    expect(heat.y).toHaveLength(168);
    const pie = await t.call<ChartData>('reports.chart', { report: 'customer-profiles', chart: 'lifecycle', period: MARCH });
    expect(pie.x).toEqual(['active', 'inactive']);
    expect(pie.series[0].values).toEqual([2, 1]);
    const prev = await t.call<ChartData>('reports.chart', { report: 'sales-by-location', chart: 'revenue', period: MARCH });
    expect(prev.series.map((s) => s.column)).toEqual(['revenue', 'prev_revenue']);
    expect(await fails('reports.chart', { report: 'sales-summary', chart: 'nope' })).toBe('NOT_FOUND');
  });

  it('gives every dashboard KPI with previous period, variation and a daily sparkline in one call', async () => {
    const d = await t.call<DashboardResult>('reports.dashboard', { period: { preset: 'last_month', today: '2026-04-15' } });
    expect(d.days).toHaveLength(31);
    const k = Object.fromEntries(d.kpis.map((x) => [x.id, x]));
    expect(k.gross_revenue).toMatchObject({ value: '420.10', previous: '50.00', variation: 7.402 });
    expect(k.net_revenue).toMatchObject({ value: '370.10', previous: '50.00' });
    expect(k.average_ticket).toMatchObject({ value: '141.03', previous: '50.00' });
    expect(k.completed_sales).toMatchObject({ value: 3, previous: 1, variation: 2 });
    expect(k.unique_customers.value).toBe(2);
    expect(k.new_customers).toMatchObject({ value: 1, previous: 0 });
    expect(k.returning_customers).toMatchObject({ value: 1, previous: 1 });
    expect(k.no_show_rate.value).toBe(0.25);
    expect(k.cancellation_rate.value).toBe(0.25);
    // the occupancy report's own total for the same month (one definition)
    const occ = await t.call<ReportTotals>('reports.totals', { report: 'occupancy', period: { preset: 'last_month', today: '2026-04-15' } });
    expect(k.occupancy.value).toBe(occ.values.occupancy);
    expect(k.occupancy.variationKind).toBe('points');
    // March visits have not had 60 days yet: no rate (provisional), never an artefact dip; February's has
    expect(k.rebooking_rate).toMatchObject({ value: null, previous: 1, provisional: true, variation: null });
    expect(k.pix_share.value).toBe(0.695501);
    expect(k.refunds.value).toBe('20.00');
    expect(k.discount_rate.value).toBe(0.071412);
    // the one 30-day total, as the forecast page has it
    const fc = await t.call<ForecastTotal>('analytics.forecastNext30', {});
    const again = await t.call<DashboardResult>('reports.dashboard', { period: { preset: 'last_month', today: '2026-04-15' } });
    expect(again.kpis.find((x) => x.id === 'forecast_next_30_days')).toMatchObject({ available: fc.total !== null, value: fc.total === null ? null : fc.total.toFixed(2) });
    for (const x of d.kpis.filter((y) => y.available && y.id !== 'forecast_next_30_days')) expect(x.sparkline, x.id).toHaveLength(31);
    expect(k.gross_revenue.sparkline[30]).toBe('100.10');
    expect(k.refunds.sparkline[16]).toBe('20.00');
    expect(k.cancellation_rate).toMatchObject({ lowerIsBetter: true, variationKind: 'points' });
    // all time: monthly sparkline points, nothing to compare with
    const all = await t.call<DashboardResult>('reports.dashboard', { period: { preset: 'all', today: '2026-04-15' } });
    expect(all).toMatchObject({ grain: 'month', previous: null, lastYear: null, period: { from: '2025-03-12', to: '2026-04-20' } });
    expect(all.days[0]).toBe('2025-03-01');
    expect(all.kpis.find((x) => x.id === 'completed_sales')).toMatchObject({ value: 6, previous: null, variation: null });
    const l1 = await t.call<DashboardResult>('reports.dashboard', { period: { preset: 'last_month', today: '2026-04-15' }, common: { location: ['L1'] } });
    expect(l1.kpis.find((x) => x.id === 'gross_revenue')?.value).toBe('220.10');
  });
});

describe('analytics columns appear only when analytics data exists', () => {
  it('adds RFM columns, the cluster filter and the cluster views once snapshots exist', async () => {
    const e = await openTestEngine({ memory: true });
    try {
      await loadReportFixture(e.engine.db);
      await e.engine.db.run(`INSERT INTO rfm_snapshots VALUES
        ('2026-02-28', 'C1', 18, 2, 110.00, 5, 5, 4, 'champions'),
        ('2026-03-31', 'C1', 0, 4, 413.10, 5, 5, 5, 'champions'), ('2026-03-31', 'C2', 16, 1, 120.00, 4, 1, 3, 'promising')`);
      e.engine.db.changed(['rfm_snapshots']); // as the analytics jobs do when they commit
      const page = await e.call<ReportPage>('reports.page', { report: 'customer-profiles', period: MARCH, common: { rfmCluster: ['promising'] } });
      expect(pageRows(page)).toEqual([expect.objectContaining({ customer_id: 'C2', rfm_r: 4, rfm_f: 1, rfm_cluster: 'promising' })]);
      const tot = await e.call<ReportTotals>('reports.totals', { report: 'sales-summary', period: MARCH, common: { rfmCluster: ['champions'] } });
      expect(tot.values).toMatchObject({ sales: 2, gross: '300.10' });
      const clusters = pageRows(await e.call<ReportPage>('reports.page', { report: 'segments-campaigns', period: MARCH, params: { view: 'clusters' } }));
      expect(clusters.find((r) => r.cluster === 'champions')).toMatchObject({ customers: 1, monetary: '413.10', revenue_in_period: '303.10' });
      const mig = pageRows(await e.call<ReportPage>('reports.page', { report: 'segments-campaigns', period: MARCH, params: { view: 'migration' } }));
      expect(mig.map((r) => [r.from_cluster, r.to_cluster, r.customers])).toEqual([['champions', 'champions', 1], ['none', 'promising', 1]]);
      await e.engine.db.run(`INSERT INTO clv_models (model_id, as_of, customers, repeat_customers) VALUES ('m1', '2026-03-31', 2, 1)`);
      await e.engine.db.run(`INSERT INTO customer_value (model_id, as_of, customer_id, x, t_x, t_cal, churn_risk, expected_visits_365, expected_value_365)
        VALUES ('m1', '2026-03-31', 'C1', 3, 300, 380, 0.1, 4.5, 450.00), ('m1', '2026-03-31', 'C2', 0, 0, 30, 0.6, 1.2, 130.00)`);
      e.engine.db.changed(['customer_value']);
      const cv = pageRows(await e.call<ReportPage>('reports.page', { report: 'customer-profiles', period: MARCH }));
      expect(cv.find((r) => r.customer_id === 'C1')).toMatchObject({ predicted_value: '450.00', churn_risk: 0.1 });
      const cac = pageRows(await e.call<ReportPage>('reports.page', { report: 'profitability', period: MARCH, params: { view: 'cac' } }));
      expect(cac[0]).toMatchObject({ predicted_value: '130.00', clv_cac: '2.50' });
    } finally {
      e.close();
    }
  });
});
