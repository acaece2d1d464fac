// Damaged-database recovery and automatic backups: detect a corrupt file at open, list the backups beside it,
// put a backup in place of the damaged file (kept aside, never deleted), and take rotating automatic copies.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './db';
import { AppError } from './errors';
import { makeBackup } from '../backup/backup';

export interface BackupFileInfo {
  fileName: string;
  path: string;
  bytes: number;
  createdAt: string;
  automatic: boolean;
}

const CORRUPT = /not a valid DuckDB database|Corrupt database|checksum|Could not read enough bytes|database file .* is (damaged|truncated)|Serialization Error|INTERNAL Error/i;

export function isCorruption(err: unknown): boolean {
  if (err instanceof AppError && (err.details as { corrupt?: boolean } | undefined)?.corrupt) return true;
  return CORRUPT.test(err instanceof Error ? err.message : String(err));
}

export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** Backups beside a database file, newest first (works without opening the database). */
export function listBackupFiles(dbPath: string): BackupFileInfo[] {
  const dir = backupFolder(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.duckdb'))
    .map((f) => {
      const st = statSync(join(dir, f));
      return { fileName: f, path: join(dir, f), bytes: st.size, createdAt: st.mtime.toISOString(), automatic: f.startsWith('auto-') };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** The error a damaged database file gives: says what happened and which backups can replace it. */
export function corruptError(dbPath: string, cause: unknown): AppError {
  const backups = listBackupFiles(dbPath);
  const msg = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  const hint = backups.length
    ? `The newest backup is ${backups[0].fileName} (${backups[0].createdAt}): restore it with \`painel restore --latest\` or from the app.`
    : 'No backup was found beside it.';
  return new AppError('DB', `The database file ${dbPath} is damaged (${msg}). ${hint}`, { corrupt: true, dbPath, backups });
}

/** A light read of the schema and every canonical table's first block: damage in metadata shows here. */
export async function probeDatabase(db: Db, tables: readonly string[]): Promise<void> {
  await db.all(`SELECT count(*) FROM schema_migrations`);
  for (const t of tables) await db.all(`SELECT * FROM "${t}" LIMIT 1`);
}

/** Puts a backup in place of a (damaged) database file; the old file is kept aside with its WAL. */
export function restoreFromBackupFile(dbPath: string, fileName: string): { restored: string; keptAside: string | null } {
  if (basename(fileName) !== fileName) throw new AppError('FORBIDDEN', 'only files of the backups folder can be restored');
  const src = join(backupFolder(dbPath), fileName);
  if (!existsSync(src)) throw new AppError('NOT_FOUND', `no backup named ${fileName}`);
  let keptAside: string | null = null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (existsSync(dbPath)) {
    keptAside = `${dbPath}.damaged-${stamp}`;
    renameSync(dbPath, keptAside);
  }
  if (existsSync(`${dbPath}.wal`)) renameSync(`${dbPath}.wal`, `${keptAside ?? dbPath}.wal-aside-${stamp}`);
  const tmp = `${dbPath}.restoring`;
  copyFileSync(src, tmp);
  renameSync(tmp, dbPath);
  return { restored: src, keptAside };
}

/**
 * Takes an automatic backup when the newest is older than everyHours and the database holds data; keeps the
 * newest `keep` automatic copies.
 */
export async function autoBackup(db: Db, opts: { keep?: number; everyHours?: number } = {}): Promise<BackupFileInfo | null> {
  if (db.path === ':memory:') return null;
  const keep = opts.keep ?? 7;
  const autos = listBackupFiles(db.path).filter((b) => b.automatic);
  const newest = autos[0] ? Date.parse(autos[0].createdAt) : 0;
  if (Date.now() - newest < (opts.everyHours ?? 24) * 3600_000) return null;
  const [{ n }] = await db.all<{ n: number }>(`SELECT (SELECT count(*) FROM sales) + (SELECT count(*) FROM customers) AS n`);
  if (Number(n) === 0) return null;
  const made = await makeBackup(db, 'auto');
  for (const old of listBackupFiles(db.path).filter((b) => b.automatic).slice(keep)) rmSync(old.path, { force: true });
  return { ...made, automatic: true };
}
