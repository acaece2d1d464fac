// occupancy: booked minutes / available minutes per employee per day (available = the opening hours setting of
// that weekday), and the booking lead time (created_at to occurred_at, business days) distribution.
import { dateCol, intCol, keyCol, L, NO_EMPLOYEE, pctCol, textCol } from '../columns';
import type { ReportContext, ReportDefinition } from '../types';

/** (weekday, open minutes) of the opening-hours setting, Sunday = 0, as bound values. */
export function openingMinutesSql(ctx: ReportContext): string {
  const rows = ctx.settings.openingHours.map((h, dow) => {
    const mins = h ? Math.max(0, toMin(h.close) - toMin(h.open)) : 0;
    return `(${dow}, CAST(${ctx.p(mins)} AS BIGINT))`;
  });
  return `SELECT * FROM (VALUES ${rows.join(', ')}) o(weekday, minutes)`;
}
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The booked minutes in two 64-bit parts: whole minutes of lines with their own duration, and the item-based ones
 * (duration x quantity, possibly fractional). Both are never negative, so rounding their sum equals adding the
 * rounded item part to the whole one: rounding 128-bit decimals per employee-day costs more than the rest of the day.
 */
const bookedParts = (whole: string, item: string) =>
  `CAST(coalesce(sum(${whole}), 0) AS BIGINT) AS whole_minutes, CAST(coalesce(sum(${item}), 0) AS DECIMAL(18,3)) AS item_minutes`;

/** Booked minutes per staff per day: lines of appointments not cancelled (line duration, else the item's). */
export function bookedMinutesSql(ctx: ReportContext, from?: string, to?: string): string {
  return `SELECT l.staff_id, l.biz_date AS day, sum(coalesce(l.duration_min, i.duration_min * coalesce(l.quantity, 1), 0)) AS booked_minutes,
      ${bookedParts('l.duration_min', 'CASE WHEN l.duration_min IS NULL THEN i.duration_min * coalesce(l.quantity, 1) END')},
      count(*) FILTER (WHERE i.kind = 'service' OR i.kind IS NULL) AS services
    FROM ${ctx.lines({ customerKey: false, ...(from ? { from } : {}), ...(to ? { to } : {}) })} l LEFT JOIN items i ON i.item_id = l.item_id
    WHERE l.sale_kind = 'appointment' AND l.status IN ('booked', 'confirmed', 'completed', 'no_show')
      AND ${ctx.linesFilter('l')}
    GROUP BY ALL`;
}

/**
 * The same booked minutes from the booked-minutes rollup (model/rollupTables.ts): day rows of each staff, a line
 * without its own duration counted at its item's duration x quantity, here as there.
 */
function bookedFromRollupSql(from: string, to: string, filter: (alias: string) => string): string {
  return `SELECT b.staff_id, b.d AS day, coalesce(sum(b.minutes), 0) + coalesce(sum(i.duration_min * b.open_quantity), 0) AS booked_minutes,
      ${bookedParts('b.minutes', 'i.duration_min * b.open_quantity')}
    FROM rollup_booked_day b LEFT JOIN items i ON i.item_id = b.item_id
    WHERE b.d BETWEEN ${from} AND ${to} AND ${filter('b')}
    GROUP BY ALL`;
}

/** A span of days as SQL DATE bounds. */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * Booked minutes per staff and day (b), opening minutes per weekday (o), the days (days) and the employees counted
 * (staff), as CTEs, over one or more spans of days that do not overlap.
 */
function occupancyInputs(ctx: ReportContext, spans: readonly DaySpan[]): string {
  const staffFilter = ctx.common.employee?.length ? `e.employee_id IN (${ctx.common.employee.map((v) => ctx.p(v)).join(', ')})` : 'TRUE';
  const locFilter = ctx.common.location?.length ? `e.location_id IN (${ctx.common.location.map((v) => ctx.p(v)).join(', ')})` : 'TRUE';
  const booked = (w: DaySpan) => (ctx.rollups ? bookedFromRollupSql(w.from, w.to, ctx.rollups.filter) : bookedMinutesSql(ctx, w.from, w.to));
  const days = (w: DaySpan) => `SELECT CAST(g.d AS DATE) AS day FROM generate_series(CAST(${w.from} AS TIMESTAMP), CAST(${w.to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)`;
  return `b AS (${spans.map(booked).join(' UNION ALL ')}),
      o AS (${openingMinutesSql(ctx)}),
      days AS (${spans.map(days).join(' UNION ALL ')}),
      staff AS (SELECT e.employee_id FROM employees e WHERE e.active IS NOT FALSE AND ${staffFilter} AND ${locFilter})`;
}

/**
 * The one definition of occupancy (the report's rows, the KPI of units-overview and the agenda): per employee and
 * day between two SQL DATE bounds, booked minutes and the opening minutes of that weekday; the grid is every active
 * employee on every open day, plus any employee with bookings (on a closed day too, with no available minutes).
 */
export function occupancyRowsSql(ctx: ReportContext, from: string, to: string): string {
  return `WITH ${occupancyInputs(ctx, [{ from, to }])},
      grid AS (SELECT staff.employee_id AS staff_id, days.day FROM staff CROSS JOIN days JOIN o ON o.weekday = dayofweek(days.day) WHERE o.minutes > 0
        UNION SELECT staff_id, day FROM b WHERE staff_id IS NOT NULL)
    SELECT grid.day, grid.staff_id, CAST(coalesce(b.booked_minutes, 0) AS BIGINT) AS booked_minutes, CAST(o.minutes AS BIGINT) AS available_minutes
    FROM grid JOIN o ON o.weekday = dayofweek(grid.day) LEFT JOIN b ON b.staff_id = grid.staff_id AND b.day = grid.day`;
}

/**
 * occupancyRowsSql's rows summed per day over spans that do not overlap (the dashboard): without listing the grid, every counted employee gives the
 * day's opening minutes, an employee with bookings who is not counted (inactive) gives them too, and the booked
 * minutes are those of every employee's day, rounded per employee and day as there. The cross-check compares the
 * dashboard's occupancy with the report's.
 */
export function occupancyDaysSql(ctx: ReportContext, spans: readonly DaySpan[]): string {
  return `WITH ${occupancyInputs(ctx, spans)},
      bd AS (SELECT b.day, sum(b.whole_minutes + CAST(b.item_minutes AS BIGINT)) AS booked, sum(o.minutes) FILTER (WHERE b.staff_id NOT IN (SELECT employee_id FROM staff)) AS extra
        FROM b JOIN o ON o.weekday = dayofweek(b.day) WHERE b.staff_id IS NOT NULL GROUP BY 1)
    SELECT days.day, CAST(coalesce(bd.booked, 0) AS BIGINT) AS booked_minutes, CAST(o.minutes * (SELECT count(*) FROM staff) + coalesce(bd.extra, 0) AS BIGINT) AS available_minutes
    FROM days JOIN o ON o.weekday = dayofweek(days.day) LEFT JOIN bd ON bd.day = days.day`;
}

/** Lower bound (days) of the lead-time bucket of d; the label is built from it. */
const LEAD_FROM = `CASE WHEN d <= 0 THEN 0 WHEN d = 1 THEN 1 WHEN d <= 3 THEN 2 WHEN d <= 7 THEN 4 WHEN d <= 14 THEN 8 WHEN d <= 30 THEN 15 ELSE 31 END`;
const LEAD_LABEL = `CASE min_days WHEN 0 THEN '0' WHEN 1 THEN '1' WHEN 2 THEN '2-3' WHEN 4 THEN '4-7' WHEN 8 THEN '8-14' WHEN 15 THEN '15-30' ELSE '31+' END`;

export const occupancy: ReportDefinition = {
  id: 'occupancy',
  category: 'appointments',
  title: L('Ocupação da agenda', 'Schedule occupancy'),
  description: L('Quanto da agenda de cada profissional ficou ocupado e com quanta antecedência os clientes marcam.', 'How full each professional’s calendar was and how far ahead customers book.'),
  formula: L(
    'Minutos agendados ÷ minutos disponíveis (horário de funcionamento) por profissional e dia, e a antecedência dos agendamentos.',
    'Booked minutes ÷ available minutes (opening hours) per employee and day, and the booking lead-time distribution.',
  ),
  view: { id: 'occupancy', title: L('Ocupação', 'Occupancy') },
  columns: [
    dateCol('day', 'Dia', 'Day', { drill: { kind: 'daySales' } }),
    keyCol('employee_id', 'Código do profissional', 'Employee id'),
    textCol('employee_name', 'Profissional', 'Employee', { empty: NO_EMPLOYEE }),
    intCol('booked_minutes', 'Minutos agendados', 'Booked minutes', { unit: 'minutes' }),
    intCol('available_minutes', 'Minutos disponíveis', 'Available minutes', { unit: 'minutes' }),
    pctCol('occupancy', 'Ocupação', 'Occupancy', 'safe_ratio(sum("booked_minutes"), sum("available_minutes"))'),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category'],
  defaultPreset: 'this_month',
  defaultSort: [
    { column: 'day', desc: false },
    { column: 'employee_name', desc: false },
  ],
  charts: [
    { id: 'daily', title: L('Ocupação por dia', 'Occupancy per day'), kind: 'line', x: 'day', series: [{ column: 'occupancy' }] },
    { id: 'staff', title: L('Ocupação por profissional', 'Occupancy by employee'), kind: 'bar', x: 'employee_name', series: [{ column: 'occupancy' }] },
  ],
  comparable: true,
  sql(ctx) {
    return `SELECT r.day, r.staff_id AS employee_id, e.name AS employee_name, r.booked_minutes, r.available_minutes,
        safe_ratio(r.booked_minutes, r.available_minutes) AS occupancy
      FROM (${occupancyRowsSql(ctx, ctx.from, ctx.to)}) r LEFT JOIN employees e ON e.employee_id = r.staff_id`;
  },
  views: [
    {
      id: 'lead_time',
      title: L('Antecedência', 'Lead time'),
      columns: [
        textCol('lead_days', 'Antecedência (dias)', 'Lead time (days)'),
        intCol('appointments', 'Agendamentos', 'Appointments'),
        pctCol('share', 'Participação', 'Share', null, { total: 'sum' }),
        intCol('min_days', 'De (dias)', 'From (days)', { total: 'none', unit: 'days' }),
      ],
      defaultSort: [{ column: 'min_days', desc: false }],
      charts: [{ id: 'lead', title: L('Antecedência dos agendamentos', 'Booking lead time'), kind: 'bar', x: 'lead_days', series: [{ column: 'appointments' }] }],
      sql(ctx) {
        return `WITH a AS (SELECT greatest(date_diff('day', CAST(timezone(getvariable('biz_tz'), s.created_at) AS DATE), s.biz_date), 0) AS d FROM ${ctx.sales({ customerKey: false })} s
            WHERE s.kind = 'appointment' AND s.created_at IS NOT NULL AND ${ctx.salesFilter('s')})
          SELECT ${LEAD_LABEL} AS lead_days, appointments, safe_ratio(appointments, sum(appointments) OVER ()) AS share, min_days
          FROM (SELECT CAST(${LEAD_FROM} AS BIGINT) AS min_days, count(*) AS appointments FROM a GROUP BY 1)`;
      },
    },
  ],
};
