// Removing the demo keeps every row a connected source brought while the demo stood, including source rows whose ids
// the demo had also used (the source's version replaced the demo's and is the shop's own data now).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { runSync } from '../../sync/runner';
import { compareWithSource, simSecrets, simSources, startSimulators, type SimSet } from '../../sync/testing/harness';
import type { JobSnapshot } from '../../../shared/events';
import { keyHashSql, recordedKeysSql } from '../../model/importKeys';

let set: SimSet;
let t: TestEngine;
beforeAll(async () => {
  set = await startSimulators({ kinds: ['woocommerce'], size: { customers: 40, sales: 120 } });
  t = await openTestEngine();
});
afterAll(async () => {
  await t?.close();
  await set?.close();
});

const count = async (sql: string) => Number((await t.engine.db.all<{ n: bigint }>(sql))[0].n);

describe('remove demo after a source was connected', () => {
  it('deletes the demo rows and keeps every synced row, equal to the source', async () => {
    const job = await t.call<JobSnapshot>('demo.generate', { preset: 'small', customers: 60, months: 1, endDate: '2026-10-31' });
    await t.call('jobs.wait', { id: job.id });
    const demoSales = await count(`SELECT count(*) AS n FROM sales`);
    expect(demoSales).toBeGreaterThan(0);

    const s = await runSync({ db: t.engine.db, secrets: simSecrets(set), sources: simSources(set), full: true, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
    expect(s.sources.map((x) => x.state)).toEqual(['ok']);
    const synced = await count(`SELECT count(*) AS n FROM sales WHERE ${keyHashSql(['sale_id'])} IN (${recordedKeysSql('sales', 'source:woocommerce')})`);
    expect(synced).toBeGreaterThan(0);

    await t.call('import.removeDemo');
    const sim = set.sims.get('woocommerce')!;
    for (const d of await compareWithSource(t.engine.db, sim)) expect(d, `${d.table}: ${JSON.stringify(d.example)}`).toMatchObject({ equal: true });
    // Nothing but the source's rows is left.
    expect(await count(`SELECT count(*) AS n FROM sales`)).toBe(synced);
    expect(await count(`SELECT count(*) AS n FROM sales WHERE sale_id NOT LIKE 'woo:%'`)).toBe(0);

    // Once the demo is gone, syncs stop recording their rows.
    const before = await count(`SELECT count(*) AS n FROM import_keys`);
    await runSync({ db: t.engine.db, secrets: simSecrets(set), sources: simSources(set), full: true, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
    expect(await count(`SELECT count(*) AS n FROM import_keys`)).toBe(before);
  });
});
