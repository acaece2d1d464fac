// Daily rollups: answers fresh at rollup speed, each beside the same question answered from the base rows (the
// engine with rollups off, and its SQL run directly on a DuckDB connection) in the same run:
//   - the monthly summary of all months right after an import (financial-summary, preset all);
//   - the dashboard for a month;
//   - each report's first page + totals for one location and one month;
//   - the maintenance cost of importing one new day of sales (a copy of a day of completed sales, lines and payments
//     too) through the pipeline.
// PAINEL_BENCH_ROLLUPS_DB names the database (a copy: runs import days into it); otherwise a demo of
// PAINEL_BENCH_PRESET (default large) is generated once into the temp folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { quantile } from '../harness';
import { Engine } from '../../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../../main/host/dispatcher';
import { generateDemo } from '../../main/demo/generateDemo';
import { importFiles } from '../../main/import/importFiles';
import { pageSql } from '../../main/reports/engine';
import { resolveRequest } from '../../main/reports/prepare';
import { allReports } from '../../main/reports/registry';
import { clearReportCache } from '../../main/reports/resultCache';
import { isFirstsSql } from '../../main/reports/firsts';
import { setRollupsEnabled } from '../../main/reports/rollupSource';
import { touchDates } from '../../main/model/rollups';
import type { DemoPreset } from '../../shared/api/demo';

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
const END = '2026-06-30';

interface State {
  engine: Engine;
  dispatcher: Dispatcher;
  location: string;
  days: number;
}

let shared: Promise<State> | null = null;
function state(): Promise<State> {
  shared ??= (async () => {
    const dbPath = process.env.PAINEL_BENCH_ROLLUPS_DB ?? join(tmpdir(), `painel-bench-rollups-${PRESET}.duckdb`);
    const fresh = !existsSync(dbPath);
    const t0 = performance.now();
    const engine = await Engine.open({ dbPath, log: () => undefined });
    process.stderr.write(`bench: opened ${dbPath} in ${((performance.now() - t0) / 1000).toFixed(1)} s (rollups built if missing)\n`);
    if (fresh) {
      process.stderr.write(`bench: generating the ${PRESET} demo into ${dbPath} (kept for later runs)\n`);
      await generateDemo(engine.db, { preset: PRESET, endDate: END, seed: 42 });
      await engine.db.checkpoint();
    }
    const [{ id }] = await engine.db.all<{ id: string }>(`SELECT location_id AS id FROM sales WHERE location_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    return { engine, dispatcher: createDispatcher(engine), location: id, days: 0 };
  })();
  return shared;
}

async function call(d: Dispatcher, method: string, input: unknown): Promise<unknown> {
  const r = await d.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

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

/** Page + totals through the dispatcher, cold (result cache emptied, the first-sales table kept). */
async function pageAndTotals(s: State, input: Record<string, unknown>): Promise<void> {
  clearReportCache(s.engine.db, isFirstsSql);
  await Promise.all([call(s.dispatcher, 'reports.page', { ...input, limit: 200 }), call(s.dispatcher, 'reports.totals', input)]);
}

/** The same question from the base rows: the engine with rollups off, and its SQL run directly. */
async function fromRows(s: State, input: Record<string, unknown>, runs = 3): Promise<{ engineOffMs: number; rawMs: number }> {
  setRollupsEnabled(s.engine.db, false);
  try {
    const engineOffMs = await median(() => pageAndTotals(s, input), runs);
    const r = await resolveRequest(s.engine, input as never);
    const q = pageSql(r, { ...input, limit: 200 } as never);
    const conn = s.engine.db.readConnection();
    const rawMs = await median(() => conn.runAndReadAll(q.sql, q.params.values), runs);
    return { engineOffMs, rawMs };
  } finally {
    setRollupsEnabled(s.engine.db, true);
  }
}

/** Imports one new business day of sales (a copy of the last day's, new ids, moved days later) via the pipeline. */
async function importOneDay(s: State): Promise<{ importMs: number; sales: number; day: string }> {
  const db = s.engine.db;
  // Days already added by earlier runs (kept in the database copy) are skipped: each run adds a new day.
  if (!s.days) s.days = (await db.all<{ n: number }>(`SELECT count(DISTINCT split_part(sale_id, '~', 2))::INTEGER AS n FROM sales WHERE contains(sale_id, '~')`))[0].n;
  const n = ++s.days;
  const dir = mkdtempSync(join(tmpdir(), 'painel-bench-day-'));
  try {
    const shift = `INTERVAL ${n} DAY`;
    // Instants as ISO text in UTC, as an export from another system would carry them.
    const iso = (ts: string) => `strftime(timezone('UTC', ${ts}), '%Y-%m-%dT%H:%M:%SZ')`;
    // The day before the last completed sale: completed sales (revenue, customers, visits), with its lines and payments.
    const last = `(SELECT max(occurred_at) FROM sales WHERE status = 'completed' AND NOT contains(sale_id, '~'))`;
    const lastDay = `SELECT * FROM sales WHERE occurred_at > ${last} - INTERVAL 2 DAY AND occurred_at <= ${last} - INTERVAL 1 DAY AND NOT contains(sale_id, '~')`;
    await db.run(`COPY (SELECT * REPLACE (sale_id || '~${n}' AS sale_id, ${iso(`occurred_at + ${shift}`)} AS occurred_at, ${iso(`created_at + ${shift}`)} AS created_at,
        ${iso(`updated_at + ${shift}`)} AS updated_at) FROM (${lastDay})) TO '${join(dir, 'sales.csv')}' (HEADER)`);
    await db.run(`COPY (SELECT * REPLACE (sale_id || '~${n}' AS sale_id) FROM sale_lines WHERE sale_id IN (SELECT sale_id FROM (${lastDay}))) TO '${join(dir, 'sale_lines.csv')}' (HEADER)`);
    await db.run(`COPY (SELECT * REPLACE (payment_id || '~${n}' AS payment_id, sale_id || '~${n}' AS sale_id, ${iso(`occurred_at + ${shift}`)} AS occurred_at)
      FROM payments WHERE sale_id IN (SELECT sale_id FROM (${lastDay}))) TO '${join(dir, 'payments.csv')}' (HEADER)`);
    const t0 = performance.now();
    const r = await importFiles(db, [dir], { skipIdentity: true });
    const importMs = performance.now() - t0;
    const [{ day }] = await db.all<{ day: string }>(`SELECT strftime(max(CAST(timezone(getvariable('biz_tz'), occurred_at) AS DATE)), '%Y-%m-%d') AS day FROM sales WHERE ends_with(sale_id, '~${n}')`);
    return { importMs, sales: r.tables.find((t) => t.table === 'sales')?.loaded ?? 0, day };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const cases: BenchCase[] = [
  {
    name: 'rollups.maintenance-one-day',
    target: 'import of one new day of sales, rollups refreshed in its transaction: < 1 s (refresh part shown apart)',
    runs: 3,
    warmup: 0,
    setup: state,
    async run(st) {
      const s = st as State;
      const { importMs, sales, day } = await importOneDay(s);
      // The refresh alone: the new day noted and recomputed in a transaction of its own.
      const t0 = performance.now();
      await s.engine.db.transaction((tx) => touchDates(tx, `SELECT DATE '${day}' AS d`));
      return { importMs, refreshMs: performance.now() - t0, sales };
    },
  },
  {
    name: 'rollups.monthly-summary-all-fresh',
    target: 'financial-summary of every month, first page + totals, right after an import: < 50 ms',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(st) {
      const s = st as State;
      const input = { report: 'financial-summary', period: { preset: 'all', today: END } };
      // Fresh: a day was imported since the last answer (the result cache holds nothing of the new data version).
      await importOneDay(s);
      const t0 = performance.now();
      await pageAndTotals(s, input);
      const ms = performance.now() - t0;
      return { rollupMs: ms, ...(await fromRows(s, input, 1)) };
    },
  },
  {
    name: 'rollups.dashboard-month',
    target: 'dashboard of a month: < 100 ms',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(st) {
      const s = st as State;
      const input = { period: { preset: 'last_month', today: END } };
      clearReportCache(s.engine.db, isFirstsSql);
      const t0 = performance.now();
      await call(s.dispatcher, 'reports.dashboard', input);
      const rollupMs = performance.now() - t0;
      setRollupsEnabled(s.engine.db, false);
      try {
        const engineOffMs = await median(() => call(s.dispatcher, 'reports.dashboard', input), 1);
        return { rollupMs, engineOffMs };
      } finally {
        setRollupsEnabled(s.engine.db, true);
      }
    },
  },
  ...allReports()
    .filter((def) => (def.filters as string[]).includes('location'))
    .map(
      (def): BenchCase => ({
        name: `rollups.unit-month.${def.id}`,
        target: 'first page + totals for one location and one month: < 30 ms',
        runs: 5,
        warmup: 1,
        setup: state,
        async run(st) {
          const s = st as State;
          const input = { report: def.id, period: { preset: 'last_month', today: END }, common: { location: [s.location] } };
          const t0 = performance.now();
          await pageAndTotals(s, input);
          return { rollupMs: performance.now() - t0, ...(await fromRows(s, input, 1)) };
        },
      }),
    ),
  {
    name: 'rollups.close',
    runs: 1,
    warmup: 0,
    async run() {
      const st = shared ? await shared : null;
      await st?.engine.close();
      shared = null;
    },
  },
];
