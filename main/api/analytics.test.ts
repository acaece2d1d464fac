import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type {
  CampaignFunnelsResult,
  CohortsResult,
  Customer360,
  CustomerValueResult,
  ForecastResult,
  RfmMigration,
  RfmResult,
  RfmSnapshotInfo,
  SegmentMembersResult,
  SegmentsResult,
} from '../../shared/analytics';
import type { JobSnapshot } from '../../shared/events';
import { generateSyntheticSales } from '../analytics/testing/syntheticSales';
import { insertCampaign, insertSales, linkCustomers } from '../analytics/testing/fixtures';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await generateSyntheticSales(t.engine.db, { customers: 600, endDate: '2026-10-31', spanDays: 800, seed: 3 });
  await linkCustomers(t.engine.db, 'c1', ['c1', 'c2']);
  await insertCampaign(t.engine.db, { id: 'camp1', name: 'Volta', channel: 'whatsapp', segment: 'winback_high_value', startedAt: '2026-09-01T12:00:00Z', budget: 200 }, [
    ...['c1', 'c3', 'c4', 'c5'].map((c) => ({ campaign: 'camp1', customer: c, type: 'sent' as const, at: '2026-09-01T12:00:00Z' })),
    ...['c1', 'c3', 'c4'].map((c) => ({ campaign: 'camp1', customer: c, type: 'delivered' as const, at: '2026-09-01T12:01:00Z' })),
    ...['c1', 'c3'].map((c) => ({ campaign: 'camp1', customer: c, type: 'opened' as const, at: '2026-09-01T13:00:00Z' })),
    { campaign: 'camp1', customer: 'c1', type: 'clicked', at: '2026-09-01T13:01:00Z' },
    { campaign: 'camp1', customer: 'c1', type: 'converted', at: '2026-09-03T13:01:00Z', revenue: 500 },
  ]);
  await insertSales(t.engine.db, [
    { id: 'o1', customer: 'c9', kind: 'order', status: 'completed', at: '2026-10-02T12:00:00-03:00', createdAt: '2026-10-01T12:00:00-03:00' },
    { id: 'o2', customer: 'c9', kind: 'order', status: 'confirmed', at: '2026-10-05T12:00:00-03:00', createdAt: '2026-10-04T12:00:00-03:00' },
    { id: 'o3', customer: 'c9', kind: 'order', status: 'booked', at: '2026-10-08T12:00:00-03:00', createdAt: '2026-10-08T12:00:00-03:00' },
    { id: 'o4', customer: 'c9', kind: 'order', status: 'cancelled', at: '2026-10-09T12:00:00-03:00', createdAt: '2026-10-09T12:00:00-03:00' },
  ]);
  await t.engine.db.run(`INSERT INTO payments VALUES ('p3', 'o3', TIMESTAMPTZ '2026-10-08 15:00:00+00', 'pix', 'payment', 50, 0)`);
  await t.engine.db.run(`INSERT INTO loyalty_transactions VALUES ('l1', 'c2', NULL, TIMESTAMPTZ '2026-01-01 12:00:00+00', 'earned', 100), ('l2', 'c1', NULL, TIMESTAMPTZ '2026-02-01 12:00:00+00', 'redeemed', 30)`);
});
afterAll(() => t.close());

const rows = (arrow: Uint8Array) => tableFromIPC(arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>);

describe('analytics.* contract', () => {
  it('rfm: stored month-end snapshot with settings, live for a custom window, paged and sorted', async () => {
    const r = await t.call<RfmResult>('analytics.rfm', { month: '2026-10', limit: 5, sort: [{ column: 'monetary', desc: true }] });
    expect(r).toMatchObject({ asOf: '2026-10-31', windowDays: 365, source: 'snapshot' });
    expect(r.page.total).toBe(r.customers);
    expect(r.clusters.reduce((s, c) => s + c.customers, 0)).toBe(r.customers);
    const page = rows(r.page.arrow);
    expect(page).toHaveLength(5);
    expect(Object.keys(page[0])).toEqual(['customer_id', 'recency', 'frequency', 'monetary', 'r', 'f', 'm', 'cluster']);
    expect(Number(page[0].monetary)).toBeGreaterThanOrEqual(Number(page[4].monetary));
    const live = await t.call<RfmResult>('analytics.rfm', { month: '2026-10', windowDays: 90, limit: 1 });
    expect(live.source).toBe('live');
    expect(live.customers).toBeLessThan(r.customers);
    const history = await t.call<RfmSnapshotInfo[]>('analytics.rfmHistory');
    expect(history.map((h) => h.asOf)).toContain('2026-10-31');
    await expect(t.call('analytics.rfm', { month: '2026-13' })).rejects.toThrow(/BAD_INPUT/);
    await expect(t.call('analytics.rfm', { month: '2026-10', asOf: '2026-10-31' })).rejects.toThrow(/BAD_INPUT/);
    await expect(t.call('analytics.rfm', { month: '2026-10', sort: [{ column: 'nope' }] })).rejects.toThrow(/BAD_INPUT/);
  });

  it('rfm history job and migration matrix', async () => {
    const job = await t.call<JobSnapshot>('analytics.buildRfmHistory', { from: '2026-07', to: '2026-10' });
    const done = await t.call<JobSnapshot>('jobs.wait', { id: job.id });
    expect(done.state).toBe('done');
    const m = await t.call<RfmMigration>('analytics.rfmMigration', { month: '2026-10' });
    const total = (r: RfmMigration['rows'][number]) => Object.values(r.counts).reduce((a, b) => a + b, 0);
    for (const row of m.rows) if (row.from !== 'entered') expect(total(row)).toBe(m.previousSizes[row.from]);
    await expect(t.call('analytics.buildRfmHistory', { from: '2026-10', to: '2026-07' })).rejects.toThrow(/BAD_INPUT/);
  });

  it('segments and contactable members', async () => {
    const s = await t.call<SegmentsResult>('analytics.segments', { asOf: '2026-10-31' });
    expect(s.segments).toHaveLength(10);
    expect(s.segments.map((x) => x.suggestion.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const winback = s.segments.find((x) => x.id === 'winback_high_value')!;
    expect(winback.label['pt-BR']).toBe('Reconquista de alto valor');
    const m = await t.call<SegmentMembersResult>('analytics.segmentMembers', { segment: 'loyalty_champions', asOf: '2026-10-31', channel: 'whatsapp', limit: 1000 });
    const champions = s.segments.find((x) => x.id === 'loyalty_champions')!;
    expect(m.page.total).toBe(champions.contactable);
    for (const r of rows(m.page.arrow)) expect(String(r.phone_e164)).toMatch(/^\+\d{10,15}$/);
    await expect(t.call('analytics.segmentMembers', { segment: 'everyone' })).rejects.toThrow(/BAD_INPUT/);
  });

  it('campaign and order funnels', async () => {
    const f = await t.call<CampaignFunnelsResult>('analytics.campaignFunnels', {});
    const c = f.campaigns.find((x) => x.campaignId === 'camp1')!;
    expect(c.steps.map((s) => s.customers)).toEqual([4, 3, 2, 1, 1]);
    expect(c.steps[1].stepRate).toBeCloseTo(0.75, 12);
    expect(c.steps[4].rateOfSent).toBeCloseTo(0.25, 12);
    expect(c).toMatchObject({ revenue: '500.00', cost: '200.00', roi: 1.5 });
    const oct = f.orders.find((o) => o.month === '2026-10')!;
    expect(oct).toMatchObject({ created: 4, paid: 3, completed: 1 });
    expect(oct.paidRate).toBeCloseTo(0.75, 12);
  });

  it('forecast with stored run, and input limits', async () => {
    const f = await t.call<ForecastResult>('analytics.forecast', { granularity: 'day', horizon: 30, asOf: '2026-10-31' });
    expect(f.points).toHaveLength(30);
    expect(f.backtest.length).toBeGreaterThan(0);
    const [run] = await t.engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM forecast_points`);
    expect(run.n).toBe(30);
    await expect(t.call('analytics.forecast', { granularity: 'day', horizon: 366 })).rejects.toThrow(/BAD_INPUT/);
    await expect(t.call('analytics.forecast', { granularity: 'month', horizon: 13 })).rejects.toThrow(/BAD_INPUT/);
  });

  it('customer value job, page and customer 360', async () => {
    const empty = await t.call<CustomerValueResult>('analytics.customerValue');
    expect(empty.model).toBeNull();
    const job = await t.call<JobSnapshot>('analytics.fitCustomerValue', { asOf: '2026-10-31' });
    const done = await t.call<JobSnapshot>('jobs.wait', { id: job.id });
    expect(done.state).toBe('done');
    const v = await t.call<CustomerValueResult>('analytics.customerValue', { limit: 3, sort: [{ column: 'expected_value_365', desc: true }] });
    expect(v.model?.bgnbd.converged).toBe(true);
    expect(v.page?.total).toBe(v.summary?.customers);
    const c = await t.call<Customer360>('analytics.customer360', { customerId: 'c2' });
    expect(c.customerId).toBe('c1');
    expect(c.records.map((r) => r.customerId).sort()).toEqual(['c1', 'c2']);
    expect(c.loyalty.balance).toBe(70);
    expect(c.campaigns[0]).toMatchObject({ campaignId: 'camp1' });
    expect(c.campaigns[0].events.map((e) => e.type)).toEqual(['sent', 'delivered', 'opened', 'clicked', 'converted']);
    expect(c.profile.visits).toBe(c.sales.filter((s) => s.status === 'completed').length);
    expect(c.clusterHistory.length).toBeGreaterThan(0);
    expect(c.value?.pAlive).toBeGreaterThan(0);
    await expect(t.call('analytics.customer360', { customerId: 'nobody' })).rejects.toThrow(/NOT_FOUND/);
  });

  it('cohorts', async () => {
    const r = await t.call<CohortsResult>('analytics.cohorts', { from: '2026-01', to: '2026-06' });
    expect(r.cohorts[0].cohort).toBe('2026-01');
    for (const c of r.cohorts) {
      expect(c.cells[0]).toMatchObject({ monthsSince: 0, customers: c.size, retention: 1 });
      expect(c.cells.length).toBe(6 - Number(c.cohort.slice(5)) + 1);
    }
    await expect(t.call('analytics.cohorts', { from: '2026-06', to: '2026-01' })).rejects.toThrow(/BAD_INPUT/);
  });
});
