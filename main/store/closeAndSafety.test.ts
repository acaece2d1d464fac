// Closing the database while statements run (the order DuckDB needs), the extension lockdown, and the file
// permissions of everything Painel writes beside the database.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from './db';
import { Engine } from '../engine/engine';
import { makeBackup } from '../backup/backup';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp() {
  const d = mkdtempSync(join(tmpdir(), 'painel-close-'));
  dirs.push(d);
  return d;
}
const mode = (p: string) => statSync(p).mode & 0o777;

describe('closing the database', () => {
  it('ends a statement in flight before closing its connection, and refuses new work', async () => {
    const path = join(tmp(), 'busy.duckdb');
    const db = await Db.open({ path });
    await db.run(`CREATE TABLE n AS SELECT range AS i FROM range(200000)`);
    // A cross join that runs for minutes unless interrupted.
    const slow = db.all(`SELECT count(*) AS c FROM n a, n b WHERE a.i + b.i = -1`);
    const slowSettled = slow.then(
      () => 'finished',
      (e: unknown) => String(e),
    );
    await new Promise((r) => setTimeout(r, 300));
    await db.close();
    expect(await slowSettled).toMatch(/interrupt/i);
    await expect(db.all('SELECT 1')).rejects.toThrow(/closed/);
    // The file lock is released: another instance opens it at once, with the data committed before.
    const again = await Db.open({ path });
    expect((await again.all<{ c: bigint }>(`SELECT count(*) AS c FROM n`))[0].c).toBe(200000n);
    await again.close();
  });

  it('closes at once when nothing is in flight', async () => {
    const db = await Db.open({ path: join(tmp(), 'idle.duckdb') });
    await db.all('SELECT 1');
    let settled = false;
    void db.close().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(true);
  });
});

describe('DuckDB extension lockdown', () => {
  it('neither installs nor loads extensions on its own, and refuses community extensions', async () => {
    const db = await Db.open({ path: ':memory:' });
    const [s] = await db.all<Record<string, boolean>>(
      `SELECT current_setting('autoinstall_known_extensions') AS i, current_setting('autoload_known_extensions') AS l, current_setting('allow_community_extensions') AS c`,
    );
    expect(s).toEqual({ i: false, l: false, c: false });
    await expect(db.run(`SET allow_community_extensions = true`)).rejects.toThrow();
    // What the engine needs is built in and already loaded.
    const loaded = (await db.all<{ n: string }>(`SELECT extension_name AS n FROM duckdb_extensions() WHERE loaded`)).map((r) => r.n);
    for (const e of ['icu', 'json', 'parquet']) expect(loaded).toContain(e);
    await db.close();
  });
});

describe('file permissions beside the database', () => {
  it('creates the folder 0700 and the database, write log and backups 0600', async () => {
    if (process.platform === 'win32') return;
    const folder = join(tmp(), 'Painel');
    const dbPath = join(folder, 'painel.duckdb');
    const engine = await Engine.open({ dbPath, log: () => undefined });
    await engine.db.run(`CREATE TABLE scratch AS SELECT 1 AS x`);
    expect(mode(folder)).toBe(0o700);
    expect(mode(dbPath)).toBe(0o600);
    const wal = readdirSync(folder).find((f) => f.endsWith('.wal'));
    if (wal) expect(mode(join(folder, wal))).toBe(0o600);
    const backup = await makeBackup(engine.db);
    expect(mode(backup.path)).toBe(0o600);
    expect(mode(join(backup.path, '..'))).toBe(0o700);
    await engine.close();
  });
});
