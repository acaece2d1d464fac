// The cross-check of "one definition per figure": every figure Painel shows in two places (dashboard KPIs, report
// totals and comparison cards, the closing pack) collected as pairs for one period, so a test can assert each
// pair is equal to the cent. Pairs are [what, one place, the other].
import type { ReportComparison, ReportTotals } from '../../../shared/api/reports';
import type { DashboardResult, ReportValues, ResolvedPeriod } from '../../../shared/reports';
import type { ForecastTotal } from '../../../shared/analytics';
import type { TestEngine } from '../../engine/testEngine';
import { buildClosing } from '../closing/closingData';

export type Pair = [string, unknown, unknown];
type Period = { preset: string; today?: string; from?: string; to?: string };

const win = (p: ResolvedPeriod | null | undefined) => (p ? `${p.from}..${p.to}` : null);

/** Pairs for one period: dashboard vs reports, dashboard comparisons vs report comparison cards. */
export async function periodPairs(t: TestEngine, period: Period): Promise<Pair[]> {
  const totals = (report: string, params: Record<string, unknown> = {}, filters: unknown[] = []) =>
    t.call<ReportTotals>('reports.totals', { report, period, params, filters }).then((r) => r.values);
  // The forecast first: the dashboard shows it once computed (it never waits for a first computation).
  const fc = await t.call<ForecastTotal>('analytics.forecastNext30', {});
  const [dash, sum, fin, appts, occ, refunds, pay, pix, cmp] = await Promise.all([
    t.call<DashboardResult>('reports.dashboard', { period }),
    totals('sales-summary'),
    totals('financial-summary'),
    totals('appointments-summary'),
    totals('occupancy'),
    totals('refunds'),
    totals('payment-methods'),
    totals('payment-methods', {}, [{ column: 'method', op: 'eq', value: 'pix' }]),
    t.call<ReportComparison>('reports.compare', { report: 'sales-summary', period }),
  ]);
  const k = (id: string) => dash.kpis.find((x) => x.id === id);
  const v = (id: string) => k(id)?.value ?? null;
  const at = `${period.preset}${period.today ? `@${period.today}` : ''}`;
  const pairs: Pair[] = [
    ['gross: dashboard = sales-summary', v('gross_revenue'), sum.gross],
    ['gross: dashboard = financial-summary', v('gross_revenue'), fin.gross],
    ['net: dashboard = sales-summary', v('net_revenue'), sum.net],
    ['net: dashboard = financial-summary', v('net_revenue'), fin.net],
    ['completed sales: dashboard = sales-summary', v('completed_sales'), sum.sales],
    ['completed sales: dashboard = financial-summary', v('completed_sales'), fin.sales],
    ['average ticket: dashboard = sales-summary', v('average_ticket'), sum.avg_ticket],
    ['average ticket: dashboard = financial-summary', v('average_ticket'), fin.avg_ticket],
    ['unique customers: dashboard = sales-summary', v('unique_customers'), sum.unique_customers],
    ['refunds: dashboard = financial-summary', v('refunds'), fin.refunds],
    ['refunds: dashboard = refunds report', v('refunds'), refunds.amount ?? '0.00'],
    ['refunds: dashboard = payment-methods', v('refunds'), pay.refunds ?? '0.00'],
    ['refunds: dashboard = sales-summary', v('refunds'), sum.refunds],
    ['received: financial-summary = payment-methods', fin.received, pay.amount ?? '0.00'],
    ['pix share: dashboard = payment-methods', v('pix_share'), pix.share ?? null],
    ['no-show rate: dashboard = appointments-summary', v('no_show_rate'), appts.no_show_rate],
    ['cancellation rate: dashboard = appointments-summary', v('cancellation_rate'), appts.cancellation_rate],
    ['occupancy: dashboard = occupancy report', v('occupancy'), occ.occupancy],
    ['compared window: dashboard = comparison card', win(dash.previous), win(cmp.previous)],
    ['last-year window: dashboard = comparison card', win(dash.lastYear), win(cmp.lastYear)],
    ['forecast next 30 days: dashboard = forecast page', v('forecast_next_30_days'), fc.total === null ? null : fc.total.toFixed(2)],
  ];
  const compared = (kpi: string, col: string, which: 'previous' | 'lastYear', values: ReportValues | null) =>
    pairs.push([`${kpi} ${which}: dashboard = comparison card`, which === 'previous' ? (k(kpi)?.previous ?? null) : (k(kpi)?.lastYear ?? null), values?.[col] ?? null]);
  for (const [kpi, col] of [['gross_revenue', 'gross'], ['net_revenue', 'net'], ['completed_sales', 'sales'], ['average_ticket', 'avg_ticket'], ['refunds', 'refunds']] as const) {
    compared(kpi, col, 'previous', cmp.previousValues);
    compared(kpi, col, 'lastYear', cmp.lastYearValues);
    pairs.push([`${kpi} now: dashboard = comparison card`, v(kpi), cmp.current[col]]);
  }
  return pairs.map(([what, a, b]) => [`${at} ${what}`, a, b]);
}

/** Pairs for a closing month: the pack's figures against the reports and the dashboard of that month. */
export async function closingPairs(t: TestEngine, month: string, today: string): Promise<Pair[]> {
  const period = { preset: 'last_month', today };
  const totals = (report: string, params: Record<string, unknown> = {}) => t.call<ReportTotals>('reports.totals', { report, period, params }).then((r) => r.values);
  const [pack, dash, fin, svr, staff, pay] = await Promise.all([
    buildClosing(t.engine, month),
    t.call<DashboardResult>('reports.dashboard', { period }),
    totals('financial-summary'),
    totals('sales-vs-receipts'),
    totals('staff-commissions'),
    totals('payment-methods', { granularity: 'month' }),
  ]);
  const v = (id: string) => dash.kpis.find((x) => x.id === id)?.value ?? null;
  const line = (section: string, pt: string) => pack.sections.find((s) => s.id === section)?.lines.find((l) => l.label['pt-BR'] === pt)?.value ?? null;
  const pairs: Pair[] = [
    ['gross: closing = dashboard', pack.figures.gross, v('gross_revenue')],
    ['net: closing = dashboard', pack.figures.net, v('net_revenue')],
    ['refunds: closing = dashboard', pack.figures.refunds, v('refunds')],
    ['completed sales value: closing = sales-vs-receipts', line('reconciliation', 'Vendas concluídas (total)'), svr.sales_value],
    ['received: closing = payment-methods', line('receipts', 'Recebido no mês'), pay.amount],
    ['received: sales-vs-receipts = financial-summary', svr.received, fin.received],
    ['refunds: sales-vs-receipts = financial-summary', svr.refunds, fin.refunds],
    ['commissions: closing = staff-commissions', line('commissions', 'Total de comissões'), staff.commission],
  ];
  for (const id of ['gross', 'discounts', 'refunds', 'net', 'tax', 'received', 'fees', 'commissions']) pairs.push([`${id}: closing = financial-summary`, pack.figures[id], String(fin[id])]);
  return pairs.map(([what, a, b]) => [`closing ${month} ${what}`, a, b]);
}

/** A figure in comparable form: money and rates as text of their exact value, null as null. */
export const same = (x: unknown) => (x === null || x === undefined ? null : typeof x === 'number' ? String(Math.round(x * 1e6) / 1e6) : String(x));
