// Crash-kill iterations across import, migration, export and sync (SIGKILL at random points); counts survivors.
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { crashOnce, prepareCrashWorkspace, type CrashOp } from '../../main/hardening/crashHarness';
import { crashAndResume, prepareDatabase, random, syncFile } from '../../main/sync/testing/crash';
import { simEnv, simSources, startSimulators } from '../../main/sync/testing/harness';

const PER_OP = Number(process.env.PAINEL_CRASH_ITERATIONS ?? 50);

export const cases: BenchCase[] = [
  {
    name: 'crash-kill-iterations',
    target: '>= 200 SIGKILL iterations across import, migration, export and sync, all surviving',
    runs: 1,
    warmup: 0,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'painel-crashbench-'));
      const ws = await prepareCrashWorkspace(dir, 200);
      const rnd = random(42);
      const stats: Record<string, number> = { iterations: 0, survived: 0, killedMidRun: 0 };
      for (const op of ['import', 'migration', 'export'] as CrashOp[]) {
        for (let i = 0; i < PER_OP; i++) {
          const o = await crashOnce(ws, op, Math.round(200 + rnd() * 3000), i);
          stats.iterations++;
          if (o.killed) stats.killedMidRun++;
          if (o.problems.length === 0) stats.survived++;
          else console.error(`${op} #${i} (kill at ${o.killAfterMs} ms): ${o.problems.join('; ')}`);
        }
      }
      const set = await startSimulators({ size: { customers: 60, sales: 200 } });
      try {
        const env = { ...process.env, ...simEnv(set), PAINEL_SECRETS_KEY: 'crash-bench-passphrase' };
        const template = join(dir, 'sync-template.duckdb');
        await prepareDatabase(template, simSources(set, { pageSize: 40, flushRows: 100 }));
        copyFileSync(template, join(dir, 'sync-ref.duckdb'));
        const ref = await syncFile(join(dir, 'sync-ref.duckdb'), env);
        for (const s of set.sims.values()) s.server.setFaults({ latencyMs: 4 });
        for (let i = 0; i < PER_OP; i++) {
          const r = await crashAndResume(template, join(dir, `sync-${i}.duckdb`), env, Math.round(50 + rnd() * 1500));
          stats.iterations++;
          if (!r.finished) stats.killedMidRun++;
          if (r.resumed.ok && JSON.stringify(r.resumed.fingerprint) === JSON.stringify(ref.fingerprint)) stats.survived++;
          else console.error(`sync #${i}: resumed database differs from one clean sync`);
          rmSync(join(dir, `sync-${i}.duckdb`), { force: true });
        }
      } finally {
        await set.close();
        rmSync(dir, { recursive: true, force: true });
      }
      console.log(`crash-kill: ${stats.survived}/${stats.iterations} iterations survived (${stats.killedMidRun} kills landed while the child was running)`);
      return stats;
    },
  },
];
