// The owner's agenda and the dashboard's alerts on a demo dataset: the coming 14 days (bookings, occupancy ahead,
// gaps, no-shows), the overdue good customers (RFM of the day plus visit intervals) and the "what changed" rules.
// PAINEL_BENCH_PRESET picks the demo size (default large); the generated file is kept in the temp folder and reused.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../harness';
import { Engine } from '../../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../../main/host/dispatcher';
import { generateDemo } from '../../main/demo/generateDemo';
import type { DemoPreset } from '../../shared/api/demo';

const PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
/** The demo ends on a fixed day (bookings run two weeks past it), so every run reads the same days. */
const END = '2026-06-30';

let shared: Promise<Dispatcher> | null = null;
function state(): Promise<Dispatcher> {
  shared ??= (async () => {
    const dbPath = join(tmpdir(), `painel-bench-agenda-${PRESET}.duckdb`);
    const fresh = !existsSync(dbPath);
    const engine = await Engine.open({ dbPath, log: () => undefined });
    if (fresh) {
      process.stderr.write(`bench: generating the ${PRESET} demo into ${dbPath} (kept for later runs)\n`);
      await generateDemo(engine.db, { preset: PRESET, endDate: END, seed: 42 });
      await engine.db.checkpoint();
    }
    return createDispatcher(engine);
  })();
  return shared;
}

async function call(d: Dispatcher, method: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await d.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

export const cases: BenchCase[] = [
  {
    name: 'agenda.view.14-days',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const a = await call(d as Dispatcher, 'agenda.view', { today: END, days: 14 });
      return { bookings: (a.summary as { bookings: number }).bookings };
    },
  },
  {
    name: 'agenda.overdue',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const o = await call(d as Dispatcher, 'agenda.overdue', { today: END });
      return { customers: o.total as number };
    },
  },
  {
    name: 'agenda.alerts',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const a = await call(d as Dispatcher, 'agenda.alerts', { today: END });
      return { alerts: (a.alerts as unknown[]).length };
    },
  },
];
