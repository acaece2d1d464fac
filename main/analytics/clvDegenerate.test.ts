// Customer value when the BG/NBD fit is degenerate: scoring stays finite at a and b in the millions (and equals the
// limit of one common dropout probability), and a database whose customers never drop out still gets every
// customer scored, by the NBD limit, with the note that says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { fitCustomerValue } from './clv';
import { expectedVisits, logHyp2f1, pAlive } from './bgnbdScore';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

describe('degenerate customer-value fits', () => {
  it('scores with a and b in the millions like the limit of one dropout probability for all', () => {
    // the fit the medium demo used to end with
    const p = { r: 1.3127, alpha: 219.35, a: 45_964_912.4, b: 4_402_210_955.8 };
    const drop = p.a / (p.a + p.b);
    for (const [x, tx, T] of [
      [0, 0, 30],
      [1, 10, 400],
      [12, 300, 320],
      [40, 700, 705],
      [400, 700, 720],
    ]) {
      for (const h of [90, 365]) {
        const e = expectedVisits(p, h, x, tx, T);
        expect(Number.isFinite(e)).toBe(true);
        // a, b -> infinity with a / (a + b) = p: E = (1/p) (1 - ((α+T)/(α+T+p t))^(r+x)) P(alive)
        const limit = (1 / drop) * (1 - ((p.alpha + T) / (p.alpha + T + drop * h)) ** (p.r + x)) * pAlive(p, x, tx, T);
        expect(e).toBeCloseTo(limit, 4);
      }
      const pa = pAlive(p, x, tx, T);
      expect(pa).toBeGreaterThan(0);
      expect(pa).toBeLessThanOrEqual(1);
    }
    // log 2F1 past the double range: (1 - z)^-n summed by the series
    expect(logHyp2f1(2000, 1, 1, 0.9)).toBeCloseTo(-2000 * Math.log(0.1), 6);
  });

  it('falls back to the NBD limit with a note when no customer ever drops out', async () => {
    // 1500 customers, each visiting every 20-80 days from a first visit until the end of the data, never leaving
    const u = (salt: string) => `((hash(i, k, '${salt}') % 1000003)::DOUBLE / 1000003.0)`;
    await t.engine.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO sales (sale_id, source, kind, customer_id, status, created_at, occurred_at, gross_amount, discount_amount, coupon_code,
           tax_amount, shipping_amount, total_amount)
         WITH c AS (
           SELECT i, floor(((hash(i, 'first') % 1000003)::DOUBLE / 1000003.0) * 600)::INTEGER AS first_day,
             20 + 60 * ((hash(i, 'gap') % 1000003)::DOUBLE / 1000003.0) AS gap FROM range(1500) r(i)
         ), v AS (
           SELECT i, k, first_day + floor(k * gap + 0.3 * gap * ${u('j')})::INTEGER AS day, 80 + 40 * ${u('amt')} AS amount
           FROM c, range(0, 40) r(k)
         )
         SELECT 'n' || i || '-' || k, 'test', 'appointment', 'c' || i, 'completed', ts, ts, amount, 0, NULL, 0, 0, amount
         FROM (SELECT *, timezone(getvariable('biz_tz'), CAST(DATE '2025-01-01' + day AS TIMESTAMP) + INTERVAL 12 HOUR) AS ts FROM v)
         WHERE day <= 700`,
      );
      tx.touched('sales');
    });
    const model = await fitCustomerValue(t.engine.db, { asOf: '2026-12-01' });
    expect(model.bgnbd.a + model.bgnbd.b).toBeGreaterThan(1000);
    expect(model.scoring).toBe('nbd');
    expect(model.nbd).not.toBeNull();
    expect(model.notes[0].en).toMatch(/do not show when customers stop coming/);
    expect(model.notes[0]['pt-BR']).toMatch(/não mostram quando os clientes deixam de vir/);
    const rows = await t.engine.db.all<{ n: number; scored: number; alive: number; e: number; x: number; t_cal: number; v: number }>(
      `SELECT count(*)::INT AS n, count(expected_value_365)::INT AS scored, min(p_alive) AS alive, any_value(expected_visits_90 ORDER BY customer_id) AS e,
         any_value(x ORDER BY customer_id) AS x, any_value(t_cal ORDER BY customer_id) AS t_cal, sum(CASE WHEN isfinite(expected_visits_365) THEN 1 ELSE 0 END)::INT AS v
       FROM customer_value`,
    );
    expect(rows[0].n).toBe(1500);
    expect(rows[0].scored).toBe(1500);
    expect(rows[0].v).toBe(1500);
    expect(rows[0].alive).toBe(1);
    const nbd = model.nbd!;
    expect(rows[0].e).toBeCloseTo(((nbd.r + rows[0].x) * 90) / (nbd.alpha + rows[0].t_cal), 9);
    // the note travels with the model to the app
    const shown = await t.call<{ model: { notes: { en: string }[] } }>('analytics.customerValue', {});
    expect(shown.model.notes[0].en).toMatch(/every customer counts as active/);
    const c360 = await t.call<{ value: { pAlive: number; repeatVisits: number } | null; valueNotes: { 'pt-BR': string }[] }>('analytics.customer360', { customerId: 'c7' });
    expect(c360.value?.pAlive).toBe(1);
    expect(c360.value?.repeatVisits).toBeGreaterThan(0);
    expect(c360.valueNotes[0]['pt-BR']).toMatch(/todos contam como ativos/);
  });
});
