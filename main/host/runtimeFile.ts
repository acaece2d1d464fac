// One engine per database file: the desktop app and browser mode publish a runtime file beside the database
// (loopback port and a token for local commands, owner-only, removed on exit); the CLI reads it and sends its calls
// to the running engine instead of opening the file DuckDB lets only one process write.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface RuntimeInfo {
  /** Who holds the database: the desktop app or browser mode. */
  mode: 'app' | 'browser';
  pid: number;
  port: number;
  /** Token of the local-commands door (not the browser page's token). */
  token: string;
  dbPath: string;
  startedAt: string;
}

export const runtimeFilePath = (dbPath: string) => `${dbPath}.runtime.json`;

export const newRuntimeToken = () => randomBytes(24).toString('base64url');

/** Writes the runtime file (0600, atomically); the returned function removes it, as does process exit. */
export function publishRuntime(info: Omit<RuntimeInfo, 'pid' | 'startedAt'>): () => void {
  const file = runtimeFilePath(info.dbPath);
  const tmp = `${file}.${process.pid}.tmp`;
  const full: RuntimeInfo = { ...info, pid: process.pid, startedAt: new Date().toISOString() };
  writeFileSync(tmp, JSON.stringify(full, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    // Only our own file: a later engine on the same database may have replaced it.
    if (readRuntimeFile(info.dbPath)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', remove);
  return remove;
}

export function readRuntimeFile(dbPath: string): RuntimeInfo | null {
  const file = runtimeFilePath(dbPath);
  if (!existsSync(file)) return null;
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
    return typeof o.port === 'number' && typeof o.token === 'string' && typeof o.pid === 'number' ? o : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running engine of a database, checked alive (its process exists and its host answers), or null. */
export async function findRunningEngine(dbPath: string): Promise<RuntimeInfo | null> {
  const info = readRuntimeFile(dbPath);
  if (!info) return null;
  if (!processAlive(info.pid)) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${info.port}/api/jobs.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${info.token}` },
      body: '{}',
      signal: AbortSignal.timeout(2000),
    });
    return res.ok ? info : null;
  } catch {
    return null;
  }
}
