// Status-mapping settings end to end: a sync of the Bling simulator lists the account's situações (custom ones with
// the default they inherit), every order lands whatever its situação, and a user's choice changes what one counts as.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { loadSources, upsertSource } from './config';
import { runSync } from './runner';
import { BLING_SITUACOES } from './simulators/bling';
import { statusMapping } from './statusSettings';
import { simSecrets, simSources, startSimulators, type SimSet } from './testing/harness';

let set: SimSet;
let db: Db;
beforeAll(async () => {
  set = await startSimulators({ kinds: ['bling', 'woocommerce'], size: { customers: 40, sales: 160 } });
  db = await Db.open({ path: ':memory:' });
  await migrate(db);
});
afterAll(async () => {
  db?.close();
  await set?.close();
});

/** The simulators' sources with the status choices the user saved in the database. */
const sync = async (full = false) => {
  const stored = await loadSources(db);
  const sources = simSources(set).map((s) => {
    const map = stored.find((x) => x.sourceId === s.sourceId)?.config.statusMap;
    return map ? { ...s, config: { ...s.config, statusMap: map } } : s;
  });
  return runSync({ db, secrets: simSecrets(set), sources, full, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
};

describe('order statuses by meaning, with the settings the user sees', () => {
  it('lists Bling situações from the API with what each inherits; orders in custom ones all land', async () => {
    const s = await sync();
    expect(s.sources.map((x) => x.error ?? x.state)).toEqual(['ok', 'ok']);
    const m = await statusMapping(db, 'bling');
    const enviado = m.statuses.find((x) => x.code === '52002');
    expect(enviado).toMatchObject({ name: 'Enviado', inheritedName: 'Atendido', status: 'completed', defaultStatus: 'completed', custom: false });
    expect(m.statuses.find((x) => x.code === '52004')).toMatchObject({ name: 'Devolvido', inheritedName: 'Cancelado', status: 'cancelled' });
    expect(m.statuses.map((x) => x.code)).toEqual(expect.arrayContaining(BLING_SITUACOES.map((x) => String(x.id))));
    expect(await db.all(`SELECT * FROM sync_rejects`)).toEqual([]);
    // Sellers come from /vendedores as employees, by name.
    expect(await db.all(`SELECT employee_id, name FROM employees WHERE starts_with(employee_id, 'bling:')`)).toEqual([{ employee_id: 'bling:vendedor:3001', name: 'Vendedora da loja' }]);
    const [{ n }] = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM sales WHERE starts_with(sale_id, 'bling:')`);
    expect(n).toBe((await set.data.expected('sales', 'bling')).length);
  });

  it('WooCommerce: processing and completed are paid, refunded is cancelled, by default', async () => {
    const m = await statusMapping(db, 'woocommerce');
    const by = Object.fromEntries(m.statuses.map((x) => [x.code, x.status]));
    expect(by).toMatchObject({ processing: 'completed', completed: 'completed', refunded: 'cancelled', failed: 'cancelled', 'on-hold': 'confirmed', pending: 'booked' });
  });

  it('a user choice ("Enviado" is not paid yet) changes what those orders count as on the next full sync', async () => {
    await upsertSource(db, 'bling', { config: { statusMap: ['52002=confirmed'] } });
    const m = await statusMapping(db, 'bling');
    expect(m.statuses.find((x) => x.code === '52002')).toMatchObject({ status: 'confirmed', defaultStatus: 'completed', custom: true });
    const before = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM sales WHERE starts_with(sale_id, 'bling:') AND status = 'confirmed'`);
    expect((await sync(true)).ok).toBe(true);
    const after = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM sales WHERE starts_with(sale_id, 'bling:') AND status = 'confirmed'`);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });

  it('an app without the situações scope still syncs every order: custom situações take unknownStatus until known', async () => {
    const bling = set.sims.get('bling') as unknown as { withoutSituacoesScope: { on: boolean } };
    bling.withoutSituacoesScope.on = true;
    const fresh = await Db.open({ path: ':memory:' });
    await migrate(fresh);
    try {
      const s = await runSync({ db: fresh, secrets: simSecrets(set), sources: simSources(set, {}, ['bling']), full: true, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
      expect(s.sources[0].error ?? s.sources[0].state).toBe('ok');
      expect(await fresh.all(`SELECT * FROM sync_rejects`)).toEqual([]);
      const [{ n }] = await fresh.all<{ n: number }>(`SELECT count(*)::INT AS n FROM sales WHERE starts_with(sale_id, 'bling:')`);
      expect(n).toBe((await set.data.expected('sales', 'bling')).length);
      const m = await statusMapping(fresh, 'bling');
      expect(m.statuses.find((x) => x.code === '9')).toMatchObject({ name: 'Atendido', status: 'completed' });
      // Orders in custom situações (not readable now) counted as "confirmed": more of them than the source has.
      const [{ c }] = await fresh.all<{ c: number }>(`SELECT count(*)::INT AS c FROM sales WHERE starts_with(sale_id, 'bling:') AND status = 'confirmed'`);
      const source = (await set.data.expected('sales', 'bling')).filter((x) => x.status === 'confirmed').length;
      expect(c).toBeGreaterThan(source);
    } finally {
      bling.withoutSituacoesScope.on = false;
      fresh.close();
    }
  });
});
