// SQL fragments several reports share: bucketing by granularity, period calendars, and the exact money rules.
import { salesFactsSql } from '../analytics/salesFacts';
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

/** Every month start from the first to the last month with a completed sale or a payment, clipped to the period. */
export function activeMonthsSql(ctx: ReportContext): string {
  return `SELECT CAST(m.m AS DATE) AS month FROM (
      SELECT min(d) AS lo, max(d) AS hi FROM (
        SELECT date_trunc('month', s.biz_date) AS d FROM v_sales s WHERE s.status = 'completed' AND ${ctx.inPeriod('s')}
        UNION ALL SELECT date_trunc('month', p.biz_date) FROM v_payments p WHERE ${ctx.inPeriod('p')})) b,
    generate_series(b.lo, b.hi, INTERVAL 1 MONTH) m(m) WHERE b.lo IS NOT NULL`;
}

/** A distinct count that survives re-aggregation: rows carry lists, the total flattens them. */
export const distinctTotal = (listCol: string) => `CAST(length(list_distinct(flatten(list("${listCol}")))) AS BIGINT)`;

export const PAYMENT_METHODS = [
  ['cash', 'Dinheiro', 'Cash'],
  ['credit_card', 'Cartão de crédito', 'Credit card'],
  ['debit_card', 'Cartão de débito', 'Debit card'],
  ['pix', 'Pix', 'Pix'],
  ['boleto', 'Boleto', 'Boleto'],
  ['wallet', 'Carteira digital', 'Wallet'],
  ['voucher', 'Vale', 'Voucher'],
  ['other', 'Outros', 'Other'],
] as const;

/**
 * Commission per employee-month: round(monthly staff revenue x rate, 2), from lines of completed sales
 * (staff = line employee, else the sale's). Lines with no staff form the unassigned row (staff_id NULL).
 */
export function staffMonthsSql(ctx: { inPeriod(alias: string): string; linesFilter(a: string): string }): string {
  return `SELECT CAST(date_trunc('month', l.biz_date) AS DATE) AS month, l.staff_id, CAST(sum(l.line_total) AS DECIMAL(18,2)) AS base,
      any_value(e.commission_rate) AS rate, any_value(e.name) AS employee_name,
      round(CAST(sum(l.line_total) AS DECIMAL(18,2)) * any_value(e.commission_rate), 2) AS commission
    FROM v_report_lines l LEFT JOIN employees e ON e.employee_id = l.staff_id
    WHERE l.status = 'completed' AND ${ctx.inPeriod('l')} AND ${ctx.linesFilter('l')}
    GROUP BY ALL`;
}

/**
 * Completed sales with an exact business date computed per 15-minute bucket instead of per row (the fast path
 * for scans over the whole history), carrying the columns the common filters read.
 */
export function factsSql(from: string | null, to: string | null, columns: string[] = []): string {
  return salesFactsSql({ from, to, columns: ['location_id', 'source', 'employee_id', ...columns], where: "s.status = 'completed'" });
}
