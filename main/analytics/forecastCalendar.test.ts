// The holiday calendar: Brazil's movable holidays, what the daily forecast predicts on holidays and closed days, and
// the one 30-day total the dashboard and the forecast page share.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brazilHolidays, easterSunday } from '../../shared/holidays';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { ForecastTotal } from '../../shared/analytics';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { buildCalendar, calendarAdjust, dayEffect } from './forecastCalendar';
import { forecastSeries } from './forecast';

const day = (start: string, i: number) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);

/** Two years of a salon: busy Fridays and Saturdays, closed on Sundays except online, and nearly nothing on 25/12 and 01/01. */
function salonSeries(days: number, start = '2024-01-01'): { dates: string[]; values: number[] } {
  const dates: string[] = [];
  const values: number[] = [];
  let s = 11;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  for (let i = 0; i < days; i++) {
    const d = day(start, i);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    const md = d.slice(5);
    let v = [1500, 30000, 38000, 40000, 45000, 60000, 65000][dow] * (0.9 + 0.2 * u());
    if (md === '12-25' || md === '01-01') v = 2000 + 1000 * u();
    dates.push(d);
    values.push(Math.round(v * 100) / 100);
  }
  return { dates, values };
}

describe('holiday calendar', () => {
  it('knows Easter and the holidays that move with it', () => {
    expect(['2024', '2025', '2026', '2027'].map((y) => easterSunday(Number(y)))).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28']);
    const y26 = Object.fromEntries(brazilHolidays(2026).map((h) => [h.id, h.date]));
    expect(y26).toMatchObject({
      carnaval_segunda: '2026-02-16',
      carnaval_terca: '2026-02-17',
      sexta_santa: '2026-04-03',
      corpus_christi: '2026-06-04',
      tiradentes: '2026-04-21',
      natal: '2026-12-25',
      consciencia_negra: '2026-11-20',
    });
    expect(brazilHolidays(2023).some((h) => h.id === 'consciencia_negra')).toBe(false);
  });

  it('closes per location: the share of revenue still open bounds a closed day', () => {
    const shares = new Map([
      ['loc1', 0.6],
      ['loc2', 0.3],
    ]);
    const settings = { closedOn: ['natal' as const], byLocation: { loc2: [] }, closedDays: [{ date: '2026-07-10', locationId: null }] };
    const cal = buildCalendar('2026-07-09', 170, settings, shares);
    expect(cal[0]).toBeNull();
    expect(cal[1]?.key).toBe('closed');
    expect(cal[1]?.closedShare).toBeCloseTo(0.9, 12);
    expect(day('2026-07-09', 169)).toBe('2026-12-25');
    const xmas = cal[169];
    expect(xmas).toMatchObject({ key: 'natal', closedShare: 0.6 });
    // never seen before: the open share; seen before: what it did, but never more than the open share
    expect(dayEffect(xmas!, new Map())).toBeCloseTo(0.4, 12);
    expect(dayEffect(xmas!, new Map([['natal', [0.1, 0.05, 0.2]]]))).toBeCloseTo(0.1, 12);
    expect(dayEffect({ ...xmas!, closedShare: 0 }, new Map([['natal', [0.9, 1.4]]]))).toBeCloseTo(1.15, 12);
  });

  it('predicts Christmas and New Year like past ones, not like a Friday in December', () => {
    const { dates, values } = salonSeries(2 * 365 + 5);
    const cal = buildCalendar(dates[0], dates.length + 40, { closedOn: [], byLocation: {}, closedDays: [] }, new Map([['loc', 1]]));
    const { adjusted, ratios } = calendarAdjust(values, cal.slice(0, values.length));
    expect(ratios.get('natal')!.every((r) => r < 0.1)).toBe(true);
    expect(adjusted[dates.indexOf('2024-12-25')]).toBeGreaterThan(30000);
    // history to 2025-12-20: the forecast covers Christmas and New Year's Day
    const n = dates.indexOf('2025-12-20') + 1;
    const f = forecastSeries(dates.slice(0, n), values.slice(0, n), 'day', 14, null, cal);
    const at = (d: string) => f.points.find((p) => p.date === d)!;
    expect(at('2025-12-25').point).toBeLessThan(4000);
    expect(at('2025-12-25').special?.label['pt-BR']).toBe('Natal');
    expect(at('2026-01-01').point).toBeLessThan(4000);
    expect(at('2025-12-26').point).toBeGreaterThan(40000);
    expect(at('2025-12-25').hi95).toBeLessThan(at('2025-12-26').lo80);
  });
});

describe('the one 30-day forecast total', () => {
  let t: TestEngine;
  beforeEach(async () => (t = await openTestEngine({ memory: true })));
  afterEach(() => t.close());

  it('is the sum of the stored daily forecast, the same on every call, and follows the holiday settings', async () => {
    const { dates, values } = salonSeries(400, day(new Date().toISOString().slice(0, 10), -401));
    await t.engine.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO sales (sale_id, source, kind, customer_id, location_id, status, created_at, occurred_at, gross_amount, discount_amount, tax_amount, shipping_amount, total_amount)
         SELECT 's' || i, 'test', 'appointment', 'c' || (i % 50), 'loc1', 'completed', ts, ts, v, 0, 0, 0, v
         FROM (SELECT i, v, timezone(getvariable('biz_tz'), CAST(d AS TIMESTAMP) + INTERVAL 12 HOUR) AS ts
               FROM (VALUES ${dates.map((d, i) => `(${i}, DATE '${d}', ${values[i]})`).join(', ')}) r(i, d, v))`,
      );
      tx.touched('sales');
    });
    const a = await t.call<ForecastTotal>('analytics.forecastNext30', {});
    expect(a.days).toBe(30);
    expect(a.total).toBeCloseTo(a.points.reduce((s, p) => s + p.point, 0), 2);
    expect(a.from! > a.historyEnd!).toBe(true);
    const [stored] = await t.engine.db.all<{ v: number }>(
      `SELECT sum(point) AS v FROM forecast_points WHERE run_id = (SELECT run_id FROM forecast_runs WHERE granularity = 'day') AND date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`,
      [a.from, a.to],
    );
    expect(stored.v).toBeCloseTo(a.total!, 2);
    expect(await t.call<ForecastTotal>('analytics.forecastNext30', {})).toEqual(a);
    // closing the only location on a day in the window takes that day out of the total
    const closed = a.points[10].date;
    await t.call('settings.set', { holidays: { ...DEFAULT_SETTINGS.holidays, closedDays: [{ date: closed, locationId: null }] } });
    const b = await t.call<ForecastTotal>('analytics.forecastNext30', {});
    expect(b.points[10]).toMatchObject({ date: closed, point: 0 });
    expect(b.total!).toBeLessThan(a.total!);
  });
});
