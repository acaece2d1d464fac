// agenda.overdue: good customers (RFM Champions and Loyal as of today) whose days since the last visit exceed
// OVERDUE_FACTOR times their usual interval (the median of the days between their visits in the RFM window), and
// who have no booked or confirmed appointment ahead — the people to call first to fill the agenda.
import type { OverdueCustomer, OverdueResult } from '../../../shared/agenda';
import { rfmOptions, rfmSql } from '../../analytics/rfm';
import type { Engine } from '../../engine/engine';
import { ParamList } from '../../sql/specSql';
import { dateLiteral } from '../context';
import { salesFacts } from '../facts';
import { addDays, businessToday } from '../period';
import { requestOffsetUs } from '../tzOffset';

/** Overdue when the days since the last visit exceed this many times the usual interval. */
export const OVERDUE_FACTOR = 1.5;
/** Intervals needed before "usual" means anything (three visits or more). */
const MIN_INTERVALS = 2;
const LIMIT = 300;

/** The SQL of the overdue customers as of `today` (DATE literal), one row each, most valuable first. */
export function overdueSql(params: ParamList, o: ReturnType<typeof rfmOptions>, windowFrom: string, today: string, offsetUs: number | null, location?: string[]): string {
  const locFilter = location?.length ? `AND lv.location_id IN (${location.map((l) => params.add(l)).join(', ')})` : '';
  const factor = params.add(OVERDUE_FACTOR);
  return `WITH rfm AS (${rfmSql(o, params)}),
    good AS (SELECT * FROM rfm WHERE cluster IN ('champions', 'loyal')),
    v AS (SELECT s.customer_key, s.biz_date, s.occurred_at, s.employee_id, s.location_id, s.kind FROM ${salesFacts({ from: windowFrom, to: today, offsetUs })} s
      WHERE s.status = 'completed' AND s.customer_key IN (SELECT customer_id FROM good)),
    gaps AS (SELECT customer_key, date_diff('day', lag(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date), biz_date) AS gap
      FROM (SELECT DISTINCT customer_key, biz_date FROM v)),
    usual AS (SELECT customer_key, median(gap) AS usual_days FROM gaps GROUP BY 1 HAVING count(gap) >= ${MIN_INTERVALS}),
    -- where she was last seen in person: her last appointment (an online order has no professional or unit)
    lv AS (SELECT customer_key, arg_max(employee_id, occurred_at) AS employee_id, arg_max(location_id, occurred_at) AS location_id FROM v
      WHERE kind = 'appointment' GROUP BY 1),
    ahead AS (SELECT DISTINCT coalesce(ci.unified_id, s.customer_id) AS k FROM sales s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id
      WHERE s.customer_id IS NOT NULL AND s.kind = 'appointment' AND s.status IN ('booked', 'confirmed') AND s.occurred_at >= timezone(getvariable('biz_tz'), CAST(${today} AS TIMESTAMP)))
    SELECT g.customer_id AS "customerId", c.name, c.phone, g.cluster, strftime(${today} - g.recency, '%Y-%m-%d') AS "lastVisit",
      CAST(round(u.usual_days) AS INTEGER) AS "usualDays", g.recency AS "daysSince", g.frequency AS visits, CAST(g.monetary AS VARCHAR) AS monetary,
      e.name AS "lastEmployeeName", loc.name AS "lastLocationName", CAST(count(*) OVER () AS INTEGER) AS n
    FROM good g JOIN usual u ON u.customer_key = g.customer_id LEFT JOIN lv ON lv.customer_key = g.customer_id
      LEFT JOIN customers c ON c.customer_id = g.customer_id LEFT JOIN employees e ON e.employee_id = lv.employee_id
      LEFT JOIN locations loc ON loc.location_id = lv.location_id
    WHERE g.recency > ${factor} * u.usual_days AND NOT EXISTS (SELECT 1 FROM ahead WHERE ahead.k = g.customer_id) ${locFilter}
    ORDER BY g.monetary DESC, g.customer_id LIMIT ${LIMIT}`;
}

export async function overdueCustomers(engine: Engine, input: { location?: string[]; today?: string }): Promise<OverdueResult> {
  const settings = await engine.settings();
  const today = input.today ?? businessToday(settings.timezone);
  const o = rfmOptions(settings, today);
  const windowFrom = addDays(today, -(o.windowDays - 1));
  const offsetUs = await requestOffsetUs(engine.db, settings.timezone, windowFrom, today);
  const params = new ParamList();
  const sql = overdueSql(params, o, dateLiteral(windowFrom), dateLiteral(today), offsetUs, input.location);
  const rows = await engine.db.all<OverdueCustomer & { n: number }>(sql, params.values);
  return { asOf: today, factor: OVERDUE_FACTOR, rows: rows.map(({ n: _n, ...r }) => r), total: rows[0]?.n ?? 0 };
}
