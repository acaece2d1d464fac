// The agenda's SQL over whole tables: booked and confirmed appointments of a range, occupancy per professional and
// day (the occupancy report's one definition), free stretches inside opening hours, and no-shows to reschedule.
import { occupancyRowsSql } from '../defs/occupancy';
import type { ReportContext } from '../types';

/** Statuses that hold a slot in the agenda ahead. */
const AHEAD = `('booked', 'confirmed')`;
/** Minutes a line takes: its own duration, else the item's times the quantity (as the occupancy report). */
const LINE_MINUTES = `coalesce(l.duration_min, i.duration_min * coalesce(l.quantity, 1), 0)`;

/** Per sale: its services in line order, its minutes and the first line's professional. */
const saleLinesSql = (sales: string) => `SELECT l.sale_id, string_agg(i.name, ', ' ORDER BY l.line_no) FILTER (WHERE i.kind IS DISTINCT FROM 'product') AS services,
    CAST(sum(${LINE_MINUTES}) AS INTEGER) AS minutes, arg_min(l.employee_id, l.line_no) AS line_employee
  FROM sale_lines l LEFT JOIN items i ON i.item_id = l.item_id WHERE l.sale_id IN (SELECT sale_id FROM ${sales}) GROUP BY l.sale_id`;

/** Booked and confirmed appointments between two SQL DATE bounds (common filters applied), at most `limit` rows. */
export function bookingsSql(ctx: ReportContext, from: string, to: string, limit: number): string {
  return `WITH s AS (SELECT s.* FROM ${ctx.sales({ customerKey: false, from, to })} s
      WHERE s.kind = 'appointment' AND s.status IN ${AHEAD} AND ${ctx.salesFilter('s')}),
    ln AS (${saleLinesSql('s')})
    SELECT s.sale_id AS "saleId", strftime(s.biz_date, '%Y-%m-%d') AS day, strftime(s.biz_ts, '%H:%M') AS time, s.status,
      s.customer_id AS "customerId", c.name AS "customerName", c.phone, ln.services, coalesce(s.employee_id, ln.line_employee) AS "employeeId",
      e.name AS "employeeName", s.location_id AS "locationId", loc.name AS "locationName", coalesce(ln.minutes, 0) AS minutes,
      CAST(s.total_amount AS VARCHAR) AS total,
      CAST(count(*) OVER () AS INTEGER) AS n
    FROM s LEFT JOIN ln ON ln.sale_id = s.sale_id LEFT JOIN customers c ON c.customer_id = s.customer_id
      LEFT JOIN employees e ON e.employee_id = coalesce(s.employee_id, ln.line_employee) LEFT JOIN locations loc ON loc.location_id = s.location_id
    ORDER BY s.biz_ts, e.name, s.sale_id LIMIT ${Math.trunc(limit)}`;
}

/** Bookings per professional (the sale's, else its first line's) and per unit, for the occupancy lines. */
export function bookingCountsSql(ctx: ReportContext, from: string, to: string): string {
  return `WITH s AS (SELECT s.* FROM ${ctx.sales({ customerKey: false, from, to })} s
      WHERE s.kind = 'appointment' AND s.status IN ${AHEAD} AND ${ctx.salesFilter('s')}),
    ln AS (SELECT sale_id, arg_min(employee_id, line_no) AS line_employee FROM sale_lines WHERE sale_id IN (SELECT sale_id FROM s) GROUP BY 1)
    SELECT 'employee' AS by, coalesce(s.employee_id, ln.line_employee) AS id, CAST(count(*) AS INTEGER) AS n FROM s LEFT JOIN ln USING (sale_id) GROUP BY 2
    UNION ALL SELECT 'location', s.location_id, CAST(count(*) AS INTEGER) FROM s GROUP BY 2`;
}

/** Occupancy rows per professional and day with the professional's unit (the report's grid and minutes). */
export function occupancyByStaffSql(ctx: ReportContext, from: string, to: string): string {
  return `SELECT strftime(r.day, '%Y-%m-%d') AS day, r.staff_id, e.name AS staff_name, e.location_id, loc.name AS location_name,
      CAST(r.booked_minutes AS INTEGER) AS booked, CAST(r.available_minutes AS INTEGER) AS available
    FROM (${occupancyRowsSql(ctx, from, to)}) r LEFT JOIN employees e ON e.employee_id = r.staff_id LEFT JOIN locations loc ON loc.location_id = e.location_id`;
}

/** (weekday, open minute, close minute) of the opening-hours setting, Sunday = 0. */
function openingSql(ctx: ReportContext): string {
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const rows = ctx.settings.openingHours.map((h, dow) => `(${dow}, ${h ? toMin(h.open) : 0}, ${h ? toMin(h.close) : 0})`);
  return `SELECT * FROM (VALUES ${rows.join(', ')}) o(weekday, open_min, close_min)`;
}

/**
 * Free stretches of at least `minMinutes` inside opening hours, per professional who takes appointments (one with
 * an appointment in the 90 days before `from` or in the range) and open day. Every appointment that holds time in
 * the occupancy definition blocks its professional from its start for its lines' minutes; today starts at `nowLocal`
 * (a business-local TIMESTAMP expression), so time already gone is never offered.
 */
export function gapsSql(ctx: ReportContext, from: string, to: string, nowLocal: string, minMinutes: string, limit: number): string {
  return `WITH occ AS (${occupancyRowsSql(ctx, from, to)}),
    o AS (${openingSql(ctx)}),
    busy AS (SELECT l.staff_id, l.biz_date AS day, l.biz_ts AS st, l.biz_ts + to_minutes(CAST(sum(${LINE_MINUTES}) AS BIGINT)) AS en
      FROM ${ctx.lines({ customerKey: false, from, to })} l LEFT JOIN items i ON i.item_id = l.item_id
      WHERE l.sale_kind = 'appointment' AND l.status IN ('booked', 'confirmed', 'completed', 'no_show')
      GROUP BY l.staff_id, l.biz_date, l.biz_ts, l.sale_id),
    -- who takes appointments: a professional of an appointment in the 90 days before (the sale's; a scan of one
    -- column by instant) or with time booked in the range
    takers AS (SELECT employee_id AS staff_id FROM sales WHERE kind = 'appointment' AND employee_id IS NOT NULL
        AND occurred_at >= timezone(getvariable('biz_tz'), CAST(${from} - 90 AS TIMESTAMP)) AND occurred_at < timezone(getvariable('biz_tz'), CAST(${to} + 1 AS TIMESTAMP))
      UNION SELECT staff_id FROM busy WHERE staff_id IS NOT NULL),
    open_days AS (SELECT occ.staff_id, occ.day, greatest(occ.day + to_minutes(o.open_min), ${nowLocal}) AS o_st, occ.day + to_minutes(o.close_min) AS o_en
      FROM occ JOIN o ON o.weekday = dayofweek(occ.day) WHERE occ.available_minutes > 0 AND occ.staff_id IN (SELECT staff_id FROM takers)),
    ev AS (SELECT d.staff_id, d.day, greatest(b.st, d.o_st) AS st, least(b.en, d.o_en) AS en FROM open_days d JOIN busy b ON b.staff_id = d.staff_id AND b.day = d.day
        WHERE b.en > d.o_st AND b.st < d.o_en
      UNION ALL SELECT staff_id, day, o_st, o_st FROM open_days WHERE o_st < o_en
      UNION ALL SELECT staff_id, day, o_en, o_en FROM open_days WHERE o_st < o_en),
    free AS (SELECT staff_id, day, st, max(en) OVER (PARTITION BY staff_id, day ORDER BY st, en ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS free_from FROM ev),
    gaps AS (SELECT staff_id, day, free_from, st AS free_to, CAST(date_diff('minute', free_from, st) AS INTEGER) AS minutes FROM free
      WHERE free_from IS NOT NULL AND date_diff('minute', free_from, st) >= ${minMinutes})
    SELECT strftime(g.day, '%Y-%m-%d') AS day, strftime(g.free_from, '%H:%M') AS start, strftime(g.free_to, '%H:%M') AS "end", g.minutes,
      g.staff_id AS employee_id, e.name AS employee_name, loc.name AS location_name,
      CAST(count(*) OVER () AS INTEGER) AS n, CAST(sum(g.minutes) OVER () AS INTEGER) AS total_minutes
    FROM gaps g LEFT JOIN employees e ON e.employee_id = g.staff_id LEFT JOIN locations loc ON loc.location_id = e.location_id
    ORDER BY g.day, g.free_from, e.name, g.staff_id LIMIT ${Math.trunc(limit)}`;
}

/**
 * No-shows of the last business date before `today` with appointments (within a week: a Monday looks back at
 * Saturday), with each customer's next booked or confirmed appointment when she already has one.
 */
export function noShowsSql(ctx: ReportContext, today: string): string {
  const weekAgo = `${today} - 7`;
  const yesterday = `${today} - 1`;
  return `WITH recent AS (SELECT s.* FROM ${ctx.sales({ from: weekAgo, to: yesterday })} s WHERE s.kind = 'appointment' AND ${ctx.salesFilter('s')}),
    last_day AS (SELECT max(biz_date) AS d FROM recent),
    ns AS (SELECT r.* FROM recent r WHERE r.status = 'no_show' AND r.biz_date = (SELECT d FROM last_day)),
    ln AS (${saleLinesSql('ns')}),
    ahead AS (SELECT s.customer_key, min(s.biz_date) AS next_day FROM ${ctx.sales({ from: today, to: null })} s
      WHERE s.kind = 'appointment' AND s.status IN ${AHEAD} AND s.customer_key IN (SELECT customer_key FROM ns) GROUP BY 1)
    SELECT strftime((SELECT d FROM last_day), '%Y-%m-%d') AS last_day, ns.sale_id, strftime(ns.biz_date, '%Y-%m-%d') AS day, strftime(ns.biz_ts, '%H:%M') AS time,
      ns.customer_id, c.name AS customer_name, c.phone, ln.services, e.name AS employee_name, loc.name AS location_name,
      strftime(a.next_day, '%Y-%m-%d') AS next_booking
    FROM (SELECT 1) one LEFT JOIN ns ON TRUE LEFT JOIN ln ON ln.sale_id = ns.sale_id LEFT JOIN customers c ON c.customer_id = ns.customer_id
      LEFT JOIN employees e ON e.employee_id = coalesce(ns.employee_id, ln.line_employee) LEFT JOIN locations loc ON loc.location_id = ns.location_id
      LEFT JOIN ahead a ON a.customer_key = ns.customer_key
    ORDER BY a.next_day IS NOT NULL, ns.biz_ts, c.name`;
}
