// The dashboard's customer figures from the customer visits table equal those from the rows, for a month, all time
// (monthly buckets) and a long period whose windows overlap, before and after customers are linked anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResult } from '../../shared/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { rebuildIdentity } from '../identity/matchCustomers';
import { setRollupsEnabled, visitLinksCurrent } from './rollupSource';
import { loadReportFixture, MARCH } from './testFixture';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await loadReportFixture(t.engine.db);
});
afterAll(() => t.close());

const PERIODS = [
  { ...MARCH, today: '2026-04-30' },
  { preset: 'all', today: '2026-04-30' },
  { preset: 'custom', from: '2025-02-01', to: '2026-04-30', today: '2026-06-30' },
  { preset: 'last_month', today: '2026-05-10' },
];
const CUSTOMER_KPIS = ['unique_customers', 'new_customers', 'returning_customers', 'rebooking_rate'];

async function bothWays(period: object) {
  const read = async (on: boolean) => {
    setRollupsEnabled(t.engine.db, on);
    const r = await t.call<DashboardResult>('reports.dashboard', { period, common: {} });
    return r.kpis.filter((k) => k.id !== 'forecast_next_30_days');
  };
  try {
    return { visits: await read(true), rows: await read(false) };
  } finally {
    setRollupsEnabled(t.engine.db, true);
  }
}

async function customerFigures(period: object) {
  const { visits } = await bothWays(period);
  return CUSTOMER_KPIS.map((id) => visits.find((k) => k.id === id)?.value);
}

describe('dashboard customer figures from the customer visits', () => {
  it('equal the figures from the rows', async () => {
    expect(await visitLinksCurrent(t.engine.db)).toBe(true);
    for (const period of PERIODS) {
      const { visits, rows } = await bothWays(period);
      expect(visits).toEqual(rows);
    }
    // March: Maria (C1 and her online record, one customer) and João, new (his first completed sale); no visit of
    // March is 60 days old on April 30, so no rebooking rate yet.
    expect(await customerFigures(PERIODS[0])).toEqual([2, 1, 1, null]);
  });

  it('follow identity links solved anew', async () => {
    // Solving identity from the customer records drops the fixture's hand-made link (a placeholder e-mail).
    await t.engine.db.run(`UPDATE customers SET email = 'joao@salao.com.br' WHERE customer_id IN ('C2', 'C3')`);
    await rebuildIdentity(t.engine.db);
    t.engine.db.changed(['customers']);
    expect(await visitLinksCurrent(t.engine.db)).toBe(true);
    for (const period of PERIODS) {
      const { visits, rows } = await bothWays(period);
      expect(visits).toEqual(rows);
    }
    // Maria's online record is a customer of its own now, new in March (its first completed sale is of the 20th).
    expect(await customerFigures(PERIODS[0])).toEqual([3, 2, 1, null]);
  });

  it('step aside while the links differ from those the visits were grouped by', async () => {
    await t.engine.db.run(`DELETE FROM customer_identity`);
    t.engine.db.changed(['customers']);
    expect(await visitLinksCurrent(t.engine.db)).toBe(false);
    const { visits, rows } = await bothWays(PERIODS[0]);
    expect(visits).toEqual(rows);
  });
});
