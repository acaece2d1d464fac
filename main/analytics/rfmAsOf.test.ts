// RFM as-of dates are never in the future: a running month is scored as of today (RFM page, snapshots, Customer
// 360), and Customer 360 has a regular's scores without any other page having run first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer360, RfmResult, RfmSnapshotInfo } from '../../shared/analytics';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { insertSales } from './testing/fixtures';
import { businessToday, monthAsOf } from './rfm';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('RFM as of today for the running month', () => {
  it('picks the month end for past months and today for the running one', () => {
    expect(monthAsOf('2026-11', '2026-12-04')).toBe('2026-11-30');
    expect(monthAsOf('2026-12', '2026-12-04')).toBe('2026-12-04');
    expect(monthAsOf('2027-01', '2026-12-04')).toBe('2026-12-04');
  });

  it('scores a regular seen 9 days ago with recency 9 in Customer 360 and on the RFM page, before any other page ran', async () => {
    const today = await businessToday(t.engine.db);
    // a regular: a visit every 30 days for a year, the last one 9 days ago; and a few other customers
    const sales = Array.from({ length: 12 }, (_, k) => ({ id: `r${k}`, customer: 'regular', at: `${shift(today, -9 - 30 * k)}T12:00:00-03:00`, total: 150 }));
    for (let c = 0; c < 20; c++) sales.push({ id: `o${c}`, customer: `other${c}`, at: `${shift(today, -5 - 17 * c)}T12:00:00-03:00`, total: 80 + c });
    // a sale in the first minute of today keeps the running month the latest sales month
    sales.push({ id: 'today', customer: 'other0', at: `${today}T00:00:01-03:00`, total: 60 });
    await insertSales(t.engine.db, sales);

    const c = await t.call<Customer360>('analytics.customer360', { customerId: 'regular' });
    expect(c.rfm).not.toBeNull();
    expect(c.rfm).toMatchObject({ asOf: today, recency: 9, frequency: 12, monetary: '1800.00' });
    expect(c.rfm!.r).toBeGreaterThanOrEqual(4);

    const r = await t.call<RfmResult>('analytics.rfm', {});
    expect(r.asOf).toBe(today);
    expect(r.source).toBe('snapshot');
    // an as-of in the future is brought back to today
    const future = await t.call<RfmResult>('analytics.rfm', { asOf: shift(today, 40) });
    expect(future.asOf).toBe(today);
    const snaps = await t.call<RfmSnapshotInfo[]>('analytics.rfmHistory', {});
    expect(snaps.length).toBeGreaterThan(0);
    expect(snaps.every((s) => s.asOf <= today)).toBe(true);
    // one snapshot per month: the running month's is as of today
    expect(new Set(snaps.map((s) => s.asOf.slice(0, 7))).size).toBe(snaps.length);
  });
});
