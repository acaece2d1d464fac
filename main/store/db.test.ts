import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from './db';
import { migrate, currentVersion } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { CANONICAL_TABLES } from '../../shared/types';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp() {
  const d = mkdtempSync(join(tmpdir(), 'painel-db-'));
  dirs.push(d);
  return d;
}

describe('store', () => {
  it('creates every canonical table through numbered migrations', async () => {
    const db = await Db.open({ path: ':memory:' });
    const r = await migrate(db);
    expect(r.from).toBe(0);
    expect(r.to).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    const names = (await db.all<{ n: string }>(`SELECT table_name AS n FROM duckdb_tables()`)).map((x) => x.n);
    for (const t of CANONICAL_TABLES) expect(names).toContain(t);
    expect(await currentVersion(db)).toBe(r.to);
    expect((await migrate(db)).from).toBe(r.to);
    db.close();
  });

  it('copies the file aside before migrating an existing database', async () => {
    const path = join(tmp(), 'p.duckdb');
    let db = await Db.open({ path });
    await migrate(db, MIGRATIONS.slice(0, 1));
    db.close();
    db = await Db.open({ path });
    const r = await migrate(db);
    expect(r.backup).not.toBeNull();
    expect(existsSync(r.backup as string)).toBe(true);
    expect(readdirSync(join(path, '..')).some((f) => f.includes('.bak-'))).toBe(true);
    db.close();
  });

  it('rolls a failed migration back entirely', async () => {
    const db = await Db.open({ path: ':memory:' });
    await migrate(db, MIGRATIONS.slice(0, 1));
    const bad = [...MIGRATIONS.slice(0, 1), { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x INT); SELECT * FROM no_such_table;' }];
    await expect(migrate(db, bad)).rejects.toThrow(/no_such_table/);
    expect(await currentVersion(db)).toBe(1);
    const half = await db.all(`SELECT * FROM duckdb_tables() WHERE table_name = 'half_done'`);
    expect(half).toHaveLength(0);
    db.close();
  });

  it('logs slow queries with their timing', async () => {
    const lines: string[] = [];
    const db = await Db.open({ path: ':memory:', slowQueryMs: 0, log: (l) => lines.push(l) });
    await db.all('SELECT 42');
    expect(db.slowQueries.length).toBeGreaterThan(0);
    expect(lines.some((l) => /slow query \d+ ms: SELECT 42/.test(l))).toBe(true);
    db.close();
  });

  it('gives a clear message when another process holds the file', async () => {
    const path = join(tmp(), 'locked.duckdb');
    const { spawn } = await import('node:child_process');
    const holder = spawn(process.execPath, [
      '-e',
      `import('@duckdb/node-api').then(async ({DuckDBInstance}) => { const i = await DuckDBInstance.create(${JSON.stringify(path)}); await (await i.connect()).run('CREATE TABLE t(x INT)'); console.log('ready'); setInterval(()=>{}, 1000); })`,
    ], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => holder.stdout.on('data', (d) => String(d).includes('ready') && ok()));
    try {
      await expect(Db.open({ path })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
