// Occupancy's booked minutes read from the booked-minutes rollup equal those read from the sale lines: a line
// without its own duration counts its item's duration x quantity, and a later change of that duration shows at once.
// The dashboard's per-day occupancy (occupancyDaysSql) equals the report's rows summed per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPage, ReportTotals } from '../../../shared/api/reports';
import type { DashboardResult } from '../../../shared/reports';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { rebuildRollupsTx } from '../../model/rollups';
import { rollupsReady, setRollupsEnabled } from '../rollupSource';
import { loadReportFixture, MARCH } from '../testFixture';
import { pageRows, type Row } from '../testHelpers';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await loadReportFixture(t.engine.db);
  // Ana's appointment of March 10: two manicures and a half one without a duration of their own (item: 45 min each),
  // a product (no duration anywhere: nothing) and a cut booked for 30 minutes.
  await t.engine.db.transaction(async (tx) => {
    await tx.run(`INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at, gross_amount, discount_amount, tax_amount, shipping_amount, total_amount)
      VALUES ('S10', 'salon', 'appointment', 'C2', 'L1', 'E1', 'completed', '2026-03-01 12:00:00+00', '2026-03-10 13:00:00+00', 160.00, 0, 0, 0, 160.00)`);
    await tx.run(`INSERT INTO sale_lines VALUES ('S10', 1, 'SVC2', NULL, 2, 40.00, 0, 80.00, NULL), ('S10', 2, 'PRD1', NULL, 1, 50.00, 0, 50.00, NULL),
      ('S10', 3, 'SVC1', NULL, 1, 30.00, 0, 30.00, 30),
      ('S10', 4, 'SVC2', NULL, 1.5, 0.00, 0, 0.00, NULL)`);
    await rebuildRollupsTx(tx);
    tx.touched('sales');
  });
});
afterAll(() => t.close());

async function rowsBothWays(): Promise<{ rollup: Row[]; base: Row[] }> {
  const read = async (on: boolean) => {
    setRollupsEnabled(t.engine.db, on);
    expect(await rollupsReady(t.engine.db)).toBe(on);
    const page = await t.call<ReportPage>('reports.page', { report: 'occupancy', period: MARCH, limit: 1000, sort: [{ column: 'day', desc: false }, { column: 'employee_id', desc: false }] });
    return pageRows(page);
  };
  try {
    return { rollup: await read(true), base: await read(false) };
  } finally {
    setRollupsEnabled(t.engine.db, true);
  }
}

describe('occupancy from the booked-minutes rollup', () => {
  it('counts a line without a duration at its item’s duration x quantity, as the lines do', async () => {
    // 2 x 45 + 1.5 x 45 + 30 = 187.5 minutes, rounded half away from zero per employee and day
    const { rollup, base } = await rowsBothWays();
    expect(rollup).toEqual(base);
    expect(rollup.find((r) => r.day === '2026-03-10' && r.employee_id === 'E1')).toMatchObject({ booked_minutes: 188, available_minutes: 600 });
  });

  it('follows a change of an item’s duration without a rebuild', async () => {
    // 2 x 55 + 1.5 x 55 + 30 = 222.5, rounded to 223
    await t.engine.db.run(`UPDATE items SET duration_min = 55 WHERE item_id = 'SVC2'`);
    t.engine.db.changed(['items']);
    const { rollup, base } = await rowsBothWays();
    expect(rollup).toEqual(base);
    expect(rollup.find((r) => r.day === '2026-03-10' && r.employee_id === 'E1')).toMatchObject({ booked_minutes: 223 });
  });

  it('is the report’s rows summed per day on the dashboard, an inactive employee’s bookings and closed days included', async () => {
    // Ana leaves: her bookings still count, with the opening minutes of the days she booked.
    await t.engine.db.run(`UPDATE employees SET active = false WHERE employee_id = 'E1'`);
    t.engine.db.changed(['employees']);
    for (const on of [true, false]) {
      setRollupsEnabled(t.engine.db, on);
      try {
        const page = await t.call<ReportPage>('reports.page', { report: 'occupancy', period: MARCH, limit: 1000 });
        const totals = await t.call<ReportTotals>('reports.totals', { report: 'occupancy', period: MARCH });
        const dash = await t.call<DashboardResult>('reports.dashboard', { period: { ...MARCH, today: '2026-04-30' }, common: {} });
        const kpi = dash.kpis.find((k) => k.id === 'occupancy');
        expect(kpi?.value).toBe(totals.values.occupancy);
        const perDay = new Map<string, { booked: number; available: number }>();
        for (const r of pageRows(page)) {
          const d = perDay.get(String(r.day)) ?? { booked: 0, available: 0 };
          perDay.set(String(r.day), { booked: d.booked + Number(r.booked_minutes), available: d.available + Number(r.available_minutes) });
        }
        const ratio = (d?: { booked: number; available: number }) => (d && d.available ? Math.round((d.booked / d.available) * 1e6) / 1e6 : null);
        expect(kpi?.sparkline).toEqual(dash.days.map((day) => ratio(perDay.get(day))));
        // Ana's March 10 counts her 223 booked minutes over the 600 of a Tuesday although she is no longer active.
        expect(perDay.get('2026-03-10')).toEqual({ booked: 223, available: 600 * 3 });
      } finally {
        setRollupsEnabled(t.engine.db, true);
      }
    }
  });
});
