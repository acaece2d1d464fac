// The dashboard's "today" while it is today: last week's same weekday, and yesterday up to the same business hour
// as the secondary comparison (sales, payments and appointments after that hour of yesterday do not count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { dashboard } from './dashboard';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  // São Paulo is UTC-3: 13:00Z is 10:00 local. Friday 2026-12-04 is today, 14:20 local.
  await t.engine.db.run(`
    INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
      gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount) VALUES
      ('T1', 'salon', 'appointment', NULL, NULL, NULL, 'completed', '2026-12-01 12:00:00+00', '2026-12-04 13:00:00+00', 100.00, 0, NULL, 0, 0, 100.00),
      ('Y1', 'salon', 'appointment', NULL, NULL, NULL, 'completed', '2026-12-01 12:00:00+00', '2026-12-03 12:00:00+00', 40.00, 0, NULL, 0, 0, 40.00),
      ('Y2', 'salon', 'appointment', NULL, NULL, NULL, 'completed', '2026-12-01 12:00:00+00', '2026-12-03 17:50:00+00', 30.00, 0, NULL, 0, 0, 30.00),
      ('Y3', 'salon', 'appointment', NULL, NULL, NULL, 'completed', '2026-12-01 12:00:00+00', '2026-12-03 21:00:00+00', 500.00, 0, NULL, 0, 0, 500.00),
      ('Y4', 'salon', 'appointment', NULL, NULL, NULL, 'cancelled', '2026-12-01 12:00:00+00', '2026-12-03 22:00:00+00', 80.00, 0, NULL, 0, 0, 80.00),
      ('W1', 'salon', 'appointment', NULL, NULL, NULL, 'completed', '2026-11-20 12:00:00+00', '2026-11-27 15:00:00+00', 80.00, 0, NULL, 0, 0, 80.00);
    INSERT INTO payments VALUES
      ('PT1', 'T1', '2026-12-04 13:05:00+00', 'pix', 'payment', 100.00, 0),
      ('PY1', 'Y1', '2026-12-03 12:05:00+00', 'pix', 'payment', 40.00, 0),
      ('PY2', 'Y2', '2026-12-03 17:55:00+00', 'pix', 'payment', 30.00, 0),
      ('PY3', 'Y3', '2026-12-03 21:05:00+00', 'cash', 'payment', 500.00, 0),
      ('PW1', 'W1', '2026-11-27 15:05:00+00', 'pix', 'payment', 80.00, 0);`);
});
afterAll(() => t.close());

const kpis = (d: Awaited<ReturnType<typeof dashboard>>) => Object.fromEntries(d.kpis.map((k) => [k.id, k]));

describe('dashboard today', () => {
  it('compares today so far with yesterday up to the same business hour', async () => {
    const d = await dashboard(t.engine, { period: { preset: 'today', today: '2026-12-04' }, common: {} }, new Date('2026-12-04T17:20:00Z'));
    expect(d.previous).toMatchObject({ from: '2026-11-27', to: '2026-11-27', basis: 'same_weekday_last_week' });
    expect(d.lastYear).toEqual({ preset: 'today', from: '2026-12-03', to: '2026-12-03', days: 1, basis: 'yesterday_same_hour', untilHour: 14 });
    const k = kpis(d);
    // yesterday 09:00 and 14:50 count; 18:00 (and its cash payment) and the 19:00 cancellation do not
    expect(k.gross_revenue).toMatchObject({ value: '100.00', previous: '80.00', lastYear: '70.00', variationLastYear: 0.428571 });
    expect(k.completed_sales).toMatchObject({ value: 1, lastYear: 2 });
    expect(k.pix_share).toMatchObject({ value: 1, lastYear: 1 });
    expect(k.cancellation_rate.lastYear).toBe(0);
  });

  it('keeps 52 weeks before for a "today" that is no longer today', async () => {
    const d = await dashboard(t.engine, { period: { preset: 'today', today: '2026-12-04' }, common: {} }, new Date('2026-12-05T17:20:00Z'));
    expect(d.previous).toMatchObject({ from: '2026-11-27', basis: 'same_weekday_last_week' });
    // no activity 52 weeks before: no last-year figures rather than zeros
    expect(d.lastYear).toBeNull();
    expect(kpis(d).gross_revenue).toMatchObject({ value: '100.00', previous: '80.00', lastYear: null });
  });
});
