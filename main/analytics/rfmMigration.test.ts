import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { RFM_CLUSTERS } from '../../shared/rfm';
import { clusterSummary, rfmSql, type RfmOptions } from './rfm';
import { ParamList } from '../sql/specSql';
import { rfmMigration } from './rfmMigration';
import { ensureRfmSnapshot, listRfmSnapshots, monthRange, buildRfmHistory } from './rfmSnapshots';
import { insertSales, type SaleFixture } from './testing/fixtures';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const opts = (asOf: string): RfmOptions => ({ asOf, windowDays: 60, frequencyMode: 'rank', frequencyThresholds: [2, 3, 5, 8] });

/** 40 customers with visits spread over July..October, so clusters move, some enter and some leave. */
function fixture(): SaleFixture[] {
  const out: SaleFixture[] = [];
  for (let c = 0; c < 40; c++) {
    const visits = 1 + (c % 5);
    for (let v = 0; v < visits; v++) {
      const day = (c * 7 + v * (11 + (c % 3) * 9)) % 120; // days after 2026-07-01
      const at = new Date(Date.UTC(2026, 6, 1) + day * 86_400_000 + 14 * 3_600_000).toISOString();
      out.push({ id: `s${c}-${v}`, customer: `c${c}`, at, total: 20 + ((c * 13 + v * 7) % 90) });
    }
  }
  return out;
}

async function sizes(asOf: string): Promise<Record<string, number>> {
  const p = new ParamList();
  const sql = rfmSql(opts(asOf), p);
  const s = await clusterSummary(t.engine.db, sql, p.values);
  return Object.fromEntries(s.map((x) => [x.cluster, x.customers]));
}

describe('RFM migration matrix', () => {
  it('rows with "left" sum to last month sizes, columns with "entered" to this month sizes', async () => {
    await insertSales(t.engine.db, fixture());
    const m = await rfmMigration(t.engine.db, '2026-10', opts);
    expect(m.asOf).toBe('2026-10-31');
    expect(m.previousAsOf).toBe('2026-09-30');
    const prev = await sizes('2026-09-30');
    const cur = await sizes('2026-10-31');
    expect(m.entered + m.left).toBeGreaterThan(0);
    for (const c of RFM_CLUSTERS) {
      const row = m.rows.find((r) => r.from === c)!;
      expect(Object.values(row.counts).reduce((a, b) => a + b, 0)).toBe(prev[c]);
      expect(m.previousSizes[c]).toBe(prev[c]);
      expect(m.rows.reduce((s, r) => s + r.counts[c], 0)).toBe(cur[c]);
      expect(m.currentSizes[c]).toBe(cur[c]);
    }
    const entered = m.rows.find((r) => r.from === 'entered')!;
    expect(entered.counts.left).toBe(0);
    // entered/left are exactly the set differences of the scored customers
    const ids = async (d: string) => {
      const p = new ParamList();
      return new Set((await t.engine.db.all<{ customer_id: string }>(`SELECT customer_id FROM (${rfmSql(opts(d), p)})`, p.values)).map((r) => r.customer_id));
    };
    const [a, b] = [await ids('2026-09-30'), await ids('2026-10-31')];
    expect(m.entered).toBe([...b].filter((x) => !a.has(x)).length);
    expect(m.left).toBe([...a].filter((x) => !b.has(x)).length);
  });

  it('reuses a stored snapshot until its data or settings change', async () => {
    await insertSales(t.engine.db, fixture());
    expect((await ensureRfmSnapshot(t.engine.db, opts('2026-09-30'))).rebuilt).toBe(true);
    expect((await ensureRfmSnapshot(t.engine.db, opts('2026-09-30'))).rebuilt).toBe(false);
    // a sale after D (+2 days) does not touch September's snapshot
    await insertSales(t.engine.db, [{ id: 'late', customer: 'c1', at: '2026-10-20T12:00:00-03:00' }]);
    expect((await ensureRfmSnapshot(t.engine.db, opts('2026-09-30'))).rebuilt).toBe(false);
    // a sale inside the window does
    await insertSales(t.engine.db, [{ id: 'new', customer: 'zz', at: '2026-09-15T12:00:00-03:00' }]);
    const r = await ensureRfmSnapshot(t.engine.db, opts('2026-09-30'));
    expect(r.rebuilt).toBe(true);
    expect(r.info.customers).toBe((await sizes('2026-09-30').then((s) => Object.values(s).reduce((a, b) => a + b, 0))));
    // another window is another snapshot definition: the month is rebuilt with it
    const w90 = await ensureRfmSnapshot(t.engine.db, { ...opts('2026-09-30'), windowDays: 90 });
    expect(w90.rebuilt).toBe(true);
    expect(w90.info.windowDays).toBe(90);
    const stored = await t.engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM rfm_snapshots WHERE as_of = DATE '2026-09-30'`);
    expect(stored[0].n).toBe(w90.info.customers);
    expect(w90.info.customers).toBeGreaterThan(r.info.customers);
  });

  it('builds a monthly history', async () => {
    await insertSales(t.engine.db, fixture());
    const months = monthRange('2026-07', '2026-10');
    expect(months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    const h = await buildRfmHistory(t.engine.db, months, opts);
    expect(h.rebuilt).toBe(4);
    const list = await listRfmSnapshots(t.engine.db);
    expect(list.map((s) => s.asOf)).toEqual(['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31']);
    const counts = await t.engine.db.all<{ d: string; n: number }>(`SELECT strftime(as_of, '%Y-%m-%d') AS d, count(*)::INT AS n FROM rfm_snapshots GROUP BY 1 ORDER BY 1`);
    expect(counts.map((c) => c.n)).toEqual(list.map((s) => s.customers));
    expect((await buildRfmHistory(t.engine.db, months, opts)).rebuilt).toBe(0);
  });
});
