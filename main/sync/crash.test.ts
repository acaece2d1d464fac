// Crash safety: a child process syncing all five sources is killed with SIGKILL at random points; syncing the
// same file again must give exactly the database of one clean sync — nothing lost, nothing duplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashAndResume, prepareDatabase, random, syncFile } from './testing/crash';
import { simEnv, simSources, startSimulators, type SimSet } from './testing/harness';

let set: SimSet;
let dir: string;
let env: Record<string, string | undefined>;
let reference: Record<string, string>;
const template = () => join(dir, 'template.duckdb');

beforeAll(async () => {
  set = await startSimulators({ size: { customers: 60, sales: 200 } });
  dir = mkdtempSync(join(tmpdir(), 'painel-crash-'));
  env = { ...process.env, ...simEnv(set), PAINEL_SECRETS_KEY: 'crash-test-passphrase' };
  // Small pages and commits: many points at which a kill can land.
  await prepareDatabase(template(), simSources(set, { pageSize: 40, flushRows: 100 }));
  copyFileSync(template(), join(dir, 'reference.duckdb'));
  const ref = await syncFile(join(dir, 'reference.duckdb'), env);
  expect(ref.ok).toBe(true);
  reference = ref.fingerprint;
  for (const s of set.sims.values()) s.server.setFaults({ latencyMs: 4 });
}, 120_000);

afterAll(async () => {
  await set?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL during sync', () => {
  it('then syncing again gives the same database as one clean sync, for every seed', async () => {
    const rnd = random(20250601);
    const results = [];
    for (let seed = 0; seed < 4; seed++) {
      const r = await crashAndResume(template(), join(dir, `crash-${seed}.duckdb`), env, Math.round(50 + rnd() * 1500));
      expect(r.resumed.ok).toBe(true);
      expect(r.resumed.fingerprint, `seed ${seed} killed after ${r.killedAfterMs} ms, ${r.commits} commits`).toEqual(reference);
      for (const [t, f] of Object.entries(r.resumed.fingerprint)) {
        const [n, k] = f.split('/');
        expect(n, `${t} duplicates`).toBe(k);
      }
      results.push(r);
    }
    // Most kills must land in the middle of a sync, not before or after it.
    expect(results.filter((r) => !r.finished && r.commits > 0).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
