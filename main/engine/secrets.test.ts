// Credentials: environment variables with an encrypted overlay for rotated tokens, a codec-backed store (what the
// desktop shell builds on safeStorage), never plain text on disk, and redaction of anything a source echoes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { parseConfig } from '../sync/config';
import { runSync } from '../sync/runner';
import { CodecFileSecretStore, EnvSecretStore, envVarFor, passphraseCodec, redactor } from './secrets';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'painel-secrets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret stores', () => {
  it('names environment variables after the source and secret', () => {
    expect(envVarFor('woocommerce.key')).toBe('PAINEL_WOO_KEY');
    expect(envVarFor('bling.refreshToken')).toBe('PAINEL_BLING_REFRESH_TOKEN');
    expect(envVarFor('mercadolivre.clientSecret')).toBe('PAINEL_ML_CLIENT_SECRET');
    expect(envVarFor('hubspot.token')).toBe('PAINEL_HUBSPOT_TOKEN');
    expect(envVarFor('supabase.key')).toBe('PAINEL_SUPABASE_KEY');
  });

  it('keeps rotated tokens in an encrypted overlay; a new value pasted into the environment wins', async () => {
    const file = join(dir, 'overlay.enc');
    const env = { PAINEL_BLING_REFRESH_TOKEN: 'rt-from-env-0001', PAINEL_SECRETS_KEY: 'a long passphrase' };
    const a = new EnvSecretStore(env, file);
    expect(a.persistence).toBe('encrypted');
    expect(await a.get('bling.refreshToken')).toBe('rt-from-env-0001');
    await a.set('bling.refreshToken', 'rt-rotated-0002');
    await a.set('bling.accessToken', 'at-secret-0003');
    const raw = readFileSync(file, 'utf8');
    for (const s of ['rt-rotated-0002', 'at-secret-0003', 'rt-from-env-0001']) expect(raw).not.toContain(s);
    const b = new EnvSecretStore(env, file);
    expect(await b.get('bling.refreshToken')).toBe('rt-rotated-0002');
    const pasted = new EnvSecretStore({ ...env, PAINEL_BLING_REFRESH_TOKEN: 'rt-pasted-0004' }, file);
    expect(await pasted.get('bling.refreshToken')).toBe('rt-pasted-0004');
    await b.delete('bling.accessToken');
    expect(await new EnvSecretStore(env, file).get('bling.accessToken')).toBeNull();
    await expect(new EnvSecretStore({ ...env, PAINEL_SECRETS_KEY: 'wrong passphrase' }, file).get('bling.accessToken')).rejects.toThrow();
  });

  it('without PAINEL_SECRETS_KEY writes go encrypted to disk under a per-user key file only this user can read', async () => {
    const file = join(dir, 'keyed.enc');
    const env = { XDG_CONFIG_HOME: join(dir, 'config') };
    const s = new EnvSecretStore(env, file);
    expect(s.persistence).toBe('encrypted');
    await s.set('bling.refreshToken', 'rt-rotated-keyfile-0001');
    expect(readFileSync(file, 'utf8')).not.toContain('rt-rotated-keyfile-0001');
    const keyFile = join(dir, 'config', 'Painel', 'secrets.key');
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    // A later process (the next scheduled run) reads it back.
    expect(await new EnvSecretStore(env, file).get('bling.refreshToken')).toBe('rt-rotated-keyfile-0001');
    // Another key cannot.
    await expect(new EnvSecretStore({ PAINEL_SECRETS_KEY_FILE: join(dir, 'other.key') }, file).get('bling.refreshToken')).rejects.toThrow();
  });

  it('without a database file (an in-memory engine) writes stay in memory', async () => {
    const s = new EnvSecretStore({});
    expect(s.persistence).toBe('memory');
    await s.set('hubspot.token', 'pat-memory-only');
    expect(await s.get('hubspot.token')).toBe('pat-memory-only');
  });

  it('a codec store (the desktop wraps safeStorage in one) writes only what the codec returns', async () => {
    const codec = passphraseCodec('stand-in for safeStorage');
    const file = join(dir, 'desktop', 'secrets.bin');
    const s = new CodecFileSecretStore(file, codec);
    await s.set('woocommerce.secret', 'cs_desktop_secret_value');
    expect(readFileSync(file).toString('latin1')).not.toContain('cs_desktop_secret_value');
    expect(await new CodecFileSecretStore(file, codec).get('woocommerce.secret')).toBe('cs_desktop_secret_value');
  });

  it('redacts every known value, also URL-encoded', () => {
    const r = redactor(['s3cr3t+/=value', 'abc']);
    expect(r('key=s3cr3t%2B%2F%3Dvalue and s3cr3t+/=value; abc stays')).toBe('key=*** and ***; abc stays');
  });
});

describe('a source that echoes credentials', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Answers every request with an error that quotes the Authorization header and the query string.
    server = createServer((req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'woocommerce_rest_authentication_error', message: `invalid signature for ${req.headers.authorization ?? ''} ${req.url}` }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wp-json/wc/v3`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('never lets a credential into errors, logs or the database', async () => {
    const key = 'ck_echoed_key_4711';
    const secret = 'cs_echoed_secret_0815';
    const logs: string[] = [];
    const db = await Db.open({ path: ':memory:', log: (l) => logs.push(l) });
    await migrate(db);
    for (const authMode of ['header', 'query']) {
      const s = await runSync({
        db,
        secrets: new EnvSecretStore({ PAINEL_WOO_KEY: key, PAINEL_WOO_SECRET: secret }),
        sources: [{ sourceId: 'woocommerce', kind: 'woocommerce', name: 'Loja', baseUrl: url, enabled: true, config: parseConfig('woocommerce', { authMode, maxAttempts: 1 }) }],
        full: false,
        signal: new AbortController().signal,
        overlapMinutes: 10,
        timezone: 'America/Sao_Paulo',
        log: (l) => logs.push(l),
      });
      expect(s.sources[0].state).toBe('failed');
      expect(s.sources[0].error).toMatch(/refused the credentials/);
      const stored = JSON.stringify(await db.all(`SELECT * FROM sync_runs UNION ALL BY NAME SELECT * FROM sync_state`), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
      const basic = Buffer.from(`${key}:${secret}`).toString('base64');
      for (const text of [s.sources[0].error ?? '', logs.join('\n'), stored]) {
        for (const v of [key, secret, basic]) expect(text).not.toContain(v);
      }
    }
    db.close();
  });
});
