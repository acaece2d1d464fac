// Runs pending migrations, each in its own transaction, after copying the database file aside.
import { copyFileSync, existsSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface MigrateResult {
  from: number;
  to: number;
  backup: string | null;
}

/** Keeps the newest `keep` pre-migration copies of a database file. */
function rotateBackups(dbPath: string, keep: number): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.bak-`;
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) unlinkSync(join(dir, f));
}

export async function currentVersion(db: Db): Promise<number> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const rows = await db.all<{ v: number | null }>(`SELECT max(version)::INTEGER AS v FROM schema_migrations`);
  return rows[0]?.v ?? 0;
}

export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS, keepBackups = 5): Promise<MigrateResult> {
  const from = await currentVersion(db);
  // Areas own number ranges, so a lower number can land after a higher one was applied: run every migration
  // not recorded yet, not only those above the current maximum.
  const applied = new Set((await db.all<{ v: number }>(`SELECT version::INTEGER AS v FROM schema_migrations`)).map((r) => r.v));
  const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from, backup: null };
  let backup: string | null = null;
  if (from > 0 && db.path !== ':memory:' && existsSync(db.path)) {
    await db.checkpoint();
    backup = `${db.path}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}-v${from}`;
    copyFileSync(db.path, backup);
    rotateBackups(db.path, keepBackups);
  }
  for (const m of pending) {
    await db.transaction(async (tx) => {
      await tx.run(m.sql);
      await tx.run(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    });
  }
  // Schema changes go into the file at once: DuckDB cannot replay from its write-ahead log an ALTER TABLE on a table
  // whose columns default to a function (now()), so a crash before the next checkpoint would leave a file that no
  // longer opens.
  await db.checkpoint();
  return { from, to: Math.max(from, pending[pending.length - 1].version), backup };
}
