// The holiday calendar as the daily forecast sees it: every national holiday, eve and closed day of the history and
// the horizon, with the share of revenue of the locations closed that day (settings). A model is fitted on the
// series with those days replaced by their normal level, and its forecast of each special day is scaled by what
// that day did in the past (median ratio to its normal level), or by the share still open when it never happened.
import type { LocalizedText } from '../../shared/types';
import { holidaysBetween, type HolidayId } from '../../shared/holidays';
import type { Settings } from '../../shared/settings';
import type { Db } from '../store/db';
import type { ModelForecast } from './augurs';

export interface SpecialDay {
  /** The holiday id, or 'closed' for a closed day that is no holiday. */
  key: HolidayId | 'closed';
  label: LocalizedText;
  /** Share of recent revenue made by the locations closed that day (0 when all stay open). */
  closedShare: number;
}

/** One entry per day of the series followed by the horizon (null = an ordinary day). */
export type DayCalendar = (SpecialDay | null)[];

const CLOSED_LABEL: LocalizedText = { 'pt-BR': 'Fechado', en: 'Closed' };

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar of `days` days from `start`, given each location's share of revenue (null key: online, never closed). */
export function buildCalendar(start: string, days: number, settings: Settings['holidays'], shares: Map<string, number>): DayCalendar {
  const end = addDays(start, days - 1);
  const byDate = new Map<string, { key: HolidayId | 'closed'; label: LocalizedText; closed: Set<string> }>();
  const locations = [...shares.keys()];
  for (const h of holidaysBetween(start, end)) {
    const closed = new Set(locations.filter((l) => (settings.byLocation[l] ?? settings.closedOn).includes(h.id)));
    byDate.set(h.date, { key: h.id, label: h.name, closed });
  }
  for (const c of settings.closedDays) {
    if (c.date < start || c.date > end) continue;
    const e = byDate.get(c.date) ?? { key: 'closed' as const, label: CLOSED_LABEL, closed: new Set<string>() };
    for (const l of c.locationId === null ? locations : [c.locationId]) e.closed.add(l);
    byDate.set(c.date, e);
  }
  return Array.from({ length: days }, (_, i) => {
    const e = byDate.get(addDays(start, i));
    if (!e) return null;
    let share = 0;
    for (const l of e.closed) share += shares.get(l) ?? 0;
    return { key: e.key, label: e.label, closedShare: Math.min(1, share) };
  });
}

/** Each location's share of the last year's completed-sales revenue up to `end` (sales without a location: online). */
export async function locationShares(db: Db, end: string): Promise<Map<string, number>> {
  const rows = await db.all<{ loc: string; v: number }>(
    `WITH l AS (SELECT location_id FROM locations UNION SELECT DISTINCT location_id FROM sales WHERE location_id IS NOT NULL)
     SELECT l.location_id AS loc, coalesce(sum(s.total_amount), 0)::DOUBLE AS v
     FROM l LEFT JOIN sales s ON s.location_id = l.location_id AND s.status = 'completed'
       AND s.occurred_at > CAST($1 AS DATE) - INTERVAL 365 DAY AND s.occurred_at < CAST($1 AS DATE) + INTERVAL 1 DAY
     GROUP BY l.location_id`,
    [end],
  );
  const [{ total }] = await db.all<{ total: number }>(
    `SELECT coalesce(sum(total_amount), 0)::DOUBLE AS total FROM sales WHERE status = 'completed'
       AND occurred_at > CAST($1 AS DATE) - INTERVAL 365 DAY AND occurred_at < CAST($1 AS DATE) + INTERVAL 1 DAY`,
    [end],
  );
  return new Map(rows.map((r) => [r.loc, total > 0 ? r.v / total : rows.length ? 1 / rows.length : 0]));
}

/** Normal level of day t: the mean of the same weekday one and two weeks before and after, ordinary days of [0, n) only. */
function normalLevel(y: number[], cal: DayCalendar, t: number, n: number): number | null {
  let s = 0;
  let k = 0;
  for (const d of [-14, -7, 7, 14]) {
    const u = t + d;
    if (u >= 0 && u < n && !cal[u]) {
      s += y[u];
      k++;
    }
  }
  return k ? s / k : null;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The series with special days at their normal level, and each key's observed ratios (day / normal level). */
export function calendarAdjust(y: number[], cal: DayCalendar): { adjusted: number[]; ratios: Map<string, number[]> } {
  const adjusted = y.slice();
  const ratios = new Map<string, number[]>();
  for (let t = 0; t < y.length; t++) {
    const d = cal[t];
    if (!d) continue;
    const level = normalLevel(y, cal, t, y.length);
    if (level === null) continue;
    adjusted[t] = level;
    if (level > 0) ratios.set(d.key, [...(ratios.get(d.key) ?? []), y[t] / level]);
  }
  return { adjusted, ratios };
}

/** What a special day does to revenue: its past median ratio, never above the share of revenue still open. */
export function dayEffect(d: SpecialDay, ratios: Map<string, number[]>): number {
  const seen = ratios.get(d.key);
  const open = 1 - d.closedShare;
  const e = seen?.length ? median(seen) : d.closedShare > 0 ? open : 1;
  return d.closedShare > 0 ? Math.min(e, open) : e;
}

/** Runs a model on the calendar-adjusted series and scales its forecast (and intervals) on special days. */
export function forecastWithCalendar(y: number[], h: number, cal: DayCalendar, model: (y: number[]) => ModelForecast): ModelForecast {
  const { adjusted, ratios } = calendarAdjust(y, cal.slice(0, y.length));
  const f = model(adjusted);
  const scale = Array.from({ length: h }, (_, i) => {
    const d = cal[y.length + i];
    return d ? dayEffect(d, ratios) : 1;
  });
  const intervals = new Map<number, { lower: number[]; upper: number[] }>();
  for (const [level, b] of f.intervals) intervals.set(level, { lower: b.lower.map((v, i) => v * scale[i]), upper: b.upper.map((v, i) => v * scale[i]) });
  return { point: f.point.map((v, i) => v * scale[i]), intervals };
}
