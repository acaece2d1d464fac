// Whether reports may answer from the daily rollups (model/rollupTables.ts) instead of the base rows: the rollups
// must be switched on, taken in the current time zone and cover every stored sale and payment; a request whose
// filters the rollups cannot express (staff on any line of a sale, item category, RFM cluster) reads base rows.
import type { CommonFilters } from '../../shared/api/reports';
import type { Db } from '../store/db';
import { StateKey } from '../store/state';
import { VISIT_LINKS_CURRENT } from '../model/customerVisits';

const SWITCH = new StateKey<{ on: boolean }, Db>('reports.rollups', () => ({ on: true }));
const READY = new StateKey<{ pending: Promise<boolean> | null }, Db>('reports.rollupsReady', () => ({ pending: null }));

/** Turns answering from rollups on or off for a database (the cross-checks run both ways; benches compare). */
export function setRollupsEnabled(db: Db, on: boolean): void {
  db.state(SWITCH).on = on;
}

/**
 * True when the rollups can answer: on, built in the business time zone, and summarising as many sales and
 * payments as the tables hold (rows written around the pipeline, e.g. by hand in SQL, make the rollups step aside
 * until they are rebuilt). The counts the rollups were brought up to date with are kept beside them; the tables'
 * counts are metadata reads.
 */
export function rollupsReady(db: Db): Promise<boolean> {
  if (!db.state(SWITCH).on) return Promise.resolve(false);
  // Callers asking at the same moment (a page and its totals, the data's bounds) share one look while it runs;
  // right after a write the counts are a scan, not metadata. Nothing is kept once it answered.
  const s = db.state(READY);
  if (s.pending) return s.pending;
  const pending = db
    .all<{ ok: boolean | null }>(
      `SELECT s.timezone = getvariable('biz_tz') AND s.sales = (SELECT count(*) FROM sales) AND s.payments = (SELECT count(*) FROM payments) AS ok FROM rollup_state s`,
    )
    .then(([row]) => row?.ok === true)
    .finally(() => {
      if (s.pending === pending) s.pending = null;
    });
  s.pending = pending;
  return pending;
}

const LINKS = new StateKey<{ hit: { version: number; value: Promise<boolean> } | null }, Db>('reports.visitLinks', () => ({ hit: null }));

/**
 * Whether the customer visits were grouped by the current identity links (model/customerVisits.ts); asked once per
 * data version (identity is re-linked inside a write session, which ends by bumping it).
 */
export function visitLinksCurrent(db: Db): Promise<boolean> {
  const s = db.state(LINKS);
  if (s.hit?.version === db.dataVersion) return s.hit.value;
  const value = db.all<{ ok: boolean | null }>(VISIT_LINKS_CURRENT).then(([r]) => r?.ok === true);
  const entry = { version: db.dataVersion, value };
  s.hit = entry;
  value.catch(() => s.hit === entry && (s.hit = null));
  return value;
}

/** The rollups' dimensions cover location and channel filters; the others need the base rows. */
export const rollupFilters = (c: CommonFilters): boolean => !c.employee?.length && !c.category?.length && !c.rfmCluster?.length;

/** What a report's SQL uses to read rollups: the common filters as conditions on a rollup row alias. */
export interface RollupAccess {
  /** Location and channel conditions on a rollup alias ('TRUE' when none). */
  filter(alias: string): string;
  /**
   * Customer-days between two SQL DATE expressions (completed sales only), each record mapped to its unified
   * customer as `customer_key` when read, so linking customers never leaves the rollups behind.
   */
  customers(from: string, to: string): string;
}

export function rollupAccess(c: CommonFilters, list: (values: string[]) => string): RollupAccess {
  const filter = (a: string) => {
    const out: string[] = [];
    if (c.location?.length) out.push(`${a}.location_id IN (${list(c.location)})`);
    if (c.source?.length) out.push(`${a}.source IN (${list(c.source)})`);
    return out.length ? out.join(' AND ') : 'TRUE';
  };
  return {
    filter,
    customers: (from, to) => `(SELECT c.*, COALESCE(ci.unified_id, c.customer_id) AS customer_key
      FROM rollup_customer_day c LEFT JOIN customer_identity ci ON ci.customer_id = c.customer_id
      WHERE c.d BETWEEN ${from} AND ${to} AND ${filter('c')})`,
  };
}
