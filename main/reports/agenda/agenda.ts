// agenda.view: the coming days for the owner — booked and confirmed appointments by professional and unit,
// occupancy ahead per professional / unit / day, free stretches to fill and the last open day's no-shows.
import type { AgendaInput } from '../../../shared/api/agenda';
import type { AgendaBooking, AgendaGap, AgendaNoShow, AgendaOccupancyCell, AgendaOccupancyLine, AgendaResult } from '../../../shared/agenda';
import type { Engine } from '../../engine/engine';
import { ParamList } from '../../sql/specSql';
import { AppError } from '../../store/errors';
import { availability, dateLiteral, makeContext } from '../context';
import { addDays, businessToday, daysBetween } from '../period';
import { requestOffsetUs } from '../tzOffset';
import type { ReportContext } from '../types';
import { bookingCountsSql, bookingsSql, gapsSql, noShowsSql, occupancyByStaffSql } from './agendaSql';

/** Rows of a list the page shows at most (the total is always given; the filters narrow it). */
export const AGENDA_LIMIT = 300;

const cell = (booked: number, available: number): AgendaOccupancyCell => ({
  bookedMinutes: booked,
  availableMinutes: available,
  occupancy: available > 0 ? Math.round((booked / available) * 1e6) / 1e6 : null,
});

/** `now` is the instant the agenda is read at: today's gaps start from it. */
export async function agenda(engine: Engine, input: AgendaInput, now = new Date()): Promise<AgendaResult> {
  const settings = await engine.settings();
  const realToday = businessToday(settings.timezone, now);
  const today = input.today ?? realToday;
  const from = input.from ?? today;
  const to = addDays(from, input.days - 1);
  if (daysBetween(today, from) < -7) {
    throw new AppError('BAD_INPUT', 'the agenda starts at most a week before today', { text: { 'pt-BR': 'A agenda começa no máximo uma semana antes de hoje.', en: 'The agenda starts at most a week before today.' } });
  }
  const common = { ...(input.location?.length ? { location: input.location } : {}), ...(input.employee?.length ? { employee: input.employee } : {}) };
  const period = { preset: 'custom' as const, from, to, days: input.days };
  const offsetUs = await requestOffsetUs(engine.db, settings.timezone, addDays(today, -97) < from ? addDays(today, -97) : from, to);
  const has = await availability(engine.db);
  // Each statement binds its own parameters (DuckDB refuses values a statement does not use).
  const built = (sql: (ctx: ReportContext) => string) => {
    const params = new ParamList();
    const ctx = makeContext({
      params, period, previous: period, common, values: {}, settings, has, offsetUs,
      firsts: () => {
        throw new AppError('INTERNAL', 'the agenda reads no first sales');
      },
    });
    return [sql(ctx), params.values] as const;
  };
  const f = dateLiteral(from);
  const t = dateLiteral(to);
  // Time already gone today is not free: the business-local clock, rounded up to the quarter hour.
  const live = from <= realToday && realToday <= to && today === realToday;
  const nowLocal = (ctx: ReportContext) =>
    live ? `time_bucket(INTERVAL 15 MINUTE, CAST(timezone(getvariable('biz_tz'), CAST(${ctx.p(now.toISOString())} AS TIMESTAMPTZ)) AS TIMESTAMP) + INTERVAL 14 MINUTE)` : `TIMESTAMP '1900-01-01'`;
  const db = engine.db;
  const [bookings, counts, occ, gaps, noShows, units, staff] = await Promise.all([
    db.all<AgendaBooking & { n: number }>(...built((ctx) => bookingsSql(ctx, f, t, AGENDA_LIMIT))),
    db.all<{ by: 'employee' | 'location'; id: string | null; n: number }>(...built((ctx) => bookingCountsSql(ctx, f, t))),
    db.all<{ day: string; staff_id: string; staff_name: string | null; location_id: string | null; location_name: string | null; booked: number; available: number }>(
      ...built((ctx) => occupancyByStaffSql(ctx, f, t)),
    ),
    db.all<Record<string, unknown>>(...built((ctx) => gapsSql(ctx, f, t, nowLocal(ctx), ctx.p(input.minGapMinutes), AGENDA_LIMIT))),
    db.all<Record<string, unknown>>(...built((ctx) => noShowsSql(ctx, dateLiteral(today)))),
    db.all<{ id: string; name: string | null }>(`SELECT location_id AS id, name FROM locations ORDER BY name COLLATE NOCASE, location_id`),
    db.all<{ id: string; name: string | null; unitId: string | null }>(`SELECT employee_id AS id, name, location_id AS "unitId" FROM employees WHERE active IS NOT FALSE ORDER BY name COLLATE NOCASE, employee_id`),
  ]);

  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const countOf = (by: 'employee' | 'location', id: string | null) => counts.find((c) => c.by === by && c.id === id)?.n ?? 0;
  const lines = (key: (r: (typeof occ)[number]) => string | null, by: 'employee' | 'location'): AgendaOccupancyLine[] => {
    const groups = new Map<string | null, typeof occ>();
    for (const r of occ) {
      const k = key(r);
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
    return [...groups.entries()].map(([id, rows]) => {
      const perDay = days.map((d) => {
        const of = rows.filter((r) => r.day === d);
        return cell(of.reduce((a, r) => a + r.booked, 0), of.reduce((a, r) => a + r.available, 0));
      });
      const first = rows[0];
      return {
        id: id ?? '',
        name: by === 'employee' ? first.staff_name : first.location_name,
        ...(by === 'employee' ? { unitId: first.location_id, unitName: first.location_name } : {}),
        bookings: countOf(by, id),
        ...cell(perDay.reduce((a, c) => a + c.bookedMinutes, 0), perDay.reduce((a, c) => a + c.availableMinutes, 0)),
        perDay,
      };
    });
  };
  const byName = (a: AgendaOccupancyLine, b: AgendaOccupancyLine) => (a.unitName ?? '').localeCompare(b.unitName ?? '', 'pt') || (a.name ?? '').localeCompare(b.name ?? '', 'pt');
  const booked = occ.reduce((a, r) => a + r.booked, 0);
  const available = occ.reduce((a, r) => a + r.available, 0);
  const gapTotal = Number(gaps[0]?.n ?? 0);
  const noShowDay = (noShows[0]?.last_day as string | null) ?? null;
  return {
    today,
    from,
    to,
    days,
    summary: { ...cell(booked, available), bookings: Number(bookings[0]?.n ?? 0), gaps: gapTotal, gapMinutes: Number(gaps[0]?.total_minutes ?? 0) },
    units: lines((r) => r.location_id, 'location').sort(byName),
    professionals: lines((r) => r.staff_id, 'employee').sort(byName),
    bookings: { rows: bookings.map(({ n: _n, ...b }) => b), total: Number(bookings[0]?.n ?? 0) },
    gaps: {
      rows: gaps.map((g): AgendaGap => ({
        day: String(g.day), start: String(g.start), end: String(g.end), minutes: Number(g.minutes),
        employeeId: String(g.employee_id), employeeName: (g.employee_name as string | null) ?? null, locationName: (g.location_name as string | null) ?? null,
      })),
      total: gapTotal,
      minMinutes: input.minGapMinutes,
    },
    noShows: {
      day: noShowDay,
      rows: noShows.filter((r) => r.sale_id !== null && r.sale_id !== undefined).map((r): AgendaNoShow => ({
        saleId: String(r.sale_id), day: String(r.day), time: String(r.time), customerId: (r.customer_id as string | null) ?? null,
        customerName: (r.customer_name as string | null) ?? null, phone: (r.phone as string | null) ?? null, services: (r.services as string | null) ?? null,
        employeeName: (r.employee_name as string | null) ?? null, locationName: (r.location_name as string | null) ?? null, nextBooking: (r.next_booking as string | null) ?? null,
      })),
    },
    options: { units, professionals: staff },
  };
}
