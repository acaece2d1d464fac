// Reliability against misbehaving sources over real loopback HTTP: 429 with Retry-After, 5xx bursts, hung
// requests, cut-off JSON, a source that is down, expired tokens refreshed exactly once, rotating refresh tokens,
// cancellation and progress.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { SourceKind, SyncSourceProgress } from '../../shared/api/sync';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { blingConnector } from './bling/connector';
import { SourceHttp } from './http';
import { runSync } from './runner';
import { createAuthApplier, SourceSecrets } from './tokens';
import { EnvSecretStore } from '../engine/secrets';
import { NO_FAULTS } from './simulators/server';
import type { OAuthState } from './simulators/oauth';
import { compareWithSource, simEnv, simSecrets, simSources, startSimulators, type SimSet } from './testing/harness';
import type { SourceConfig } from './types';

let set: SimSet;
beforeAll(async () => {
  set = await startSimulators({ size: { customers: 40, sales: 120 } });
});
afterAll(async () => {
  await set?.close();
});
afterEach(() => {
  for (const s of set.sims.values()) s.server.setFaults({ ...NO_FAULTS, badRecords: [] });
});

async function target(): Promise<Db> {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  return db;
}

function run(db: Db, kinds: SourceKind[], o: { extra?: Record<string, unknown>; sources?: SourceConfig[]; secrets?: EnvSecretStore; signal?: AbortSignal; onProgress?: (id: SourceKind, p: SyncSourceProgress) => void; full?: boolean } = {}) {
  return runSync({
    db,
    secrets: o.secrets ?? simSecrets(set),
    sources: o.sources ?? simSources(set, o.extra, kinds),
    full: !!o.full,
    signal: o.signal ?? new AbortController().signal,
    overlapMinutes: 10,
    timezone: 'America/Sao_Paulo',
    onProgress: o.onProgress,
  });
}

async function equal(db: Db, kind: SourceKind): Promise<boolean> {
  return (await compareWithSource(db, set.sims.get(kind)!)).every((d) => d.equal);
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('retries', () => {
  it('waits as long as Retry-After says on a 429, then completes', async () => {
    const woo = set.sims.get('woocommerce')!;
    woo.server.setFaults({ rateLimited: 1, retryAfterSec: 1 });
    const db = await target();
    const t0 = Date.now();
    const s = await run(db, ['woocommerce']);
    expect(s.sources[0].state).toBe('ok');
    expect(woo.server.stats.served429).toBeGreaterThanOrEqual(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(await equal(db, 'woocommerce')).toBe(true);
    db.close();
  });

  it('recovers from a burst of 5xx, a hung request and cut-off JSON', async () => {
    const before = { ...set.sims.get('supabase')!.server.stats };
    set.sims.get('supabase')!.server.setFaults({ errors5xx: 4 });
    set.sims.get('hubspot')!.server.setFaults({ hangs: 1 });
    set.sims.get('mercadolivre')!.server.setFaults({ malformed: 2 });
    const db = await target();
    const s = await run(db, ['supabase', 'hubspot', 'mercadolivre'], { extra: { timeoutMs: 400 } });
    expect(s.sources.map((x) => x.error ?? x.state)).toEqual(['ok', 'ok', 'ok']);
    expect(set.sims.get('supabase')!.server.stats.served5xx - before.served5xx).toBe(4);
    expect(set.sims.get('hubspot')!.server.stats.hung).toBeGreaterThanOrEqual(1);
    expect(set.sims.get('mercadolivre')!.server.stats.malformed).toBeGreaterThanOrEqual(2);
    for (const k of ['supabase', 'hubspot', 'mercadolivre'] as const) expect(await equal(db, k), k).toBe(true);
    db.close();
  });

  it('a source that is down leaves the others complete, with the failure named in plain words', async () => {
    const sources = simSources(set, { maxAttempts: 2 }, ['supabase', 'woocommerce', 'bling']);
    const woo = sources.find((s) => s.kind === 'woocommerce')!;
    woo.baseUrl = `http://127.0.0.1:${await closedPort()}/wp-json/wc/v3`;
    set.sims.get('bling')!.server.setFaults({ down: true });
    const db = await target();
    // A store of its own: the shared one holds the credentials bound to the simulator's address, which would be
    // cleared (not sent) for this other port.
    const s = await run(db, [], { sources, secrets: new EnvSecretStore(simEnv(set)) });
    const by = Object.fromEntries(s.sources.map((x) => [x.sourceId, x]));
    expect(by.supabase.state).toBe('ok');
    expect(await equal(db, 'supabase')).toBe(true);
    expect(by.woocommerce.state).toBe('failed');
    expect(by.woocommerce.error).toMatch(/could not be reached/);
    expect(by.bling.state).toBe('failed');
    expect(by.bling.error).toMatch(/HTTP 503/);
    const runs = await db.all<{ source_id: string; state: string; error: string | null }>(`SELECT source_id, state, error FROM sync_runs ORDER BY source_id`);
    expect(runs.map((r) => r.state)).toEqual(['failed', 'ok', 'failed']);
    db.close();
  });
});

describe('OAuth', () => {
  it('an access token that expires mid-sync is refreshed exactly once, and the rotated refresh token is stored back', async () => {
    const secrets = new EnvSecretStore(simEnv(set));
    const bling = set.sims.get('bling')! as ReturnType<SimSet['sims']['get']> & { oauth: OAuthState };
    const db = await target();
    const g0 = bling.server.stats.tokenGrants;
    expect((await run(db, ['bling'], { secrets })).sources[0].state).toBe('ok');
    expect(bling.server.stats.tokenGrants - g0).toBe(1);
    expect(await secrets.get('bling.refreshToken')).toBe(bling.oauth.currentRefreshToken);
    // Expire during the order details, which run three at a time: all three see 401, one refresh serves them.
    bling.server.setFaults({ expireTokenAfter: 40, latencyMs: 20 });
    const rejected0 = bling.server.stats.rejectedTokens;
    const s = await run(db, ['bling'], { secrets, full: true });
    expect(s.sources[0].state).toBe('ok');
    expect(bling.server.stats.rejectedTokens - rejected0).toBeGreaterThanOrEqual(1);
    expect(bling.server.stats.tokenGrants - g0).toBe(2);
    expect(await secrets.get('bling.refreshToken')).toBe(bling.oauth.currentRefreshToken);
    expect(bling.oauth.used.has(await secrets.get('bling.refreshToken') as string)).toBe(false);
    expect(await equal(db, 'bling')).toBe(true);
    db.close();
  });

  it('parallel requests rejected with the same token share one refresh (rotating tokens are single-use)', async () => {
    const bling = set.sims.get('bling')! as ReturnType<SimSet['sims']['get']> & { oauth: OAuthState };
    const secrets = new EnvSecretStore(simEnv(set));
    await secrets.set('bling.refreshToken', bling.oauth.currentRefreshToken as string);
    const src = simSources(set, {}, ['bling'])[0];
    const http = new SourceHttp({ sourceName: 'bling', baseUrl: src.baseUrl, timeoutMs: 2000, maxAttempts: 2, retryBaseMs: 5, retryMaxMs: 10, maxRetryAfterMs: 1000, ratePerSec: null, maxBodyBytes: 1e6, signal: new AbortController().signal, auth: null, errorMessage: () => null, redact: (x) => x });
    const sourceSecrets = new SourceSecrets('bling', secrets);
    await sourceSecrets.load(['clientId', 'clientSecret']);
    const auth = createAuthApplier(blingConnector.auth, sourceSecrets, http, src.config);
    const g0 = bling.server.stats.tokenGrants;
    const first = (await auth.apply()).token;
    expect(bling.server.stats.tokenGrants - g0).toBe(1);
    await Promise.all(Array.from({ length: 6 }, () => auth.onRejected(first)));
    expect(bling.server.stats.tokenGrants - g0).toBe(2);
    const next = (await auth.apply()).token;
    expect(next).not.toBe(first);
    expect(await secrets.get('bling.refreshToken')).toBe(bling.oauth.currentRefreshToken);
  });

  it('a pasted authorization code is exchanged once; a used refresh token fails in plain words', async () => {
    const ml = set.sims.get('mercadolivre')! as ReturnType<SimSet['sims']['get']> & { oauth: OAuthState };
    const env = simEnv(set);
    delete env.PAINEL_ML_REFRESH_TOKEN;
    env.PAINEL_ML_CODE = 'TG-ml-code-0';
    const secrets = new EnvSecretStore(env);
    const db = await target();
    const s = await run(db, ['mercadolivre'], { secrets });
    expect(s.sources[0].state).toBe('ok');
    expect(await secrets.get('mercadolivre.code')).toBeNull();
    expect(await secrets.get('mercadolivre.refreshToken')).toBe(ml.oauth.currentRefreshToken);
    // A refresh token that was already rotated away (e.g. restored from an old copy) is refused.
    await secrets.set('mercadolivre.refreshToken', [...ml.oauth.used][0]);
    await secrets.delete('mercadolivre.accessToken');
    const again = await run(db, ['mercadolivre'], { secrets });
    expect(again.sources[0].state).toBe('failed');
    expect(again.sources[0].error).toMatch(/refused the saved authorization.*paste a new authorization code/);
    db.close();
  });
});

describe('control', () => {
  it('cancels through the AbortSignal without leaving half a page, and the next sync completes', async () => {
    set.sims.get('supabase')!.server.setFaults({ latencyMs: 100 });
    const db = await target();
    const ctl = new AbortController();
    const seen: SyncSourceProgress[] = [];
    setTimeout(() => ctl.abort(), 400);
    const s = await run(db, ['supabase'], { signal: ctl.signal, extra: { pageSize: 10, flushRows: 10 }, onProgress: (_id, p) => seen.push(p) });
    expect(s.sources[0].state).toBe('cancelled');
    const [dup] = await db.all<{ n: number; k: number }>(`SELECT count(*)::INT AS n, count(DISTINCT (sale_id, line_no))::INT AS k FROM sale_lines`);
    expect(dup.n).toBe(dup.k);
    expect(seen.some((p) => p.pages > 0)).toBe(true);
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['starting', 'locations']));
    set.sims.get('supabase')!.server.setFaults({ latencyMs: 0 });
    expect((await run(db, ['supabase'])).sources[0].state).toBe('ok');
    expect(await equal(db, 'supabase')).toBe(true);
    db.close();
  });
});
