// Sync figures: ingest speed from a zero-latency simulator end to end (HTTP + JSON + staging + merge; target at
// least 20,000 canonical rows/s), four sources at 100 ms latency in parallel vs one after another (target at
// least 2.5x), and SIGKILL crash runs over many seeds (each resumed database must equal one clean sync).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../harness';
import type { SourceKind } from '../../shared/api/sync';
import { Db } from '../../main/store/db';
import { migrate } from '../../main/store/migrate';
import { runSync } from '../../main/sync/runner';
import { crashAndResume, prepareDatabase, random, syncFile } from '../../main/sync/testing/crash';
import { parseConfig } from '../../main/sync/config';
import { EnvSecretStore } from '../../main/engine/secrets';
import { simulatorEnv } from '../../main/sync/simulators/index';
import type { Simulator } from '../../main/sync/simulators/simulator';
import { simEnv, simSources, startSimulators, type SimSet } from '../../main/sync/testing/harness';
import type { SourceConfig } from '../../main/sync/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Remote {
  child: ChildProcess;
  sources: SourceConfig[];
  secrets: EnvSecretStore;
}

/** Starts simulators in a child process and returns the sources and secrets to reach them. */
async function remoteSimulators(kinds: SourceKind[], args: string[]): Promise<Remote> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'main', 'sync', 'testing', 'simChild.ts'), '--kinds', kinds.join(','), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
    child.on('exit', () => reject(new Error('simulators exited')));
  });
  const info = JSON.parse(line) as Record<SourceKind, { baseUrl: string; credentials: Record<string, string>; config: Record<string, unknown> }>;
  const env: Record<string, string> = {};
  for (const [kind, v] of Object.entries(info)) Object.assign(env, simulatorEnv({ kind: kind as SourceKind, credentials: v.credentials } as Simulator));
  const sources = kinds.map((k) => ({ sourceId: k, kind: k, name: k, baseUrl: info[k].baseUrl, enabled: true, config: parseConfig(k, { ...info[k].config }) }));
  return { child, sources, secrets: new EnvSecretStore(env) };
}

async function syncRemote(list: SourceConfig[], secrets: EnvSecretStore) {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  try {
    const s = await runSync({ db, secrets, sources: list, full: false, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
    if (!s.ok) throw new Error(JSON.stringify(s.sources));
    return s;
  } finally {
    db.close();
  }
}

function ingest(kind: SourceKind, size: { customers: number; sales: number }): BenchCase {
  return {
    name: `sync.ingest.${kind}`,
    target: '>= 20,000 canonical rows/s end to end (zero-latency simulator)',
    warmup: 1,
    runs: 3,
    setup: () => remoteSimulators([kind], ['--customers', String(size.customers), '--sales', String(size.sales)]),
    run: async (state) => {
      const { sources, secrets } = state as Remote;
      const cpu0 = process.cpuUsage();
      const s = await syncRemote(sources, secrets);
      const cpu = process.cpuUsage(cpu0);
      // Rows per CPU-second of this (syncing) process: what one core ingests, whatever else the machine is doing.
      return { rows: s.rows, requests: s.sources[0].requests, rowsPerSec: Math.round(s.rows / (s.ms / 1000)), rowsPerCpuSec: Math.round(s.rows / ((cpu.user + cpu.system) / 1e6)) };
    },
    teardown: async (state) => void (state as Remote).child.kill('SIGTERM'),
  };
}

const FOUR: SourceKind[] = ['supabase', 'woocommerce', 'mercadolivre', 'hubspot'];

export const cases: BenchCase[] = [
  ingest('supabase', { customers: 5000, sales: 40_000 }),
  ingest('woocommerce', { customers: 4000, sales: 40_000 }),
  {
    name: 'sync.parallel.4-sources-100ms',
    target: 'parallel >= 2.5x faster than one source after another',
    warmup: 0,
    runs: 3,
    // The simulators run in their own process, as remote servers would: this process only does the syncing.
    setup: () => remoteSimulators(FOUR, ['--latency', '100', '--customers', '150', '--sales', '500']),
    run: async (state) => {
      const { sources, secrets } = state as Remote;
      const go = (list: SourceConfig[]) => syncRemote(list, secrets);
      const t0 = performance.now();
      for (const s of sources) await go([s]);
      const sequentialMs = performance.now() - t0;
      const t1 = performance.now();
      const p = await go(sources);
      const parallelMs = performance.now() - t1;
      return { sequentialMs: Math.round(sequentialMs), parallelMs: Math.round(parallelMs), speedup: sequentialMs / parallelMs, requests: p.sources.reduce((a, s) => a + s.requests, 0) };
    },
    teardown: async (state) => void (state as Remote).child.kill('SIGTERM'),
  },
  {
    name: 'sync.crash.sigkill',
    target: 'every seed: the resumed database equals one clean sync',
    warmup: 0,
    runs: 1,
    setup: async () => {
      const set = await startSimulators({ size: { customers: 60, sales: 200 } });
      const dir = mkdtempSync(join(tmpdir(), 'painel-bench-crash-'));
      const env = { ...process.env, ...simEnv(set), PAINEL_SECRETS_KEY: 'bench-crash-passphrase' };
      await prepareDatabase(join(dir, 'template.duckdb'), simSources(set, { pageSize: 40, flushRows: 100 }));
      copyFileSync(join(dir, 'template.duckdb'), join(dir, 'reference.duckdb'));
      const ref = await syncFile(join(dir, 'reference.duckdb'), env);
      for (const s of set.sims.values()) s.server.setFaults({ latencyMs: 4 });
      return { set, dir, env, ref: JSON.stringify(ref.fingerprint) };
    },
    run: async (state) => {
      const { dir, env, ref } = state as { dir: string; env: Record<string, string>; ref: string };
      const seeds = Number(process.env.PAINEL_BENCH_CRASH_SEEDS ?? 16);
      const rnd = random(7);
      let equal = 0;
      let midSync = 0;
      for (let i = 0; i < seeds; i++) {
        const r = await crashAndResume(join(dir, 'template.duckdb'), join(dir, `crash-${i}.duckdb`), env, Math.round(50 + rnd() * 2000));
        if (r.resumed.ok && JSON.stringify(r.resumed.fingerprint) === ref) equal++;
        if (!r.finished && r.commits > 0) midSync++;
        rmSync(join(dir, `crash-${i}.duckdb`), { force: true });
        rmSync(join(dir, `crash-${i}.duckdb.wal`), { force: true });
      }
      return { seeds, equal, killedMidSync: midSync };
    },
    teardown: async (state) => {
      const { set, dir } = state as { set: SimSet; dir: string };
      await set.close();
      rmSync(dir, { recursive: true, force: true });
    },
  },
];
