// Monthly acquisition cohorts: customers grouped by the month of their first completed sale ever, and for each
// month since, how many of them bought again (retention) and what they spent — one query over the sales facts.
import type { CohortRow, CohortsResult } from '../../shared/analytics';
import type { Db } from '../store/db';
import type { Binder } from './rfm';
import { salesFactsSql } from './salesFacts';

/**
 * Long form: cohort (first day of month), months_since, cohort_size, customers, retention, revenue. Cohorts whose
 * month lies in [fromMonth, toMonth] (SQL DATE expressions, any day of the month); activity counted up to `end`.
 */
export function cohortsSql(b: Binder, fromDate: string | null, end: string): string {
  const from = fromDate ? `date_trunc('month', CAST(${fromDate} AS DATE))` : null;
  const e = `CAST(${end} AS DATE)`;
  return `WITH co_m AS MATERIALIZED (
      SELECT customer_key, CAST(date_trunc('month', biz_date) AS DATE) AS mo, sum(total_amount) AS revenue
      FROM ${salesFactsSql({ to: e, columns: ['total_amount'], where: "s.status = 'completed'" })} f
      WHERE customer_key IS NOT NULL GROUP BY 1, 2
    ), co_first AS (
      SELECT customer_key, min(mo) AS cohort FROM co_m GROUP BY customer_key
    ), co_sel AS (
      SELECT * FROM co_first WHERE ${from ? `cohort >= ${from}` : 'TRUE'}
    ), co_act AS (
      SELECT s.cohort, date_diff('month', s.cohort, m.mo) AS k, count(*) AS customers, sum(m.revenue) AS revenue
      FROM co_sel s JOIN co_m m ON m.customer_key = s.customer_key GROUP BY 1, 2
    ), co_size AS (
      SELECT cohort, count(*) AS n FROM co_sel GROUP BY cohort
    ), co_grid AS (
      SELECT cohort, n, unnest(range(0, date_diff('month', cohort, date_trunc('month', ${e})) + 1)) AS k FROM co_size
    )
    SELECT g.cohort, CAST(g.k AS BIGINT) AS months_since, CAST(g.n AS BIGINT) AS cohort_size, CAST(coalesce(a.customers, 0) AS BIGINT) AS customers,
      coalesce(a.customers, 0) / g.n AS retention, CAST(coalesce(a.revenue, 0) AS DECIMAL(18,2)) AS revenue
    FROM co_grid g LEFT JOIN co_act a ON a.cohort = g.cohort AND a.k = g.k`;
}

/** Cohorts as nested rows for the API (first months up to the end month). */
export async function cohorts(db: Db, fromMonth: string | null, toMonth: string | null): Promise<CohortsResult> {
  const params: unknown[] = [];
  const b: Binder = { add: (v) => (params.push(v), `$${params.length}`) };
  let end = toMonth ? `${toMonth}-01` : null;
  if (!end) {
    const [r] = await db.all<{ d: string | null }>(`SELECT strftime(CAST(timezone(getvariable('biz_tz'), max(occurred_at)) AS DATE), '%Y-%m-%d') AS d FROM sales WHERE status = 'completed'`);
    if (!r.d) return { from: fromMonth, to: toMonth, cohorts: [] };
    end = r.d;
  }
  const endExpr = toMonth ? `last_day(CAST(${b.add(end)} AS DATE))` : `CAST(${b.add(end)} AS DATE)`;
  const sql = cohortsSql(b, fromMonth ? b.add(`${fromMonth}-01`) : null, endExpr);
  const rows = await db.all<{ cohort: string; months_since: number; cohort_size: number; customers: number; retention: number; revenue: string }>(
    `SELECT strftime(cohort, '%Y-%m') AS cohort, months_since::INT AS months_since, cohort_size::INT AS cohort_size, customers::INT AS customers,
       retention::DOUBLE AS retention, revenue::VARCHAR AS revenue FROM (${sql}) ORDER BY cohort, months_since`,
    params as never,
  );
  const out: CohortRow[] = [];
  for (const r of rows) {
    let last = out[out.length - 1];
    if (!last || last.cohort !== r.cohort) out.push((last = { cohort: r.cohort, size: r.cohort_size, cells: [] }));
    last.cells.push({ monthsSince: r.months_since, customers: r.customers, retention: r.retention, revenue: r.revenue });
  }
  return { from: fromMonth, to: toMonth ?? end.slice(0, 7), cohorts: out };
}
