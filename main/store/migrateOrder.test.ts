// Migrations numbered in area ranges may land out of order: one below the applied maximum still runs, once.
import { describe, expect, it } from 'vitest';
import { Db } from './db';
import { currentVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';

describe('migration order', () => {
  it('applies a lower-numbered migration added after higher ones were applied', async () => {
    const db = await Db.open({ path: ':memory:' });
    const late = { version: 15, name: 'late', sql: 'CREATE TABLE late_one (x INT);' };
    await migrate(db, [...MIGRATIONS.slice(0, 1), { version: 30, name: 'high', sql: 'CREATE TABLE high_one (x INT);' }]);
    const r = await migrate(db, [...MIGRATIONS.slice(0, 1), late, { version: 30, name: 'high', sql: 'CREATE TABLE high_one (x INT);' }]);
    expect(r).toMatchObject({ from: 30, to: 30 });
    expect(await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'late_one'`)).toHaveLength(1);
    expect((await migrate(db, [...MIGRATIONS.slice(0, 1), late])).to).toBe(30);
    expect(await currentVersion(db)).toBe(30);
    db.close();
  });
});
