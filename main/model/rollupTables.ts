// The daily rollup tables as data: per business day (the business time zone) x location x staff x channel, and
// per customer-day, additive measures of sales, sale lines and payments. The DDL (migration 13) and the SQL that
// fills a set of days come from here, so what is stored and how it is computed cannot drift apart.
import { sqlIdent } from '../sql/quote';

export interface RollupColumn {
  name: string;
  type: string;
  /** SQL over the source row (alias r): a grouping expression for dimensions, an aggregate for measures. */
  expr: string;
  /** The migration that added the column (13 when absent): a later column comes with its own ALTER TABLE. */
  since?: number;
  /** The migration that dropped the column (kept here so older migrations still create what they created). */
  until?: number;
  /** The type the column was stored as before migration 16 narrowed it (older migrations create what they created). */
  wide?: string;
}

export interface RollupTable {
  name: string;
  /** The migration that added the table (13 when absent): a later table comes with its own CREATE TABLE. */
  since?: number;
  dims: RollupColumn[];
  measures: RollupColumn[];
  /**
   * The source rows (alias r) with their business date `biz_date`; `bounds` restricts an instant column (the
   * UTC-instant range of the days refreshed, so the scan prunes before any time-zone conversion).
   */
  source(bounds: (instant: string) => string, span?: { lo: string; hi: string }): string;
  /**
   * A table summed from another rollup at a coarser grain (its `d` is the month's first day): a refresh recomputes
   * the months of the days noted for that table, after it; `span` then gives the first and last month refreshed.
   */
  derived?: { from: string; grain: 'month' };
  /** Rows that count (completed sales only for the customer-day table). */
  where?: string;
}

// Stored measures are 64-bit decimals: DuckDB scans DECIMAL(18,2) about twenty times faster than the 128-bit
// DECIMAL(38,2) they were stored as until migration 16 (a day's sum never needs more than 16 integer digits); sums
// read over them are widened by DuckDB as usual.
const MONEY = 'DECIMAL(18,2)';
const WIDE_MONEY = 'DECIMAL(38,2)';
const NARROWED = 16;
const bizDate = (ts: string) => `CAST(timezone(getvariable('biz_tz'), ${ts}) AS DATE)`;
const dim = (name: string, type = 'VARCHAR', expr = `r.${name}`): RollupColumn => ({ name, type, expr });
const sum = (name: string, col: string, type = MONEY, wide = WIDE_MONEY): RollupColumn => ({ name, type, wide, expr: `sum(r.${col})` });
const count = (name: string): RollupColumn => ({ name, type: 'BIGINT', expr: 'count(*)' });

const salesOf = (bounds: (i: string) => string) => `(SELECT s.*, ${bizDate('s.occurred_at')} AS biz_date FROM sales s WHERE ${bounds('s.occurred_at')})`;
/**
 * Sale lines with their sale's business date, location, channel, kind and status, and their staff (the line's
 * employee, else the sale's), only the columns the lines rollups read: the one source of every lines rollup. Finding
 * a day's lines reads the whole lines table, so a refresh joins it once and every lines rollup reads the result
 * (see linesSourced); keeping it narrow keeps that result small on a large import.
 */
export const linesOf = (bounds: (i: string) => string) =>
  `(SELECT l.item_id, l.quantity, l.line_total, l.discount_amount, l.duration_min, s.biz_date, s.location_id, s.source, s.kind AS sale_kind, s.status,
      COALESCE(l.employee_id, s.employee_id) AS staff_id
    FROM sale_lines l JOIN ${salesOf(bounds)} s ON s.sale_id = l.sale_id)`;

export const ROLLUP_TABLES: readonly RollupTable[] = [
  {
    // Sales by their own business date: revenue of completed sales, appointment counts by status.
    name: 'rollup_sales_day',
    // The sale's employee was a dimension until migration 15: no report reads it (a staff filter reads the rows), and
    // without it the table is several times smaller.
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), { ...dim('employee_id'), until: 15 }, dim('source'), dim('kind'), dim('status')],
    measures: [
      count('sales'),
      sum('gross', 'gross_amount'),
      sum('discounts', 'discount_amount'),
      sum('tax', 'tax_amount'),
      sum('shipping', 'shipping_amount'),
      sum('total', 'total_amount'),
      // Per row, as the day-by-day comparisons sum it (a sale without a discount amount adds nothing here).
      { name: 'net', type: MONEY, wide: WIDE_MONEY, expr: 'sum(r.gross_amount - r.discount_amount)', since: 14 },
      // Fees of the sales' payments (any payment date), on the sale's day: a payment written notes its sale's day too.
      { name: 'fees', type: MONEY, expr: 'sum(r.fee_total)', since: 23 },
    ],
    source: (b) =>
      `(SELECT s.*, f.fees AS fee_total FROM ${salesOf(b)} s LEFT JOIN (SELECT p.sale_id, sum(p.fee_amount) AS fees FROM payments p
        WHERE p.kind = 'payment' AND p.sale_id IN (SELECT sale_id FROM ${salesOf(b)}) GROUP BY 1) f ON f.sale_id = s.sale_id)`,
  },
  {
    // Lines dated by their sale; staff = the line's employee, else the sale's (staff revenue, commissions).
    name: 'rollup_lines_day',
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('sale_kind'), dim('status'), dim('staff_id')],
    measures: [count('lines'), sum('quantity', 'quantity', 'DECIMAL(18,3)', 'DECIMAL(38,3)'), sum('line_total', 'line_total'), sum('discounts', 'discount_amount'), sum('duration_min', 'duration_min', 'BIGINT', 'HUGEINT')],
    source: linesOf,
  },
  {
    // Booked minutes of appointments not cancelled (occupancy), per day x location x channel x staff. A line's own
    // duration is summed; a line without one counts its item's duration x quantity, applied when read: such lines
    // keep their item and quantity, so changing an item's duration never leaves this table behind.
    name: 'rollup_booked_day',
    since: 17,
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('staff_id'), dim('item_id', 'VARCHAR', 'CASE WHEN r.duration_min IS NULL THEN r.item_id END')],
    measures: [
      count('lines'),
      { name: 'minutes', type: 'BIGINT', expr: 'sum(r.duration_min)' },
      { name: 'open_quantity', type: 'DECIMAL(18,3)', expr: 'sum(coalesce(r.quantity, 1)) FILTER (WHERE r.duration_min IS NULL)' },
    ],
    source: linesOf,
    where: `r.sale_kind = 'appointment' AND r.status IN ('booked', 'confirmed', 'completed', 'no_show')`,
  },
  {
    // Payments and refunds by their own business date; location and channel are the payment's sale's.
    name: 'rollup_payments_day',
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('method'), dim('kind')],
    measures: [count('payments'), sum('amount', 'amount'), sum('fees', 'fee_amount')],
    source: (b) =>
      `(SELECT p.*, ${bizDate('p.occurred_at')} AS biz_date, s.location_id, s.source
        FROM payments p LEFT JOIN sales s ON s.sale_id = p.sale_id WHERE ${b('p.occurred_at')})`,
  },
  {
    // Completed lines per item: what sold, how many and for how much (sales by item, profitability). Lines of other
    // statuses are left out; a sale changing status notes its day, so its lines move in or out.
    name: 'rollup_items_day',
    since: 18,
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('item_id')],
    measures: [count('lines'), sum('quantity', 'quantity', 'DECIMAL(18,3)'), sum('line_total', 'line_total')],
    source: linesOf,
    where: `r.status = 'completed'`,
  },
  {
    // Completed lines per month x location x channel x staff, summed from the daily lines rollup: commissions and
    // staff revenue over months read about thirty times fewer rows (a month's sum of day sums fits DECIMAL(18,2)).
    name: 'rollup_staff_month',
    since: 19,
    derived: { from: 'rollup_lines_day', grain: 'month' },
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('staff_id')],
    measures: [sum('line_total', 'line_total')],
    source: (_b, span) =>
      `(SELECT l.*, CAST(date_trunc('month', l.d) AS DATE) AS biz_date FROM rollup_lines_day l${span ? ` WHERE l.d >= DATE '${span.lo}' AND l.d < DATE '${span.hi}' + INTERVAL 1 MONTH` : ''})`,
    where: `r.status = 'completed'`,
  },
  {
    // One row per customer record, day, location and channel with completed sales: distinct customers of any
    // span come from here (the record is mapped to its unified customer when read, so linking never stales it).
    name: 'rollup_customer_day',
    dims: [dim('d', 'DATE', 'r.biz_date'), dim('location_id'), dim('source'), dim('customer_id')],
    measures: [count('sales'), sum('total', 'total_amount')],
    source: salesOf,
    where: `r.status = 'completed' AND r.customer_id IS NOT NULL`,
  },
];

const tableAsOf = (version: number) => (t: RollupTable) => (t.since ?? 13) <= version;
const asOf = (version: number) => (c: RollupColumn) => (c.since ?? 13) <= version && (c.until === undefined || version < c.until);
const current = (c: RollupColumn) => c.until === undefined;
const typeAsOf = (c: RollupColumn, version: number) => (version < NARROWED && c.wide) || c.type;

/** CREATE TABLE of every rollup table as of a schema version, and of the state row (the zone the days were taken in). */
export function rollupDdl(version: number): string {
  const tables = ROLLUP_TABLES.filter(tableAsOf(version)).map((t) => `CREATE TABLE ${sqlIdent(t.name)} (${[...t.dims, ...t.measures].filter(asOf(version)).map((c) => `${sqlIdent(c.name)} ${typeAsOf(c, version)}`).join(', ')});`);
  return [...tables, `CREATE TABLE rollup_state (timezone VARCHAR, built_at TIMESTAMPTZ);`].join('\n');
}

/** CREATE TABLE of the rollup tables a migration adds; the state row is cleared so the engine builds them at open. */
export function rollupTablesAdded(version: number): string {
  const tables = ROLLUP_TABLES.filter((t) => t.since === version).map((t) => `CREATE TABLE IF NOT EXISTS ${sqlIdent(t.name)} (${[...t.dims, ...t.measures].filter(current).map((c) => `${sqlIdent(c.name)} ${c.type}`).join(', ')});`);
  return [...tables, 'DELETE FROM rollup_state;'].join('\n');
}

/** ALTER TABLE for the rollup columns a migration adds or drops; the state row is cleared so the engine rebuilds at open. */
export function rollupColumnsChanged(version: number, clearState = true): string {
  const cols = (t: RollupTable) => [...t.dims, ...t.measures];
  const adds = ROLLUP_TABLES.flatMap((t) => cols(t).filter((c) => c.since === version).map((c) => `ALTER TABLE ${sqlIdent(t.name)} ADD COLUMN ${sqlIdent(c.name)} ${typeAsOf(c, version)};`));
  const drops = ROLLUP_TABLES.flatMap((t) => cols(t).filter((c) => c.until === version).map((c) => `ALTER TABLE ${sqlIdent(t.name)} DROP COLUMN ${sqlIdent(c.name)};`));
  return [...adds, ...drops, ...(clearState ? ['DELETE FROM rollup_state;'] : [])].join('\n');
}

/** ALTER TABLE narrowing the stored measures to their current types (migration 16); the rows keep their values. */
export function rollupTypesNarrowed(): string {
  return ROLLUP_TABLES.filter((t) => (t.since ?? 13) < NARROWED).flatMap((t) =>
    [...t.dims, ...t.measures].filter((c) => current(c) && c.wide && c.wide !== c.type).map((c) => `ALTER TABLE ${sqlIdent(t.name)} ALTER COLUMN ${sqlIdent(c.name)} SET DATA TYPE ${c.type};`),
  ).join('\n');
}

/** Whether a rollup table is summed from the sale lines (linesOf). */
export const linesSourced = (t: RollupTable): boolean => t.source === linesOf;

/**
 * INSERT of a rollup table's rows for the source rows `bounds` lets through whose business date passes `days`, in
 * date order (row groups then cover narrow date ranges, so a month's read skips the rest).
 */
export function rollupInsertSql(t: RollupTable, bounds: (instant: string) => string, days: string, from = t.source(bounds)): string {
  const dims = t.dims.filter(current);
  const cols = [...dims, ...t.measures.filter(current)];
  const where = [t.where, days].filter(Boolean).join(' AND ') || 'TRUE';
  return `INSERT INTO ${sqlIdent(t.name)} (${cols.map((c) => sqlIdent(c.name)).join(', ')})
    SELECT ${cols.map((c) => `${c.expr} AS ${sqlIdent(c.name)}`).join(', ')} FROM ${from} r WHERE ${where} GROUP BY ${dims.map((_, i) => i + 1).join(', ')}
    ORDER BY 1`;
}
