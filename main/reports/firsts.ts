// Each unified customer's first completed sale ever (instant and business date), materialised once per data
// version in the result cache: "new customer" and acquisition cohorts read it instead of scanning all history.
// Report SQL refers to it as the FIRSTS placeholder, swapped for the table's name before the query runs.
import type { Db } from '../store/db';
import { resultCache } from './resultCache';

export const FIRSTS = '{{firsts}}';

const FIRSTS_SQL = `SELECT COALESCE(ci.unified_id, f.customer_id) AS customer_key, min(f.first_at) AS first_at,
    CAST(timezone(getvariable('biz_tz'), min(f.first_at)) AS DATE) AS first_d
  FROM (SELECT customer_id, min(occurred_at) AS first_at FROM sales WHERE status = 'completed' AND customer_id IS NOT NULL GROUP BY 1) f
  LEFT JOIN customer_identity ci ON ci.customer_id = f.customer_id GROUP BY 1`;

/** Whether a cached statement is the first-sales table (kept across cold benchmark runs, like in the app). */
export const isFirstsSql = (sql: string) => sql === FIRSTS_SQL;

/** SQL with the FIRSTS placeholder replaced by the query itself (one-off statements: CLI and exports). */
export function inlineFirsts(sql: string): string {
  return sql.includes(FIRSTS) ? sql.split(FIRSTS).join(`(${FIRSTS_SQL})`) : sql;
}

/** SQL with the FIRSTS placeholder replaced by the (created when needed) table of first sales. */
export async function withFirsts(db: Db, sql: string): Promise<string> {
  if (!sql.includes(FIRSTS)) return sql;
  const table = await resultCache(db).table(FIRSTS_SQL, []);
  return sql.split(FIRSTS).join(table);
}
