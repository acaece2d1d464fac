// Sales with customer_key and biz_date exactly as the v_sales view defines them, but with the business-local
// date looked up per 15-minute UTC bucket instead of converted per row: time-zone conversion is the dominant
// cost of analytics scans over millions of sales, and every real UTC offset is a multiple of 15 minutes.

/** Bucket width in microseconds (15 minutes). */
const BUCKET_US = 900_000_000;
/** Shifts epochs positive so integer division floors for any date after year -26000. */
const SHIFT_BUCKETS = 1_000_000_000;

/** The 15-minute bucket number of a TIMESTAMPTZ expression (an integer; floors for any plausible date). */
export function bucketSql(ts: string): string {
  return `((epoch_us(${ts}) + ${BUCKET_US}::BIGINT * ${SHIFT_BUCKETS}) // ${BUCKET_US})`;
}

/** The business date a bucket number falls on (every real UTC offset is a multiple of 15 minutes). */
export function bucketDateSql(k: string): string {
  return `CAST(timezone(getvariable('biz_tz'), to_timestamp((${k} - ${SHIFT_BUCKETS}) * ${BUCKET_US / 1_000_000})) AS DATE)`;
}

export interface SalesFactsOptions {
  /** SQL expression of the first business date to include (inclusive), or null for no lower bound. */
  from?: string | null;
  /** SQL expression of the last business date to include (inclusive), or null for no upper bound. */
  to?: string | null;
  /** Extra columns of `sales` to carry (sale_id, status, customer_key, biz_date and occurred_at always come). */
  columns?: string[];
  /** Extra SQL condition on `s` (the sales row), e.g. "s.status = 'completed'". */
  where?: string;
  /** customer_key is the sale's own customer_id (no identity link applied): for callers that merge linked records
   * after aggregating, which is far cheaper than joining every sale. */
  rawCustomer?: boolean;
}

/**
 * A parenthesised subquery for FROM: sale_id, status, occurred_at, customer_key, biz_date and the requested
 * columns. Rows are the rows of v_sales whose biz_date lies in [from, to].
 */
export function salesFactsSql(o: SalesFactsOptions = {}): string {
  const cols = (o.columns ?? []).map((c) => `s.${c}`);
  const from = o.from ? `CAST(${o.from} AS DATE)` : null;
  const to = o.to ? `CAST(${o.to} AS DATE)` : null;
  const bucket = (ts: string) => `((epoch_us(${ts}) + ${BUCKET_US}::BIGINT * ${SHIFT_BUCKETS}) // ${BUCKET_US})`;
  const lo = from ? bucket(`CAST(${from} - 1 AS TIMESTAMPTZ)`) : `(SELECT ${bucket('min(occurred_at)')} FROM sales)`;
  const hi = to ? bucket(`CAST(${to} + 2 AS TIMESTAMPTZ)`) : `(SELECT ${bucket('max(occurred_at)')} FROM sales)`;
  const conds = [
    from ? `s.occurred_at >= CAST(${from} - 1 AS TIMESTAMPTZ)` : null,
    to ? `s.occurred_at < CAST(${to} + 2 AS TIMESTAMPTZ)` : null,
    from ? `b.biz_date >= ${from}` : null,
    to ? `b.biz_date <= ${to}` : null,
    o.where ? `(${o.where})` : null,
  ].filter(Boolean);
  return `(
  WITH _biz_buckets AS (
    SELECT k, CAST(timezone(getvariable('biz_tz'), to_timestamp((k - ${SHIFT_BUCKETS}) * ${BUCKET_US / 1_000_000})) AS DATE) AS biz_date
    FROM range(${lo}, ${hi} + 1) t(k)
  )
  SELECT s.sale_id, s.status, s.occurred_at, ${o.rawCustomer ? 's.customer_id' : 'COALESCE(ci.unified_id, s.customer_id)'} AS customer_key, b.biz_date${cols.length ? ', ' + cols.join(', ') : ''}
  FROM sales s
  JOIN _biz_buckets b ON b.k = ${bucket('s.occurred_at')}
  ${o.rawCustomer ? '' : 'LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id'}
  ${conds.length ? 'WHERE ' + conds.join(' AND ') : ''}
)`;
}

/**
 * Completed-sales revenue per business date up to `to` (a SQL DATE expression): summed per 15-minute UTC bucket
 * first (an integer group), so only the buckets, not the sales, are converted to local dates.
 */
export function dailyRevenueSql(to: string): string {
  const bucket = `((epoch_us(occurred_at) + ${BUCKET_US}::BIGINT * ${SHIFT_BUCKETS}) // ${BUCKET_US})`;
  return `(
  WITH _rev_buckets AS (
    SELECT ${bucket} AS k, sum(total_amount) AS v FROM sales
    WHERE status = 'completed' AND occurred_at < CAST(CAST(${to} AS DATE) + 2 AS TIMESTAMPTZ)
    GROUP BY k
  )
  SELECT biz_date, sum(v) AS revenue FROM (
    SELECT CAST(timezone(getvariable('biz_tz'), to_timestamp((k - ${SHIFT_BUCKETS}) * ${BUCKET_US / 1_000_000})) AS DATE) AS biz_date, v FROM _rev_buckets
  ) WHERE biz_date <= CAST(${to} AS DATE) GROUP BY biz_date
)`;
}

/**
 * The exact UTC instants where business dates `from` and `to` + 1 begin (SQL DATE expressions), as two scalar
 * expressions: a sale is on a business date in [from, to] exactly when lo <= occurred_at < hi. Local midnight
 * always starts a 15-minute bucket, so each instant is found among a few buckets around its edge.
 */
export function businessDayBoundsSql(from: string, to: string): { lo: string; hi: string } {
  const bucketOf = (ts: string) => `((epoch_us(${ts}) + ${BUCKET_US}::BIGINT * ${SHIFT_BUCKETS}) // ${BUCKET_US})`;
  const around = (date: string) => `range(${bucketOf(`CAST(CAST(${date} AS DATE) - 2 AS TIMESTAMPTZ)`)}, ${bucketOf(`CAST(CAST(${date} AS DATE) + 3 AS TIMESTAMPTZ)`)})`;
  const local = (k: string) => `CAST(timezone(getvariable('biz_tz'), to_timestamp((${k} - ${SHIFT_BUCKETS}) * ${BUCKET_US / 1_000_000})) AS DATE)`;
  const first = (date: string, cond: string) =>
    `(SELECT to_timestamp((min(k) - ${SHIFT_BUCKETS}) * ${BUCKET_US / 1_000_000}) FROM ${around(date)} t(k) WHERE ${local('k')} ${cond})`;
  return { lo: first(from, `>= CAST(${from} AS DATE)`), hi: first(`CAST(${to} AS DATE) + 1`, `> CAST(${to} AS DATE)`) };
}
