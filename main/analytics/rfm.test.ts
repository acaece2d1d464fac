import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { ParamList } from '../sql/specSql';
import { RFM_CLUSTERS, rfmCluster } from '../../shared/rfm';
import { clusterCaseSql, monthEnd, previousMonth, rfmSql, type RfmOptions } from './rfm';
import { insertSales, linkCustomers, type SaleFixture } from './testing/fixtures';

interface Row {
  customer_id: string;
  recency: number;
  frequency: number;
  monetary: string;
  r: number;
  f: number;
  m: number;
  cluster: string;
}

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const base: Omit<RfmOptions, 'asOf'> = { windowDays: 365, frequencyMode: 'rank', frequencyThresholds: [2, 3, 5, 8] };

async function rfm(o: RfmOptions): Promise<Map<string, Row>> {
  const p = new ParamList();
  const rows = await t.engine.db.all<Row>(
    `SELECT customer_id, recency, frequency, monetary::VARCHAR AS monetary, r::INT AS r, f::INT AS f, m::INT AS m, cluster FROM (${rfmSql(o, p)})`,
    p.values,
  );
  return new Map(rows.map((r) => [r.customer_id, r]));
}

/** The score rule of data-model.md, computed independently: 1 + floor(5 * (rank - 1) / N), rank ascending with ties equal. */
function scores(values: number[]): number[] {
  const n = values.length;
  return values.map((v) => 1 + Math.floor((5 * values.filter((x) => x < v).length) / n));
}

describe('RFM as defined in data-model.md', () => {
  it('scores a fixture with ties: equal values get equal scores, ranks skip after ties', async () => {
    // Six customers; a, b tie on everything; e and f bought once.
    const sales: SaleFixture[] = [
      { id: 'a1', customer: 'a', at: '2026-10-30T12:00:00-03:00', total: 50 },
      { id: 'a2', customer: 'a', at: '2026-09-01T12:00:00-03:00', total: 50 },
      { id: 'b1', customer: 'b', at: '2026-10-30T15:00:00-03:00', total: 60 },
      { id: 'b2', customer: 'b', at: '2026-08-01T12:00:00-03:00', total: 40 },
      { id: 'c1', customer: 'c', at: '2026-10-31T10:00:00-03:00', total: 300 },
      { id: 'c2', customer: 'c', at: '2026-10-01T10:00:00-03:00', total: 300 },
      { id: 'c3', customer: 'c', at: '2026-06-01T10:00:00-03:00', total: 300 },
      { id: 'd1', customer: 'd', at: '2026-01-15T10:00:00-03:00', total: 80 },
      { id: 'd2', customer: 'd', at: '2026-01-10T10:00:00-03:00', total: 80 },
      { id: 'd3', customer: 'd', at: '2026-01-05T10:00:00-03:00', total: 80 },
      { id: 'e1', customer: 'e', at: '2026-05-01T10:00:00-03:00', total: 20 },
      { id: 'f1', customer: 'f', at: '2025-12-01T10:00:00-03:00', total: 20 },
      // ignored: not completed, no customer
      { id: 'x1', customer: 'e', at: '2026-10-31T10:00:00-03:00', total: 999, status: 'cancelled' },
      { id: 'x2', customer: null, at: '2026-10-31T10:00:00-03:00', total: 999 },
    ];
    await insertSales(t.engine.db, sales);
    const res = await rfm({ ...base, asOf: '2026-10-31' });
    expect([...res.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // recency: c 0; a, b 1; e 183; d 289; f 334 -> ordered by -recency: f < d < e < a = b < c (ranks 1,2,3,4,4,6)
    expect(res.get('c')).toMatchObject({ recency: 0, frequency: 3, monetary: '900.00', r: 1 + Math.floor((5 * 5) / 6) });
    expect(res.get('a')!.r).toBe(1 + Math.floor((5 * 3) / 6));
    expect(res.get('b')!.r).toBe(res.get('a')!.r);
    expect(res.get('f')).toMatchObject({ recency: 334, r: 1 });
    // frequency: e, f = 1 (rank 1) ; a, b = 2 (rank 3); c, d = 3 (rank 5)
    expect(res.get('e')!.f).toBe(1);
    expect(res.get('f')!.f).toBe(1);
    expect(res.get('a')!.f).toBe(1 + Math.floor((5 * 2) / 6));
    expect(res.get('c')!.f).toBe(res.get('d')!.f);
    expect(res.get('c')!.f).toBe(1 + Math.floor((5 * 4) / 6));
    // monetary: a = b = 100 tie
    expect(res.get('a')!.monetary).toBe('100.00');
    expect(res.get('a')!.m).toBe(res.get('b')!.m);
    for (const r of res.values()) expect(r.cluster).toBe(rfmCluster(r.r, r.f));
  });

  it('excludes a customer whose last visit is exactly W days before D, includes W-1', async () => {
    await insertSales(t.engine.db, [
      { id: 's1', customer: 'edge', at: '2025-10-31T12:00:00-03:00' }, // D - 365
      { id: 's2', customer: 'inside', at: '2025-11-01T12:00:00-03:00' }, // D - 364
      { id: 's3', customer: 'recent', at: '2026-10-31T12:00:00-03:00' },
    ]);
    const res = await rfm({ ...base, asOf: '2026-10-31' });
    expect(res.has('edge')).toBe(false);
    expect(res.get('inside')!.recency).toBe(364);
    expect(res.get('recent')!.recency).toBe(0);
    const w30 = await rfm({ ...base, asOf: '2026-10-31', windowDays: 30 });
    expect([...w30.keys()]).toEqual(['recent']);
  });

  it('takes the business-local date: 23:30 in São Paulo is still that day (02:30 UTC the next)', async () => {
    await insertSales(t.engine.db, [
      { id: 'late', customer: 'late', at: '2026-10-31T23:30:00-03:00' }, // 2026-11-01T02:30Z
      { id: 'utc', customer: 'utc', at: '2026-11-01T01:00:00Z' }, // 2026-10-31 22:00 local
      { id: 'next', customer: 'next', at: '2026-11-01T03:30:00Z' }, // 2026-11-01 00:30 local: after D
      { id: 'old', customer: 'old', at: '2025-10-31T23:30:00-03:00' }, // local D - 365: excluded
      { id: 'old2', customer: 'old2', at: '2025-11-01T02:30:00Z' }, // same instant written in UTC: excluded
    ]);
    const res = await rfm({ ...base, asOf: '2026-10-31' });
    expect([...res.keys()].sort()).toEqual(['late', 'utc']);
    expect(res.get('late')!.recency).toBe(0);
    expect(res.get('utc')!.recency).toBe(0);
  });

  it('scores a unified customer once, under the unified id', async () => {
    await insertSales(t.engine.db, [
      { id: 'w1', customer: 'woo:1', at: '2026-10-01T12:00:00-03:00', total: 10 },
      { id: 's1', customer: 'salon:9', at: '2026-10-20T12:00:00-03:00', total: 15.5 },
    ]);
    await linkCustomers(t.engine.db, 'salon:9', ['woo:1', 'salon:9']);
    const res = await rfm({ ...base, asOf: '2026-10-31' });
    expect([...res.keys()]).toEqual(['salon:9']);
    expect(res.get('salon:9')).toMatchObject({ frequency: 2, monetary: '25.50', recency: 11 });
  });

  it('uses fixed visit-count bands for F when the setting says so', async () => {
    const sales: SaleFixture[] = [];
    const visits: Record<string, number> = { v1: 1, v2: 2, v3: 3, v4: 4, v5: 5, v8: 8, v9: 9 };
    for (const [c, n] of Object.entries(visits)) for (let i = 0; i < n; i++) sales.push({ id: `${c}-${i}`, customer: c, at: `2026-10-${String(1 + i).padStart(2, '0')}T12:00:00-03:00` });
    await insertSales(t.engine.db, sales);
    const res = await rfm({ ...base, asOf: '2026-10-31', frequencyMode: 'fixed', frequencyThresholds: [2, 3, 5, 8] });
    const f = Object.fromEntries([...res.values()].map((r) => [r.customer_id, r.f]));
    expect(f).toEqual({ v1: 1, v2: 2, v3: 3, v4: 3, v5: 4, v8: 5, v9: 5 });
  });

  it('matches an independent computation on random data (property)', async () => {
    const custs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ c: fc.constantFrom(...custs), day: fc.integer({ min: 0, max: 60 }), cents: fc.integer({ min: 0, max: 20_000 }), done: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        async (rows) => {
          await t.engine.db.run('DELETE FROM sales');
          const D = Date.UTC(2026, 9, 31);
          await insertSales(
            t.engine.db,
            rows.map((r, i) => ({
              id: `p${i}`,
              customer: r.c,
              at: new Date(D - r.day * 86_400_000 + 15 * 3_600_000).toISOString(),
              total: r.cents / 100,
              status: r.done ? 'completed' : 'no_show',
            })),
          );
          const res = await rfm({ ...base, asOf: '2026-10-31', windowDays: 45 });
          const inWin = rows.filter((r) => r.done && r.day < 45);
          const ids = [...new Set(inWin.map((r) => r.c))].sort();
          expect([...res.keys()].sort()).toEqual(ids);
          const rec = ids.map((c) => Math.min(...inWin.filter((r) => r.c === c).map((r) => r.day)));
          const freq = ids.map((c) => inWin.filter((r) => r.c === c).length);
          const mon = ids.map((c) => inWin.filter((r) => r.c === c).reduce((s, r) => s + r.cents, 0));
          const [R, F, M] = [scores(rec.map((x) => -x)), scores(freq), scores(mon)];
          ids.forEach((c, i) => {
            const got = res.get(c)!;
            expect(got).toMatchObject({ recency: rec[i], frequency: freq[i], monetary: (mon[i] / 100).toFixed(2), r: R[i], f: F[i], m: M[i], cluster: rfmCluster(R[i], F[i]) });
          });
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('RFM clusters', () => {
  // The table of data-model.md, written out as six independent predicates.
  const table: Record<string, (r: number, f: number) => boolean> = {
    champions: (r, f) => r >= 4 && f >= 4,
    loyal: (r, f) => r >= 3 && f >= 3 && !(r >= 4 && f >= 4),
    promising: (r, f) => r >= 3 && f <= 2,
    at_risk: (r, f) => r <= 2 && f >= 3,
    hibernating: (r, f) => r === 2 && f <= 2,
    lost: (r, f) => r === 1 && f <= 2,
  };

  it('maps every (R, F) pair to exactly one cluster, in TypeScript and in SQL alike', async () => {
    const rows = await t.engine.db.all<{ r: number; f: number; c: string }>(
      `SELECT r, f, ${clusterCaseSql('r', 'f')} AS c FROM range(1, 6) a(r), range(1, 6) b(f)`,
    );
    expect(rows).toHaveLength(25);
    for (const { r, f, c } of rows) {
      const matching = Object.entries(table).filter(([, rule]) => rule(Number(r), Number(f)));
      expect(matching).toHaveLength(1);
      expect(c).toBe(matching[0][0]);
      expect(rfmCluster(Number(r), Number(f))).toBe(c);
    }
    expect(new Set(rows.map((x) => x.c))).toEqual(new Set(RFM_CLUSTERS));
  });
});

describe('month helpers', () => {
  it('finds month ends and previous months', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-10')).toBe('2026-10-31');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(() => monthEnd('2026-13')).toThrow(/YYYY-MM/);
  });
});

describe('RFM window edges across daylight-saving changes', () => {
  it('matches a plain v_sales computation for windows starting or ending on DST days', async () => {
    const sales: SaleFixture[] = [];
    let n = 0;
    // Brazil: 2018-11-04 00:00 jumped to 01:00; 2019-02-17 00:00 fell back to 2019-02-16 23:00.
    for (const base of ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z', '2018-11-03T03:00:00Z']) {
      for (let m = -360; m <= 360; m += 20) sales.push({ id: `d${n++}`, customer: `c${n % 9}`, at: new Date(Date.parse(base) + m * 60_000).toISOString(), total: 1 + (n % 13) });
    }
    await insertSales(t.engine.db, sales);
    for (const [asOf, windowDays] of [
      ['2019-02-16', 105],
      ['2019-02-16', 104],
      ['2018-11-03', 30],
      ['2018-11-04', 1],
      ['2019-02-17', 106],
    ] as const) {
      const got = await rfm({ ...base, asOf, windowDays });
      const ref = await t.engine.db.all<{ customer_id: string; recency: number; frequency: number; monetary: string }>(
        `SELECT customer_key AS customer_id, date_diff('day', max(biz_date), DATE '${asOf}')::INT AS recency, count(*)::INT AS frequency, sum(total_amount)::VARCHAR AS monetary
         FROM v_sales WHERE status = 'completed' AND customer_key IS NOT NULL AND biz_date > DATE '${asOf}' - ${windowDays} AND biz_date <= DATE '${asOf}'
         GROUP BY 1 ORDER BY 1`,
      );
      expect(ref.length, `${asOf}/${windowDays}`).toBeGreaterThan(0);
      expect([...got.values()].map(({ customer_id, recency, frequency, monetary }) => ({ customer_id, recency, frequency, monetary })).sort((a, b) => a.customer_id.localeCompare(b.customer_id))).toEqual(ref);
    }
  });
});
