// Interval calibration from the backtest: each held-out actual gets a score (its distance from the point forecast
// over the interval's half-width on that side, so <= 1 means inside). The factor that makes an interval cover its
// level is the conformal quantile of earlier scores; coverage is measured origin by origin with the factor learnt
// from the origins before it only, so the figure shown is out of sample.
import type { ModelForecast } from './augurs';

type Bounds = { lower: number[]; upper: number[] };

export function intervalScores(actual: number[], point: number[], b: Bounds): number[] {
  return actual.map((a, i) => {
    const p = point[i];
    const half = a >= p ? b.upper[i] - p : p - b.lower[i];
    const d = Math.abs(a - p);
    if (!Number.isFinite(half)) return NaN;
    return half > 0 ? d / half : d === 0 ? 0 : Infinity;
  });
}

/** The smallest factor covering `level` of the scores, with the finite-sample correction ceil(level (n + 1)) / n. */
export function calibrationFactor(scores: number[], level: number): number | null {
  const s = scores.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!s.length) return null;
  const k = Math.min(s.length, Math.ceil(level * (s.length + 1))) - 1;
  const f = s[Math.max(0, k)];
  return Number.isFinite(f) ? f : null;
}

/**
 * Out-of-sample coverage of the calibrated interval: origin k uses the factor from origins 0..k-1 (the first
 * origin, with nothing before it, is judged on the model's own interval); and the factor from all origins.
 */
export function rollingCoverage(perOrigin: number[][], level: number): { coverage: number | null; factor: number | null } {
  let inside = 0;
  let n = 0;
  const seen: number[] = [];
  for (const scores of perOrigin) {
    const f = seen.length ? (calibrationFactor(seen, level) ?? 1) : 1;
    for (const s of scores) {
      if (Number.isNaN(s)) continue;
      n++;
      if (s <= f + 1e-12) inside++;
    }
    seen.push(...scores);
  }
  return { coverage: n ? inside / n : null, factor: calibrationFactor(seen, level) };
}

/** The forecast with each level's interval widened or narrowed around the point by its factor. */
export function calibrate(f: ModelForecast, factors: Map<number, number>): ModelForecast {
  const intervals = new Map<number, Bounds>();
  for (const [level, b] of f.intervals) {
    const k = factors.get(level);
    if (k === undefined) {
      intervals.set(level, b);
      continue;
    }
    intervals.set(level, { lower: f.point.map((p, i) => p - k * (p - b.lower[i])), upper: f.point.map((p, i) => p + k * (b.upper[i] - p)) });
  }
  return { point: f.point, intervals };
}
