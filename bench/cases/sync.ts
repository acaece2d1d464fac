// Sync figures: ingest speed from a zero-latency simulator end to end (HTTP + JSON + staging + merge; target at
// least 20,000 canonical rows/s), four sources at 100 ms latency in parallel vs one after another (target at
// least 2.5x), and SIGKILL crash runs over many seeds (each resumed database must equal one clean sync).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import type { SourceKind } from '../../shared/api/sync';
import { Db } from '../../main/store/db';
import { migrate } from '../../main/store/migrate';
import { runSync } from '../../main/sync/runner';
import { crashAndResume, prepareDatabase, random, syncFile } from '../../main/sync/testing/crash';
import { simEnv, simSecrets, simSources, startSimulators, type SimSet } from '../../main/sync/testing/harness';

async function syncInto(set: SimSet, kinds: SourceKind[], extra: Record<string, unknown> = {}) {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  try {
    return await runSync({ db, secrets: simSecrets(set), sources: simSources(set, extra, kinds), full: false, signal: new AbortController().signal, overlapMinutes: 10, timezone: 'America/Sao_Paulo' });
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
    setup: () => startSimulators({ kinds: [kind], size }),
    run: async (state) => {
      const s = await syncInto(state as SimSet, [kind]);
      if (!s.ok) throw new Error(JSON.stringify(s.sources));
      return { rows: s.rows, requests: s.sources[0].requests, rowsPerSec: Math.round(s.rows / (s.ms / 1000)) };
    },
    teardown: (state) => (state as SimSet).close(),
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
    runs: 2,
    setup: async () => {
      const set = await startSimulators({ kinds: FOUR, size: { customers: 200, sales: 600 } });
      for (const s of set.sims.values()) s.server.setFaults({ latencyMs: 100 });
      return set;
    },
    run: async (state) => {
      const set = state as SimSet;
      const extra = { pageSize: 100 };
      const t0 = performance.now();
      for (const k of FOUR) {
        const s = await syncInto(set, [k], extra);
        if (!s.ok) throw new Error(JSON.stringify(s.sources));
      }
      const sequentialMs = performance.now() - t0;
      const t1 = performance.now();
      const p = await syncInto(set, FOUR, extra);
      if (!p.ok) throw new Error(JSON.stringify(p.sources));
      const parallelMs = performance.now() - t1;
      return { sequentialMs: Math.round(sequentialMs), parallelMs: Math.round(parallelMs), speedup: sequentialMs / parallelMs, requests: p.sources.reduce((a, s) => a + s.requests, 0) };
    },
    teardown: (state) => (state as SimSet).close(),
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
