// Export figures: the monthly closing PDF, a 10,000-row report PDF, a 1,000,000-row XLSX of a report and of the
// sales table (time and peak RSS) and a 10,000,000-row CSV in both dialects against DuckDB's own COPY ... TO of
// the same report query. Data is built in setup with SQL; the report is the registry's sales-vs-receipts "open
// sales" table (one row per unpaid sale).
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { Engine } from '../../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../../main/host/dispatcher';
import { createSalesData } from '../../main/export/testFixtures';
import { generateDemo } from '../../main/demo/generateDemo';
import type { DemoPreset } from '../../shared/api/demo';
import { pageSql } from '../../main/reports/engine';
import { resolveRequest } from '../../main/reports/prepare';
import { sqlString } from '../../main/sql/quote';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult } from '../../shared/api/export';

interface State {
  dir: string;
  engine: Engine;
  dispatcher: Dispatcher;
}

const LAST_DAY = '2026-10-31';

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** `n` completed, unpaid sales spread evenly over `days` days ending on LAST_DAY (so each day holds n/days rows). */
async function openSalesDb(n: number, days: number): Promise<State> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-bench-export-'));
  const engine = await Engine.open({ dbPath: join(dir, 'bench.duckdb'), log: () => undefined });
  await engine.db.run(`INSERT INTO customers (customer_id, name, city) SELECT 'c' || i, 'Cliente São ' || i, 'Recife' FROM range(20000) r(i)`);
  await engine.db.run(`INSERT INTO sales
    SELECT 's' || i, ['salon', 'woo', 'ml'][1 + i % 3], 'appointment', 'c' || (i % 20000), 'l1', 'e1', 'completed', ts, ts,
      g, 0, NULL, 0, 0, g, 0, 0, ts
    FROM (SELECT i, TIMESTAMPTZ '${LAST_DAY} 15:00:00-03' - to_days(CAST(i % ${days} AS INTEGER)) - to_seconds(CAST(i % 30000 AS BIGINT)) AS ts,
      CAST(40 + (i * 37) % 500 + ((i * 13) % 100) / 100.0 AS DECIMAL(18,2)) AS g FROM range(${n}) r(i))`);
  await engine.db.checkpoint();
  engine.close();
  // Reopened, so the measured runs start from a cold buffer pool, as an app opening its database does.
  const fresh = await Engine.open({ dbPath: join(dir, 'bench.duckdb'), log: () => undefined });
  return { dir, engine: fresh, dispatcher: createDispatcher(fresh) };
}

/**
 * Runs an export job to the end. cpuMs is the process's CPU time meanwhile (every thread, DuckDB's included):
 * on a machine shared with other work it shows the cost that wall time hides.
 */
async function exportJob(s: State, method: string, input: Record<string, unknown>): Promise<ExportJobResult & { cpuMs: number }> {
  const c0 = process.cpuUsage();
  const r = await s.dispatcher.call(method, { folder: s.dir, overwrite: true, ...input });
  if (!r.ok) throw new Error(r.error.message);
  const end = await s.engine.jobs.wait((r.value as JobSnapshot).id, 600_000);
  if (end.state !== 'done') throw new Error(end.error?.message ?? end.state);
  const cpu = process.cpuUsage(c0);
  return { ...(end.result as ExportJobResult), cpuMs: (cpu.user + cpu.system) / 1000 };
}

function close(s: unknown): Promise<void> {
  const st = s as State;
  st.engine.close();
  rmSync(st.dir, { recursive: true, force: true });
  return Promise.resolve();
}

/** Cases that share one database build it once; the last of them closes it. */
const shared = new Map<string, Promise<State>>();
function sharedDb(key: string, n: number, days: number): () => Promise<State> {
  return () => {
    if (!shared.has(key)) shared.set(key, openSalesDb(n, days));
    return shared.get(key)!;
  };
}
function closeShared(key: string): (s: unknown) => Promise<void> {
  return (s) => {
    shared.delete(key);
    return close(s);
  };
}

const openSales = (from: string, to: string) => ({ report: 'sales-vs-receipts', params: { view: 'open_sales' }, period: { preset: 'custom' as const, from, to } });

/** DuckDB's own COPY of the same report query (wire form, as the screen gets it) to CSV. */
async function plainCopy(s: State, req: ReturnType<typeof openSales>, path: string): Promise<number> {
  const r = await resolveRequest(s.engine, req);
  const q = pageSql(r, req);
  const t0 = performance.now();
  await s.engine.db.readConnection().run(`COPY (${q.sql}) TO ${sqlString(path)} (FORMAT csv, HEADER)`, q.params.values);
  return performance.now() - t0;
}

function csvCase(dialect: 'standard' | 'excel-br', last: boolean): BenchCase {
  const req = openSales(addDays(LAST_DAY, -999), LAST_DAY);
  return {
    name: `export-csv-10M-${dialect}`,
    target: '<= 1.5x DuckDB COPY ... TO of the same query',
    runs: 3,
    warmup: 0,
    setup: sharedDb('10M', 10_000_000, 1000),
    async run(s) {
      const st = s as State;
      const copyMs = await plainCopy(st, req, join(st.dir, 'plain.csv'));
      const t0 = performance.now();
      const r = await exportJob(st, 'export.run', { ...req, format: 'csv', csvDialect: dialect, fileName: `ours-${dialect}.csv` });
      const oursMs = performance.now() - t0;
      if (r.rows !== 10_000_000) throw new Error(`exported ${r.rows} rows`);
      return { rows: r.rows, oursMs, copyMs, ratio: oursMs / copyMs, mb: statSync(r.path).size / 1e6 };
    },
    teardown: last ? closeShared('10M') : undefined,
  };
}

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
const DEMO_END = '2026-06-30';

/** The demo dataset at PAINEL_BENCH_PRESET (default large), generated once into a kept file. */
async function demoDb(): Promise<State> {
  const dbPath = join(tmpdir(), `painel-bench-export-${PRESET}.duckdb`);
  const engine = await Engine.open({ dbPath, log: () => undefined });
  if (!existsSync(`${dbPath}.ready`)) {
    process.stderr.write(`bench: generating the ${PRESET} demo into ${dbPath} (kept for later runs)\n`);
    await generateDemo(engine.db, { preset: PRESET, endDate: DEMO_END, seed: 42, replace: true });
    await engine.db.checkpoint();
    writeFileSync(`${dbPath}.ready`, '');
  }
  return { dir: mkdtempSync(join(tmpdir(), 'painel-bench-export-')), engine, dispatcher: createDispatcher(engine) };
}

function closeDemo(s: unknown): Promise<void> {
  const st = s as State;
  st.engine.close();
  rmSync(st.dir, { recursive: true, force: true });
  return Promise.resolve();
}

let demo: Promise<State> | null = null;
const demoClosing = (format: 'pdf' | 'xlsx', last: boolean): BenchCase => ({
  name: `export-closing-${format}-demo-${PRESET}`,
  target: format === 'pdf' ? '< 2 s (cold: report caches emptied before each run)' : 'with the transaction annex of the month (cold)',
  runs: format === 'pdf' ? 5 : 2,
  warmup: 1,
  setup: () => (demo ??= demoDb()),
  async run(s) {
    // Cold, as after a sync: a new data version empties the report engine's result caches.
    (s as State).engine.db.changed(['sales']);
    const r = await exportJob(s as State, 'export.close', { month: DEMO_END.slice(0, 7), format, fileName: `closing.${format}` });
    return { kb: r.bytes / 1024, annexRows: r.rows, cpuMs: r.cpuMs };
  },
  teardown: last
    ? (s) => {
        demo = null;
        return closeDemo(s);
      }
    : undefined,
});

const xlsx1M = (duckdbLimit: string | null): BenchCase => ({
  name: duckdbLimit ? `export-xlsx-1M-duckdb-${duckdbLimit}` : 'export-xlsx-1M',
  target: duckdbLimit ? `writer footprint: peak RSS with DuckDB capped at ${duckdbLimit} (it spills the report's sort to disk)` : '< 60 s, peak RSS < 600 MB',
  runs: 1,
  warmup: 0,
  async setup() {
    // The capped run gets a database of its own, so the uncapped one never inherits a DuckDB setting.
    if (!duckdbLimit) return sharedDb('1M', 1_000_000, 100)();
    const st = await openSalesDb(1_000_000, 100);
    await st.engine.db.run(`SET memory_limit = '${duckdbLimit}'`);
    return st;
  },
  teardown: duckdbLimit ? close : undefined,
  async run(s) {
    const r = await exportJob(s as State, 'export.run', { ...openSales(addDays(LAST_DAY, -99), LAST_DAY), format: 'xlsx', fileName: 'big.xlsx' });
    if (r.rows !== 1_000_000) throw new Error(`exported ${r.rows} rows`);
    return { rows: r.rows, mb: r.bytes / 1e6, cpuMs: r.cpuMs };
  },
});

// Order matters for peak RSS (a process rarely gives memory back): the capped XLSX run goes first, so its
// figure is its own; the uncapped run after it reaches its own, higher, peak.
export const cases: BenchCase[] = [
  xlsx1M('128MB'),
  xlsx1M(null),
  {
    // One canonical table (export.table) as the XLSX that imports back: 1,000,000 sales, exact cells, one sheet.
    name: 'export-table-xlsx-1M',
    target: '< 60 s, peak RSS < 600 MB (like a report XLSX)',
    runs: 1,
    warmup: 0,
    setup: sharedDb('1M', 1_000_000, 100),
    async run(s) {
      const r = await exportJob(s as State, 'export.table', { table: 'sales', format: 'xlsx', fileName: 'sales.xlsx' });
      if (r.rows !== 1_000_000) throw new Error(`exported ${r.rows} rows`);
      return { rows: r.rows, mb: r.bytes / 1e6, cpuMs: r.cpuMs };
    },
  },
  {
    name: 'export-pdf-10k',
    target: '< 10 s',
    runs: 3,
    warmup: 1,
    setup: sharedDb('1M', 1_000_000, 100),
    async run(s) {
      const r = await exportJob(s as State, 'export.run', { ...openSales(LAST_DAY, LAST_DAY), format: 'pdf', fileName: 'report.pdf' });
      if (r.rows !== 10_000) throw new Error(`exported ${r.rows} rows`);
      return { rows: r.rows, kb: r.bytes / 1024, cpuMs: r.cpuMs };
    },
    teardown: closeShared('1M'),
  },
  {
    name: 'export-closing-pdf',
    target: '< 2 s (one month of a 300k-sale, 24-month database; cold)',
    runs: 5,
    warmup: 1,
    async setup() {
      const dir = mkdtempSync(join(tmpdir(), 'painel-bench-export-'));
      const engine = await Engine.open({ dbPath: join(dir, 'bench.duckdb'), log: () => undefined });
      await createSalesData(engine.db, 300_000, 24);
      await engine.db.checkpoint();
      return { dir, engine, dispatcher: createDispatcher(engine) };
    },
    async run(s) {
      (s as State).engine.db.changed(['sales']);
      const r = await exportJob(s as State, 'export.close', { month: '2026-10', format: 'pdf', fileName: 'closing.pdf' });
      return { kb: r.bytes / 1024, cpuMs: r.cpuMs };
    },
    teardown: close,
  },
  demoClosing('pdf', false),
  demoClosing('xlsx', true),
  csvCase('standard', false),
  csvCase('excel-br', true),
];
