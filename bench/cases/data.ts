// Data figures: generating the demo (large preset: 1M customers, ~10M sale lines, 36 months; target < 3 min), and
// importing the canonical CSV folder of that dataset against DuckDB's own read_csv of the same files into bare
// tables (target: at least 0.7x its speed). PAINEL_BENCH_DATA_PRESET picks another size for a quick look.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BenchCase } from '../harness';
import { Engine } from '../../main/engine/engine';
import { generateDemo } from '../../main/demo/generateDemo';
import { exportCanonical } from '../../main/import/exportCanonical';
import { importFiles } from '../../main/import/importFiles';
import { rebuildIdentity } from '../../main/identity/matchCustomers';
import type { DemoPreset, DemoSummary } from '../../shared/api/demo';

const PRESET = (process.env.PAINEL_BENCH_DATA_PRESET ?? 'large') as DemoPreset;
const END = '2026-06-30';
const ROOT = join(tmpdir(), `painel-bench-data-${PRESET}`);
const DEMO_DB = join(ROOT, 'demo.duckdb');
const CSV_DIR = join(ROOT, 'csv');

function removeDb(path: string): void {
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
}

const demoCase: BenchCase = {
  name: `data.demo.${PRESET}`,
  target: PRESET === 'large' ? 'painel demo --preset large < 180 s' : 'quick',
  runs: 1,
  warmup: 0,
  async setup() {
    mkdirSync(ROOT, { recursive: true });
    removeDb(DEMO_DB);
  },
  async run() {
    const engine = await Engine.open({ dbPath: DEMO_DB, log: () => undefined });
    try {
      // CPU seconds (every DuckDB thread is in this process) beside the wall time: the machine may be shared.
      const cpu0 = process.cpuUsage();
      const s: DemoSummary = await generateDemo(engine.db, { preset: PRESET, endDate: END, seed: 42 });
      const cpu = process.cpuUsage(cpu0);
      const rows = Object.fromEntries(s.tables.map((t) => [t.name, t.rows]));
      return { customers: rows.customers, sales: rows.sales, saleLines: rows.sale_lines, payments: rows.payments, linked: s.identity.linkedCustomers, cpuS: (cpu.user + cpu.system) / 1e6 };
    } finally {
      engine.close();
    }
  },
};

async function ensureCsvFolder(): Promise<string[]> {
  if (!existsSync(join(CSV_DIR, 'sale_lines.csv'))) {
    mkdirSync(ROOT, { recursive: true });
    const engine = await Engine.open({ dbPath: DEMO_DB, log: () => undefined });
    try {
      const [{ n }] = await engine.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM sales`);
      if (Number(n) === 0) {
        process.stderr.write(`bench: generating the ${PRESET} demo for the import case\n`);
        await generateDemo(engine.db, { preset: PRESET, endDate: END, seed: 42 });
      }
      await exportCanonical(engine.db, CSV_DIR, 'csv');
    } finally {
      engine.close();
    }
  }
  return readdirSync(CSV_DIR)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(CSV_DIR, f));
}

/** DuckDB alone: read_csv of every file into a bare table (types sniffed), in a fresh database file. */
async function bareReadCsv(files: string[], dbPath: string): Promise<{ ms: number; cpuS: number }> {
  removeDb(dbPath);
  const inst = await DuckDBInstance.create(dbPath);
  const con = await inst.connect();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const f of files) await con.run(`CREATE TABLE "${basename(f, '.csv')}" AS SELECT * FROM read_csv('${f}')`);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  con.closeSync();
  inst.closeSync();
  removeDb(dbPath);
  return { ms, cpuS: (cpu.user + cpu.system) / 1e6 };
}

const importCase: BenchCase = {
  name: `data.import-csv.${PRESET}`,
  target: 'ratio = read_csv time / painel import time >= 0.7',
  runs: 1,
  warmup: 0,
  setup: ensureCsvFolder,
  async run(state) {
    const files = state as string[];
    const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
    const baseline = await bareReadCsv(files, join(ROOT, 'bare.duckdb'));
    const target = join(ROOT, 'import.duckdb');
    removeDb(target);
    const engine = await Engine.open({ dbPath: target, log: () => undefined });
    let importMs: number;
    let importCpuS: number;
    let identityMs: number;
    let rows: number;
    try {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      // Matching customers across sources is timed on its own: it is not loading files.
      const s = await importFiles(engine.db, files, { skipIdentity: true });
      importMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      importCpuS = (cpu.user + cpu.system) / 1e6;
      if (s.failedFiles || s.rejected) throw new Error(`import of the canonical folder was not clean: ${s.failedFiles} failed files, ${s.rejected} rejects`);
      rows = s.tables.reduce((a, x) => a + x.loaded, 0);
      const t1 = performance.now();
      await rebuildIdentity(engine.db);
      identityMs = performance.now() - t1;
    } finally {
      engine.close();
      removeDb(target);
    }
    return {
      ratio: baseline.ms / importMs,
      cpuRatio: baseline.cpuS / importCpuS,
      importMs,
      readCsvMs: baseline.ms,
      importCpuS,
      readCsvCpuS: baseline.cpuS,
      identityMs,
      rows,
      mbPerS: bytes / 1e6 / (importMs / 1000),
    };
  },
};

export const cases: BenchCase[] = [demoCase, importCase];
