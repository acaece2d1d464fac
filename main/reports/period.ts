// Date presets resolved to business-local calendar dates, and the periods they are compared with
// (previous period, same period last year). Pure calendar arithmetic on 'YYYY-MM-DD'; "today" is injectable.
import type { CompareBasis, DatePreset, ResolvedPeriod } from '../../shared/reports';
import { AppError } from '../store/errors';

const DAY = 86_400_000;

/** A period the person asked for cannot be used: the message in both languages (details.text is shown). */
export function periodError(pt: string, en: string): AppError {
  return new AppError('BAD_INPUT', en, { text: { 'pt-BR': pt, en } });
}

function parse(d: string): Date {
  const t = Date.parse(`${d}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) throw periodError(`Data inexistente: ${d}.`, `Not a calendar date: ${d}.`);
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

/** The business-local hour (0-23) of an instant. */
export function businessHour(timezone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(now));
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
      if (!req.from || !req.to) throw periodError('Um período personalizado precisa da data inicial e da final.', 'A custom period needs a start and an end date.');
      parse(req.from);
      parse(req.to);
      if (req.from > req.to) throw periodError('O período começa depois de terminar: troque as datas.', 'The period starts after it ends: swap the dates.');
      if (daysBetween(req.from, req.to) > 366 * 30) throw periodError('O período tem mais de 30 anos.', 'The period is longer than 30 years.');
      return make(preset, req.from, req.to);
    }
  }
}

const isWholeMonths = (p: ResolvedPeriod) => p.from === monthStart(p.from) && p.to === monthEnd(p.to);
const wholeMonths = (p: ResolvedPeriod) => (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;
const shiftDays = (p: ResolvedPeriod, n: number, basis: CompareBasis): ResolvedPeriod => ({ ...make(p.preset, addDays(p.from, n), addDays(p.to, n)), basis });

/** The windows a period is compared with, like for like; `null` when a comparison means nothing (all time). */
export interface PeriodComparison {
  previous: ResolvedPeriod | null;
  lastYear: ResolvedPeriod | null;
}

/**
 * The one rule every comparison of Painel uses (dashboard, report comparison cards, chart "previous" series,
 * sales-summary rows, CLI), so the subtitle can state exactly the window compared:
 * - whole calendar months: the same number of whole months before, and the same months last year;
 * - month-to-date / year-to-date: the same days of the previous month / year (1-4 Dec vs 1-4 Nov and 1-4 Dec
 *   last year; a day past the shorter month's end is clamped to it);
 * - today, this week and any span shorter than a week: the same weekdays one week before, and the same
 *   weekdays 52 weeks before (a Saturday is compared with a Saturday);
 * - any other span: the same number of days immediately before, and the same dates one year before;
 * - all time: nothing.
 * Today, while it is still today in the business time zone (`liveHour`, the current business-local hour), has
 * yesterday up to the same hour as its secondary comparison instead of 52 weeks before: a day in progress is
 * compared with as much of yesterday, never with a whole day.
 */
export function comparePeriods(p: ResolvedPeriod, opts: { liveHour?: number } = {}): PeriodComparison {
  if (p.preset === 'all') return { previous: null, lastYear: null };
  if (p.preset === 'today' && opts.liveHour !== undefined) {
    const yesterday = addDays(p.from, -1);
    return { previous: shiftDays(p, -7, 'same_weekday_last_week'), lastYear: { ...make(p.preset, yesterday, yesterday), basis: 'yesterday_same_hour', untilHour: opts.liveHour } };
  }
  const lastYearDates = (): ResolvedPeriod => {
    const to = isWholeMonths(p) ? monthEnd(addMonths(p.to, -12)) : addMonths(p.to, -12);
    return { ...make(p.preset, addMonths(p.from, -12), to), basis: 'same_dates_last_year' };
  };
  if (isWholeMonths(p)) {
    const months = wholeMonths(p);
    const from = addMonths(p.from, -months);
    return { previous: { ...make(p.preset, from, monthEnd(addMonths(from, months - 1))), basis: 'previous_months' }, lastYear: lastYearDates() };
  }
  if (p.preset === 'this_year') {
    return { previous: { ...make(p.preset, addMonths(p.from, -12), addMonths(p.to, -12)), basis: 'same_days_last_year' }, lastYear: null };
  }
  if (p.preset !== 'this_month' && (p.preset === 'today' || p.preset === 'this_week' || p.days < 7)) {
    return {
      previous: shiftDays(p, -7, p.days === 1 ? 'same_weekday_last_week' : 'same_weekdays_last_week'),
      lastYear: shiftDays(p, -364, p.days === 1 ? 'same_weekday_last_year' : 'same_weekdays_last_year'),
    };
  }
  if (p.preset === 'this_month' || (p.from === monthStart(p.from) && p.from.slice(0, 7) === p.to.slice(0, 7))) {
    return { previous: { ...make(p.preset, addMonths(p.from, -1), addMonths(p.to, -1)), basis: 'same_days_previous_month' }, lastYear: lastYearDates() };
  }
  return { previous: shiftDays(p, -p.days, 'days_before'), lastYear: lastYearDates() };
}

/** The previous window of `comparePeriods`; all time falls back to the same span before (empty, never shown). */
export function previousPeriod(p: ResolvedPeriod): ResolvedPeriod {
  return comparePeriods(p).previous ?? shiftDays(p, -p.days, 'days_before');
}

/** The last-year window of `comparePeriods` (year-to-date is itself compared with last year). */
export function lastYearPeriod(p: ResolvedPeriod): ResolvedPeriod {
  const c = comparePeriods(p);
  return c.lastYear ?? c.previous ?? { ...make(p.preset, addMonths(p.from, -12), addMonths(p.to, -12)), basis: 'same_dates_last_year' };
}
