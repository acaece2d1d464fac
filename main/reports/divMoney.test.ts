// div_money: exact division of money rounded to the cent half away from zero (data-model.md rounding rule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';

let t: TestEngine;
beforeAll(async () => void (t = await openTestEngine({ memory: true })));
afterAll(() => t.close());

describe('div_money', () => {
  it('rounds half away from zero on exact decimals, for integer and decimal divisors', async () => {
    const [r] = await t.engine.db.all<Record<string, string | null>>(`SELECT
      CAST(div_money(10.00::DECIMAL(18,2), 3) AS VARCHAR) a, CAST(div_money(0.05::DECIMAL(18,2), 2) AS VARCHAR) b,
      CAST(div_money(-0.05::DECIMAL(18,2), 2) AS VARCHAR) c, CAST(div_money(100.00::DECIMAL(18,2), 1.5::DECIMAL(10,3)) AS VARCHAR) d,
      CAST(div_money(413.10::DECIMAL(18,2), 4) AS VARCHAR) e, CAST(div_money(1, 0) AS VARCHAR) z, CAST(div_money(NULL, 2) AS VARCHAR) n,
      CAST(div_money(123456789012.35::DECIMAL(18,2), 7) AS VARCHAR) big, typeof(div_money(1.00::DECIMAL(18,2), 3)) t`);
    expect(r).toEqual({ a: '3.33', b: '0.03', c: '-0.03', d: '66.67', e: '103.28', z: null, n: null, big: '17636684144.62', t: 'DECIMAL(18,2)' });
  });
});
