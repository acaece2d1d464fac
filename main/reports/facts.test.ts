// The period facts (sales, payments, lines with business dates) equal the views they stand in for, on both
// paths: fixed-offset arithmetic and per-bucket lookups, in a zone with daylight saving time too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPage } from '../../shared/api/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { linesFacts, paymentsFacts, salesFacts } from './facts';
import { allReports, viewsOf } from './registry';
import { loadReportFixture, MARCH } from './testFixture';
import { pageRows } from './testHelpers';
import { fixedOffset, useFixedOffsets } from './tzOffset';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await loadReportFixture(t.engine.db);
  // Instants around New York's 2026 DST start (Mar 8, 02:00 local) and end (Nov 1), near midnight.
  await t.engine.db.run(`INSERT INTO sales (sale_id, source, kind, status, occurred_at, total_amount) VALUES
    ('D1', 'salon', 'order', 'completed', '2026-03-08 04:59:00+00', 1), ('D2', 'salon', 'order', 'completed', '2026-03-08 05:00:00+00', 1),
    ('D3', 'salon', 'order', 'completed', '2026-03-09 03:59:00+00', 1), ('D4', 'salon', 'order', 'completed', '2026-03-09 04:00:00+00', 1),
    ('D5', 'salon', 'order', 'completed', '2026-11-01 03:59:00+00', 1), ('D6', 'salon', 'order', 'completed', '2026-11-02 04:59:00+00', 1),
    ('D7', 'salon', 'order', 'completed', '2026-11-02 05:00:00+00', 1)`);
});
afterAll(() => {
  useFixedOffsets(true);
  t.close();
});

const bounds = (offsetUs: number | null, from: string | null = `DATE '2025-01-01'`, to: string | null = `DATE '2026-12-31'`) => ({ from, to, offsetUs });

async function same(view: string, facts: string, key: string) {
  const cols = `${key}, strftime(biz_date, '%Y-%m-%d') AS d, strftime(biz_ts, '%Y-%m-%d %H:%M') AS ts`;
  const a = await t.engine.db.all(`SELECT ${cols} FROM ${view} x WHERE biz_date BETWEEN DATE '2025-01-01' AND DATE '2026-12-31' ORDER BY ALL`);
  const b = await t.engine.db.all(`SELECT ${cols} FROM ${facts} x ORDER BY ALL`);
  expect(b).toEqual(a);
  return a.length;
}

describe('period facts', () => {
  it('match v_sales, v_payments and v_report_lines in a zone with DST (bucket path) and in a fixed one', async () => {
    for (const tz of ['America/New_York', 'America/Sao_Paulo']) {
      await t.engine.db.setTimezone(tz);
      const fixed = fixedOffset(tz, '2025-01-01', '2026-12-31');
      expect(fixed === null).toBe(tz === 'America/New_York');
      for (const off of fixed === null ? [null] : [null, fixed * 60_000_000]) {
        expect(await same('v_sales', salesFacts(bounds(off)), 'sale_id, customer_key')).toBe(16);
        expect(await same('v_payments', paymentsFacts(bounds(off)), 'payment_id')).toBeGreaterThan(5);
        expect(await same('v_report_lines', linesFacts(bounds(off)), 'sale_id, line_no, staff_id')).toBe(10);
      }
    }
    await t.engine.db.setTimezone('America/Sao_Paulo');
  });

  it('bounds by business date exactly, and open bounds reach the whole history', async () => {
    await t.engine.db.setTimezone('America/New_York');
    const ids = async (from: string | null, to: string | null) =>
      (await t.engine.db.all<{ sale_id: string }>(`SELECT sale_id FROM ${salesFacts(bounds(null, from, to))} x WHERE sale_id LIKE 'D%' ORDER BY 1`)).map((r) => r.sale_id);
    expect(await ids(`DATE '2026-03-08'`, `DATE '2026-03-08'`)).toEqual(['D2', 'D3']);
    expect(await ids(`DATE '2026-11-01'`, `DATE '2026-11-01'`)).toEqual(['D6']);
    expect(await ids(null, `DATE '2026-03-07'`)).toEqual(['D1']);
    expect(await ids(`DATE '2026-11-02'`, null)).toEqual(['D7']);
    await t.engine.db.setTimezone('America/Sao_Paulo');
  });

  it('gives every report the same rows on both paths', async () => {
    const run = async () => {
      const out: unknown[] = [];
      for (const def of allReports()) {
        for (const v of viewsOf(def)) {
          const r = await t.dispatcher.call('reports.page', { report: def.id, period: MARCH, params: v.id === 'main' ? {} : { view: v.id }, limit: 1000 });
          out.push(r.ok ? pageRows(r.value as ReportPage) : r.error.code);
        }
      }
      return out;
    };
    useFixedOffsets(true);
    const fast = await run();
    useFixedOffsets(false);
    t.engine.db.changed(['sales']);
    const exact = await run();
    useFixedOffsets(true);
    expect(exact).toEqual(fast);
  }, 60_000);
});
