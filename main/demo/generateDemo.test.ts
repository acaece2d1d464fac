// The demo dataset: data-model invariants, realism (seasonality, opening hours, rates, channels), identity work,
// determinism by seed, and refusal to overwrite data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { generateDemo } from './generateDemo';
import { fitCustomerValue } from '../analytics/clv';
import { TABLE_SPECS } from '../import/canonicalSchema';
import { CANONICAL_TABLES } from '../../shared/types';
import type { DemoSummary } from '../../shared/api/demo';

const SIZE = { customers: 1500, months: 13, seed: 7, endDate: '2025-06-30' };
let t: TestEngine;
let summary: DemoSummary;
beforeAll(async () => {
  t = await openTestEngine();
  summary = await generateDemo(t.engine.db, SIZE);
});
afterAll(() => t.close());

const one = async <T = number>(sql: string): Promise<T> => {
  const r = await t.engine.db.all<Record<string, unknown>>(sql);
  const v = Object.values(r[0])[0];
  return (typeof v === 'bigint' ? Number(v) : v) as T;
};

describe('demo invariants of data-model.md', () => {
  it('fills every canonical table and reports the counts', async () => {
    expect(summary.tables.map((x) => x.name)).toEqual([...CANONICAL_TABLES]);
    for (const x of summary.tables) {
      expect(x.rows, x.name).toBeGreaterThan(0);
      expect(await one(`SELECT count(*) FROM "${x.name}"`)).toBe(x.rows);
    }
    expect(summary).toMatchObject({ customers: 1500, months: 13, from: '2024-06-01', to: '2025-06-30' });
  });

  it('total = gross - discount + tax + shipping on every sale', async () => {
    expect(await one(`SELECT count(*) FROM sales WHERE total_amount <> gross_amount - discount_amount + tax_amount + shipping_amount`)).toBe(0);
  });

  it('payments of every completed sale cover its total exactly', async () => {
    expect(
      await one(`SELECT count(*) FROM sales s LEFT JOIN (SELECT sale_id, sum(amount) a FROM payments WHERE kind = 'payment' GROUP BY 1) p USING (sale_id)
        WHERE s.status = 'completed' AND coalesce(p.a, 0) <> s.total_amount`),
    ).toBe(0);
  });

  it('lines add up to gross minus discount, every sale has lines and every line an item', async () => {
    expect(await one(`SELECT count(*) FROM sales s LEFT JOIN (SELECT sale_id, sum(line_total) lt FROM sale_lines GROUP BY 1) l USING (sale_id) WHERE l.lt IS DISTINCT FROM s.gross_amount - s.discount_amount`)).toBe(0);
    expect(await one(`SELECT count(*) FROM sale_lines WHERE line_total <> quantity * unit_price - discount_amount`)).toBe(0);
    expect(await one(`SELECT count(*) FROM sale_lines l LEFT JOIN items i USING (item_id) WHERE i.item_id IS NULL`)).toBe(0);
  });

  it('ids are unique in every table and connector ids carry their source prefix', async () => {
    for (const table of CANONICAL_TABLES) {
      const key = TABLE_SPECS[table].key.map((k) => `"${k}"`).join(', ');
      expect(await one(`SELECT count(*) - count(DISTINCT (${key})) FROM "${table}"`), table).toBe(0);
    }
    expect(await one(`SELECT count(*) FROM sales WHERE NOT starts_with(sale_id, source || ':') OR source NOT IN ('salon', 'woo', 'ml')`)).toBe(0);
    expect(await one(`SELECT count(*) FROM customers WHERE NOT starts_with(customer_id, source || ':')`)).toBe(0);
    expect(await one(`SELECT count(*) FROM payments WHERE NOT regexp_matches(payment_id, '^(salon|woo|ml):')`)).toBe(0);
  });

  it('refunds are positive amounts dated after their sale; fees only on card, Pix, boleto and marketplace payments', async () => {
    expect(await one(`SELECT count(*) FROM payments WHERE amount <= 0`)).toBe(0);
    expect(await one(`SELECT count(*) FROM payments p JOIN sales s USING (sale_id) WHERE p.kind = 'refund' AND p.occurred_at < s.created_at`)).toBe(0);
    expect(await one(`SELECT count(*) FROM payments p JOIN sales s USING (sale_id) WHERE p.kind = 'refund' AND s.status = 'completed' AND p.occurred_at >= s.occurred_at + INTERVAL 7 DAY`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM payments WHERE method IN ('cash', 'voucher') AND fee_amount <> 0`)).toBe(0);
    expect(await one(`SELECT count(*) FROM payments WHERE method IN ('credit_card', 'debit_card') AND kind = 'payment' AND fee_amount <= 0`)).toBe(0);
  });
});

describe('demo realism', () => {
  it('has several locations, staff with commission rates, services and products', async () => {
    expect(await one(`SELECT count(*) FROM locations`)).toBeGreaterThanOrEqual(3);
    expect(await one(`SELECT count(*) FROM employees WHERE commission_rate BETWEEN 0.3 AND 0.55`)).toBeGreaterThan(10);
    expect(await one(`SELECT count(DISTINCT kind) FROM items`)).toBe(2);
  });

  it('about 8% of past appointments are cancelled and 4% no-shows; only future ones are booked or confirmed', async () => {
    const r = await t.engine.db.all<{ c: number; n: number }>(
      `SELECT avg((status = 'cancelled')::INT) c, avg((status = 'no_show')::INT) n FROM sales WHERE kind = 'appointment' AND occurred_at < TIMESTAMPTZ '2025-07-01 00:00:00-03'`,
    );
    expect(r[0].c).toBeGreaterThan(0.06);
    expect(r[0].c).toBeLessThan(0.1);
    expect(r[0].n).toBeGreaterThan(0.025);
    expect(r[0].n).toBeLessThan(0.055);
    expect(await one(`SELECT count(*) FROM sales WHERE status IN ('booked', 'confirmed') AND kind = 'appointment' AND occurred_at < TIMESTAMPTZ '2025-07-01 00:00:00-03'`)).toBe(0);
    expect(await one(`SELECT count(*) FROM sales WHERE occurred_at >= TIMESTAMPTZ '2025-07-01 00:00:00-03' AND status NOT IN ('booked', 'confirmed')`)).toBe(0);
  });

  it('appointments fall inside opening hours (closed on Sundays) with peaks mid-morning and late afternoon', async () => {
    expect(await one(`SELECT count(*) FROM v_sales WHERE kind = 'appointment' AND dayofweek(biz_ts) = 0`)).toBe(0);
    expect(await one(`SELECT count(*) FROM v_sales WHERE kind = 'appointment' AND (hour(biz_ts) < 8 OR hour(biz_ts) >= 20)`)).toBe(0);
    const h = await t.engine.db.all<{ h: number; n: bigint }>(`SELECT hour(biz_ts)::INT h, count(*) n FROM v_sales WHERE kind = 'appointment' GROUP BY 1`);
    const at = (x: number) => Number(h.find((r) => r.h === x)?.n ?? 0);
    expect(at(10)).toBeGreaterThan(at(13));
    expect(at(17)).toBeGreaterThan(at(13));
  });

  it('has weekly and yearly seasonality: Saturdays busiest, December and the week before Mother’s Day above average', async () => {
    const dow = await t.engine.db.all<{ d: number; n: bigint }>(`SELECT dayofweek(biz_ts)::INT d, count(*) n FROM v_sales WHERE kind = 'appointment' GROUP BY 1 ORDER BY 2 DESC`);
    expect(dow[0].d).toBe(6);
    const daily = (where: string) => one<number>(`SELECT count(*) / count(DISTINCT biz_date) FROM v_sales WHERE kind = 'appointment' AND status = 'completed' AND ${where}`);
    const year = await daily(`biz_date BETWEEN '2024-06-01' AND '2025-06-30'`);
    expect(await daily(`biz_date BETWEEN '2024-12-01' AND '2024-12-23'`)).toBeGreaterThan(year * 1.15);
    // Mother's Day 2025 was Sunday 11 May.
    expect(await daily(`biz_date BETWEEN '2025-05-05' AND '2025-05-10'`)).toBeGreaterThan(year * 1.3);
    const wooBf = await one<number>(`SELECT count(*) FROM v_sales WHERE source = 'woo' AND biz_date = '2024-11-29'`);
    const wooDay = await one<number>(`SELECT count(*) / count(DISTINCT biz_date) FROM v_sales WHERE source = 'woo'`);
    expect(wooBf).toBeGreaterThan(wooDay * 2);
  });

  it('pays with Pix, cards and cash, sometimes split in two, with coupons, loyalty points and refunds', async () => {
    expect(await one(`SELECT count(DISTINCT method) FROM payments WHERE method IN ('pix', 'credit_card', 'debit_card', 'cash')`)).toBe(4);
    expect(await one(`SELECT count(*) FROM (SELECT sale_id FROM payments WHERE kind = 'payment' GROUP BY 1 HAVING count(*) > 1)`)).toBeGreaterThan(20);
    expect(await one(`SELECT count(DISTINCT coupon_code) FROM sales`)).toBeGreaterThanOrEqual(4);
    expect(await one(`SELECT count(DISTINCT kind) FROM loyalty_transactions`)).toBeGreaterThanOrEqual(3);
    expect(await one(`SELECT count(*) FROM payments WHERE kind = 'refund'`)).toBeGreaterThan(10);
  });

  it('has campaigns with the whole funnel, online orders and Mercado Livre listing snapshots', async () => {
    expect(await one(`SELECT count(DISTINCT event_type) FROM campaign_events`)).toBe(5);
    expect(await one(`SELECT count(DISTINCT channel) FROM campaigns`)).toBe(4);
    expect(await one(`SELECT count(*) FROM campaign_events e JOIN sales s ON s.customer_id = e.customer_id AND s.occurred_at = e.occurred_at WHERE e.event_type = 'converted'`)).toBe(
      await one(`SELECT count(*) FROM campaign_events WHERE event_type = 'converted'`),
    );
    expect(await one(`SELECT count(DISTINCT source) FROM sales`)).toBe(3);
    expect(await one(`SELECT count(DISTINCT is_own) FROM listing_snapshots`)).toBe(2);
    expect(await one(`SELECT count(*) FROM listing_snapshots WHERE original_price IS NOT NULL AND price >= original_price`)).toBe(0);
  });

  it('has accented names, customers without e-mail, birthdays, and people buying online and in the salon', async () => {
    expect(await one(`SELECT count(*) FROM customers WHERE name <> strip_accents(name)`)).toBeGreaterThan(100);
    expect(await one(`SELECT count(*) FROM customers WHERE email IS NULL AND source = 'salon'`)).toBeGreaterThan(100);
    expect(await one(`SELECT count(*) FROM customers WHERE birth_date IS NOT NULL`)).toBeGreaterThan(1000);
    const mixed = await one(`SELECT count(*) FROM (SELECT unified_id FROM customer_identity ci JOIN customers c USING (customer_id) GROUP BY 1 HAVING count(DISTINCT c.source) > 1)`);
    expect(mixed).toBeGreaterThan(20);
    expect(summary.identity.groups).toBeGreaterThanOrEqual(mixed);
    const rules = await t.engine.db.all<{ rule: string }>(`SELECT DISTINCT rule FROM customer_identity ORDER BY 1`);
    expect(rules.map((r) => r.rule)).toEqual(['cpf', 'email', 'phone', 'root']);
  });
});

describe('demo customers leave like a salon\'s', () => {
  it('gives a customer-value fit that identifies dropout over two years, with a spread of P(alive) among regulars', async () => {
    const e = await openTestEngine({ memory: true });
    try {
      await generateDemo(e.engine.db, { customers: 3000, months: 24, seed: 7, endDate: '2025-06-30' });
      const model = await fitCustomerValue(e.engine.db, { asOf: '2025-06-30' });
      expect(model.scoring).toBe('bgnbd');
      expect(model.notes).toEqual([]);
      expect(model.bgnbd.a + model.bgnbd.b).toBeLessThan(1000);
      const [r] = await e.engine.db.all<{ n: number; empty: number; gone: number; here: number; lost: number }>(
        `SELECT count(*)::INT AS n, count(*) FILTER (expected_value_365 IS NULL OR p_alive IS NULL)::INT AS empty,
           avg(p_alive) FILTER (x >= 3 AND t_cal - t_x > 270) AS gone, avg(p_alive) FILTER (x >= 3 AND t_cal - t_x < 60) AS here,
           avg((p_alive < 0.5)::INT) FILTER (x >= 3) AS lost
         FROM customer_value`,
      );
      expect(r.n).toBeGreaterThan(2000);
      expect(r.empty).toBe(0);
      // regulars who stopped coming most of a year ago are much less likely to be active than those seen lately
      expect(r.here).toBeGreaterThan(0.85);
      expect(r.gone).toBeLessThan(r.here - 0.2);
      expect(r.lost).toBeGreaterThan(0.03);
    } finally {
      e.close();
    }
  }, 60_000);
});

describe('demo determinism and safety', () => {
  const fingerprint = async (e: TestEngine) => {
    const out: Record<string, string> = {};
    for (const table of CANONICAL_TABLES) {
      const r = await e.engine.db.all<{ h: bigint }>(`SELECT bit_xor(hash(x)) h FROM "${table}" x`);
      out[table] = String(r[0].h);
    }
    return out;
  };

  it('the same seed and end date give the same rows; another seed gives others', async () => {
    const small = { customers: 300, months: 3, endDate: '2025-06-30' };
    const a = await openTestEngine();
    const b = await openTestEngine();
    try {
      await generateDemo(a.engine.db, { ...small, seed: 1 });
      await generateDemo(b.engine.db, { ...small, seed: 1 });
      const fa = await fingerprint(a);
      expect(await fingerprint(b)).toEqual(fa);
      await generateDemo(b.engine.db, { ...small, seed: 2, replace: true });
      expect((await fingerprint(b)).sales).not.toBe(fa.sales);
    } finally {
      a.close();
      b.close();
    }
  });

  it('made during the last day, keeps the rest of that day booked or confirmed, with nothing paid after the moment it was made', async () => {
    const e = await openTestEngine({ memory: true });
    try {
      // 12:00 in São Paulo on the last day, a Saturday: the morning is past, the afternoon still ahead.
      const now = new Date('2025-06-28T15:00:00Z');
      await generateDemo(e.engine.db, { customers: 800, months: 2, seed: 3, endDate: '2025-06-28', now });
      const count = async (sql: string) => Number(Object.values((await e.engine.db.all<Record<string, unknown>>(sql))[0])[0]);
      const lastDay = `kind = 'appointment' AND occurred_at >= TIMESTAMPTZ '2025-06-28 00:00:00-03' AND occurred_at < TIMESTAMPTZ '2025-06-29 00:00:00-03'`;
      expect(await count(`SELECT count(*) FROM sales WHERE ${lastDay} AND occurred_at < TIMESTAMPTZ '${now.toISOString()}' AND status IN ('booked', 'confirmed')`)).toBe(0);
      expect(await count(`SELECT count(*) FROM sales WHERE ${lastDay} AND occurred_at >= TIMESTAMPTZ '${now.toISOString()}' AND status NOT IN ('booked', 'confirmed')`)).toBe(0);
      expect(await count(`SELECT count(*) FROM sales WHERE ${lastDay} AND occurred_at >= TIMESTAMPTZ '${now.toISOString()}'`)).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) FROM sales WHERE ${lastDay} AND status = 'completed'`)).toBeGreaterThan(0);
      // every booking was made before that moment, and no payment is dated after it
      expect(await count(`SELECT count(*) FROM sales WHERE status IN ('booked', 'confirmed') AND kind = 'appointment' AND created_at >= TIMESTAMPTZ '${now.toISOString()}'`)).toBe(0);
      expect(await count(`SELECT count(*) FROM payments WHERE occurred_at >= TIMESTAMPTZ '${now.toISOString()}'`)).toBe(0);
    } finally {
      await e.close();
    }
  });

  it('refuses a database that already holds data unless replace is set', async () => {
    await expect(generateDemo(t.engine.db, { customers: 100, months: 1 })).rejects.toThrow(/already holds data/);
    expect(await one(`SELECT count(*) FROM customers`)).toBe(1500);
  });
});
