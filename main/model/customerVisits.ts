// The customer visits table: one row per unified customer and business day with a completed sale (read from
// rollup_customer_day), with the customer's visit before and after it and the latest earlier visit that was followed
// by another within the return window. The dashboard's customer figures (unique, new, returning, came back) become
// counts over a period's rows. Kept in the rollups' refresh (customers of the days recomputed) and when identity
// links change (the customers whose unified customer changed), against a copy of the links it was built with.
import type { Tx } from '../store/db';

export const VISITS = 'rollup_customer_visits';
/** The links (customer_identity) the visits were grouped by; readers compare it with the current links. */
export const VISIT_LINKS = 'rollup_customer_links';
/** Days within which a next visit counts as coming back (the dashboard's rebooking rate). */
export const RETURN_DAYS = 60;

const TOUCHED = '__visits_touched';
const KEYS = '__visits_keys';
const RECORDS = '__visits_records';

/** CREATE TABLE of the visits and of the links copy (migration 26). */
export const VISITS_DDL = `CREATE TABLE ${VISITS} (customer_key VARCHAR, d DATE, prev_d DATE, next_d DATE, back_before DATE);
CREATE TABLE ${VISIT_LINKS} (customer_id VARCHAR, unified_id VARCHAR);`;

/**
 * Rows of the customers whose unified key passes `keyFilter` (a condition on customer_key; `records` and `join` narrow
 * the rollup scan to their customer records), in date order so a period's read skips the rest.
 */
function visitsSql(keyFilter: string, records: string, join = ''): string {
  return `INSERT INTO ${VISITS}
    WITH v AS (SELECT DISTINCT COALESCE(l.unified_id, c.customer_id) AS customer_key, c.d
        FROM rollup_customer_day c ${join} LEFT JOIN ${VISIT_LINKS} l ON l.customer_id = c.customer_id WHERE ${records}),
      w AS (SELECT customer_key, d, lag(d) OVER k AS prev_d, lead(d) OVER k AS next_d FROM v WHERE ${keyFilter}
        WINDOW k AS (PARTITION BY customer_key ORDER BY d))
    SELECT customer_key, d, prev_d, next_d,
      max(CASE WHEN next_d <= d + ${RETURN_DAYS} THEN d END) OVER (PARTITION BY customer_key ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS back_before
    FROM w ORDER BY d`;
}

/** Recomputes the rows of the unified customers listed in the temp table KEYS (column k). */
async function recomputeKeys(tx: Tx): Promise<void> {
  // Joins rather than IN lists: the scans of the visits and customer-days probe a hash of the few keys and records.
  await tx.run(`DELETE FROM ${VISITS} v USING ${KEYS} k WHERE v.customer_key = k.k`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${RECORDS} AS SELECT k AS customer_id FROM ${KEYS}
    UNION SELECT l.customer_id FROM ${VISIT_LINKS} l SEMI JOIN ${KEYS} k ON l.unified_id = k.k`);
  await tx.run(visitsSql(`customer_key IN (SELECT k FROM ${KEYS})`, 'TRUE', `SEMI JOIN ${RECORDS} r ON r.customer_id = c.customer_id`));
  await tx.run(`DROP TABLE ${RECORDS}`);
}

/** Before the customer-day rollup drops `days` (a SELECT of d): notes the customer records standing on them. */
export async function noteVisitDays(tx: Tx, days: string): Promise<void> {
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${TOUCHED} (customer_id VARCHAR)`);
  await tx.run(`INSERT INTO ${TOUCHED} SELECT DISTINCT customer_id FROM rollup_customer_day WHERE d IN ${days}`);
}

/** After the customer-day rollup recomputed `days`: the visits of every customer on them, before or after, anew. */
export async function refreshVisitDays(tx: Tx, days: string): Promise<void> {
  await noteVisitDays(tx, days);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${KEYS} AS SELECT DISTINCT COALESCE(l.unified_id, t.customer_id) AS k
    FROM ${TOUCHED} t LEFT JOIN ${VISIT_LINKS} l ON l.customer_id = t.customer_id`);
  await tx.run(`DROP TABLE ${TOUCHED}`);
  await recomputeKeys(tx);
  await tx.run(`DROP TABLE ${KEYS}`);
}

/**
 * After identity links changed: the customers whose unified customer changed (their old and new one) are regrouped
 * and the copy of the links made current. Returns how many unified customers were recomputed.
 */
export async function refreshVisitLinks(tx: Tx): Promise<number> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${KEYS} AS
    WITH moved AS (SELECT customer_id, o.unified_id AS before, n.unified_id AS after
      FROM ${VISIT_LINKS} o FULL OUTER JOIN (SELECT customer_id, unified_id FROM customer_identity) n USING (customer_id)
      WHERE o.unified_id IS DISTINCT FROM n.unified_id)
    SELECT DISTINCT k FROM (SELECT COALESCE(before, customer_id) AS k FROM moved UNION ALL SELECT COALESCE(after, customer_id) FROM moved)`);
  const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${KEYS}`);
  if (n > 0) {
    await tx.run(`DELETE FROM ${VISIT_LINKS}`);
    await tx.run(`INSERT INTO ${VISIT_LINKS} SELECT customer_id, unified_id FROM customer_identity`);
    await recomputeKeys(tx);
  }
  await tx.run(`DROP TABLE ${KEYS}`);
  return n;
}

/** Rebuilds the links copy and every visit (the rollups' rebuild). */
export async function rebuildVisitsTx(tx: Tx): Promise<void> {
  await tx.run(`DROP TABLE IF EXISTS ${TOUCHED}`);
  await tx.run(`DELETE FROM ${VISIT_LINKS}`);
  await tx.run(`INSERT INTO ${VISIT_LINKS} SELECT customer_id, unified_id FROM customer_identity`);
  await tx.run(`DELETE FROM ${VISITS}`);
  await tx.run(visitsSql('TRUE', 'TRUE'));
}

/** SQL: whether the visits were grouped by the current identity links (same rows, compared by a fingerprint). */
export const VISIT_LINKS_CURRENT = `SELECT (SELECT count(*) FROM customer_identity) = (SELECT count(*) FROM ${VISIT_LINKS})
  AND (SELECT coalesce(sum(hash(customer_id, unified_id)), 0) FROM customer_identity) = (SELECT coalesce(sum(hash(customer_id, unified_id)), 0) FROM ${VISIT_LINKS}) AS ok`;
