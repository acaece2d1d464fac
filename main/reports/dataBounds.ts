// The span the stored activity covers (first and last business date of a sale or payment, and the earliest date
// anything was recorded), asked by "all time" periods and by the fixed-offset check of every report: computed once
// per data version, shared by concurrent callers, from the daily rollups (a few thousand rows) when they are current.
import type { Db } from '../store/db';
import { StateKey } from '../store/state';
import { rollupsReady } from './rollupSource';

export interface DataBounds {
  /** First and last business dates with a sale or a payment (null when there is none). */
  activity: { first: string; last: string } | null;
  /** A date on or before anything recorded (sales, payments, listing observations), in any UTC offset; null when empty. */
  earliest: string | null;
}

const BOUNDS = new StateKey<{ version: number; tz: string; value: Promise<DataBounds> | null }, Db>('reports.dataBounds', () => ({ version: -1, tz: '', value: null }));

const iso = (d: string) => `strftime(${d}, '%Y-%m-%d')`;

async function compute(db: Db): Promise<DataBounds> {
  // Business dates: the rollups' days are exactly the rows' business dates; otherwise converted from the instants.
  const span = (await rollupsReady(db))
    ? `SELECT min(d) AS lo, max(d) AS hi FROM (SELECT d FROM rollup_sales_day UNION ALL SELECT d FROM rollup_payments_day)`
    : `SELECT CAST(timezone(getvariable('biz_tz'), min(lo)) AS DATE) AS lo, CAST(timezone(getvariable('biz_tz'), max(hi)) AS DATE) AS hi
        FROM (SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM sales UNION ALL SELECT min(occurred_at), max(occurred_at) FROM payments)`;
  // Two days before the first business date covers the first instant's date in any offset.
  const [r] = await db.all<{ first: string | null; last: string | null; earliest: string | null }>(
    `WITH b AS (${span}), l AS (SELECT CAST(min(observed_at) AS DATE) AS lo FROM listing_snapshots)
     SELECT ${iso('b.lo')} AS first, ${iso('b.hi')} AS last, ${iso('least(b.lo - 2, l.lo - 1)')} AS earliest FROM b, l`,
  );
  return { activity: r?.first && r.last ? { first: r.first, last: r.last } : null, earliest: r?.earliest ?? null };
}

/** The data's bounds for the current data version and time zone. */
export function dataBounds(db: Db): Promise<DataBounds> {
  const s = db.state(BOUNDS);
  if (s.value && s.version === db.dataVersion && s.tz === db.timezone) return s.value;
  const value = compute(db);
  Object.assign(s, { version: db.dataVersion, tz: db.timezone, value });
  value.catch(() => s.value === value && (s.value = null));
  return value;
}
