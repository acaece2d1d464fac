// Damage detection at open: tell a corrupt file apart, name the backups beside it (the folder is part of the
// database file's layout; making and restoring backups is main/backup's), and probe the schema cheaply.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from './db';
import { AppError } from './errors';
import { sqlIdent } from '../sql/quote';

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
  for (const t of tables) await db.all(`SELECT * FROM ${sqlIdent(t)} LIMIT 1`);
}
