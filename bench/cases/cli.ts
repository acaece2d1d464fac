// The painel command as a process: start-up of `painel info` (target < 0.3 s), and `painel import` of a demo's
// CSVs (large preset by default: ~2.3 GB, too heavy for npm test) ending within seconds of its summary.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../harness';
import { Db } from '../../main/store/db';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRESET = process.env.PAINEL_BENCH_CLI_PRESET ?? 'large';
const TABLES = ['locations', 'employees', 'customers', 'items', 'sales', 'sale_lines', 'payments', 'loyalty_transactions'];

/** Runs bin/painel.js; resolves with the exit code, when stdout last wrote, and when the process ended. */
function painel(args: string[]): Promise<{ code: number | null; lastOutMs: number; endMs: number }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    let lastOutMs = 0;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'painel.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => (lastOutMs = performance.now() - t0));
    child.on('error', fail);
    child.on('close', (code) => done({ code, lastOutMs, endMs: performance.now() - t0 }));
  });
}

interface ImportState {
  dir: string;
  csv: string;
  n: number;
}

export const cases: BenchCase[] = [
  {
    name: 'cli-info-startup',
    target: 'painel info < 0.3 s (wall clock, built CLI, local database)',
    runs: 10,
    warmup: 2,
    async setup() {
      const dir = mkdtempSync(join(tmpdir(), 'painel-bench-cli-'));
      await painel(['--db', join(dir, 'p.duckdb'), 'info']);
      return dir;
    },
    async run(dir) {
      const r = await painel(['--db', join(dir as string, 'p.duckdb'), 'info']);
      if (r.code !== 0) throw new Error(`painel info exited ${r.code}`);
    },
    teardown: async (dir) => rmSync(dir as string, { recursive: true, force: true }),
  },
  {
    name: `cli-import-exit-${PRESET}`,
    target: 'painel import of the demo CSVs exits < 5 s after its summary',
    runs: 1,
    warmup: 0,
    async setup(): Promise<ImportState> {
      const dir = mkdtempSync(join(tmpdir(), 'painel-bench-cli-import-'));
      const source = join(dir, 'source.duckdb');
      const demo = await painel(['--db', source, 'demo', '--preset', PRESET]);
      if (demo.code !== 0) throw new Error(`painel demo exited ${demo.code}`);
      const csv = join(dir, 'csv');
      mkdirSync(csv);
      const db = await Db.open({ path: source });
      for (const t of TABLES) await db.run(`COPY ${t} TO '${join(csv, `${t}.csv`)}' (HEADER)`);
      await db.close();
      return { dir, csv, n: 0 };
    },
    async run(state) {
      const s = state as ImportState;
      const r = await painel(['--db', join(s.dir, `imported-${s.n++}.duckdb`), 'import', s.csv]);
      if (r.code !== 0) throw new Error(`painel import exited ${r.code}`);
      return { exitAfterSummaryMs: Math.round(r.endMs - r.lastOutMs), totalMs: Math.round(r.endMs) };
    },
    teardown: async (state) => rmSync((state as ImportState).dir, { recursive: true, force: true }),
  },
];
