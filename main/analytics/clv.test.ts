import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { currentModel, fitCustomerValue } from './clv';
import { expectedVisits, pAlive } from './bgnbdScore';
import { generateSyntheticSales } from './testing/syntheticSales';
import { insertSales } from './testing/fixtures';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

interface Row {
  customer_id: string;
  x: number;
  t_x: number;
  t_cal: number;
  monetary: number | null;
  p_alive: number;
  churn_risk: number;
  expected_visits_90: number;
  expected_visits_365: number;
  expected_avg_value: number;
  expected_value_365: number;
}

describe('customer value (BG/NBD + Gamma-Gamma in the database)', () => {
  it('derives x, t_x and T in business days and scores every customer', async () => {
    await insertSales(t.engine.db, [
      { id: 'a1', customer: 'a', at: '2026-01-10T12:00:00-03:00', total: 100 },
      { id: 'a2', customer: 'a', at: '2026-01-10T18:00:00-03:00', total: 50 }, // same day: one transaction
      { id: 'a3', customer: 'a', at: '2026-03-01T23:30:00-03:00', total: 80 },
      { id: 'a4', customer: 'a', at: '2026-05-01T12:00:00-03:00', total: 120 },
      { id: 'b1', customer: 'b', at: '2026-06-30T12:00:00-03:00', total: 60 },
      { id: 'b2', customer: 'b', at: '2026-07-01T12:00:00-03:00', total: 40, status: 'cancelled' },
    ]);
    await generateSyntheticSales(t.engine.db, { customers: 1500, endDate: '2026-06-30', spanDays: 700, seed: 5 });
    const model = await fitCustomerValue(t.engine.db, { asOf: '2026-06-30' });
    expect(model.bgnbd.converged).toBe(true);
    expect(model.gammaGamma?.converged).toBe(true);
    const rows = await t.engine.db.all<Row>(
      `SELECT customer_id, x, t_x, t_cal, monetary::DOUBLE AS monetary, p_alive, churn_risk, expected_visits_90, expected_visits_365,
         expected_avg_value::DOUBLE AS expected_avg_value, expected_value_365::DOUBLE AS expected_value_365 FROM customer_value ORDER BY customer_id`,
    );
    const [{ n }] = await t.engine.db.all<{ n: number }>(`SELECT count(DISTINCT customer_key)::INT AS n FROM v_sales WHERE status = 'completed' AND biz_date <= DATE '2026-06-30'`);
    expect(rows).toHaveLength(n);
    expect(model.customers).toBe(n);
    const a = rows.find((r) => r.customer_id === 'a')!;
    expect(a).toMatchObject({ x: 2, t_x: 111, t_cal: 171, monetary: 100 });
    const b = rows.find((r) => r.customer_id === 'b')!;
    expect(b).toMatchObject({ x: 0, t_x: 0, t_cal: 0, monetary: null, p_alive: 1, churn_risk: 0 });
    const bg = model.bgnbd;
    for (const r of rows.filter((_, i) => i % 97 === 0).concat([a, b])) {
      expect(r.p_alive).toBeCloseTo(pAlive(bg, r.x, r.t_x, r.t_cal), 10);
      expect(r.churn_risk).toBeCloseTo(1 - r.p_alive, 12);
      expect(r.expected_visits_90).toBeCloseTo(expectedVisits(bg, 90, r.x, r.t_x, r.t_cal), 10);
      expect(r.expected_visits_365).toBeGreaterThanOrEqual(r.expected_visits_90);
      expect(r.expected_value_365).toBeCloseTo(r.expected_visits_365 * r.expected_avg_value, -1);
    }
    const gg = model.gammaGamma!;
    expect(a.expected_avg_value).toBeCloseTo((gg.p * (gg.v + 100 * 2)) / (gg.p * 2 + gg.q - 1), 2);
  });

  it('keeps only the latest model scores and refuses to fit an empty database', async () => {
    await expect(fitCustomerValue(t.engine.db, { asOf: '2026-06-30' })).rejects.toThrow(/no customer/);
    expect(await currentModel(t.engine.db)).toBeNull();
    await generateSyntheticSales(t.engine.db, { customers: 400, endDate: '2026-06-30', spanDays: 500, seed: 9 });
    const first = await fitCustomerValue(t.engine.db, { asOf: '2026-05-31' });
    const second = await fitCustomerValue(t.engine.db, { asOf: '2026-06-30' });
    expect(second.modelId).not.toBe(first.modelId);
    expect((await currentModel(t.engine.db))?.modelId).toBe(second.modelId);
    const ids = await t.engine.db.all<{ m: string }>(`SELECT DISTINCT model_id AS m FROM customer_value`);
    expect(ids).toEqual([{ m: second.modelId }]);
    const models = await t.engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM clv_models`);
    expect(models[0].n).toBe(2);
  });
});
