// Keeping the daily rollups (rollupTables.ts) current: a write notes the business days its sales, lines and
// payments stood on before and after it (a changed or deleted row's old day included), and before its transaction
// commits those days alone are recomputed from the base tables — in the same transaction as the rows. A rebuild
// recomputes every day; it runs when a database first gets the tables or the business time zone changes.
import type { Db, Tx } from '../store/db';
import { StateKey } from '../store/state';
import { linesOf, linesSourced, ROLLUP_TABLES, rollupInsertSql } from './rollupTables';
import { noteVisitDays, rebuildVisitsTx, refreshVisitDays } from './customerVisits';

/** The tables whose rows the rollups summarise. */
export const ROLLUP_SOURCES = ['sales', 'sale_lines', 'payments'] as const;
export type RollupSource = (typeof ROLLUP_SOURCES)[number];

/** Days noted in the open transaction, with the rollup table each must be recomputed in. */
const DAYS = '__rollup_touched';
const DAYS_DDL = `${DAYS} (d DATE, t VARCHAR)`;
const REFRESH = '__rollup_refresh';
/** The after-write hook's name: its work runs inside the write transaction, registered by touchDays. */
export const DAILY_ROLLUPS = 'daily-rollups';
/** The rows the rollups now cover, recorded with them (readers compare with the tables' counts). */
const COUNTS = `UPDATE rollup_state SET sales = (SELECT count(*) FROM sales), payments = (SELECT count(*) FROM payments)`;
/** Marks the rollups as behind the tables (readers compare counts and read base rows; the next open rebuilds). */
const BEHIND = `UPDATE rollup_state SET sales = -1`;
const biz = (ts: string) => `CAST(timezone(getvariable('biz_tz'), ${ts}) AS DATE)`;

const SALES = '__rollup_sales';
/** Sales of written payments whose days are not noted yet (their fees move in the sales rollup). */
const PAID = '__rollup_paid';
/** The touched days' sale lines with their sales, read once per refresh by every lines rollup. */
const LINES = '__rollup_lines';

/**
 * SQL of the business days rows of `table` stand on, for the keys `keys` selects (key columns by name); `rows`, when
 * given, holds the rows themselves (written rows with their occurred_at), so their days need no lookup.
 */
function daysOfKeys(table: RollupSource, keys: string, rows?: string, orphanPayments = true): string {
  switch (table) {
    // A sale's payments carry its location and channel into the payments rollup: their days move with it. Written
    // rows (`rows`) come after the replaced ones were noted with their payments; a new sale can only have payments
    // stored before it (without their sale), so their lookup is skipped when no payment stands without its sale.
    case 'sales':
      return `SELECT ${biz('occurred_at')} AS d FROM ${rows ? `(${rows})` : `sales WHERE sale_id IN (SELECT sale_id FROM (${keys}))`}
        ${rows && !orphanPayments ? '' : `UNION SELECT ${biz('occurred_at')} FROM payments WHERE sale_id IN (SELECT sale_id FROM (${keys}))`}`;
    // Lines of sales already noted in this transaction stand on days already noted (old and new).
    case 'sale_lines':
      return `SELECT ${biz('occurred_at')} AS d FROM sales WHERE sale_id IN (SELECT sale_id FROM (${keys}) WHERE sale_id NOT IN (SELECT sale_id FROM ${SALES}))`;
    case 'payments':
      return rows ? `SELECT ${biz('occurred_at')} AS d FROM (${rows})` : `SELECT ${biz('occurred_at')} AS d FROM payments WHERE payment_id IN (SELECT payment_id FROM (${keys}))`;
  }
}

/**
 * Whether a stored payment may stand without its sale: the payments rollup summarises every payment with its sale's
 * channel, so a payment without a sale shows as a row without a channel there (payments written in this session
 * and not summarised yet are all noted for it already). Only an empty answer (none anywhere) is taken as "no".
 */
async function orphanPaymentsMayExist(tx: Tx): Promise<boolean> {
  const [r] = await tx.all<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM rollup_state WHERE timezone = getvariable('biz_tz'))
    AND NOT EXISTS (SELECT 1 FROM rollup_payments_day WHERE source IS NULL) AS ok`);
  return r?.ok !== true;
}

/**
 * The rollup tables a change of each source table can move: a sale carries its day, location, channel and status
 * into every rollup (its lines' and payments' too); a line only into the lines and booked-minutes rollups, a payment
 * only into its own.
 */
const TARGETS: Record<RollupSource, readonly string[]> = {
  sales: ROLLUP_TABLES.filter((t) => !t.derived).map((t) => t.name),
  sale_lines: ['rollup_lines_day', 'rollup_booked_day', 'rollup_items_day'],
  payments: ['rollup_payments_day'],
};
const noteSql = (targets: readonly string[], days: string) =>
  `INSERT INTO ${DAYS} SELECT d, unnest([${targets.map((t) => `'${t}'`).join(', ')}]) FROM (SELECT DISTINCT d FROM (${days}) WHERE d IS NOT NULL)`;

export const isRollupSource = (table: string): table is RollupSource => (ROLLUP_SOURCES as readonly string[]).includes(table);

/**
 * Notes the business days of the stored rows of `table` that `keys` selects (a SELECT giving the table's key
 * columns by name); called before rows are deleted or replaced and after rows are written. The days are
 * recomputed once, just before the transaction commits.
 */
export async function touchDays(tx: Tx, table: string, keys: string, params?: unknown[], rows?: string): Promise<void> {
  if (!isRollupSource(table)) return;
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS_DDL}`);
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${SALES} (sale_id VARCHAR)`);
  if (table === 'sale_lines') {
    // Most lines arrive with their sale (noted just before): only lines of other sales need their sale's day looked up.
    const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${keys}) WHERE sale_id NOT IN (SELECT sale_id FROM ${SALES})`, params as never);
    if (n === 0) return;
  }
  await tx.run(noteSql(TARGETS[table], daysOfKeys(table, keys, rows, table === 'sales' && rows ? await orphanPaymentsMayExist(tx) : true)), params as never);
  if (table === 'payments') {
    // A payment's fee counts on its sale's day in the sales rollup (fees per sale): that day is noted too, unless the
    // sale itself was noted in this transaction (all its days already are).
    const saleIds = rows ? `SELECT sale_id FROM (${rows})` : `SELECT sale_id FROM payments WHERE payment_id IN (SELECT payment_id FROM (${keys}))`;
    // The few sale ids first: payments arriving with their sales (an import's files) need no look into the sales.
    await tx.run(`CREATE OR REPLACE TEMP TABLE ${PAID} AS SELECT DISTINCT sale_id FROM (${saleIds}) WHERE sale_id NOT IN (SELECT sale_id FROM ${SALES})`, params as never);
    const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${PAID}`);
    if (n > 0) await tx.run(noteSql(['rollup_sales_day'], `SELECT ${biz('occurred_at')} AS d FROM sales WHERE sale_id IN (SELECT sale_id FROM ${PAID})`));
    await tx.run(`DROP TABLE ${PAID}`);
  }
  if (table === 'sales') await tx.run(`INSERT INTO ${SALES} SELECT DISTINCT sale_id FROM (${keys})`, params as never);
  registerRefresh(tx);
}

/**
 * Held back refreshes: while a multi-file import writes its files (one transaction each), the days each file notes
 * are kept and the rollups are marked behind in that file's transaction; the last file's transaction recomputes
 * every kept day once (a day an import's sales, lines and payments files all touch is recomputed once, not three
 * times). Readers never get stale figures in between: behind rollups make every report read the base rows.
 */
const HOLD = new StateKey<{ holds: number }, Db>('model.rollupRefreshHeld', () => ({ holds: 0 }));

function registerRefresh(tx: Tx): void {
  if (tx.state(HOLD).holds > 0) tx.beforeCommit(DAILY_ROLLUPS, (t) => t.run(BEHIND));
  else tx.beforeCommit(DAILY_ROLLUPS, async (t) => void (await refreshTouchedDays(t)));
}

/**
 * Holds back the rollup refresh of the write transactions that follow until `release` (call it before the last
 * transaction, which then recomputes every day noted since); `settle` (always, e.g. in a finally) recomputes the
 * kept days in a transaction of its own when no later transaction did (the last one failed or never ran).
 */
export function holdRollupRefresh(db: Db): { release(): void; settle(): Promise<void> } {
  const s = db.state(HOLD);
  s.holds++;
  let held = true;
  const release = () => {
    if (held) s.holds--;
    held = false;
  };
  return {
    release,
    async settle() {
      release();
      if (s.holds > 0) return;
      const [r] = await db.all<{ behind: boolean }>(`SELECT sales = -1 AS behind FROM rollup_state`);
      if (r?.behind) await db.transaction(async (tx) => void (await refreshTouchedDays(tx)));
    },
  };
}

/** Notes business days directly (a SELECT of DATE values named d): their rollups are recomputed before the commit. */
export async function touchDates(tx: Tx, dates: string): Promise<void> {
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS_DDL}`);
  await tx.run(noteSql(TARGETS.sales, dates));
  registerRefresh(tx);
}

/** Recomputes the rollups of the days noted in this transaction. */
export async function refreshTouchedDays(tx: Tx): Promise<{ days: number }> {
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${DAYS_DDL}`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${REFRESH} AS SELECT DISTINCT d, t FROM ${DAYS}`);
  // A monthly table is redone for the months of the days its daily table redoes (after it, in ROLLUP_TABLES' order).
  for (const t of ROLLUP_TABLES) {
    if (t.derived) await tx.run(`INSERT INTO ${REFRESH} SELECT DISTINCT CAST(date_trunc('month', d) AS DATE), '${t.name}' FROM ${REFRESH} WHERE t = '${t.derived.from}'`);
  }
  await tx.run(`DELETE FROM ${DAYS}`);
  await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${SALES} (sale_id VARCHAR)`);
  await tx.run(`DELETE FROM ${SALES}`);
  const spans = await tx.all<{ t: string; n: number; lo: string; hi: string }>(
    `SELECT t, count(*)::INTEGER AS n, strftime(min(d), '%Y-%m-%d') AS lo, strftime(max(d), '%Y-%m-%d') AS hi FROM ${REFRESH} GROUP BY t`,
  );
  // The UTC instants of the first and last day (a day late and early: the scan is pruned, biz_date decides).
  const boundsOf = (lo: string, hi: string) => (i: string) =>
    `${i} >= timezone(getvariable('biz_tz'), CAST(DATE '${lo}' - 1 AS TIMESTAMP)) AND ${i} < timezone(getvariable('biz_tz'), CAST(DATE '${hi}' + 2 AS TIMESTAMP))`;
  // The touched days' sale lines are found once (a read of the whole lines table) for every lines rollup.
  const lineTables = ROLLUP_TABLES.filter((t) => linesSourced(t) && spans.some((s) => s.t === t.name)).map((t) => `'${t.name}'`);
  const lineSpans = spans.filter((s) => lineTables.includes(`'${s.t}'`));
  if (lineSpans.length) {
    const lo = lineSpans.map((s) => s.lo).sort()[0];
    const hi = lineSpans.map((s) => s.hi).sort().reverse()[0];
    await tx.run(`CREATE OR REPLACE TEMP TABLE ${LINES} AS SELECT * FROM ${linesOf(boundsOf(lo, hi))} r
      WHERE r.biz_date IN (SELECT d FROM ${REFRESH} WHERE t IN (${lineTables.join(', ')}))`);
  }
  for (const t of ROLLUP_TABLES) {
    const span = spans.find((s) => s.t === t.name);
    if (!span) continue;
    const bounds = boundsOf(span.lo, span.hi);
    const days = `(SELECT d FROM ${REFRESH} WHERE t = '${t.name}')`;
    // The customer visits follow the customer-days: every customer on a recomputed day, before or after, anew.
    const visits = t.name === 'rollup_customer_day';
    if (visits) await noteVisitDays(tx, days);
    await tx.run(`DELETE FROM ${t.name} WHERE d IN ${days}`);
    const from = linesSourced(t) ? LINES : t.derived ? t.source(bounds, span) : undefined;
    await tx.run(rollupInsertSql(t, bounds, `r.biz_date IN ${days}`, from));
    if (visits) await refreshVisitDays(tx, days);
  }
  if (lineSpans.length) await tx.run(`DROP TABLE ${LINES}`);
  await tx.run(`DROP TABLE ${REFRESH}`);
  await tx.run(COUNTS);
  return { days: Math.max(0, ...spans.map((s) => s.n)) };
}

/** Recomputes every rollup from the base tables, in the caller's transaction, in the current business time zone. */
export async function rebuildRollupsTx(tx: Tx): Promise<void> {
  for (const t of ROLLUP_TABLES) {
    await tx.run(`DELETE FROM ${t.name}`);
    await tx.run(rollupInsertSql(t, () => 'TRUE', ''));
  }
  await rebuildVisitsTx(tx);
  for (const t of [DAYS_DDL, `${SALES} (sale_id VARCHAR)`]) await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${t}`);
  await tx.run(`DELETE FROM ${DAYS}`);
  await tx.run(`DELETE FROM ${SALES}`);
  await tx.run(`DELETE FROM rollup_state`);
  await tx.run(`INSERT INTO rollup_state (timezone, built_at) VALUES (getvariable('biz_tz'), now())`);
  await tx.run(COUNTS);
}

/** Rebuilds every rollup from scratch in a transaction of its own; returns the rows of each table. */
export async function rebuildRollups(db: Db): Promise<{ table: string; rows: number }[]> {
  await db.transaction((tx) => rebuildRollupsTx(tx));
  return db.all<{ table: string; rows: number }>(ROLLUP_TABLES.map((t) => `SELECT '${t.name}' AS "table", count(*)::DOUBLE AS rows FROM ${t.name}`).join(' UNION ALL '));
}

/**
 * Whether the stored rollups were built in the current business time zone and are not behind (a held-back refresh
 * that never ran, e.g. a crash between an import's files): readers fall back, and the engine rebuilds at open.
 */
export async function rollupsCurrent(db: Db): Promise<boolean> {
  const rows = await db.all<{ ok: boolean }>(`SELECT timezone = getvariable('biz_tz') AND sales IS DISTINCT FROM -1 AS ok FROM rollup_state`);
  return rows[0]?.ok === true;
}

/** Builds the rollups when the database has never had them or they were built in another time zone. */
export async function ensureRollups(db: Db): Promise<boolean> {
  if (await rollupsCurrent(db)) return false;
  await db.transaction((tx) => rebuildRollupsTx(tx));
  return true;
}
