// Backups, the one module: a backup is a consistent copy made by DuckDB itself (COPY FROM DATABASE into a new
// file in the backups folder); a restore replaces every table's rows from a backup in one transaction, so a
// failure leaves the data exactly as it was; a damaged file is replaced by a backup (kept aside, never deleted);
// automatic copies rotate.
import { rebuildRollupsTx } from '../model/rollups';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupFile, RestoreResult } from '../../shared/api/settings';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import type { Engine } from '../engine/engine';
import { backupFolder, listBackupFiles, type BackupFileInfo } from '../store/recovery';
import { sqlIdent, sqlString } from '../sql/quote';
import { jobTitle } from '../../shared/jobs';

const ATTACH_AS = 'painel_backup_src';

/** Where backups live: a folder beside the database file. */
export function backupDir(db: Db): string {
  if (db.path === ':memory:') throw new AppError('CONFLICT', 'an in-memory database has no file to back up or restore');
  return backupFolder(db.path);
}

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** The backups of the database, newest first. */
export function listBackups(db: Db): BackupFile[] {
  backupDir(db); // refuses an in-memory database, which has no backups folder
  return listBackupFiles(db.path).map(({ automatic: _a, ...b }) => b);
}

async function currentDatabase(db: Db): Promise<string> {
  const [{ name }] = await db.all<{ name: string }>(`SELECT current_database() AS name`);
  return name;
}

/** Copies the database into backups/<prefix>-YYYYMMDD-HHMMSS.duckdb (prefix painel, or auto for automatic copies). */
export async function makeBackup(db: Db, prefix = 'painel'): Promise<BackupFile> {
  const dir = backupDir(db);
  mkdirSync(dir, { recursive: true });
  let fileName = `${prefix}-${stamp()}.duckdb`;
  for (let i = 2; existsSync(join(dir, fileName)); i++) fileName = `${prefix}-${stamp()}-${i}.duckdb`;
  const path = join(dir, fileName);
  const main = await currentDatabase(db);
  await db.checkpoint();
  await db.run(`ATTACH ${sqlString(path)} AS ${ATTACH_AS}`);
  try {
    await db.run(`COPY FROM DATABASE ${sqlIdent(main)} TO ${ATTACH_AS}`);
  } catch (err) {
    await db.run(`DETACH ${ATTACH_AS}`).catch(() => undefined);
    rmSync(path, { force: true });
    throw new AppError('IO', `the backup could not be written: ${err instanceof Error ? err.message : String(err)}`);
  }
  await db.run(`DETACH ${ATTACH_AS}`);
  const st = statSync(path);
  return { fileName, path, bytes: st.size, createdAt: st.mtime.toISOString() };
}

/** Replaces every table's rows with the backup's, in one transaction; refuses a backup of another schema version. */
export async function restoreBackup(db: Db, fileName: string, onProgress: (done: number, total: number, table: string) => void): Promise<RestoreResult> {
  const t0 = Date.now();
  const dir = backupDir(db);
  const path = join(dir, basename(fileName));
  if (basename(fileName) !== fileName) throw new AppError('FORBIDDEN', 'only files of the backups folder can be restored');
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `no backup named ${fileName}`);
  const main = await currentDatabase(db);
  await db.run(`ATTACH ${sqlString(path)} AS ${ATTACH_AS} (READ_ONLY)`);
  try {
    const tables = await db.all<{ name: string; inBackup: boolean }>(
      `SELECT t.table_name AS name, b.table_name IS NOT NULL AS inBackup
       FROM duckdb_tables() t
       LEFT JOIN duckdb_tables() b ON b.database_name = $2 AND b.schema_name = 'main' AND b.table_name = t.table_name
       WHERE t.database_name = $1 AND t.schema_name = 'main' AND t.table_name <> 'schema_migrations'
       ORDER BY t.table_name`,
      [main, ATTACH_AS],
    );
    const versions = async (dbName: string) =>
      (await db.all<{ v: number | null }>(`SELECT max(version)::INTEGER AS v FROM "${dbName}".main.schema_migrations`))[0]?.v ?? null;
    let backupVersion: number | null;
    try {
      backupVersion = await versions(ATTACH_AS);
    } catch {
      throw new AppError('BAD_INPUT', `${fileName} is not a Painel backup`);
    }
    const ours = await versions(main);
    if (backupVersion !== ours) throw new AppError('CONFLICT', `${fileName} was made by a Painel with database version ${backupVersion}; this one is at ${ours}`);
    const counts: RestoreResult['tables'] = [];
    await db.transaction(async (tx) => {
      let done = 0;
      for (const t of tables) {
        const q = sqlIdent(t.name);
        await tx.run(`DELETE FROM ${q}`);
        if (t.inBackup) await tx.run(`INSERT INTO ${q} BY NAME SELECT * FROM ${ATTACH_AS}.main.${q}`);
        const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${q}`);
        counts.push({ name: t.name, rows: n });
        onProgress(++done, tables.length, t.name);
      }
      // Rollups are derived: built again from the restored rows, in this time zone, before the restore commits.
      await rebuildRollupsTx(tx);
      tx.touched(...tables.map((t) => t.name));
    });
    return { path, tables: counts, ms: Date.now() - t0 };
  } finally {
    await db.run(`DETACH ${ATTACH_AS}`).catch(() => undefined);
  }
}

/** Runs the rotating automatic backup as a background job (it reads the database; writes wait for it). */
export function startAutoBackup(engine: Engine): void {
  engine.jobs.start('backup.auto', jobTitle('Cópia de segurança automática', 'Automatic backup'), async (job) => {
    job.progress({ phase: 'copying', done: 0, total: 1 });
    const made = await autoBackup(engine.db);
    job.progress({ phase: 'done', done: 1, total: 1 });
    return made;
  });
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
