// Report engine figures on a demo dataset: first page + totals of every report (each listed, cold: the result
// cache is emptied before each run), a warm next page, the dashboard KPIs for a month, and the engine's overhead
// against the same SQL run directly on a DuckDB connection.
// PAINEL_BENCH_PRESET picks the demo size (default large); the generated file is kept in the temp folder and
// reused (PAINEL_BENCH_REPORTS_DB overrides its path).
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { quantile } from '../harness';
import { Engine } from '../../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../../main/host/dispatcher';
import { generateDemo } from '../../main/demo/generateDemo';
import { pageSql } from '../../main/reports/engine';
import { resolveRequest } from '../../main/reports/prepare';
import { allReports } from '../../main/reports/registry';
import { ANALYTICS_REPORTS } from '../../main/reports/defs/analytics/index';
import { clearReportCache } from '../../main/reports/resultCache';
import { firstsTable, isFirstsSql } from '../../main/reports/firsts';
import type { DemoPreset } from '../../shared/api/demo';

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
const ANALYTICS = new Set(ANALYTICS_REPORTS.map((r) => r.id));
/** The demo ends on a fixed day so every run measures the same periods. */
const END = '2026-06-30';

interface State {
  engine: Engine;
  dispatcher: Dispatcher;
}

let shared: Promise<State> | null = null;
function state(): Promise<State> {
  shared ??= (async () => {
    const dbPath = process.env.PAINEL_BENCH_REPORTS_DB ?? join(tmpdir(), `painel-bench-reports-${PRESET}.duckdb`);
    const fresh = !existsSync(dbPath);
    const engine = await Engine.open({ dbPath, log: () => undefined });
    if (fresh) {
      process.stderr.write(`bench: generating the ${PRESET} demo into ${dbPath} (kept for later runs)\n`);
      const t0 = performance.now();
      await generateDemo(engine.db, { preset: PRESET, endDate: END, seed: 42 });
      await engine.db.checkpoint();
      process.stderr.write(`bench: demo ready in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
    return { engine, dispatcher: createDispatcher(engine) };
  })();
  return shared;
}

async function call(d: Dispatcher, method: string, input: unknown): Promise<unknown> {
  const r = await d.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const period = { today: END };

const firstPageCases: BenchCase[] = allReports().map((def) => ({
  name: `reports.first-page+totals.${def.id}`,
  target: 'median < 300 ms (cold)',
  runs: 5,
  warmup: 1,
  setup: state,
  async run(s) {
    const { dispatcher, engine } = s as State;
    // Cold: the report's SQL runs again (the materialised results of earlier runs are dropped); the table of
    // customers' first sales is kept, as in the app, where it is built once per data version (own case below).
    clearReportCache(engine.db, isFirstsSql);
    const input = { report: def.id, period };
    const [page] = await Promise.all([call(dispatcher, 'reports.page', { ...input, limit: 200 }), call(dispatcher, 'reports.totals', input)]);
    return { rows: (page as { total: number }).total };
  },
}));

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return quantile(times.sort((a, b) => a - b), 0.5);
}

export const cases: BenchCase[] = [
  ...firstPageCases,
  {
    name: 'reports.next-page.customer-profiles',
    target: 'warm: a later page of an already computed report',
    runs: 15,
    warmup: 1,
    setup: state,
    async run(s) {
      const { dispatcher } = s as State;
      await call(dispatcher, 'reports.page', { report: 'customer-profiles', period, offset: 5000, limit: 200, sort: [{ column: 'visits', desc: true }] });
    },
  },
  {
    name: 'reports.first-sales-table',
    target: 'built once per data version (new customers, cohorts)',
    runs: 3,
    warmup: 0,
    setup: state,
    async run(s) {
      const { engine } = s as State;
      clearReportCache(engine.db);
      await engine.db.all(`SELECT count(*) FROM ${await firstsTable(engine.db)}`);
    },
  },
  {
    name: 'reports.dashboard-month',
    target: 'median < 500 ms',
    runs: 7,
    warmup: 1,
    setup: state,
    async run(s) {
      const { dispatcher, engine } = s as State;
      clearReportCache(engine.db, isFirstsSql);
      await call(dispatcher, 'reports.dashboard', { period: { preset: 'last_month', today: END } });
    },
  },
  {
    name: 'reports.engine-overhead',
    target: 'engine / raw DuckDB <= 1.3x (sums over every report page, cold)',
    runs: 1,
    warmup: 0,
    setup: state,
    async run(s) {
      const { engine, dispatcher } = s as State;
      const conn = engine.db.readConnection();
      const extra: Record<string, number> = {};
      let ours = 0;
      let raw = 0;
      const sums = { catalogue: [0, 0], analytics: [0, 0] };
      for (const def of allReports()) {
        const input = { report: def.id, period, limit: 200, withTotal: false };
        const r = await resolveRequest(engine, input);
        const q = pageSql(r, input);
        const rawMs = await median(() => conn.runAndReadAll(q.sql, q.params.values), 3);
        // The engine cold (its result cache emptied) against the very SQL it builds, run directly.
        const oursMs = await median(() => {
          clearReportCache(engine.db);
          return call(dispatcher, 'reports.page', input);
        }, 3);
        extra[`ratio.${def.id}`] = oursMs / rawMs;
        ours += oursMs;
        raw += rawMs;
        const group = ANALYTICS.has(def.id) ? sums.analytics : sums.catalogue;
        group[0] += oursMs;
        group[1] += rawMs;
      }
      extra.ratio = ours / raw;
      // The catalogue reports of this engine, and the analytics reports registered into it, apart.
      extra['ratio.all-catalogue'] = sums.catalogue[0] / sums.catalogue[1];
      extra['ratio.all-analytics'] = sums.analytics[0] / sums.analytics[1];
      extra.engineMs = ours;
      extra.rawMs = raw;
      return extra;
    },
    async teardown() {
      const st = shared ? await shared : null;
      st?.engine.close();
      shared = null;
    },
  },
];
