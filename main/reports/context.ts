// Builds the context a report's SQL builder receives: bound parameters, period bounds and the common filters
// turned into SQL conditions over the report views (every value bound, never spliced).
import type { DuckDBValue } from '@duckdb/node-api';
import type { CommonFilters } from '../../shared/api/reports';
import type { ResolvedPeriod } from '../../shared/reports';
import type { Settings } from '../../shared/settings';
import type { ParamList } from '../sql/specSql';
import { sqlString } from '../sql/quote';
import type { Db } from '../store/db';
import { StateKey } from '../store/state';
import { AppError } from '../store/errors';
import { linesFacts, paymentsFacts, salesFacts } from './facts';
import { rollupAccess, rollupFilters } from './rollupSource';
import type { Availability, FactsOptions, ParamValue, ReportContext } from './types';

const KNOWN = new StateKey<{ hit: { version: number; at: number; value: Promise<Availability> } | null }, Db>('reports.availability', () => ({ hit: null }));
/** How long an availability answer is reused when the data version did not move (analytics jobs may write quietly). */
const AVAILABILITY_TTL_MS = 2000;

/** Which analytics tables exist and hold data (reused for a moment within one data version). */
export function availability(db: Db): Promise<Availability> {
  const known = db.state(KNOWN);
  const hit = known.hit;
  if (hit && hit.version === db.dataVersion && Date.now() - hit.at < AVAILABILITY_TTL_MS) return hit.value;
  const value = probeAvailability(db);
  const entry = { version: db.dataVersion, at: Date.now(), value };
  known.hit = entry;
  value.catch(() => known.hit === entry && (known.hit = null));
  return value;
}

async function probeAvailability(db: Db): Promise<Availability> {
  const t = new Set(
    (await db.all<{ n: string }>(`SELECT table_name AS n FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database() AND table_name IN ('rfm_snapshots', 'customer_value', 'clv_models', 'forecast_runs', 'forecast_points')`)).map((x) => x.n),
  );
  const probe = [
    t.has('rfm_snapshots') ? 'EXISTS (SELECT 1 FROM rfm_snapshots)' : 'false',
    t.has('customer_value') && t.has('clv_models') ? 'EXISTS (SELECT 1 FROM customer_value)' : 'false',
    t.has('forecast_runs') && t.has('forecast_points') ? `EXISTS (SELECT 1 FROM forecast_runs WHERE granularity = 'day')` : 'false',
  ];
  const [row] = await db.all<{ rfm: boolean; cv: boolean; fc: boolean }>(`SELECT ${probe[0]} AS rfm, ${probe[1]} AS cv, ${probe[2]} AS fc`);
  return { rfm: row?.rfm === true, customerValue: row?.cv === true, forecast: row?.fc === true };
}

export interface ContextInput {
  params: ParamList;
  period: ResolvedPeriod;
  previous: ResolvedPeriod;
  common: CommonFilters;
  values: Record<string, ParamValue>;
  settings: Settings;
  has: Availability;
  /** The business zone's fixed UTC offset (µs) over the data, or null when it changes (see tzOffset.ts). */
  offsetUs: number | null;
  /** The first-sales relation ctx.firsts() names: the cached table, or the subquery itself (see firsts.ts). */
  firsts: () => string;
  /** The daily rollups are current and switched on (rollupSource.ts). */
  rollups?: boolean;
}

/** A resolved business date as a DATE literal (resolvePeriod only yields YYYY-MM-DD; quoted all the same). */
export const dateLiteral = (d: string): string => `CAST(${sqlString(d)} AS DATE)`;

export function makeContext(i: ContextInput): ReportContext {
  const p = (v: DuckDBValue) => i.params.add(v);
  const list = (vals: string[]) => vals.map((v) => p(v)).join(', ');
  // The period bounds are constants of the statement (validated dates), not parameters: reading them binds nothing.
  const fromSql = dateLiteral(i.period.from);
  const toSql = dateLiteral(i.period.to);
  const from = () => fromSql;
  const to = () => toSql;
  const c = i.common;
  const span = (o: FactsOptions = {}) => ({ from: o.from === undefined ? from() : o.from, to: o.to === undefined ? to() : o.to, offsetUs: i.offsetUs });
  // The RFM filter reads customer_key, so it keeps the identity join whatever the report asked.
  const keyed = (o: FactsOptions = {}) => (o.customerKey ?? true) || Boolean(c.rfmCluster?.length);
  // The UTC bounds are plain timestamp comparisons DuckDB pushes into the table scan, so the per-row time-zone
  // conversion behind biz_date only runs on rows of the period; the biz_date test keeps the result exact.
  const tsIn = (ts: string, lo: string | null, hi: string | null) =>
    [lo && `${ts} >= timezone(getvariable('biz_tz'), CAST(${lo} AS TIMESTAMP))`, hi && `${ts} < timezone(getvariable('biz_tz'), CAST(${hi} + 1 AS TIMESTAMP))`]
      .filter(Boolean)
      .join(' AND ') || 'TRUE';
  // biz_date is only consulted within two days of a bound (where a DST edge could matter), so long open ranges
  // do not convert every row of the history.
  const between = (a: string, lo: string | null, hi: string | null) =>
    [
      tsIn(`${a}.occurred_at`, lo, hi),
      lo && `(${a}.occurred_at >= timezone(getvariable('biz_tz'), CAST(${lo} + 2 AS TIMESTAMP)) OR ${a}.biz_date >= ${lo})`,
      hi && `(${a}.occurred_at < timezone(getvariable('biz_tz'), CAST(${hi} - 1 AS TIMESTAMP)) OR ${a}.biz_date <= ${hi})`,
    ]
      .filter(Boolean)
      .join(' AND ');

  const rfmAsOf = () => {
    if (!i.has.rfm) throw new AppError('NOT_READY', 'RFM scores have not been computed yet: run the customer analytics first');
    return `(SELECT coalesce(max(as_of) FILTER (WHERE as_of <= ${to()}), min(as_of)) FROM rfm_snapshots)`;
  };
  const customerFilter = (key: string) => {
    if (!c.rfmCluster?.length) return 'TRUE';
    return `${key} IN (SELECT customer_id FROM rfm_snapshots WHERE as_of = ${rfmAsOf()} AND cluster IN (${list(c.rfmCluster)}))`;
  };
  const salesConds = (a: string): string[] => {
    const out: string[] = [];
    if (c.location?.length) out.push(`${a}.location_id IN (${list(c.location)})`);
    if (c.source?.length) out.push(`${a}.source IN (${list(c.source)})`);
    if (c.employee?.length) {
      const e = list(c.employee);
      out.push(`(${a}.employee_id IN (${e}) OR ${a}.sale_id IN (SELECT sale_id FROM sale_lines WHERE employee_id IN (${e})))`);
    }
    if (c.category?.length) {
      out.push(`${a}.sale_id IN (SELECT l.sale_id FROM sale_lines l JOIN items i ON i.item_id = l.item_id WHERE i.category IN (${list(c.category)}))`);
    }
    if (c.rfmCluster?.length) out.push(customerFilter(`${a}.customer_key`));
    return out;
  };
  const and = (conds: string[]) => (conds.length ? conds.join(' AND ') : 'TRUE');

  return {
    p,
    period: i.period,
    previous: i.previous,
    from: fromSql,
    to: toSql,
    inPeriod: (a) => between(a, from(), to()),
    between,
    tsIn,
    sales: (o) => salesFacts(span(o), keyed(o)),
    payments: (o) => paymentsFacts(span(o)),
    lines: (o) => linesFacts(span(o), keyed(o)),
    params: i.values,
    common: c,
    settings: i.settings,
    has: i.has,
    salesFilter: (a) => and(salesConds(a)),
    linesFilter: (a) => {
      const out: string[] = [];
      if (c.location?.length) out.push(`${a}.location_id IN (${list(c.location)})`);
      if (c.source?.length) out.push(`${a}.source IN (${list(c.source)})`);
      if (c.employee?.length) out.push(`${a}.staff_id IN (${list(c.employee)})`);
      if (c.category?.length) out.push(`${a}.item_id IN (SELECT item_id FROM items WHERE category IN (${list(c.category)}))`);
      if (c.rfmCluster?.length) out.push(customerFilter(`${a}.customer_key`));
      return and(out);
    },
    paymentsFilter: (a) => {
      const conds = salesConds('fs');
      return conds.length ? `${a}.sale_id IN (SELECT fs.sale_id FROM v_sales fs WHERE ${and(conds)})` : 'TRUE';
    },
    customerFilter,
    rfmAsOf,
    firsts: i.firsts,
    rollups: i.rollups && rollupFilters(c) ? rollupAccess(c, list) : null,
  };
}
