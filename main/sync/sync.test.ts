// Sync against the five simulators over real loopback HTTP: a full sync equals each source's data exactly, a second
// sync pulls only changes (status changes, refunds, edits, new orders), full syncs sweep deleted records, shifting
// pages lose nothing, and malformed records are set aside and reported while the rest is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { runSync } from './runner';
import { compareWithSource, simSecrets, simSources, startSimulators, type SimSet } from './testing/harness';
import type { SourceConfig } from './types';

let set: SimSet;
beforeAll(async () => {
  set = await startSimulators({ size: { customers: 80, sales: 240 } });
});
afterAll(async () => {
  await set?.close();
});

async function target(): Promise<Db> {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  return db;
}

const sync = (db: Db, opts: { full?: boolean; sources?: SourceConfig[] } = {}) =>
  runSync({ db, secrets: simSecrets(set), sources: opts.sources ?? simSources(set), full: !!opts.full, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });

async function expectEqual(db: Db): Promise<void> {
  for (const sim of set.sims.values()) {
    for (const d of await compareWithSource(db, sim)) expect(d, `${sim.kind} ${d.table}: ${JSON.stringify(d.example)}`).toMatchObject({ equal: true });
  }
}

describe('sync against the simulators', () => {
  let db: Db;
  let firstRows = 0;
  beforeAll(async () => {
    db = await target();
  });
  afterAll(() => db.close());

  it('a full sync reproduces every source exactly, with prefixed ids and no duplicates', async () => {
    const s = await sync(db);
    expect(s.sources.map((x) => [x.sourceId, x.state])).toEqual([...set.sims.keys()].map((k) => [k, 'ok']));
    firstRows = s.rows;
    expect(firstRows).toBeGreaterThan(2000);
    await expectEqual(db);
    const [dup] = await db.all<{ n: number; k: number }>(`SELECT count(*)::INT AS n, count(DISTINCT sale_id)::INT AS k FROM sales`);
    expect(dup.n).toBe(dup.k);
    const prefixes = await db.all<{ p: string }>(`SELECT DISTINCT split_part(sale_id, ':', 1) AS p FROM sales ORDER BY 1`);
    expect(prefixes.map((p) => p.p)).toEqual(['bling', 'ml', 'salon', 'woo']);
    expect(await db.all(`SELECT * FROM sync_rejects`)).toEqual([]);
  });

  it('a second sync pulls only the changes: status changes, refunds, edits and new orders', async () => {
    const sims = set.sims;
    await sims.get('supabase')!.mutate({ op: 'status', saleId: 'salon:a3', status: 'no_show' });
    await sims.get('supabase')!.mutate({ op: 'refund', saleId: 'salon:a1', amount: '12.50' });
    await sims.get('woocommerce')!.mutate({ op: 'status', saleId: 'woo:1004', status: 'cancelled' });
    await sims.get('woocommerce')!.mutate({ op: 'refund', saleId: 'woo:1001' });
    const { saleId: newOrder } = (await sims.get('woocommerce')!.mutate({ op: 'clone', saleId: 'woo:1002' })) as { saleId: string };
    await sims.get('bling')!.mutate({ op: 'status', saleId: 'bling:9002', status: 'cancelled' });
    await sims.get('mercadolivre')!.mutate({ op: 'refund', saleId: 'ml:2000000003', amount: '5.00' });
    const churned = (await sims.get('woocommerce')!.mutate({ op: 'churn', n: 4, seed: 11 })) as { changed: string[] };
    expect(churned.changed).toHaveLength(4);
    await sims.get('hubspot')!.mutate({ op: 'update', table: 'customers', id: 'hubspot:9002', column: 'phone', value: '+55 21 90000-0000' });
    await sims.get('hubspot')!.mutate({ op: 'update', table: 'campaign_events', id: 'hubspot:deal:70001', column: 'revenue_amount', value: '999.90' });
    const s = await sync(db);
    expect(s.ok).toBe(true);
    expect(s.rows).toBeLessThan(firstRows * 0.15);
    await expectEqual(db);
    const rows = await db.all<{ id: string; status: string }>(`SELECT sale_id AS id, status FROM sales WHERE sale_id IN ('salon:a3', 'woo:1004', 'bling:9002', $1) ORDER BY 1`, [newOrder]);
    expect(rows).toContainEqual({ id: 'salon:a3', status: 'no_show' });
    expect(rows).toContainEqual({ id: 'woo:1004', status: 'cancelled' });
    expect(rows).toContainEqual({ id: 'bling:9002', status: 'cancelled' });
    expect(rows.some((r) => r.id === newOrder)).toBe(true);
    const refunds = await db.all<{ sale_id: string; amount: number }>(`SELECT sale_id, amount::DOUBLE AS amount FROM payments WHERE kind = 'refund' AND sale_id IN ('salon:a1', 'woo:1001', 'ml:2000000003') ORDER BY 1`);
    expect(refunds.map((r) => r.sale_id)).toEqual(expect.arrayContaining(['salon:a1', 'woo:1001', 'ml:2000000003']));
    expect(refunds.find((r) => r.sale_id === 'salon:a1')?.amount).toBe(12.5);
    const [deal] = await db.all<{ v: number }>(`SELECT revenue_amount::DOUBLE AS v FROM campaign_events WHERE event_id = 'hubspot:deal:70001'`);
    expect(deal.v).toBe(999.9);
  });

  it('a full sync sweeps records the source deleted; an incremental one leaves them', async () => {
    await set.sims.get('woocommerce')!.mutate({ op: 'delete', table: 'sales', id: 'woo:1010' });
    await set.sims.get('supabase')!.mutate({ op: 'delete', table: 'customers', id: 'salon:c7' });
    await sync(db);
    expect(await db.all(`SELECT 1 FROM sales WHERE sale_id = 'woo:1010'`)).toHaveLength(1);
    const s = await sync(db, { full: true });
    expect(s.ok).toBe(true);
    expect(await db.all(`SELECT 1 FROM sales WHERE sale_id = 'woo:1010'`)).toHaveLength(0);
    expect(await db.all(`SELECT 1 FROM sale_lines WHERE sale_id = 'woo:1010'`)).toHaveLength(0);
    expect(await db.all(`SELECT 1 FROM customers WHERE customer_id = 'salon:c7'`)).toHaveLength(0);
    await expectEqual(db);
  });
});

describe('hostile pages and records', () => {
  it('a page that shifts because a record changed mid-sync loses nothing', async () => {
    const db = await target();
    for (const sim of set.sims.values()) sim.server.setFaults({ shiftNextPage: true });
    const s = await sync(db, { sources: simSources(set, { pageSize: 20 }) });
    expect(s.ok).toBe(true);
    for (const sim of set.sims.values()) expect(sim.server.stats.shifted, sim.kind).toBeGreaterThan(0);
    // Every record is there; a record changed during the run (windowed sources) is read again by the next run.
    for (const sim of set.sims.values()) {
      for (const d of await compareWithSource(db, sim)) expect(d.actual, `${sim.kind} ${d.table}`).toBe(d.expected);
    }
    await sync(db);
    await expectEqual(db);
    db.close();
  });

  it('malformed records are rejected with a reason and reported; everything else is saved', async () => {
    const bad = { supabase: 'salon:a5', woocommerce: 'woo:1005', bling: 'bling:9005', mercadolivre: 'ml:2000000005', hubspot: 'hubspot:9003' } as const;
    for (const [k, id] of Object.entries(bad)) set.sims.get(k as keyof typeof bad)!.server.setFaults({ badRecords: [id] });
    const db = await target();
    try {
      const s = await sync(db);
      expect(s.sources.every((x) => x.state === 'ok')).toBe(true);
      for (const x of s.sources) expect(x.rejected, x.sourceId).toBeGreaterThan(0);
      const rejects = await db.all<{ source_id: string; record_id: string; reason: string }>(`SELECT source_id, record_id, reason FROM sync_rejects`);
      for (const [k, id] of Object.entries(bad)) {
        const r = rejects.find((x) => x.source_id === k && x.record_id === id);
        expect(r, `${k} ${id}`).toBeDefined();
        expect(r!.reason).toMatch(/não é|ausente|fora do/);
      }
      expect(await db.all(`SELECT 1 FROM sales WHERE sale_id IN ('salon:a5', 'woo:1005', 'bling:9005', 'ml:2000000005')`)).toHaveLength(0);
      expect(await db.all(`SELECT 1 FROM sale_lines WHERE sale_id = 'bling:9005'`)).toHaveLength(0);
      const [n] = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM sales`);
      expect(n.n).toBeGreaterThan(400);
    } finally {
      for (const sim of set.sims.values()) sim.server.setFaults({ badRecords: [] });
      db.close();
    }
  });
});
