// SQL fragments several reports share: bucketing by granularity, period calendars, and the exact money rules.
import { PAYMENT_METHOD_VALUES } from '../../shared/model';
import type { RollupAccess } from './rollupSource';
import type { ReportContext } from './types';

export const GRANULARITY_OPTIONS = [
  { value: 'day', label: { 'pt-BR': 'Dia', en: 'Day' } },
  { value: 'week', label: { 'pt-BR': 'Semana', en: 'Week' } },
  { value: 'month', label: { 'pt-BR': 'Mês', en: 'Month' } },
];

/** Every bucket start (DATE) of the given granularity that overlaps [from, to]. */
export function bucketsSql(ctx: ReportContext, gran: string, from = ctx.from, to = ctx.to): string {
  return `SELECT DISTINCT CAST(date_trunc(${gran}, CAST(g.d AS DATE)) AS DATE) AS bucket
    FROM generate_series(CAST(${from} AS TIMESTAMP), CAST(${to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)`;
}

/**
 * A distinct count that survives re-aggregation: result rows carry lists of ids and the totals row counts the
 * distinct ids of the filtered rows (see aggregate.ts for how each place counts them).
 */
export const distinctTotal = (listCol: string) => (distinct: (listCol: string) => string) => distinct(listCol);

/** [code, pt-BR, en] of every payment method, in the model's order. */
export const PAYMENT_METHODS = PAYMENT_METHOD_VALUES.map((m) => [m.code, m.label['pt-BR'], m.label.en] as const);

/**
 * Completed line revenue per (month, staff) row from the rollups: whole months of [from, to] from the monthly table,
 * the days of a month cut by the period from the daily one (its rows grouped to their month).
 */
function staffMonthRows(r: RollupAccess, from: string, to: string): string {
  // The first day of the first whole month, and the first day after the last whole month (lo >= hi: none).
  const lo = `CAST(CASE WHEN day(${from}) = 1 THEN ${from} ELSE date_trunc('month', ${from}) + INTERVAL 1 MONTH END AS DATE)`;
  const hi = `CAST(CASE WHEN ${to} = last_day(${to}) THEN ${to} + 1 ELSE date_trunc('month', ${to}) END AS DATE)`;
  return `SELECT m.d AS month, m.staff_id, m.line_total AS base FROM rollup_staff_month m WHERE m.d >= ${lo} AND m.d < ${hi} AND ${r.filter('m')}
    UNION ALL SELECT CAST(date_trunc('month', l.d) AS DATE), l.staff_id, l.line_total FROM rollup_lines_day l
    WHERE l.status = 'completed' AND l.d BETWEEN ${from} AND ${to} AND (l.d < ${lo} OR l.d >= ${hi}) AND ${r.filter('l')}`;
}

/**
 * Commission per employee-month: round(monthly staff revenue x rate, 2), from lines of completed sales
 * (staff = line employee, else the sale's). Lines with no staff form the unassigned row (staff_id NULL).
 */
export function staffMonthsSql(ctx: Pick<ReportContext, 'lines' | 'linesFilter' | 'rollups' | 'from' | 'to'>): string {
  // Summed per employee-month first, then named and priced: the join reads one row per employee-month.
  const months = ctx.rollups
    ? `SELECT month, staff_id, CAST(sum(base) AS DECIMAL(18,2)) AS base FROM (${staffMonthRows(ctx.rollups, ctx.from, ctx.to)}) GROUP BY 1, 2`
    : `SELECT CAST(date_trunc('month', l.biz_date) AS DATE) AS month, l.staff_id, CAST(sum(l.line_total) AS DECIMAL(18,2)) AS base
      FROM ${ctx.lines({ customerKey: false })} l WHERE l.status = 'completed' AND ${ctx.linesFilter('l')} GROUP BY 1, 2`;
  return `SELECT m.month, m.staff_id, m.base, e.commission_rate AS rate, e.name AS employee_name, round(m.base * e.commission_rate, 2) AS commission
    FROM (${months}) m LEFT JOIN employees e ON e.employee_id = m.staff_id`;
}


/** Quantity and revenue of completed lines per item in the period: from the items rollup when it can answer. */
export function itemSums(ctx: Pick<ReportContext, 'lines' | 'linesFilter' | 'rollups' | 'from' | 'to'>): string {
  if (ctx.rollups) {
    return `SELECT i.item_id, sum(i.quantity) AS quantity, sum(i.line_total) AS revenue FROM rollup_items_day i
      WHERE i.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${ctx.rollups.filter('i')} GROUP BY 1`;
  }
  return `SELECT l.item_id, sum(l.quantity) AS quantity, sum(l.line_total) AS revenue FROM ${ctx.lines({ customerKey: false })} l
    WHERE l.status = 'completed' AND ${ctx.linesFilter('l')} GROUP BY 1`;
}
