// The sync service through the contract and the CLI: write-only credentials, jobs and per-source state, partial
// data with the failure named, `painel sync` exit codes, and waiting while offline without piling up errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncSourceInfo, SyncStatus, SyncSummary } from '../../shared/api/sync';
import type { JobSnapshot, PainelEvent } from '../../shared/events';
import { runCli } from '../cli/painel';
import { createDispatcher } from '../host/dispatcher';
import { Engine } from '../engine/engine';
import { saveSettings } from '../engine/settings';
import { startSyncSchedule, syncService } from './service';
import { simEnv, startSimulators, type SimSet } from './testing/harness';

let set: SimSet;
let dir: string;
beforeAll(async () => {
  set = await startSimulators({ kinds: ['supabase', 'woocommerce'], size: { customers: 30, sales: 80 } });
  dir = mkdtempSync(join(tmpdir(), 'painel-sync-svc-'));
});
afterAll(async () => {
  await set?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function engineWithLog(name: string, lines: string[]): Promise<Engine> {
  return Engine.open({ dbPath: join(dir, name), log: (l) => lines.push(l) });
}

const fast = { retryBaseMs: 5, retryMaxMs: 20, maxAttempts: 2, timeoutMs: 1000 };

describe('sync.* through the dispatcher', () => {
  it('keeps credentials write-only, runs a job, and reports state per source with the failure named', async () => {
    const logs: string[] = [];
    const engine = await engineWithLog('api.duckdb', logs);
    const call = async <T,>(m: string, input: unknown) => {
      const r = await createDispatcher(engine).call(m, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const sup = set.sims.get('supabase')!;
    const woo = set.sims.get('woocommerce')!;
    const events: PainelEvent[] = [];
    engine.onEvent((e) => events.push(e));
    const info = await call<SyncSourceInfo>('sync.configure', { sourceId: 'supabase', baseUrl: sup.server.baseUrl, config: fast, credentials: { key: sup.credentials.key } });
    expect(info.credentials).toEqual([{ name: 'key', required: true, set: true, envVar: 'PAINEL_SUPABASE_KEY' }]);
    expect(JSON.stringify(info)).not.toContain(sup.credentials.key);
    // WooCommerce with a wrong secret: it fails, the salon is still saved.
    const wrong = 'cs_wrong_secret_value_123';
    await call('sync.configure', { sourceId: 'woocommerce', baseUrl: woo.server.baseUrl, config: { ...fast, ...woo.config }, credentials: { key: woo.credentials.key, secret: wrong } });
    const bad = await createDispatcher(engine).call('sync.configure', { sourceId: 'woocommerce', credentials: { password: 'x' } });
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');

    const job = await call<JobSnapshot>('sync.start', {});
    const end = await call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
    expect(end.state).toBe('done');
    const summary = end.result as SyncSummary;
    expect(summary.ok).toBe(false);
    const st = await call<SyncStatus>('sync.status', {});
    const by = Object.fromEntries(st.sources.map((s) => [s.sourceId, s]));
    expect(by.supabase).toMatchObject({ state: 'ok', configured: true, lastError: null });
    expect(by.supabase.rowsPulled).toBeGreaterThan(100);
    expect(by.supabase.lastSuccessAt).not.toBeNull();
    expect(by.woocommerce.state).toBe('failed');
    expect(by.woocommerce.lastError).toMatch(/refused the credentials/);
    expect(by.bling.state).toBe('never');
    expect(events.some((e) => e.type === 'data.changed' && e.tables.includes('sales'))).toBe(true);
    // No credential anywhere: results, status, logs, the database file.
    const everything = JSON.stringify([st, end, await call('sync.sources', {}), await call('sync.rejects', { limit: 100 }), logs]);
    for (const secret of [sup.credentials.key, woo.credentials.key, wrong]) expect(everything).not.toContain(secret);
    await engine.db.checkpoint();
    engine.close();
    const file = readFileSync(join(dir, 'api.duckdb')).toString('latin1');
    for (const secret of [sup.credentials.key, woo.credentials.key, wrong]) expect(file).not.toContain(secret);
  });

  it('waits while offline without piling up failures, and syncs when the network is back', async () => {
    const engine = await engineWithLog('offline.duckdb', []);
    const svc = syncService(engine);
    await svc.configure({ sourceId: 'bling', config: { ...fast }, credentials: { clientId: 'c', clientSecret: 's', refreshToken: 'r' } });
    await saveSettings(engine.db, { sync: { everyMinutes: 1, overlapMinutes: 10 } });
    engine.invalidateSettings();
    let up = false;
    startSyncSchedule(engine, { minuteMs: 40, probeMs: 40, networkUp: () => up, probe: async () => up });
    const runs = async () => engine.db.all<{ state: string; error: string | null }>(`SELECT state, error FROM sync_runs WHERE source_id = 'bling' ORDER BY started_at`);
    await new Promise((r) => setTimeout(r, 700));
    const offline = await runs();
    expect(offline).toHaveLength(1);
    expect(offline[0]).toMatchObject({ state: 'offline' });
    expect(offline[0].error).toMatch(/no network connection/);
    expect((await svc.status()).offline).toBe(true);
    expect((await svc.status()).sources.find((s) => s.sourceId === 'bling')?.state).toBe('offline');
    up = true;
    const t0 = Date.now();
    while ((await runs()).length < 2 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect((await runs()).length).toBeGreaterThanOrEqual(2);
    engine.close();
  });
});

describe('painel sync', () => {
  it('prints a line per source and a summary; exit 0 when all succeed, 3 when some fail', async () => {
    const db = join(dir, 'cli.duckdb');
    const saved = { ...process.env };
    Object.assign(process.env, simEnv(set));
    try {
      const cli = async (...args: string[]) => {
        let out = '';
        let err = '';
        const code = await runCli(['--db', db, ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
        return { code, out, err };
      };
      const sup = set.sims.get('supabase')!;
      const r1 = await cli('sync', '--source', 'supabase', '--base-url', sup.server.baseUrl);
      expect(r1.code).toBe(0);
      expect(r1.out).toMatch(/✓ supabase\s+ok/);
      expect(r1.err).toMatch(/supabase: appointments/);
      expect((await cli('sync', '--base-url', sup.server.baseUrl)).code).toBe(2);
      process.env.PAINEL_WOO_SECRET = 'cs_definitely_wrong';
      const r2 = await cli('sync', '--source', 'woo', '--base-url', set.sims.get('woocommerce')!.server.baseUrl);
      expect(r2.code).toBe(1);
      const r3 = await cli('sync');
      expect(r3.code).toBe(3);
      expect(r3.out).toMatch(/✗ woocommerce\s+failed/);
      expect(r3.out).toMatch(/Sincronização parcial/);
      expect(r3.out + r3.err).not.toContain('cs_definitely_wrong');
      const st = await cli('sync', '--status');
      expect(st.code).toBe(0);
      expect(st.out).toMatch(/supabase\s+ok/);
      expect(st.out).toMatch(/woocommerce\s+failed/);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
