// Source credentials: the SecretStore interface, an encrypted-file store over any codec (the desktop shell passes
// Electron safeStorage), and the environment store of CLI and browser mode. Never plain text on disk, never logged.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SourceKind } from '../../shared/api/sync';
import { defaultDataDir } from './paths';

/** Keys are `<sourceId>.<name>`, e.g. `woocommerce.key`, `bling.refreshToken`. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Where written values live: an encrypted file, or this process's memory only. */
  readonly persistence: 'encrypted' | 'memory';
}

/** Turns text into opaque bytes and back (Electron: safeStorage.encryptString / decryptString). */
export interface SecretCodec {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

const ENV_PREFIX: Record<SourceKind, string> = { supabase: 'SUPABASE', woocommerce: 'WOO', bling: 'BLING', mercadolivre: 'ML', hubspot: 'HUBSPOT' };

/** The environment variable holding a secret: `woocommerce.key` -> PAINEL_WOO_KEY, `bling.refreshToken` -> PAINEL_BLING_REFRESH_TOKEN. */
export function envVarFor(key: string): string {
  const [source, name] = key.split('.', 2);
  const prefix = ENV_PREFIX[source as SourceKind] ?? source.toUpperCase();
  return `PAINEL_${prefix}_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

/** Every secret in one encrypted blob, rewritten atomically (temp file + rename) on each change. */
export class CodecFileSecretStore implements SecretStore {
  readonly persistence = 'encrypted' as const;
  private cache: Map<string, string> | null = null;
  private readonly lock = new Mutex();

  constructor(
    private readonly file: string,
    private readonly codec: SecretCodec,
  ) {}

  private load(): Map<string, string> {
    if (this.cache) return this.cache;
    const map = new Map<string, string>();
    if (existsSync(this.file)) {
      const plain = this.codec.decrypt(readFileSync(this.file));
      for (const [k, v] of Object.entries(JSON.parse(plain) as Record<string, string>)) map.set(k, v);
    }
    this.cache = map;
    return map;
  }

  private save(map: Map<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, this.codec.encrypt(JSON.stringify(Object.fromEntries(map))), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  get(key: string): Promise<string | null> {
    return this.lock.lock(() => this.load().get(key) ?? null);
  }

  set(key: string, value: string): Promise<void> {
    return this.lock.lock(() => {
      const map = this.load();
      map.set(key, value);
      this.save(map);
    });
  }

  delete(key: string): Promise<void> {
    return this.lock.lock(() => {
      const map = this.load();
      if (map.delete(key)) this.save(map);
    });
  }
}

/** AES-256-GCM with a key derived from a passphrase (PAINEL_SECRETS_KEY) — the CLI's stand-in for safeStorage. */
export function passphraseCodec(passphrase: string): SecretCodec {
  return {
    encrypt(plain) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.from(JSON.stringify({ v: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }));
    },
    decrypt(blob) {
      const o = JSON.parse(blob.toString('utf8')) as { salt: string; iv: string; tag: string; data: string };
      const decipher = createDecipheriv('aes-256-gcm', scryptSync(passphrase, Buffer.from(o.salt, 'base64'), 32), Buffer.from(o.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(o.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(o.data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * AES-256-GCM with a random key kept in a file only this user can read (mode 0600), made on first use: the CLI's and
 * browser mode's stand-in for the system keychain when no PAINEL_SECRETS_KEY is given, as Chromium's safeStorage
 * does on a desktop without a keyring. Rotated refresh tokens then survive from one scheduled run to the next.
 */
export function keyFileCodec(keyFile: string): SecretCodec {
  let key: Buffer | null = null;
  const load = () => {
    if (key) return key;
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(keyFile, 0o600);
    key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error('the secrets key file is damaged; remove it and enter the credentials again');
    return key;
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', load(), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.from(JSON.stringify({ v: 2, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }));
    },
    decrypt(blob) {
      const o = JSON.parse(blob.toString('utf8')) as { iv: string; tag: string; data: string };
      const decipher = createDecipheriv('aes-256-gcm', load(), Buffer.from(o.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(o.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(o.data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

class MemorySecretStore implements SecretStore {
  readonly persistence = 'memory' as const;
  private readonly map = new Map<string, string>();
  async get(key: string) {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.map.set(key, value);
  }
  async delete(key: string) {
    this.map.delete(key);
  }
}

/**
 * CLI and browser mode: secrets come from PAINEL_* environment variables. Values the engine writes (pasted
 * credentials, rotated OAuth tokens) go to an overlay: an encrypted file beside the database (the same store the
 * desktop keeps through safeStorage), keyed by PAINEL_SECRETS_KEY when set, else by a per-user key file
 * (PAINEL_SECRETS_KEY_FILE, default secrets.key in the per-user data folder); memory only without a database file.
 * An overlay value remembers the environment value it replaced, so pasting a new value into the environment wins.
 */
export class EnvSecretStore implements SecretStore {
  readonly persistence: 'encrypted' | 'memory';
  private readonly overlay: SecretStore;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    overlayFile?: string,
  ) {
    const pass = env.PAINEL_SECRETS_KEY;
    const keyFile = env.PAINEL_SECRETS_KEY_FILE || join(defaultDataDir(env), 'secrets.key');
    this.overlay = overlayFile ? new CodecFileSecretStore(overlayFile, pass ? passphraseCodec(pass) : keyFileCodec(keyFile)) : new MemorySecretStore();
    this.persistence = this.overlay.persistence;
  }

  async get(key: string): Promise<string | null> {
    const fromEnv = this.env[envVarFor(key)] || null;
    const raw = await this.overlay.get(key);
    if (raw !== null) {
      const o = JSON.parse(raw) as { value: string | null; envBase: string | null };
      if (o.envBase === fromEnv) return o.value;
    }
    return fromEnv;
  }

  async set(key: string, value: string): Promise<void> {
    await this.overlay.set(key, JSON.stringify({ value, envBase: this.env[envVarFor(key)] || null }));
  }

  async delete(key: string): Promise<void> {
    // Deleting hides an environment value too (a used-up authorization code must not come back).
    await this.overlay.set(key, JSON.stringify({ value: null, envBase: this.env[envVarFor(key)] || null }));
  }
}

/** Replaces every known secret value in a text (error messages, logs) with "***". */
export function redactor(values: Iterable<string | null | undefined>): (text: string) => string {
  const list = [...values].filter((v): v is string => typeof v === 'string' && v.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const v of list) out = out.split(v).join('***');
    for (const v of list) {
      const enc = encodeURIComponent(v);
      if (enc !== v) out = out.split(enc).join('***');
    }
    return out;
  };
}
