// Customer value on the real CDNOW sample (../shared/data/cdnow beside the repository): loaded as canonical sales,
// fitted and scored by the engine, checked against the published fits and an independent evaluation of the
// papers' closed forms (plain 2F1 series, no log space, no Euler transformation).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { fitCustomerValue } from './clv';
import type { CustomerValueModel } from '../../shared/analytics';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(repoRoot, '../shared/data/cdnow');

/** Three significant digits: |got - want| within half a unit of the third digit of want. */
function sig3(got: number, want: number): void {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(want))) - 2);
  expect(Math.abs(got - want)).toBeLessThanOrEqual(unit / 2 + 1e-12);
}

/** 2F1 by its defining series, summed until the terms stop mattering. */
function plain2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 200_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * sum && k > 5) break;
  }
  return sum;
}

/** Fader, Hardie & Lee (2005), eq. (10) and P(alive) (their appendix), as printed. */
function paperExpected(p: { r: number; alpha: number; a: number; b: number }, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const f = plain2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const num = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * f);
  return num / (1 + (x > 0 ? 1 : 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}
function paperPAlive(p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number): number {
  return x === 0 ? 1 : 1 / (1 + (p.a / (p.b + x - 1)) * ((p.alpha + T) / (p.alpha + tx)) ** (p.r + x));
}

interface Row {
  customer_id: string;
  x: number;
  t_x: number;
  t_cal: number;
  monetary: number | null;
  p_alive: number;
  expected_visits_90: number;
  expected_visits_365: number;
}

describe.runIf(existsSync(resolve(dataDir, 'CDNOW_sample.txt')))('customer value on the CDNOW sample', () => {
  let t: TestEngine;
  let model: CustomerValueModel;
  let rows: Row[];

  beforeAll(async () => {
    t = await openTestEngine({ memory: true });
    // One completed order per customer and purchase day, at noon business time, as canonical sales.
    await t.engine.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO sales (sale_id, source, kind, customer_id, status, created_at, occurred_at, gross_amount, discount_amount, coupon_code,
           tax_amount, shipping_amount, total_amount)
         WITH lines AS (
           SELECT string_split(trim(regexp_replace(line, '\\s+', ' ', 'g')), ' ') AS f
           FROM (SELECT unnest(string_split(content, chr(10))) AS line FROM read_text($1)) WHERE trim(line) <> ''
         ), purchases AS (
           SELECT 'c' || CAST(CAST(f[2] AS INTEGER) AS VARCHAR) AS customer, CAST(strptime(f[3], '%Y%m%d') AS DATE) AS d, CAST(f[5] AS DECIMAL(18,2)) AS amount
           FROM lines
         ), days AS (
           SELECT customer, d, sum(amount) AS amount, timezone(getvariable('biz_tz'), CAST(d AS TIMESTAMP) + INTERVAL 12 HOUR) AS ts
           FROM purchases GROUP BY customer, d
         )
         SELECT 'cd-' || customer || '-' || strftime(d, '%Y%m%d'), 'test', 'order', customer, 'completed', ts, ts, amount, 0, NULL, 0, 0, amount FROM days`,
        [resolve(dataDir, 'CDNOW_sample.txt')],
      );
      tx.touched('sales');
    });
    model = await fitCustomerValue(t.engine.db, { asOf: '1997-09-30' });
    rows = await t.engine.db.all<Row>(
      `SELECT customer_id, x, t_x, t_cal, monetary::DOUBLE AS monetary, p_alive, expected_visits_90, expected_visits_365 FROM customer_value ORDER BY customer_id`,
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('derives the published calibration summary (x, t_x, T in weeks, mean repeat value)', async () => {
    const summary = await t.engine.db.all<{ id: number; x: number; t_x: number; T: number; zbar: number }>(
      `SELECT "ID"::INTEGER AS id, x::INTEGER AS x, t_x::DOUBLE AS t_x, "T"::DOUBLE AS "T", zbar::DOUBLE AS zbar FROM read_csv($1, header = true) ORDER BY id`,
      [resolve(dataDir, 'cdnow_summary.csv')],
    );
    expect(rows).toHaveLength(2357);
    expect(summary).toHaveLength(2357);
    const byId = new Map(rows.map((r) => [r.customer_id, r]));
    for (const s of summary) {
      const r = byId.get(`c${s.id}`)!;
      expect(r.x).toBe(s.x);
      expect(Math.abs(r.t_x / 7 - s.t_x)).toBeLessThan(0.006);
      expect(Math.abs(r.t_cal / 7 - s.T)).toBeLessThan(0.006);
      // both sides round the mean to the cent: at most one cent apart
      if (s.x > 0) expect(Math.abs((r.monetary ?? 0) - s.zbar)).toBeLessThan(0.0101);
    }
  });

  it('recovers the published BG/NBD and Gamma-Gamma parameters to three significant digits', () => {
    const bg = model.bgnbd;
    expect(model.scoring).toBe('bgnbd');
    expect(model.notes).toEqual([]);
    expect(bg.converged).toBe(true);
    sig3(bg.r, 0.243);
    sig3(bg.alpha / 7, 4.414);
    sig3(bg.a, 0.793);
    sig3(bg.b, 2.426);
    // Days instead of weeks multiply every repeat-visit density by 1/7: LL(weeks) = LL(days) + (sum x) ln 7.
    const sumX = rows.reduce((s, r) => s + r.x, 0);
    expect(bg.logLik + sumX * Math.log(7)).toBeCloseTo(-9582.4, 1);
    const gg = model.gammaGamma!;
    expect(model.repeatCustomers).toBe(946);
    expect(gg.converged).toBe(true);
    sig3(gg.p, 6.25);
    sig3(gg.q, 3.74);
    sig3(gg.v, 15.44);
  });

  it('scores every customer with the closed forms of the paper', () => {
    const p = model.bgnbd;
    let total39 = 0;
    for (const r of rows) {
      expect(r.p_alive).toBeCloseTo(paperPAlive(p, r.x, r.t_x, r.t_cal), 12);
      expect(r.expected_visits_90).toBeCloseTo(paperExpected(p, 90, r.x, r.t_x, r.t_cal), 10);
      expect(r.expected_visits_365).toBeCloseTo(paperExpected(p, 365, r.x, r.t_x, r.t_cal), 10);
      total39 += paperExpected(p, 273, r.x, r.t_x, r.t_cal);
    }
    // The paper's customer with x = 2, t_x = 30.43, T = 38.86 weeks expects 1.226 transactions in the next 39 weeks.
    const pw = { ...p, alpha: p.alpha / 7 };
    expect(paperExpected(pw, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 2);
    expect(total39).toBeGreaterThan(0);
  });
});
