// Period-bounded rows of sales, payments and sale lines with their business date and local time, as subqueries
// for FROM. Equal to v_sales / v_payments / v_report_lines restricted to the period, but faster: rows are
// pruned by UTC instants in the scan, and the business date comes from a 15-minute UTC bucket table (every
// real UTC offset is a multiple of 15 minutes) instead of a time-zone conversion per row.

const BUCKET_US = 900_000_000;
/** Keeps bucket numbers positive so integer division floors for any date after year -26000. */
const SHIFT = 1_000_000_000;
const TZ = `getvariable('biz_tz')`;

const bucketOf = (ts: string) => `((epoch_us(${ts}) + ${BUCKET_US}::BIGINT * ${SHIFT}) // ${BUCKET_US})`;
/** First instant of a business date (SQL DATE expression). */
const startOf = (d: string) => `timezone(${TZ}, CAST(${d} AS TIMESTAMP))`;

export interface FactsBounds {
  /** The business time zone's UTC offset (µs) when it is the same over every row touched; null = look it up per bucket. */
  offsetUs: number | null;
  /** First business date (SQL DATE expression), or null for the start of the data. */
  from: string | null;
  /** Last business date (SQL DATE expression), or null for the end of the data. */
  to: string | null;
}

/** Bucket table over [from, to]: k, biz_date and the UTC offset in microseconds of each 15-minute bucket. */
function bucketsSql(table: 'sales' | 'payments', b: FactsBounds): string {
  const lo = b.from ? bucketOf(startOf(`${b.from} - 1`)) : `(SELECT ${bucketOf('min(occurred_at)')} FROM ${table})`;
  const hi = b.to ? bucketOf(startOf(`${b.to} + 2`)) : `(SELECT ${bucketOf('max(occurred_at)')} FROM ${table})`;
  const at = `to_timestamp((k - ${SHIFT}) * ${BUCKET_US / 1_000_000})`;
  return `SELECT k, CAST(timezone(${TZ}, ${at}) AS DATE) AS biz_date, epoch_us(timezone(${TZ}, ${at})) - epoch_us(${at}) AS off_us
    FROM range(${lo}, ${hi} + 1) t(k)`;
}

const and = (conds: (string | null)[]) => conds.filter(Boolean).join(' AND ') || 'TRUE';
/** Instant bounds (comparisons DuckDB pushes into the table scan, pruning row groups by their min/max). */
const instantBounds = (a: string, b: FactsBounds) => and([b.from ? `${a}.occurred_at >= ${startOf(b.from)}` : null, b.to ? `${a}.occurred_at < ${startOf(`${b.to} + 1`)}` : null]);
/** The exact business-date bounds. */
const dateBounds = (src: string, b: FactsBounds) => and([b.from ? `${src}.biz_date >= ${b.from}` : null, b.to ? `${src}.biz_date <= ${b.to}` : null]);

/** `table` rows (alias a) with biz_date and biz_ts: offset arithmetic, or a join to the bucket table. */
function localized(table: 'sales' | 'payments', a: string, b: FactsBounds, extra: { cols: string; joins: string }): string {
  if (b.offsetUs !== null) {
    const local = `make_timestamp(epoch_us(${a}.occurred_at) + ${Math.trunc(b.offsetUs)})`;
    return `(SELECT * FROM (SELECT ${a}.*${extra.cols}, CAST(${local} AS DATE) AS biz_date, ${local} AS biz_ts
      FROM ${table} ${a} ${extra.joins} WHERE ${instantBounds(a, b)}) ${a} WHERE ${dateBounds(a, b)})`;
  }
  return `(WITH _b AS (${bucketsSql(table, b)})
    SELECT ${a}.*${extra.cols}, _b.biz_date, make_timestamp(epoch_us(${a}.occurred_at) + _b.off_us) AS biz_ts
    FROM ${table} ${a} JOIN _b ON _b.k = ${bucketOf(`${a}.occurred_at`)} ${extra.joins}
    WHERE ${instantBounds(a, b)} AND ${dateBounds('_b', b)})`;
}

/**
 * Sales with customer_key, biz_date and biz_ts (local time), as in v_sales. Without `customerKey` the identity
 * join is left out (and customer_key is absent): queries that group by customer_id first map ids afterwards,
 * on one row per customer instead of one per sale.
 */
export function salesFacts(b: FactsBounds, customerKey = true): string {
  return localized('sales', 's', b, customerKey ? {
    cols: ', COALESCE(ci.unified_id, s.customer_id) AS customer_key',
    joins: 'LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id',
  } : { cols: '', joins: '' });
}

/** Payments with biz_date and biz_ts, as in v_payments. */
export function paymentsFacts(b: FactsBounds): string {
  return localized('payments', 'p', b, { cols: '', joins: '' });
}

/** Sale lines with their sale's status, source, kind, location, customer, dates and staff, as in v_report_lines. */
export function linesFacts(b: FactsBounds, customerKey = true): string {
  return `(SELECT l.*, s.status, s.source, s.kind AS sale_kind, s.location_id,${customerKey ? ' s.customer_key,' : ''} s.biz_date, s.biz_ts,
      COALESCE(l.employee_id, s.employee_id) AS staff_id, s.occurred_at
    FROM sale_lines l JOIN ${salesFacts(b, customerKey)} s ON s.sale_id = l.sale_id)`;
}
