// Keeping the daily rollups (rollupTables.ts) current: a write notes the business days its sales, lines and
// payments stood on before and after it (a changed or deleted row's old day included), and before its transaction
// commits those days alone are recomputed from the base tables — in the same transaction as the rows. A rebuild
// recomputes every day; it runs when a database first gets the tables or the business time zone changes.
import type { Db, Tx } from '../store/db';
import { ROLLUP_TABLES, rollupInsertSql } from './rollupTables';

/** The tables whose rows the rollups summarise. */
export const ROLLUP_SOURCES = ['sales', 'sale_lines', 'payments'] as const;
export type RollupSource = (typeof ROLLUP_SOURCES)[number];

const DAYS = '__rollup_days';
const REFRESH = '__rollup_refresh';
/** The after-write hook's name: its work runs inside the write transaction, registered by touchDays. */
export const DAILY_ROLLUPS = 'daily-rollups';
const biz = (ts: string) => `CAST(timezone(getvariable('biz_tz'), ${ts}) AS DATE)`;

/** SQL of the business days rows of `table` stand on, for the keys `keys` selects (key columns by name). */
function daysOfKeys(table: RollupSource, keys: string): string {
  switch (table) {
    // A sale's payments carry its location and channel into the payments rollup: their days move with it.
    case 'sales':
      return `SELECT ${biz('occurred_at')} AS d FROM sales WHERE sale_id IN (SELECT sale_id FROM (${keys}))
        UNION SELECT ${biz('occurred_at')} FROM payments WHERE sale_id IN (SELECT sale_id FROM (${keys}))`;
    case 'sale_lines':
      return `SELECT ${biz('occurred_at')} AS d FROM sales WHERE sale_id IN (SELECT sale_id FROM (${keys}))`;
    case 'payments':
      return `SELECT ${biz('occurred_at')} AS d FROM payments WHERE payment_id IN (SELECT payment_id FROM (${keys}))`;
  }
}

export const isRollupSource = (table: string): table is RollupSource => (ROLLUP_SOURCES as readonly string[]).includes(table);

/**
 * Notes the business days of the stored rows of `table` that `keys` selects (a SELECT giving the table's key
 * columns by name); called before rows are deleted or replaced and after rows are written. The days are
 * recomputed once, just before the transaction commits.
 */
export async function touchDays(tx: Tx, table: string, keys: string, params?: unknown[]): Promise<void> {
  if (!isRollupSource(table)) return;
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS} (d DATE)`);
  await tx.run(`INSERT INTO ${DAYS} SELECT DISTINCT d FROM (${daysOfKeys(table, keys)}) WHERE d IS NOT NULL`, params as never);
  tx.beforeCommit(DAILY_ROLLUPS, async (t) => void (await refreshTouchedDays(t)));
}

/** Recomputes the rollups of the days noted in this transaction. */
export async function refreshTouchedDays(tx: Tx): Promise<{ days: number }> {
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS} (d DATE)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${REFRESH} AS SELECT DISTINCT d FROM ${DAYS}`);
  await tx.run(`DELETE FROM ${DAYS}`);
  const [span] = await tx.all<{ n: number; lo: string | null; hi: string | null }>(
    `SELECT count(*)::INTEGER AS n, strftime(min(d), '%Y-%m-%d') AS lo, strftime(max(d), '%Y-%m-%d') AS hi FROM ${REFRESH}`,
  );
  if (span.n > 0 && span.lo && span.hi) {
    // The UTC instants of the first and last day (a day late and early: the scan is pruned, biz_date decides).
    const bounds = (i: string) =>
      `${i} >= timezone(getvariable('biz_tz'), CAST(DATE '${span.lo}' - 1 AS TIMESTAMP)) AND ${i} < timezone(getvariable('biz_tz'), CAST(DATE '${span.hi}' + 2 AS TIMESTAMP))`;
    for (const t of ROLLUP_TABLES) {
      await tx.run(`DELETE FROM ${t.name} WHERE d IN (SELECT d FROM ${REFRESH})`);
      await tx.run(rollupInsertSql(t, bounds, `r.biz_date IN (SELECT d FROM ${REFRESH})`));
    }
  }
  await tx.run(`DROP TABLE ${REFRESH}`);
  return { days: span.n };
}

/** Recomputes every rollup from the base tables, in the caller's transaction, in the current business time zone. */
export async function rebuildRollupsTx(tx: Tx): Promise<void> {
  for (const t of ROLLUP_TABLES) {
    await tx.run(`DELETE FROM ${t.name}`);
    await tx.run(rollupInsertSql(t, () => 'TRUE', ''));
  }
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS} (d DATE)`);
  await tx.run(`DELETE FROM ${DAYS}`);
  await tx.run(`DELETE FROM rollup_state`);
  await tx.run(`INSERT INTO rollup_state VALUES (getvariable('biz_tz'), now())`);
}

/** Rebuilds every rollup from scratch in a transaction of its own; returns the rows of each table. */
export async function rebuildRollups(db: Db): Promise<{ table: string; rows: number }[]> {
  await db.transaction((tx) => rebuildRollupsTx(tx));
  return db.all<{ table: string; rows: number }>(ROLLUP_TABLES.map((t) => `SELECT '${t.name}' AS "table", count(*)::DOUBLE AS rows FROM ${t.name}`).join(' UNION ALL '));
}

/** Whether the stored rollups were built in the current business time zone (readers fall back otherwise). */
export async function rollupsCurrent(db: Db): Promise<boolean> {
  const rows = await db.all<{ ok: boolean }>(`SELECT timezone = getvariable('biz_tz') AS ok FROM rollup_state`);
  return rows[0]?.ok === true;
}

/** Builds the rollups when the database has never had them or they were built in another time zone. */
export async function ensureRollups(db: Db): Promise<boolean> {
  if (await rollupsCurrent(db)) return false;
  await db.transaction((tx) => rebuildRollupsTx(tx));
  return true;
}
