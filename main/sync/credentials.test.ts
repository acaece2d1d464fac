// Credentials across runs and addresses: rotated refresh tokens survive from one `painel sync` process to the next
// (encrypted on disk, no passphrase needed), and a source whose base URL moved to another origin sends nothing there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { SyncSourceInfo } from '../../shared/api/sync';
import { runCli } from '../cli/painel';
import { Engine } from '../engine/engine';
import { createDispatcher } from '../host/dispatcher';
import { EnvSecretStore } from '../engine/secrets';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { upsertSource } from './config';
import { runSync } from './runner';
import { simEnv, simSources, startSimulators, type SimSet } from './testing/harness';

let dir: string;
let set: SimSet;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-creds-'));
  set = await startSimulators({ kinds: ['woocommerce', 'bling', 'mercadolivre'], size: { customers: 30, sales: 60 } });
});
afterAll(async () => {
  await set?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled runs with rotating refresh tokens', () => {
  it('`painel sync` twice against Bling and Mercado Livre: both succeed, each rotation stored encrypted for the next process', async () => {
    const db = join(dir, 'cli.duckdb');
    const saved = { ...process.env };
    // The refresh tokens come from the environment once; no PAINEL_SECRETS_KEY: the per-user key file is used.
    Object.assign(process.env, simEnv(set), { XDG_CONFIG_HOME: join(dir, 'config') });
    delete process.env.PAINEL_SECRETS_KEY;
    delete process.env.PAINEL_SECRETS_KEY_FILE;
    const bling = set.sims.get('bling')! as unknown as { server: { baseUrl: string; faults: { expireTokenAfter: number | null }; stats: { tokenGrants: number } } };
    const ml = set.sims.get('mercadolivre')! as unknown as typeof bling;
    try {
      const cli = async (...args: string[]) => {
        let out = '';
        let err = '';
        const code = await runCli(['--db', db, ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
        return { code, out, err };
      };
      expect((await cli('sync', '--source', 'bling', '--base-url', bling.server.baseUrl)).code).toBe(0);
      const first = await cli('sync', '--source', 'ml', '--base-url', ml.server.baseUrl);
      expect(first.code, first.out + first.err).toBe(0);
      const grants = bling.server.stats.tokenGrants + ml.server.stats.tokenGrants;
      // The next scheduled run finds the access tokens expired: both sources must refresh with the rotated tokens.
      bling.server.faults.expireTokenAfter = 0;
      ml.server.faults.expireTokenAfter = 0;
      const second = await cli('sync');
      expect(second.code, second.out + second.err).toBe(0);
      expect(second.out).toMatch(/✓ bling\s+ok/);
      expect(second.out).toMatch(/✓ mercadolivre\s+ok/);
      expect(bling.server.stats.tokenGrants + ml.server.stats.tokenGrants).toBe(grants + 2);
      const onDisk = readFileSync(join(dir, 'secrets.enc'), 'utf8');
      const current = (set.sims.get('bling') as unknown as { oauth: { currentRefreshToken: string } }).oauth.currentRefreshToken;
      expect(current).toMatch(/^rt-/);
      expect(onDisk).not.toContain(current);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});

describe('credentials bound to their origin', () => {
  let recorder: Server;
  let recorderUrl: string;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  beforeAll(async () => {
    recorder = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
    recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/wp-json/wc/v3`;
  });
  afterAll(() => new Promise<void>((r) => recorder.close(() => r())));

  it('a base URL moved to another host or port gets no key or secret: they are cleared and the sync says why', async () => {
    const db = await Db.open({ path: ':memory:' });
    await migrate(db);
    const woo = set.sims.get('woocommerce')!;
    const env = simEnv(set);
    const secrets = new EnvSecretStore(env);
    const sources = simSources(set, {}, ['woocommerce']);
    const run = () => runSync({ db, secrets, sources, full: false, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
    expect((await run()).sources[0]).toMatchObject({ state: 'ok' });
    // Only the address changes (as a scheduled sync would then find it).
    sources[0] = { ...sources[0], baseUrl: recorderUrl };
    const moved = (await run()).sources[0];
    expect(moved.state).toBe('failed');
    expect(moved.error).toMatch(/address changed from http:\/\/127\.0\.0\.1:\d+ to http:\/\/127\.0\.0\.1:\d+.*cleared/);
    const again = (await run()).sources[0];
    expect(again.state).toBe('failed');
    expect(again.error).toMatch(/credential "key" is not set/);
    const leaked = seen.filter((r) => r.headers.authorization || /consumer_(key|secret)/.test(r.url) || JSON.stringify(r).includes(woo.credentials.secret));
    expect(leaked).toEqual([]);
    expect(await secrets.get('woocommerce.key')).toBeNull();
    db.close();
  });

  it('in the app, a new address clears the credentials saved for the old one unless they are given again with it', async () => {
    const engine = await Engine.open({ dbPath: join(dir, 'app.duckdb'), log: () => undefined, secrets: new EnvSecretStore({}) });
    const call = async <T,>(m: string, input: unknown) => {
      const r = await createDispatcher(engine).call(m, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const woo = set.sims.get('woocommerce')!;
    const set1 = await call<SyncSourceInfo>('sync.configure', { sourceId: 'woocommerce', baseUrl: woo.server.baseUrl, credentials: { key: woo.credentials.key, secret: woo.credentials.secret } });
    expect(set1.credentials.map((c) => c.set)).toEqual([true, true]);
    const moved = await call<SyncSourceInfo>('sync.configure', { sourceId: 'woocommerce', baseUrl: recorderUrl });
    expect(moved.credentials.map((c) => c.set)).toEqual([false, false]);
    const given = await call<SyncSourceInfo>('sync.configure', { sourceId: 'woocommerce', baseUrl: woo.server.baseUrl, credentials: { key: woo.credentials.key } });
    expect(given.credentials.map((c) => [c.name, c.set])).toEqual([
      ['key', true],
      ['secret', false],
    ]);
    // The same address again keeps what is saved.
    const same = await call<SyncSourceInfo>('sync.configure', { sourceId: 'woocommerce', baseUrl: `${woo.server.baseUrl}/`, enabled: true });
    expect(same.credentials.map((c) => c.set)).toEqual([true, false]);
    await expect(call('sync.configure', { sourceId: 'woocommerce', baseUrl: 'http://loja.example.com.br/wp-json/wc/v3' })).rejects.toThrow(/BAD_INPUT: .*https:\/\//);
    engine.close();
  });

  it('plain http is refused for a remote host, accepted for this computer', async () => {
    const db = await Db.open({ path: ':memory:' });
    await migrate(db);
    await expect(upsertSource(db, 'woocommerce', { baseUrl: 'http://loja.example.com.br/wp-json/wc/v3' })).rejects.toThrow(/https:\/\//);
    await upsertSource(db, 'woocommerce', { baseUrl: 'http://127.0.0.1:8080/wp-json/wc/v3' });
    await upsertSource(db, 'woocommerce', { baseUrl: 'https://loja.example.com.br/wp-json/wc/v3' });
    db.close();
  });
});
