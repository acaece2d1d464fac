import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { GoalProgressResult, GoalsResult } from '../../shared/contacts';
import type { ForecastTotal } from '../../shared/analytics';
import { insertSales } from './testing/fixtures';
import { businessToday, monthEnd } from './rfm';
import { remainingForecast } from './goals';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 70 days up to yesterday: unit Centro sells 100 a day (one service by Ana), unit Shopping 50 (a 30 service and a 20 product by Bia). */
async function load(): Promise<string> {
  const today = await businessToday(t.engine.db);
  await t.engine.db.run(`INSERT INTO locations VALUES ('L1', 'Centro', NULL, NULL, NULL), ('L2', 'Shopping', NULL, NULL, NULL);
    INSERT INTO employees VALUES ('E1', 'Ana', NULL, 'L1', 0.1, NULL, true), ('E2', 'Bia', NULL, 'L2', 0.1, NULL, true);
    INSERT INTO items VALUES ('SVC', 'Corte', 'service', NULL, 100, NULL, 60), ('PRD', 'Creme', 'product', NULL, 20, NULL, NULL)`);
  const sales = [];
  for (let i = 70; i >= 1; i--) {
    const d = addDays(today, -i);
    sales.push({ id: `a${d}`, at: `${d}T15:00:00-03:00`, total: 100 }, { id: `b${d}`, at: `${d}T16:00:00-03:00`, total: 50 });
  }
  await insertSales(t.engine.db, sales);
  await t.engine.db.run(`UPDATE sales SET location_id = 'L1', employee_id = 'E1' WHERE sale_id LIKE 'a%';
    UPDATE sales SET location_id = 'L2', employee_id = 'E2' WHERE sale_id LIKE 'b%';
    INSERT INTO sale_lines SELECT sale_id, 1, 'SVC', NULL, 1, 100, 0, 100, 60 FROM sales WHERE sale_id LIKE 'a%';
    INSERT INTO sale_lines SELECT sale_id, 1, 'SVC', NULL, 1, 30, 0, 30, 30 FROM sales WHERE sale_id LIKE 'b%';
    INSERT INTO sale_lines SELECT sale_id, 2, 'PRD', NULL, 1, 20, 0, 20, NULL FROM sales WHERE sale_id LIKE 'b%'`);
  return today;
}

describe('monthly goals', () => {
  it('saves goals per unit and professional and refuses unknown ones and bad amounts with clear words', async () => {
    await load();
    const r = await t.call<GoalsResult>('goals.set', {
      month: '2026-10',
      goals: [
        { scope: 'location', scopeId: 'L1', revenueGoal: '3000,50', servicesGoal: 40 },
        { scope: 'employee', scopeId: 'E2', revenueGoal: null, servicesGoal: 25 },
      ],
    });
    expect(r.rows.map((g) => [g.scope, g.name, g.revenueGoal, g.servicesGoal])).toEqual([
      ['location', 'Centro', '3000.50', 40],
      ['location', 'Shopping', null, null],
      ['employee', 'Ana', null, null],
      ['employee', 'Bia', null, 25],
    ]);
    await t.call('goals.set', { month: '2026-10', goals: [{ scope: 'location', scopeId: 'L1', revenueGoal: null, servicesGoal: null }] });
    expect((await t.call<GoalsResult>('goals.get', { month: '2026-10' })).rows.filter((g) => g.revenueGoal || g.servicesGoal)).toHaveLength(1);
    const unknown = await t.dispatcher.call('goals.set', { month: '2026-10', goals: [{ scope: 'employee', scopeId: 'E9', revenueGoal: '10', servicesGoal: null }] });
    expect(unknown.ok || (unknown.error.details as { text: Record<string, string> }).text['pt-BR']).toBe('Não há profissional "E9" para definir meta.');
    const bad = await t.dispatcher.call('goals.set', { month: '2026-10', goals: [{ scope: 'location', scopeId: 'L1', revenueGoal: '-5', servicesGoal: null }] });
    expect(bad.ok || bad.error.code).toBe('BAD_INPUT');
  });

  it('measures progress and projects the month end from the 30-day forecast, spread by each one’s share of the last 28 days', async () => {
    const today = await load();
    const month = today.slice(0, 7);
    await t.call('goals.set', {
      month,
      goals: [
        { scope: 'location', scopeId: 'L1', revenueGoal: '3000', servicesGoal: 30 },
        { scope: 'employee', scopeId: 'E2', revenueGoal: '1000', servicesGoal: 20 },
      ],
    });
    const p = await t.call<GoalProgressResult>('goals.progress', { month });
    const fc = await t.call<ForecastTotal>('analytics.forecastNext30', {});
    expect(fc.total).not.toBeNull();
    expect(p.historyEnd).toBe(fc.historyEnd);
    expect(p.historyEnd).toBe(addDays(today, -1));
    // by hand: days of the month sold so far, and the forecast of the days left (points after the history end)
    const sold = Number(today.slice(8)) - 1;
    const m1 = monthEnd(month);
    const left = fc.points.filter((x) => x.date > fc.historyEnd! && x.date <= m1);
    const daysLeft = Math.round((Date.parse(m1) - Date.parse(today)) / 86_400_000) + 1;
    const avg = fc.points.reduce((s, x) => s + x.point, 0) / fc.points.length;
    const remaining = left.reduce((s, x) => s + x.point, 0) + (daysLeft - left.length) * avg;
    expect(remainingForecast(fc.points, fc.historyEnd!, m1)).toBeCloseTo(remaining, 9);
    const row = (scope: string, id: string) => p.rows.find((r) => r.scope === scope && r.scopeId === id)!;
    const l1 = row('location', 'L1');
    expect(l1).toMatchObject({ name: 'Centro', revenue: (100 * sold).toFixed(2), services: sold, revenueGoal: '3000.00', servicesGoal: 30 });
    expect(l1.revenueProgress).toBeCloseTo((100 * sold) / 3000, 12);
    expect(l1.servicesProgress).toBeCloseTo(sold / 30, 12);
    // Centro made 100 of every 150 in the last 28 days, with one service per 150 of business revenue
    expect(Number(l1.revenueProjection)).toBeCloseTo(Math.round((100 * sold + (remaining * 100) / 150) * 100) / 100, 2);
    expect(l1.servicesProjection).toBe(Math.round(sold + remaining / 150));
    const bia = row('employee', 'E2');
    expect(bia).toMatchObject({ name: 'Bia', revenue: (50 * sold).toFixed(2), services: sold, revenueGoal: '1000.00' });
    expect(Number(bia.revenueProjection)).toBeCloseTo(Math.round((50 * sold + (remaining * 50) / 150) * 100) / 100, 2);
    expect(p.projected).toBe(remaining > 0);
  });

  it('a past month shows what was sold as its projection, without the forecast', async () => {
    const today = await load();
    const prev = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const p = await t.call<GoalProgressResult>('goals.progress', { month: prev });
    const l2 = p.rows.find((r) => r.scopeId === 'L2')!;
    expect(p.projected).toBe(false);
    expect(l2.revenueProjection).toBe(l2.revenue);
    expect(Number(l2.revenue)).toBe(50 * Number(monthEnd(prev).slice(8)));
  });
});
