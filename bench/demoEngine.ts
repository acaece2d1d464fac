// A demo database for bench cases: generated once into the temp folder (PAINEL_BENCH_PRESET, default large, ending
// on a fixed day so every run reads the same data) and reused by later runs; and a dispatcher call that throws on an
// error result.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../main/engine/engine';
import { createDispatcher, type Dispatcher } from '../main/host/dispatcher';
import { generateDemo } from '../main/demo/generateDemo';
import type { DemoPreset } from '../shared/api/demo';

export const BENCH_PRESET = (process.env.PAINEL_BENCH_PRESET ?? 'large') as DemoPreset;
/** The demo's last day (bookings run two weeks past it). */
export const BENCH_END = '2026-06-30';

/** Opens (generating the first time) the demo database named `name` for the preset, with its dispatcher. */
export async function openBenchDemo(name: string): Promise<{ engine: Engine; dispatcher: Dispatcher }> {
  const dbPath = join(tmpdir(), `painel-bench-${name}-${BENCH_PRESET}.duckdb`);
  const fresh = !existsSync(dbPath);
  const engine = await Engine.open({ dbPath, log: () => undefined });
  if (fresh) {
    process.stderr.write(`bench: generating the ${BENCH_PRESET} demo into ${dbPath} (kept for later runs)\n`);
    await generateDemo(engine.db, { preset: BENCH_PRESET, endDate: BENCH_END, seed: 42 });
    await engine.db.checkpoint();
  }
  return { engine, dispatcher: createDispatcher(engine) };
}

/** Calls a method and returns its value, throwing with the error's code and message otherwise. */
export async function callOk<T = Record<string, unknown>>(d: Dispatcher, method: string, input: unknown): Promise<T> {
  const r = await d.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
