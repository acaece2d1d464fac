import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPage, ReportTotals } from '../../../shared/api/reports';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { loadReportFixture, MARCH } from '../testFixture';
import { pageRows } from '../testHelpers';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
  await loadReportFixture(t.engine.db);
  await t.call('goals.set', { month: '2026-03', goals: [{ scope: 'location', scopeId: 'L1', revenueGoal: '1000', servicesGoal: 10 }] });
});
afterAll(() => t.close());

describe('units-overview', () => {
  it('puts each unit’s revenue, services, ticket, goal progress, occupancy and new customers side by side', async () => {
    const page = await t.call<ReportPage>('reports.page', { report: 'units-overview', period: MARCH, sort: [{ column: 'location_id', desc: false }] });
    const rows = pageRows(page);
    const byId = Object.fromEntries(rows.map((r) => [String(r.location_id), r]));
    // March (business time): S1 at 23:30 on the 31st and S2 at Centro; the online order has no unit
    expect(byId.L1).toMatchObject({ location_name: 'Centro', revenue: '210.10', services: 2, avg_ticket: '105.05', revenue_goal: '1000.00', new_customers: 1, sales: 2 });
    expect(byId.L1.goal_progress).toBeCloseTo(0.2101, 5);
    // available minutes: 5 Mon + 5 Tue + 4 Wed + 4 Sat at 600 and 4 Thu + 4 Fri at 660 = 16080 per professional;
    // Centro's Ana booked S1 (60) and the no-show S5 (60), Caio nothing; Shopping's Bia the S2 manicure (45)
    expect(byId.L1.occupancy).toBeCloseTo(120 / (2 * 16080), 5);
    expect(byId.L2).toMatchObject({ location_name: 'Shopping', revenue: '0.00', services: 0, new_customers: 0, revenue_goal: null, goal_progress: null });
    expect(byId.L2.occupancy).toBeCloseTo(45 / 16080, 5);
    expect(byId.null).toMatchObject({ revenue: '213.00', sales: 1, new_customers: 0 });
    const totals = await t.call<ReportTotals>('reports.totals', { report: 'units-overview', period: MARCH });
    expect(totals.values.revenue).toBe('423.10');
    expect(totals.values.occupancy).toBeCloseTo(165 / (3 * 16080), 5);
  });
});
