// Each unified customer's first completed sale ever (instant and business date), materialised once per data
// version in the result cache: "new customer" and acquisition cohorts read it instead of scanning all history.
// A report reaches it through ctx.firsts(), which names the relation the caller chose before the SQL is built.
import type { Db } from '../store/db';
import { resultCache } from './resultCache';

const FIRSTS_SQL = `SELECT COALESCE(ci.unified_id, f.customer_id) AS customer_key, min(f.first_at) AS first_at,
    CAST(timezone(getvariable('biz_tz'), min(f.first_at)) AS DATE) AS first_d
  FROM (SELECT customer_id, min(occurred_at) AS first_at FROM sales WHERE status = 'completed' AND customer_id IS NOT NULL GROUP BY 1) f
  LEFT JOIN customer_identity ci ON ci.customer_id = f.customer_id GROUP BY 1`;

/** Whether a cached statement is the first-sales table (kept across cold benchmark runs, like in the app). */
export const isFirstsSql = (sql: string) => sql === FIRSTS_SQL;

/** The first-sales relation as a subquery (one-off statements: CLI and exports). */
export const inlineFirsts = (): string => `(${FIRSTS_SQL})`;

/** The name of the (created when needed) cached table of first sales. */
export function firstsTable(db: Db): Promise<string> {
  return resultCache(db).table(FIRSTS_SQL, []);
}
