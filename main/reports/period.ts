// Date presets resolved to business-local calendar dates, and the periods they are compared with
// (previous period, same period last year). Pure calendar arithmetic on 'YYYY-MM-DD'; "today" is injectable.
import type { DatePreset, ResolvedPeriod } from '../../shared/reports';
import { AppError } from '../store/errors';

const DAY = 86_400_000;

function parse(d: string): Date {
  const t = Date.parse(`${d}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) throw new AppError('BAD_INPUT', `not a calendar date: ${d}`);
  return new Date(t);
}
const fmt = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fmt(new Date(parse(d).getTime() + n * DAY));
export const daysBetween = (a: string, b: string) => Math.round((parse(b).getTime() - parse(a).getTime()) / DAY);

function monthStart(d: string): string {
  return `${d.slice(0, 7)}-01`;
}
function monthEnd(d: string): string {
  const x = parse(monthStart(d));
  return fmt(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)));
}
/** Shifts a date by n months, clamping the day to the target month's length (Mar 31 - 1 month = Feb 28/29). */
export function addMonths(d: string, n: number): string {
  const x = parse(d);
  const target = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(x.getUTCDate(), last))));
}

/** Today's business date in a time zone. */
export function businessToday(timezone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function make(preset: DatePreset, from: string, to: string): ResolvedPeriod {
  return { preset, from, to, days: daysBetween(from, to) + 1 };
}

export interface PeriodRequest {
  preset?: DatePreset;
  from?: string;
  to?: string;
  today?: string;
}

/** Resolves a preset; `all` needs the first/last business dates with activity (null when there is none). */
export function resolvePeriod(req: PeriodRequest, today: string, defaultPreset: DatePreset, activity: { first: string; last: string } | null): ResolvedPeriod {
  const preset = req.preset ?? (req.from || req.to ? 'custom' : defaultPreset);
  switch (preset) {
    case 'today':
      return make(preset, today, today);
    case 'this_week': {
      const dow = (parse(today).getUTCDay() + 6) % 7; // Monday = 0, as DuckDB's date_trunc('week')
      return make(preset, addDays(today, -dow), today);
    }
    case 'this_month':
      return make(preset, monthStart(today), today);
    case 'last_month': {
      const start = addMonths(monthStart(today), -1);
      return make(preset, start, monthEnd(start));
    }
    case 'last_30_days':
      return make(preset, addDays(today, -29), today);
    case 'last_90_days':
      return make(preset, addDays(today, -89), today);
    case 'this_year':
      return make(preset, `${today.slice(0, 4)}-01-01`, today);
    case 'all':
      return activity ? make(preset, activity.first, activity.last) : make(preset, today, today);
    case 'custom': {
      if (!req.from || !req.to) throw new AppError('BAD_INPUT', 'a custom period needs from and to');
      parse(req.from);
      parse(req.to);
      if (req.from > req.to) throw new AppError('BAD_INPUT', 'the period starts after it ends');
      if (daysBetween(req.from, req.to) > 366 * 30) throw new AppError('BAD_INPUT', 'the period is longer than 30 years');
      return make(preset, req.from, req.to);
    }
  }
}

const isWholeMonths = (p: ResolvedPeriod) => p.from === monthStart(p.from) && p.to === monthEnd(p.to);

/**
 * The period a report is compared with: whole calendar months compare with the same number of months before;
 * month-/year-to-date with the same days of the previous month/year; anything else with the same number of
 * days immediately before.
 */
export function previousPeriod(p: ResolvedPeriod): ResolvedPeriod {
  if (isWholeMonths(p)) {
    const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;
    const from = addMonths(p.from, -months);
    return make(p.preset, from, monthEnd(addMonths(from, months - 1)));
  }
  if (p.preset === 'this_month') return make(p.preset, addMonths(p.from, -1), addMonths(p.to, -1));
  if (p.preset === 'this_year') return make(p.preset, addMonths(p.from, -12), addMonths(p.to, -12));
  return make(p.preset, addDays(p.from, -p.days), addDays(p.from, -1));
}

/** The same period one year earlier (a whole-month period keeps whole months, so February ends on its last day). */
export function lastYearPeriod(p: ResolvedPeriod): ResolvedPeriod {
  const from = addMonths(p.from, -12);
  const to = isWholeMonths(p) ? monthEnd(addMonths(p.to, -12)) : addMonths(p.to, -12);
  return make(p.preset, from, to);
}
