// RFM exactly as specs/data-model.md: window (D - W, D] in business dates, tie-stable rank scores 1..5, optional
// fixed visit-count bands for F, and the six (R, F) clusters — one DuckDB query over v_sales.
import type { Settings } from '../../shared/settings';
import type { DuckDBValue } from '@duckdb/node-api';
import { RFM_CLUSTERS, rfmCluster, type RfmCluster } from '../../shared/rfm';
import type { RfmClusterSummary } from '../../shared/analytics';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { bucketDateSql, bucketSql, businessDayBoundsSql } from './salesFacts';

/** Binds a value and returns its placeholder (ParamList, or a report context's p). */
export interface Binder {
  add(v: DuckDBValue): string;
}

export interface RfmOptions {
  /** As-of business date D, 'YYYY-MM-DD' (inclusive). */
  asOf: string;
  windowDays: number;
  frequencyMode: 'rank' | 'fixed';
  /** Visit counts at which F becomes 2, 3, 4 and 5 (fixed mode). */
  frequencyThresholds: number[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The last calendar day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  if (!MONTH.test(month)) throw new AppError('BAD_INPUT', `month must be YYYY-MM, got ${month}`);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The month before a 'YYYY-MM' month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function checkDate(d: string, what = 'date'): string {
  if (!ISO_DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    throw new AppError('BAD_INPUT', `${what} must be a valid YYYY-MM-DD date, got ${d}`);
  }
  return d;
}

/** RFM options from settings, with an optional per-call window and F mode. */
export function rfmOptions(settings: Settings, asOf: string, over: Partial<Omit<RfmOptions, 'asOf'>> = {}): RfmOptions {
  return {
    asOf: checkDate(asOf, 'as-of date'),
    windowDays: over.windowDays ?? settings.rfm.windowDays,
    frequencyMode: over.frequencyMode ?? settings.rfm.frequencyMode,
    frequencyThresholds: over.frequencyThresholds ?? settings.rfm.frequencyThresholds,
  };
}

/** The SQL CASE of the (R, F) cluster rule; generated from shared/rfm.ts so both can never disagree. */
export function clusterCaseSql(r: string, f: string): string {
  const arms: string[] = [];
  for (let ri = 1; ri <= 5; ri++) for (let fi = 1; fi <= 5; fi++) arms.push(`WHEN ${r} = ${ri} AND ${f} = ${fi} THEN '${rfmCluster(ri, fi)}'`);
  return `CASE ${arms.join(' ')} END`;
}

function scoreSql(orderBy: string): string {
  return `(1 + (5 * (rank() OVER (ORDER BY ${orderBy}) - 1)) // n)::TINYINT`;
}

function fScoreSql(o: RfmOptions, params: Binder): string {
  if (o.frequencyMode !== 'fixed') return scoreSql('frequency');
  const t = o.frequencyThresholds;
  if (t.length !== 4 || t.some((x) => !Number.isInteger(x) || x < 1)) throw new AppError('BAD_INPUT', 'frequency thresholds must be four positive integers');
  const p = t.map((x) => params.add(x));
  return `(CASE WHEN frequency >= ${p[3]} THEN 5 WHEN frequency >= ${p[2]} THEN 4 WHEN frequency >= ${p[1]} THEN 3 WHEN frequency >= ${p[0]} THEN 2 ELSE 1 END)::TINYINT`;
}

function checkWindow(o: RfmOptions): void {
  if (!Number.isInteger(o.windowDays) || o.windowDays < 1) throw new AppError('BAD_INPUT', 'window must be a positive number of days');
}

/** Scores from a histogram: rank - 1 = customers strictly below the value (in `order`), the same as RANK(). */
function histogramScoreSql(col: string, order: 'ASC' | 'DESC'): string {
  return `SELECT ${col}, (1 + (5 * coalesce(sum(c) OVER (ORDER BY ${col} ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) // (SELECT n FROM rs_n))::TINYINT AS score
    FROM (SELECT ${col}, count(*) AS c FROM rs_base GROUP BY ${col})`;
}

/**
 * Scores a base relation of (customer_id, last_date, frequency, monetary) — one row per customer with at least one
 * completed sale in the window — into customer_id, recency, frequency, monetary, r, f, m, cluster. Recency and
 * frequency take few distinct values, so their rank scores come from a small histogram instead of a sort.
 */
export function rfmScoreSql(base: string, asOf: string, o: RfmOptions, params: Binder): string {
  const fixed = o.frequencyMode === 'fixed';
  return `WITH rs_base AS MATERIALIZED (
      SELECT customer_id, date_diff('day', last_date, ${asOf})::INTEGER AS recency, frequency::INTEGER AS frequency, monetary::DECIMAL(18,2) AS monetary
      FROM ${base}
    ), rs_n AS (SELECT count(*) AS n FROM rs_base),
    rs_r AS (${histogramScoreSql('recency', 'DESC')})${fixed ? '' : `,
    rs_f AS (${histogramScoreSql('frequency', 'ASC')})`}
    SELECT customer_id, recency, frequency, monetary, r, f, m, ${clusterCaseSql('r', 'f')} AS cluster FROM (
      SELECT b.customer_id, b.recency, b.frequency, b.monetary, rr.score AS r, ${fixed ? fScoreSql(o, params) : 'ff.score'} AS f,
        (1 + (5 * (rank() OVER (ORDER BY b.monetary) - 1)) // (SELECT n FROM rs_n))::TINYINT AS m
      FROM rs_base b JOIN rs_r rr ON rr.recency = b.recency${fixed ? '' : ' JOIN rs_f ff ON ff.frequency = b.frequency'}
    )`;
}

/** The window condition on a business-date expression: (D - W, D]. */
export function rfmWindowSql(dateExpr: string, asOf: string, windowParam: string): string {
  return `${dateExpr} > ${asOf} - CAST(${windowParam} AS INTEGER) AND ${dateExpr} <= ${asOf}`;
}

/** The scored customers as of D: customer_id (unified), recency, frequency, monetary, r, f, m, cluster. */
export function rfmSql(o: RfmOptions, params: Binder): string {
  checkWindow(o);
  const d = `CAST(${params.add(checkDate(o.asOf, 'as-of date'))} AS DATE)`;
  const w = params.add(o.windowDays);
  // Aggregated per source record on exact instant bounds, then merged per unified customer (only records that take
  // part in an identity link need the second grouping). No per-sale time-zone work: the last visit's business date
  // is the date of its latest instant, looked up once per 15-minute bucket.
  const bounds = businessDayBoundsSql(`${d} - CAST(${w} AS INTEGER) + 1`, d);
  const linked = `(p.unified_id IS NOT NULL OR p.customer_id IN (SELECT unified_id FROM customer_identity))`;
  const base = `(
    WITH rf_src AS (
      SELECT s.customer_id, max(s.occurred_at) AS last_at, count(*) AS n, sum(s.total_amount) AS m
      FROM sales s
      WHERE s.status = 'completed' AND s.customer_id IS NOT NULL AND s.occurred_at >= ${bounds.lo} AND s.occurred_at < ${bounds.hi}
      GROUP BY s.customer_id
    ), rf_linked AS (
      SELECT p.*, ci.unified_id FROM rf_src p LEFT JOIN customer_identity ci ON ci.customer_id = p.customer_id
    ), rf_keys AS MATERIALIZED (
      SELECT customer_id, last_at, n AS frequency, m AS monetary FROM rf_linked p WHERE NOT ${linked}
      UNION ALL
      SELECT COALESCE(p.unified_id, p.customer_id), max(p.last_at), sum(p.n), sum(p.m) FROM rf_linked p WHERE ${linked} GROUP BY 1
    ), rf_buckets AS (
      SELECT k, ${bucketDateSql('k')} AS last_date FROM (SELECT DISTINCT ${bucketSql('last_at')} AS k FROM rf_keys)
    )
    SELECT r.customer_id, b.last_date, r.frequency, r.monetary FROM rf_keys r JOIN rf_buckets b ON b.k = ${bucketSql('r.last_at')}
  )`;
  return rfmScoreSql(base, d, o, params);
}

/** Cluster sizes and values of a scored set given as SQL (live RFM or a snapshot). */
export async function clusterSummary(db: Db, sourceSql: string, params: DuckDBValue[]): Promise<RfmClusterSummary[]> {
  const rows = await db.all<{ cluster: RfmCluster; customers: number; monetary: string; avg_recency: number | null; avg_frequency: number | null }>(
    `SELECT cluster, count(*)::DOUBLE AS customers, COALESCE(sum(monetary), 0)::DECIMAL(18,2)::VARCHAR AS monetary,
       avg(recency)::DOUBLE AS avg_recency, avg(frequency)::DOUBLE AS avg_frequency
     FROM (${sourceSql}) GROUP BY cluster`,
    params,
  );
  const by = new Map(rows.map((r) => [r.cluster, r]));
  return RFM_CLUSTERS.map((c) => {
    const r = by.get(c);
    return { cluster: c, customers: r?.customers ?? 0, monetary: r?.monetary ?? '0.00', avgRecency: r?.avg_recency ?? null, avgFrequency: r?.avg_frequency ?? null };
  });
}

/** Today's business date (the business time zone's calendar). */
export async function businessToday(db: Db): Promise<string> {
  const [row] = await db.all<{ d: string }>(`SELECT strftime(CAST(timezone(getvariable('biz_tz'), now()) AS DATE), '%Y-%m-%d') AS d`);
  return row.d;
}

/** A month's RFM as-of date: its last day, or today while the month is still running (never a day in the future). */
export function monthAsOf(month: string, today: string): string {
  const end = monthEnd(month);
  return end > today ? today : end;
}

/** The default as-of date of every RFM figure (RFM page, segments, Customer 360): the latest sales month's, never after today. */
export async function defaultRfmAsOf(db: Db): Promise<string | null> {
  const month = await latestSalesMonth(db);
  return month ? monthAsOf(month, await businessToday(db)) : null;
}

/** The month (YYYY-MM) of the latest completed sale, or null when there is none. */
export async function latestSalesMonth(db: Db): Promise<string | null> {
  const [row] = await db.all<{ m: string | null }>(`SELECT strftime(timezone(getvariable('biz_tz'), max(occurred_at)), '%Y-%m') AS m FROM sales WHERE status = 'completed'`);
  return row?.m ?? null;
}
