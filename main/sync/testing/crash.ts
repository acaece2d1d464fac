// Crash runs for tests and the benchmark: a child process syncs a copy of a prepared database and is killed with
// SIGKILL after a random delay; the parent then syncs the same file again and fingerprints it.
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { loadSources, upsertSource } from '../config';
import { runSync } from '../runner';
import { EnvSecretStore } from '../../engine/secrets';
import type { SourceConfig } from '../types';
import { fingerprint } from './harness';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A database with the given sources set up (base URLs and settings; credentials come from the environment). */
export async function prepareDatabase(path: string, sources: SourceConfig[]): Promise<void> {
  const db = await Db.open({ path });
  await migrate(db);
  for (const s of sources) await upsertSource(db, s.kind, { baseUrl: s.baseUrl, enabled: true, config: s.config });
  await db.checkpoint();
  db.close();
}

/** Syncs a database file in this process (secrets from env plus the encrypted overlay beside the file). */
export async function syncFile(path: string, env: Record<string, string | undefined>): Promise<{ ok: boolean; fingerprint: Record<string, string> }> {
  const db = await Db.open({ path });
  try {
    await migrate(db);
    const s = await runSync({
      db,
      secrets: new EnvSecretStore(env, join(dirname(path), 'secrets.enc')),
      sources: (await loadSources(db)).filter((x) => x.enabled),
      full: false,
      signal: new AbortController().signal,
      overlapMinutes: 10,
      timezone: db.timezone,
    });
    return { ok: s.ok, fingerprint: await fingerprint(db) };
  } finally {
    db.close();
  }
}

export interface CrashResult {
  /** Commits the child made before it died. */
  commits: number;
  /** The child finished before the kill landed. */
  finished: boolean;
  killedAfterMs: number;
  resumed: { ok: boolean; fingerprint: Record<string, string> };
}

/** Copies `template` to `path`, syncs it in a child killed after `killAfterMs` (from its first line), then resumes. */
export async function crashAndResume(template: string, path: string, env: Record<string, string | undefined>, killAfterMs: number): Promise<CrashResult> {
  copyFileSync(template, path);
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'main', 'sync', 'testing', 'syncChild.ts'), path], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.resume();
  let commits = 0;
  let finished = false;
  let killedAt = 0;
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((started) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        if (l === 'ready') {
          started();
          const t0 = Date.now();
          setTimeout(() => {
            killedAt = Date.now() - t0;
            child.kill('SIGKILL');
          }, killAfterMs);
        } else if (l.startsWith('commit')) commits++;
        else if (l.startsWith('done')) finished = true;
      }
    });
    child.on('exit', () => started());
  });
  await exited;
  return { commits, finished, killedAfterMs: killedAt, resumed: await syncFile(path, env) };
}

/** A small deterministic PRNG (mulberry32) for kill delays. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
