import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { chooseModel, computeForecast, forecastSeries } from './forecast';
import { seasonalNaiveForecast } from './forecastModels';
import { insertSales } from './testing/fixtures';

/** A deterministic pseudo-random normal (Box-Muller over a small LCG). */
function noise(seed: number): () => number {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

function synthetic(days: number): { dates: string[]; values: number[] } {
  const n = noise(7);
  const dates: string[] = [];
  const values: number[] = [];
  for (let t = 0; t < days; t++) {
    dates.push(new Date(Date.UTC(2023, 0, 1) + t * 86_400_000).toISOString().slice(0, 10));
    values.push(1000 + 0.3 * t + 300 * Math.sin((2 * Math.PI * t) / 7) + 250 * Math.sin((2 * Math.PI * t) / 365) + 30 * n());
  }
  return { dates, values };
}

describe('forecast', () => {
  it('beats the seasonal naive baseline in backtest on a weekly + yearly series', () => {
    const { dates, values } = synthetic(3 * 365);
    const r = forecastSeries(dates, values, 'day', 60);
    const by = Object.fromEntries(r.backtest.map((b) => [b.model, b]));
    expect(by.seasonal_naive.origins).toBe(5);
    expect(by.mstl_ets.origins).toBe(5);
    expect(by.mstl_ets.mase!).toBeLessThan(by.seasonal_naive.mase!);
    expect(by.mstl_ets.mase!).toBeLessThan(1);
    expect(r.model).toBe('mstl_ets');
    expect(r.bestModel).toBe('mstl_ets');
    expect(r.points).toHaveLength(60);
    expect(r.points[0].date).toBe('2025-12-31');
    for (const p of r.points) {
      expect(p.lo95).toBeLessThanOrEqual(p.lo80 + 1e-9);
      expect(p.lo80).toBeLessThanOrEqual(p.point + 1e-9);
      expect(p.point).toBeLessThanOrEqual(p.hi80 + 1e-9);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95 + 1e-9);
    }
    // the forecast follows the weekly shape of the truth
    const truth = (t: number) => 1000 + 0.3 * t + 300 * Math.sin((2 * Math.PI * t) / 7) + 250 * Math.sin((2 * Math.PI * t) / 365);
    const mae = r.points.slice(0, 28).reduce((s, p, i) => s + Math.abs(p.point - truth(3 * 365 + i)), 0) / 28;
    expect(mae).toBeLessThan(120);
  });

  it('says so when the history is shorter than two seasonal cycles', () => {
    const short = synthetic(10);
    const none = forecastSeries(short.dates, short.values, 'day', 30);
    expect(none.points).toEqual([]);
    expect(none.model).toBeNull();
    expect(none.notes[0].en).toMatch(/less than two weekly cycles/);
    const year = synthetic(400);
    const r = forecastSeries(year.dates, year.values, 'day', 14);
    expect(r.notes[0].en).toMatch(/yearly seasonality is not modelled/);
    expect(r.points).toHaveLength(14);
    const months = forecastSeries(['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01'], [10, 12, 11, 13, 12, 14, 13, 15], 'month', 3);
    expect(months.seasonLength).toBe(1);
    expect(months.notes[0].en).toMatch(/less than two full yearly cycles/);
    expect(months.points.map((p) => p.date)).toEqual(['2025-09-01', '2025-10-01', '2025-11-01']);
  });

  it('keeps the baseline unless a model is no worse on MASE, sMAPE and MAPE, and says why in words and local numbers', () => {
    const sc = (model: 'seasonal_naive' | 'mstl_ets' | 'ets', mase: number, smape: number, mape: number) => ({ model, mase, smape, mape, coverage80: 0.8, coverage95: 0.95, origins: 5 });
    // the medium demo's situation: a better MASE but a worse sMAPE and MAPE
    const lose = chooseModel([sc('seasonal_naive', 0.773, 17.21, 17.68), sc('mstl_ets', 0.648, 20.45, 19.39), sc('ets', 7.2, 78.8, 550.9)]);
    expect(lose).toMatchObject({ shown: 'seasonal_naive', best: 'mstl_ets' });
    expect(lose.note['pt-BR']).toMatch(/erro percentual simétrico 20,5% contra 17,2%/);
    expect(lose.note['pt-BR']).not.toMatch(/MAPE|MASE/);
    expect(lose.note.en).toMatch(/symmetric percentage error 20\.5% vs 17\.2%/);
    const win = chooseModel([sc('seasonal_naive', 1.4, 12, 13), sc('mstl_ets', 1.1, 8, 8), sc('ets', 0.9, 11, 14)]);
    expect(win).toMatchObject({ shown: 'mstl_ets', best: 'mstl_ets' });
    expect(win.note['pt-BR']).toMatch(/erro relativo 1,10 contra 1,40/);
    expect(win.note.en).toMatch(/relative error 1\.10 vs 1\.40/);
    expect(chooseModel([sc('ets', 0.8, 1, 1)]).shown).toBe('seasonal_naive');
  });

  it('measures interval coverage out of sample and calibrates the bands to it', () => {
    const { dates, values } = synthetic(2 * 365);
    const r = forecastSeries(dates, values, 'day', 28);
    for (const b of r.backtest) {
      expect(b.coverage80).not.toBeNull();
      expect(b.coverage95!).toBeGreaterThanOrEqual(b.coverage80!);
    }
    const shown = r.backtest.find((b) => b.model === r.model)!;
    expect(shown.coverage80!).toBeGreaterThan(0.6);
    expect(shown.coverage80!).toBeLessThan(0.97);
    expect(shown.coverage95!).toBeGreaterThan(0.8);
  });

  it('seasonal naive repeats the last season and widens its intervals each season ahead', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8];
    const f = seasonalNaiveForecast(y, 7, 10, [0.95]);
    expect(f.point).toEqual([2, 3, 4, 5, 6, 7, 8, 2, 3, 4]);
    const i = f.intervals.get(0.95)!;
    expect(i.upper[7] - f.point[7]).toBeCloseTo((i.upper[0] - f.point[0]) * Math.SQRT2, 10);
  });

  let t: TestEngine;
  beforeEach(async () => (t = await openTestEngine({ memory: true })));
  afterEach(() => t.close());

  it('builds the daily and monthly revenue series from completed sales in business dates', async () => {
    const sales = [];
    for (let d = 0; d < 70; d++) {
      const day = new Date(Date.UTC(2026, 6, 1) + d * 86_400_000).toISOString().slice(0, 10);
      if (d % 7 !== 3) sales.push({ id: `s${d}`, customer: 'c', at: `${day}T23:30:00-03:00`, total: 100 + (d % 7) * 10 });
    }
    sales.push({ id: 'x', customer: 'c', at: '2026-07-05T12:00:00-03:00', total: 999, status: 'cancelled' });
    await insertSales(t.engine.db, sales);
    const r = await computeForecast(t.engine.db, 'day', 14, '2026-09-08');
    expect(r.historyLength).toBe(70);
    expect(r.history[0]).toEqual({ date: '2026-07-01', value: 100 });
    expect(r.history[3].value).toBe(0);
    expect(r.points).toHaveLength(14);
    expect(r.points[0].date).toBe('2026-09-09');
    const m = await computeForecast(t.engine.db, 'month', 2, '2026-09-08');
    expect(m.history.map((h) => h.date)).toEqual(['2026-07-01', '2026-08-01']);
    expect(m.notes[0].en).toMatch(/2026-09 is not over yet/);
    expect(m.points).toEqual([]);
  });
});
