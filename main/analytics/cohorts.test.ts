import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { cohorts, cohortsSql } from './cohorts';
import { ParamList } from '../sql/specSql';
import { insertSales, linkCustomers } from './testing/fixtures';
import { generateSyntheticSales } from './testing/syntheticSales';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

describe('acquisition cohorts', () => {
  it('counts returning customers and revenue per cohort and month since, by business date and unified customer', async () => {
    await insertSales(t.engine.db, [
      { id: 'a1', customer: 'a', at: '2026-01-31T23:30:00-03:00', total: 10 }, // still January locally
      { id: 'a2', customer: 'a', at: '2026-03-05T12:00:00-03:00', total: 20 },
      { id: 'a3', customer: 'a', at: '2026-03-06T12:00:00-03:00', total: 5 },
      { id: 'b1', customer: 'b', at: '2026-02-01T12:00:00-03:00', total: 7 },
      { id: 'b2', customer: 'b2', at: '2026-03-01T12:00:00-03:00', total: 8 }, // b2 is b
      { id: 'c1', customer: 'c', at: '2026-01-10T12:00:00-03:00', total: 1 },
      { id: 'c2', customer: 'c', at: '2026-02-10T12:00:00-03:00', total: 2, status: 'no_show' },
    ]);
    await linkCustomers(t.engine.db, 'b', ['b', 'b2']);
    const r = await cohorts(t.engine.db, null, '2026-03');
    expect(r.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['2026-01', 2],
      ['2026-02', 1],
    ]);
    const jan = r.cohorts[0].cells;
    expect(jan.map((c) => c.customers)).toEqual([2, 0, 1]);
    expect(jan.map((c) => c.revenue)).toEqual(['11.00', '0.00', '25.00']);
    expect(jan[2].retention).toBe(0.5);
    expect(r.cohorts[1].cells.map((c) => [c.customers, c.revenue])).toEqual([
      [1, '7.00'],
      [1, '8.00'],
    ]);
  });

  it('agrees with a plain v_sales computation on generated data', async () => {
    await generateSyntheticSales(t.engine.db, { customers: 300, endDate: '2026-06-30', spanDays: 400, seed: 4 });
    const p = new ParamList();
    const mine = await t.engine.db.all(
      `SELECT strftime(cohort, '%Y-%m') AS c, months_since::INT AS k, cohort_size::INT AS n, customers::INT AS a, revenue::VARCHAR AS v
       FROM (${cohortsSql(p, null, `CAST(${p.add('2026-06-30')} AS DATE)`)}) WHERE customers > 0 ORDER BY 1, 2`,
      p.values,
    );
    const ref = await t.engine.db.all(
      `WITH v AS (SELECT customer_key, biz_date, total_amount FROM v_sales WHERE status = 'completed' AND customer_key IS NOT NULL AND biz_date <= DATE '2026-06-30'),
        f AS (SELECT customer_key, date_trunc('month', min(biz_date)) AS cohort FROM v GROUP BY 1),
        n AS (SELECT cohort, count(*) AS n FROM f GROUP BY 1)
       SELECT strftime(f.cohort, '%Y-%m') AS c, date_diff('month', f.cohort, date_trunc('month', v.biz_date))::INT AS k, any_value(n.n)::INT AS n,
         count(DISTINCT v.customer_key)::INT AS a, sum(v.total_amount)::VARCHAR AS v
       FROM v JOIN f USING (customer_key) JOIN n USING (cohort) GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(mine).toEqual(ref);
    expect(mine.length).toBeGreaterThan(20);
  });
});
