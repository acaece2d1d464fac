// The augurs time-series library (Rust compiled to WASM): loads its MSTL and ETS modules synchronously from the
// package's own .wasm files (Node has no fetch of file URLs), once per process, and wraps the two models we use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ets from '@bsull/augurs/ets';
import * as mstl from '@bsull/augurs/mstl';

const require = createRequire(import.meta.url);
let ready = false;

function wasmBytes(module: 'ets' | 'mstl'): Buffer {
  const js = require.resolve(`@bsull/augurs/${module}`);
  return readFileSync(join(dirname(js), `${module}_bg.wasm`));
}

/** Instantiates the WASM modules (idempotent). */
export function initAugurs(): void {
  if (ready) return;
  ets.initSync({ module: wasmBytes('ets') });
  mstl.initSync({ module: wasmBytes('mstl') });
  ready = true;
}

export interface ModelForecast {
  point: number[];
  /** Intervals by level (e.g. 0.8, 0.95); absent when only points were asked for. */
  intervals: Map<number, { lower: number[]; upper: number[] }>;
}

function run(model: { predict(h: number, level?: number | null): { point: number[]; intervals?: { lower: number[]; upper: number[] } | undefined }; free(): void }, horizon: number, levels: number[]): ModelForecast {
  try {
    const intervals = new Map<number, { lower: number[]; upper: number[] }>();
    let point: number[] | null = null;
    for (const level of levels) {
      const f = model.predict(horizon, level);
      point ??= f.point;
      if (f.intervals) intervals.set(level, { lower: f.intervals.lower, upper: f.intervals.upper });
    }
    return { point: point ?? model.predict(horizon, null).point, intervals };
  } finally {
    model.free();
  }
}

/** MSTL decomposition with the given seasonal periods and an AutoETS trend; forecasts `horizon` steps. */
export function mstlEtsForecast(y: number[], periods: number[], horizon: number, levels: number[] = []): ModelForecast {
  initAugurs();
  const model = mstl.MSTL.ets(periods);
  model.fit(y);
  return run(model, horizon, levels);
}

/** Non-seasonal AutoETS (error, trend chosen automatically; no season). */
export function etsForecast(y: number[], horizon: number, levels: number[] = []): ModelForecast {
  initAugurs();
  const model = new ets.AutoETS(1, 'ZZN');
  model.fit(y);
  return run(model, horizon, levels);
}
