// The dashboard's per-group inputs (dashboard.ts tags each row with the groups it counts in): completed sales and
// appointment outcomes, customers' visits, payments — from the daily rollups when they can answer (day sums and
// customer-days give the same figures as the rows), from the rows otherwise.
import type { RollupAccess } from './rollupSource';

export interface DashboardSpans {
  /** First date of the near span (SQL DATE), its end, and last year's window apart when it lies before it. */
  nf: string;
  to: string;
  far: { from: string; to: string } | null;
  /** Days after a span's end read for visits (a visit's return window). */
  returnDays: number;
  matured: string;
  /** The tag expression of a row's business date (and its bucket start, for "new" customers). */
  tag: (d: string, bucketStart?: string, ts?: string | null) => string;
  firsts: string;
}

export interface DashboardSources {
  /** CTEs defining `sales_in` (what the others read), `visits`, `cs` (customer rows with tags), `s0`, `a` and `pay`. */
  ctes: string;
}

/** Rollup rows of one table over the near span and last year's window apart (dates before the near span only). */
function spanRows(s: DashboardSpans, r: RollupAccess, table: string, cols: string, nearTo: string, farTo?: string): string {
  const near = `SELECT ${cols} FROM ${table} x WHERE x.d BETWEEN ${s.nf} AND ${nearTo} AND ${r.filter('x')}`;
  return s.far ? `${near} UNION ALL SELECT ${cols} FROM ${table} x WHERE x.d BETWEEN ${s.far.from} AND ${farTo ?? s.far.to} AND x.d < ${s.nf} AND ${r.filter('x')}` : near;
}

export function rollupSources(s: DashboardSpans, r: RollupAccess): DashboardSources {
  const customers = (from: string, to: string) => `SELECT DISTINCT customer_key, d AS biz_date FROM ${r.customers(from, to)}`;
  const cd = s.far
    ? `${customers(s.nf, `${s.to} + ${s.returnDays}`)} UNION SELECT * FROM (${customers(s.far.from, `${s.far.to} + ${s.returnDays}`)}) WHERE biz_date < ${s.nf}`
    : customers(s.nf, `${s.to} + ${s.returnDays}`);
  const n = (cond: string) => `CAST(coalesce(sum(sales) FILTER (WHERE ${cond}), 0) AS BIGINT)`;
  return {
    ctes: `sd AS (${spanRows(s, r, 'rollup_sales_day', 'x.d AS biz_date, x.kind, x.status, x.sales, x.gross, x.discounts, x.total', s.to)}),
    cd AS (${cd}),
    visits AS (SELECT customer_key, biz_date AS d, lead(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date) AS next_d FROM cd),
    cs AS (SELECT c.customer_key, f.first_at, c.biz_date <= ${s.matured} AS matured, date_diff('day', c.biz_date, v.next_d) BETWEEN 1 AND ${s.returnDays} AS back,
        ${s.tag('c.biz_date', 'st.at')} AS t
      FROM cd c JOIN starts st ON st.d = c.biz_date LEFT JOIN ${s.firsts} f ON f.customer_key = c.customer_key
      LEFT JOIN visits v ON v.customer_key = c.customer_key AND v.d = c.biz_date),
    s0 AS (SELECT t.g, CAST(sum(sales) AS BIGINT) AS n, sum(gross) AS gross, sum(discounts) AS discounts, sum(total) AS total
      FROM (SELECT sales, gross, discounts, total, ${s.tag('biz_date')} AS t FROM sd WHERE status = 'completed') GROUP BY 1),
    a AS (SELECT t.g, ${n(`status = 'no_show'`)} AS no_show, ${n(`status = 'cancelled'`)} AS cancelled, ${n(`status IN ('completed', 'no_show', 'cancelled')`)} AS closed
      FROM (SELECT status, sales, ${s.tag('biz_date')} AS t FROM sd WHERE kind = 'appointment') GROUP BY 1),
    pay AS (${spanRows(s, r, 'rollup_payments_day', 'x.d AS biz_date, x.kind, x.method, x.amount, NULL::TIMESTAMPTZ AS occurred_at', s.to)})`,
  };
}
