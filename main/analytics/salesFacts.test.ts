import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { dailyRevenueSql, salesFactsSql } from './salesFacts';
import { insertSales, linkCustomers } from './testing/fixtures';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

async function compare(from: string | null, to: string | null) {
  const mine = await t.engine.db.all<{ sale_id: string; customer_key: string | null; biz_date: string }>(
    `SELECT sale_id, customer_key, strftime(biz_date, '%Y-%m-%d') AS biz_date FROM ${salesFactsSql({ from: from && `DATE '${from}'`, to: to && `DATE '${to}'` })} f ORDER BY sale_id`,
  );
  const cond = [from && `biz_date >= DATE '${from}'`, to && `biz_date <= DATE '${to}'`].filter(Boolean).join(' AND ');
  const view = await t.engine.db.all<{ sale_id: string; customer_key: string | null; biz_date: string }>(
    `SELECT sale_id, customer_key, strftime(biz_date, '%Y-%m-%d') AS biz_date FROM v_sales ${cond ? 'WHERE ' + cond : ''} ORDER BY sale_id`,
  );
  expect(mine).toEqual(view);
  return mine;
}

describe('salesFactsSql', () => {
  it('gives the same customer_key and biz_date as v_sales, across DST changes and midnight edges', async () => {
    const at: string[] = [];
    // Brazil had DST until 2019: 2018-11-04 00:00 local jumped to 01:00; 2019-02-17 00:00 fell back to 2019-02-16 23:00.
    for (const base of ['2018-11-04T02:00:00Z', '2019-02-17T01:00:00Z', '2026-10-31T23:00:00Z', '1969-12-31T23:59:59Z']) {
      for (let m = -240; m <= 240; m += 15) at.push(new Date(Date.parse(base) + m * 60_000 + (m % 2 ? 0 : 59_999)).toISOString());
    }
    await insertSales(
      t.engine.db,
      at.map((a, i) => ({ id: `s${String(i).padStart(4, '0')}`, customer: i % 3 ? `c${i % 7}` : null, at: a })),
    );
    await linkCustomers(t.engine.db, 'c1', ['c1', 'c2']);
    const all = await compare(null, null);
    expect(all).toHaveLength(at.length);
    expect((await compare('2018-11-04', '2019-02-16')).length).toBeGreaterThan(0);
    expect((await compare('2026-10-31', '2026-10-31')).length).toBeGreaterThan(0);
    await t.engine.db.setTimezone('Asia/Kathmandu'); // +05:45
    await compare(null, null);
    await compare('2026-11-01', null);
  });
});

describe('dailyRevenueSql', () => {
  it('sums completed sales per business date like v_sales does', async () => {
    const at: string[] = [];
    for (const base of ['2018-11-04T02:00:00Z', '2026-10-31T23:00:00Z']) for (let m = -300; m <= 300; m += 15) at.push(new Date(Date.parse(base) + m * 60_000).toISOString());
    await insertSales(
      t.engine.db,
      at.map((a, i) => ({ id: `s${i}`, customer: 'c', at: a, total: 10 + (i % 7), status: i % 5 ? 'completed' : 'cancelled' })),
    );
    const mine = await t.engine.db.all(`SELECT strftime(biz_date, '%Y-%m-%d') AS d, revenue::VARCHAR AS v FROM ${dailyRevenueSql("DATE '2026-10-31'")} r ORDER BY 1`);
    const view = await t.engine.db.all(
      `SELECT strftime(biz_date, '%Y-%m-%d') AS d, sum(total_amount)::VARCHAR AS v FROM v_sales WHERE status = 'completed' AND biz_date <= DATE '2026-10-31' GROUP BY 1 ORDER BY 1`,
    );
    expect(mine).toEqual(view);
    expect(mine.length).toBe(3);
  });
});
