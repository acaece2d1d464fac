// agenda.alerts: the dashboard's "what changed" — each unit's gross revenue and each professional's staff revenue
// over the 7 business days ending yesterday against its own usual week (the mean of the 8 weeks before), the
// no-show rate of that week against the same 8 weeks (the business and each unit), and the good customers overdue.
import type { AlertsResult, DashboardAlert } from '../../../shared/agenda';
import type { Engine } from '../../engine/engine';
import { ParamList } from '../../sql/specSql';
import { dateLiteral } from '../context';
import { linesFacts, salesFacts } from '../facts';
import { addDays, businessToday } from '../period';
import { requestOffsetUs } from '../tzOffset';
import { overdueCustomers } from './overdue';

/** Weeks before the compared one that make a unit's or professional's usual week. */
export const BASELINE_WEEKS = 8;
/** A week this far from the usual one (fraction of it)... */
export const WEEK_THRESHOLD = 0.3;
/** ...and by at least this much money... */
export const MIN_MONEY_CHANGE = 300;
/** ...and by at least this many standard deviations of its own baseline weeks (a professional's weeks vary). */
export const WEEK_SIGMAS = 2;
/** A subject needs activity in this many of the baseline weeks to have a usual week at all. */
const MIN_ACTIVE_WEEKS = 4;
/** No-shows rise when the week's rate is at least this many times the usual rate... */
export const NO_SHOW_RATIO = 1.5;
/** ...and at least this many points above it, with at least this many no-shows in the week. */
export const NO_SHOW_POINTS = 0.03;
export const NO_SHOW_MIN = 3;
/** The list stays short. */
const MAX_ALERTS = 6;

interface Row {
  kind: 'unit_week' | 'employee_week' | 'no_show_rise';
  id: string | null;
  name: string | null;
  cur: string | number;
  usual: string | number;
  change: number | null;
}

function alertsSql(p: ParamList, today: string, offsetUs: number | null, location?: string[]): string {
  const yesterday = `${today} - 1`;
  const from = `${today} - ${7 * (BASELINE_WEEKS + 1)}`;
  const span = { from, to: yesterday, offsetUs };
  const loc = (col: string) => (location?.length ? `${col} IN (${location.map((l) => p.add(l)).join(', ')})` : 'TRUE');
  const week = `CAST(date_diff('day', biz_date, ${yesterday}) // 7 AS INTEGER)`;
  // Per subject: this week's figure, the baseline mean (weeks without activity count as zero) and active weeks.
  const money = (kind: string, rel: string) => `SELECT '${kind}' AS kind, id, coalesce(sum(amt) FILTER (WHERE w = 0), 0) AS cur,
      CAST(coalesce(sum(amt) FILTER (WHERE w > 0), 0) / ${BASELINE_WEEKS} AS DECIMAL(18,2)) AS usual, count(*) FILTER (WHERE w > 0 AND amt <> 0) AS active,
      sqrt(greatest(coalesce(sum(CAST(amt AS DOUBLE) ^ 2) FILTER (WHERE w > 0), 0) / ${BASELINE_WEEKS} - (coalesce(sum(CAST(amt AS DOUBLE)) FILTER (WHERE w > 0), 0) / ${BASELINE_WEEKS}) ^ 2, 0)) AS sd
    FROM (${rel}) GROUP BY id`;
  const th = p.add(WEEK_THRESHOLD);
  const minMoney = p.add(MIN_MONEY_CHANGE);
  return `WITH s AS (SELECT *, ${week} AS w FROM ${salesFacts(span, false)} s WHERE ${loc('s.location_id')}),
    l AS (SELECT *, ${week} AS w FROM ${linesFacts(span, false)} l WHERE l.status = 'completed' AND ${loc('l.location_id')}),
    unit AS (${money('unit_week', `SELECT location_id AS id, w, sum(gross_amount) AS amt FROM s WHERE status = 'completed' AND location_id IS NOT NULL GROUP BY ALL`)}),
    staff AS (${money('employee_week', `SELECT staff_id AS id, w, sum(line_total) AS amt FROM l WHERE staff_id IS NOT NULL GROUP BY ALL`)}),
    m AS (SELECT * FROM unit UNION ALL SELECT * FROM staff),
    money_alerts AS (SELECT kind, id, CAST(cur AS VARCHAR) AS cur, CAST(usual AS VARCHAR) AS usual, CAST(cur / usual - 1 AS DOUBLE) AS change
      FROM m WHERE active >= ${MIN_ACTIVE_WEEKS} AND usual > 0 AND abs(cur - usual) >= ${th} * usual AND abs(cur - usual) >= ${minMoney}
        AND abs(CAST(cur - usual AS DOUBLE)) >= ${WEEK_SIGMAS} * sd),
    ns AS (SELECT grouping(location_id) AS total_row, location_id, count(*) FILTER (WHERE w = 0 AND status = 'no_show') AS ns_cur,
        count(*) FILTER (WHERE w = 0) AS closed_cur, count(*) FILTER (WHERE w > 0 AND status = 'no_show') AS ns_base, count(*) FILTER (WHERE w > 0) AS closed_base
      FROM s WHERE kind = 'appointment' AND status IN ('completed', 'no_show', 'cancelled') GROUP BY GROUPING SETS ((location_id), ())),
    -- the whole business, and each unit when there are several (one unit's row would repeat the total)
    rates AS (SELECT CASE WHEN total_row = 0 THEN location_id END AS id, ns_cur, safe_ratio(ns_cur, closed_cur) AS cur, safe_ratio(ns_base, closed_base) AS usual,
        CASE WHEN ns_base > 0 AND closed_cur > 0 THEN (ns_cur / closed_cur) / (ns_base / closed_base) - 1 END AS change FROM ns
      WHERE total_row = 1 OR (location_id IS NOT NULL AND (SELECT count(DISTINCT location_id) FROM ns) > 1)),
    ns_alerts AS (SELECT 'no_show_rise' AS kind, id, cur, usual, change FROM rates
      WHERE ns_cur >= ${NO_SHOW_MIN} AND cur >= ${p.add(NO_SHOW_RATIO)} * coalesce(usual, 0) AND cur - coalesce(usual, 0) >= ${p.add(NO_SHOW_POINTS)})
    SELECT a.kind, a.id, coalesce(loc.name, e.name) AS name, a.cur, a.usual, a.change FROM (
      SELECT kind, id, cur, usual, change FROM money_alerts
      UNION ALL SELECT kind, id, CAST(cur AS VARCHAR), CAST(usual AS VARCHAR), change FROM ns_alerts) a
    LEFT JOIN locations loc ON a.kind <> 'employee_week' AND loc.location_id = a.id LEFT JOIN employees e ON a.kind = 'employee_week' AND e.employee_id = a.id
    ORDER BY a.kind = 'no_show_rise' DESC, a.id IS NULL DESC, abs(a.change) DESC NULLS FIRST, name`;
}

/** Where an alert's rows are: the report (or list) filtered to its subject. */
function linkOf(kind: DashboardAlert['kind'], id: string | null): DashboardAlert['link'] {
  switch (kind) {
    case 'unit_week':
      return { path: '/reports/sales-summary', query: { 'param.granularity': 'week', ...(id ? { location: id } : {}) } };
    case 'employee_week':
      return { path: '/reports/staff-performance', query: id ? { employee: id } : {} };
    case 'no_show_rise':
      return { path: '/reports/appointments-summary', query: { 'param.granularity': 'week', 'param.by': 'location', ...(id ? { location: id } : {}) } };
    case 'overdue_customers':
      return { path: '/agenda', query: { show: 'overdue', ...(id ? { location: id } : {}) } };
  }
}

export async function alerts(engine: Engine, input: { location?: string[]; today?: string }): Promise<AlertsResult> {
  const settings = await engine.settings();
  const today = input.today ?? businessToday(settings.timezone);
  const weekFrom = addDays(today, -7);
  const weekTo = addDays(today, -1);
  const offsetUs = await requestOffsetUs(engine.db, settings.timezone, addDays(today, -7 * (BASELINE_WEEKS + 1)), weekTo);
  const p = new ParamList();
  const sql = alertsSql(p, dateLiteral(today), offsetUs, input.location);
  const [rows, overdue] = await Promise.all([engine.db.all<Row>(sql, p.values), overdueCustomers(engine, { today, ...(input.location ? { location: input.location } : {}) })]);
  const num = (k: Row['kind'], v: string | number) => (k === 'no_show_rise' ? Number(v) : String(v));
  const out: DashboardAlert[] = rows.map((r) => ({
    kind: r.kind,
    direction: r.kind === 'no_show_rise' ? 'below' : Number(r.cur) < Number(r.usual) ? 'below' : 'above',
    subjectId: r.id,
    subjectName: r.name,
    value: num(r.kind, r.cur),
    usual: num(r.kind, r.usual),
    change: r.change === null ? null : Math.round(r.change * 1e4) / 1e4,
    link: linkOf(r.kind, r.id),
  }));
  if (overdue.total > 0) {
    const one = input.location?.length === 1 ? input.location[0] : null;
    out.push({ kind: 'overdue_customers', direction: 'below', subjectId: one, subjectName: null, value: overdue.total, usual: null, change: null, link: linkOf('overdue_customers', one) });
  }
  // Worse news first (a drop, rising no-shows, customers overdue), then good news; at most MAX_ALERTS lines.
  const ordered = [...out.filter((a) => a.direction === 'below'), ...out.filter((a) => a.direction === 'above')];
  return {
    today,
    weekFrom,
    weekTo,
    baselineWeeks: BASELINE_WEEKS,
    weekThreshold: WEEK_THRESHOLD,
    minMoneyChange: MIN_MONEY_CHANGE.toFixed(2),
    weekSigmas: WEEK_SIGMAS,
    alerts: ordered.slice(0, MAX_ALERTS),
  };
}
