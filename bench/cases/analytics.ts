// Customer-analytics figures on the demo dataset (PAINEL_BENCH_PRESET, default large: ~1M customers, 36 months):
// RFM for every customer (query and stored snapshot), the forecast with its backtest, the BG/NBD + Gamma-Gamma fit
// and scoring, all ten segments, a segment's members, the migration matrix and cohorts. The demo file is generated
// once into the temp folder and reused (PAINEL_BENCH_ANALYTICS_DB overrides its path).
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { Engine } from '../../main/engine/engine';
import { generateDemo } from '../../main/demo/generateDemo';
import type { DemoPreset } from '../../shared/api/demo';
import { ParamList } from '../../main/sql/specSql';
import { rfmOptions, rfmSql, type RfmOptions } from '../../main/analytics/rfm';
import { buildRfmSnapshot } from '../../main/analytics/rfmSnapshots';
import { migrationPairsSql } from '../../main/analytics/rfmMigration';
import { computeForecast } from '../../main/analytics/forecast';
import { fitCustomerValue } from '../../main/analytics/clv';
import { cohortsSql } from '../../main/analytics/cohorts';
import { createDispatcher } from '../../main/host/dispatcher';
import type { Customer360, SegmentMembersResult, SegmentsResult } from '../../shared/analytics';

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
const END = '2026-06-30';

let shared: Promise<Engine> | null = null;
function engine(): Promise<Engine> {
  shared ??= (async () => {
    const dbPath = process.env.PAINEL_BENCH_ANALYTICS_DB ?? join(tmpdir(), `painel-bench-analytics-${PRESET}.duckdb`);
    const fresh = !existsSync(dbPath);
    const e = await Engine.open({ dbPath, log: () => undefined });
    if (fresh) {
      process.stderr.write(`bench: generating the ${PRESET} demo into ${dbPath} (kept for later runs)\n`);
      const t0 = performance.now();
      await generateDemo(e.db, { preset: PRESET, endDate: END, seed: 42 });
      await e.db.checkpoint();
      process.stderr.write(`bench: demo ready in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
    return e;
  })();
  return shared;
}

async function options(e: Engine, asOf = END, windowDays?: number): Promise<RfmOptions> {
  return rfmOptions(await e.settings(), asOf, windowDays ? { windowDays } : {});
}

async function api(e: Engine, method: string, input: unknown): Promise<unknown> {
  const r = await createDispatcher(e).call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Runs a query that must compute every row of `inner` (checksum over it) and returns the row count. */
async function consume(e: Engine, inner: string, params: ParamList, checksum: string): Promise<number> {
  const [r] = await e.db.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n, sum(${checksum})::DOUBLE AS s FROM (${inner})`, params.values);
  return r.n;
}

/** Adds the process CPU time of each run (user + system, all threads) to its extras: under a loaded machine it
 * shows what the run cost, where wall time also shows the wait for a core. */
function withCpu(c: BenchCase): BenchCase {
  return {
    ...c,
    async run(state) {
      const t0 = process.cpuUsage();
      const extra = (await c.run(state)) ?? {};
      const d = process.cpuUsage(t0);
      return { ...extra, cpuMs: Math.round((d.user + d.system) / 1000) };
    },
  };
}

const all: BenchCase[] = [
  {
    name: 'analytics.rfm.query-365d',
    target: 'RFM for ~1M customers < 1.5 s',
    runs: 5,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      const p = new ParamList();
      return { customers: await consume(e, rfmSql(await options(e), p), p, 'r + f + m + length(cluster)') };
    },
  },
  {
    name: 'analytics.rfm.query-all-customers',
    target: 'RFM for ~1M customers < 1.5 s',
    runs: 5,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      const p = new ParamList();
      return { customers: await consume(e, rfmSql(await options(e, END, 3650), p), p, 'r + f + m + length(cluster)') };
    },
  },
  {
    name: 'analytics.rfm.snapshot-build',
    target: 'RFM for ~1M customers < 1.5 s (scored and stored)',
    runs: 3,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      return { customers: (await buildRfmSnapshot(e.db, await options(e))).customers };
    },
  },
  {
    name: 'analytics.rfm.migration-live',
    target: 'two month ends scored and joined',
    runs: 3,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      const p = new ParamList();
      const sql = migrationPairsSql(rfmSql(await options(e, '2026-05-31'), p), rfmSql(await options(e, END), p));
      return { pairs: await consume(e, sql, p, 'customers') };
    },
  },
  {
    name: 'analytics.forecast.daily-90d+backtest',
    target: 'forecast with backtest < 2 s',
    runs: 5,
    setup: engine,
    async run(s) {
      const f = await computeForecast((s as Engine).db, 'day', 90, END);
      return { history: f.historyLength, mase: f.backtest.find((b) => b.model === f.model)?.mase ?? -1 };
    },
  },
  {
    name: 'analytics.forecast.monthly-12m+backtest',
    target: 'forecast with backtest < 2 s',
    runs: 5,
    setup: engine,
    async run(s) {
      const f = await computeForecast((s as Engine).db, 'month', 12, END);
      return { history: f.historyLength };
    },
  },
  {
    name: 'analytics.clv.fit+score',
    target: 'BG/NBD + Gamma-Gamma fit on ~1M < 30 s (fitMs), scoring < 3 s (scoreMs)',
    runs: 2,
    warmup: 0,
    setup: engine,
    async run(s) {
      const m = await fitCustomerValue((s as Engine).db, { asOf: END });
      return { customers: m.customers, fitMs: m.fitMs, scoreMs: m.scoreMs, iterations: m.bgnbd.iterations };
    },
  },
  {
    name: 'analytics.segments.all-10-cold',
    target: 'all 10 segments with sizes and values < 1 s (first call after a data change: builds the profile)',
    runs: 3,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      e.db.changed(['sales']);
      const r = (await api(e, 'analytics.segments', { asOf: END })) as SegmentsResult;
      return { members: r.segments.reduce((a, x) => a + x.size, 0) };
    },
  },
  {
    name: 'analytics.segments.all-10',
    target: 'all 10 segments with sizes and values < 1 s',
    runs: 5,
    setup: engine,
    async run(s) {
      const r = (await api(s as Engine, 'analytics.segments', { asOf: END })) as SegmentsResult;
      return { members: r.segments.reduce((a, x) => a + x.size, 0) };
    },
  },
  {
    name: 'analytics.segments.members-page',
    target: 'first 200 WhatsApp members of a segment, with total',
    runs: 5,
    setup: engine,
    async run(s) {
      const r = (await api(s as Engine, 'analytics.segmentMembers', { segment: 'loyalty_champions', channel: 'whatsapp', asOf: END, limit: 200 })) as SegmentMembersResult;
      return { rows: r.page.rowCount, total: r.page.total ?? 0 };
    },
  },
  {
    name: 'analytics.customer360',
    target: 'one customer’s history, scores, value and segments',
    runs: 5,
    setup: engine,
    async run(s) {
      const r = (await api(s as Engine, 'analytics.customer360', { customerId: 'salon:474572' })) as Customer360;
      return { sales: r.sales.length };
    },
  },
  {
    name: 'analytics.cohorts',
    target: 'all monthly cohorts x months since',
    runs: 5,
    setup: engine,
    async run(s) {
      const e = s as Engine;
      const p = new ParamList();
      return { cells: await consume(e, cohortsSql(p, null, `CAST(${p.add(END)} AS DATE)`), p, 'customers') };
    },
  },
];

export const cases: BenchCase[] = all.map(withCpu);
