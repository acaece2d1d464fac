// Foundation figures: query.page over 10M rows through the dispatcher vs raw DuckDB, an Arrow page over HTTP,
// and browser-mode cold start to the first painted page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BenchCase } from '../harness';
import { quantile } from '../harness';
import { makeBigTable } from '../../e2e/support/bigTable';
import { Engine } from '../../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../../main/host/dispatcher';
import { startHttpHost, type HttpHost } from '../../main/host/httpHost';
import { startServer } from '../../e2e/support/server';
import { decodeFrame } from '../../shared/wire';

interface State {
  dir: string;
  engine: Engine;
  dispatcher: Dispatcher;
  host: HttpHost;
}

const SPEC = {
  table: 'big_rows',
  offset: 1000,
  limit: 200,
  sort: [{ column: 'amount', desc: true }],
  filters: [{ column: 'city', op: 'eq', value: 'Recife' }],
};

let shared: Promise<State> | null = null;
function state(): Promise<State> {
  shared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'painel-bench-'));
    const dbPath = join(dir, 'bench.duckdb');
    await makeBigTable(dbPath);
    const engine = await Engine.open({ dbPath, log: () => undefined });
    const dispatcher = createDispatcher(engine);
    const host = await startHttpHost({ engine, dispatcher });
    return { dir, engine, dispatcher, host };
  })();
  return shared;
}

async function rawMedian(s: State, runs = 9): Promise<number> {
  const c = await (s.engine.db as unknown as { readConnection(): Awaited<ReturnType<DuckDBInstance['connect']>> }).readConnection();
  const sql = `SELECT * FROM big_rows WHERE city = 'Recife' ORDER BY amount DESC NULLS LAST LIMIT 200 OFFSET 1000`;
  await c.runAndReadAll(sql);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await c.runAndReadAll(sql);
    times.push(performance.now() - t0);
  }
  return quantile(times.sort((a, b) => a - b), 0.5);
}

export const cases: BenchCase[] = [
  {
    name: 'query.page-10M-sorted-filtered',
    target: 'median < 150 ms; <= 1.3x raw DuckDB',
    runs: 15,
    warmup: 2,
    setup: state,
    async run(s) {
      const st = s as State;
      const r = await st.dispatcher.call('query.page', SPEC);
      if (!r.ok) throw new Error(r.error.message);
    },
    async teardown(s) {
      const st = s as State;
      const raw = await rawMedian(st);
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const t0 = performance.now();
        await st.dispatcher.call('query.page', SPEC);
        times.push(performance.now() - t0);
      }
      const ours = quantile(times.sort((a, b) => a - b), 0.5);
      console.log(`query.page median ${ours.toFixed(1)} ms vs raw DuckDB ${raw.toFixed(1)} ms: ratio ${(ours / raw).toFixed(2)}x`);
    },
  },
  {
    name: 'http-arrow-page-roundtrip',
    target: 'one 200-row Arrow page over loopback HTTP',
    runs: 30,
    warmup: 3,
    setup: state,
    async run(s) {
      const st = s as State;
      const res = await fetch(`http://127.0.0.1:${st.host.port}/api/query.page`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${st.host.token}` },
        body: JSON.stringify(SPEC),
      });
      const body = decodeFrame(new Uint8Array(await res.arrayBuffer())) as { ok: boolean; value: { arrow: Uint8Array } };
      if (!body.ok) throw new Error('page failed');
      return { bytes: body.value.arrow.length };
    },
  },
  {
    name: 'browser-cold-start-first-paint',
    target: '< 1500 ms from navigation to the painted shell',
    runs: 5,
    warmup: 1,
    async setup() {
      const server = await startServer();
      const { chromium } = await import('@playwright/test');
      const { CHROMIUM_ARGS } = await import('../../playwright.config');
      const browser = await chromium.launch({ executablePath: process.env.PAINEL_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      return { server, browser };
    },
    async run(s) {
      const { server, browser } = s as { server: Awaited<ReturnType<typeof startServer>>; browser: import('@playwright/test').Browser };
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(server.url);
      await page.getByRole('navigation').first().waitFor();
      const ms = performance.now() - t0;
      await context.close();
      return { paintMs: ms };
    },
    async teardown(s) {
      const { server, browser } = s as { server: Awaited<ReturnType<typeof startServer>>; browser: import('@playwright/test').Browser };
      await browser.close();
      await server.stop();
      const st = shared ? await shared : null;
      if (st) {
        await st.host.close();
        st.engine.close();
        rmSync(st.dir, { recursive: true, force: true });
      }
    },
  },
];
