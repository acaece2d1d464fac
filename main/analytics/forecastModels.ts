// Forecast candidates and their rolling-origin backtest: the seasonal naive baseline (ours: it is one line),
// MSTL with an ETS trend and plain ETS (augurs), each through the holiday calendar when there is one, and the
// MAPE / sMAPE / MASE and 80 % / 95 % interval coverage each scores against held-out data.
import type { BacktestScore, ForecastModelId } from '../../shared/analytics';
import { etsForecast, mstlEtsForecast, type ModelForecast } from './augurs';
import { forecastWithCalendar, type DayCalendar } from './forecastCalendar';
import { intervalScores, rollingCoverage } from './forecastIntervals';

export const Z = { 0.8: 1.2815515655446004, 0.95: 1.959963984540054 } as const;
export const LEVELS = [0.8, 0.95] as const;

/** Repeats the last season; intervals from the RMS of in-sample seasonal differences, widening each season ahead. */
export function seasonalNaiveForecast(y: number[], m: number, horizon: number, levels: readonly number[] = []): ModelForecast {
  const n = y.length;
  const point = Array.from({ length: horizon }, (_, i) => y[n - m + (i % m)]);
  let ss = 0;
  for (let t = m; t < n; t++) ss += (y[t] - y[t - m]) ** 2;
  const sigma = n > m ? Math.sqrt(ss / (n - m)) : 0;
  const intervals = new Map<number, { lower: number[]; upper: number[] }>();
  for (const level of levels) {
    const z = Z[level as keyof typeof Z];
    const half = point.map((_, i) => z * sigma * Math.sqrt(Math.floor(i / m) + 1));
    intervals.set(level, { lower: point.map((p, i) => p - half[i]), upper: point.map((p, i) => p + half[i]) });
  }
  return { point, intervals };
}

/**
 * Fits on log(1 + y) and maps the forecast back: a salon's days are multiplicative (a quiet Sunday is a fraction
 * of a Saturday, not a fixed amount less), and the back-transformed bands stay above zero. The point is then the
 * median of the forecast distribution.
 */
export function onLogScale(y: number[], model: (ly: number[]) => ModelForecast): ModelForecast {
  const f = model(y.map((v) => Math.log1p(Math.max(0, v))));
  const back = (a: number[]) => a.map((v) => Math.expm1(v));
  const intervals = new Map<number, { lower: number[]; upper: number[] }>();
  for (const [level, b] of f.intervals) intervals.set(level, { lower: back(b.lower), upper: back(b.upper) });
  return { point: back(f.point), intervals };
}

export interface CandidateSpec {
  id: ForecastModelId;
  /** Fits on y and forecasts h steps with the given interval levels. */
  forecast(y: number[], h: number, levels?: readonly number[]): ModelForecast;
}

/** The candidates; with a calendar (daily series) every one, the baseline included, sees the holidays. */
export function candidates(seasonLength: number, periods: number[], calendar: DayCalendar | null = null): CandidateSpec[] {
  const out: CandidateSpec[] = [{ id: 'seasonal_naive', forecast: (y, h, l) => seasonalNaiveForecast(y, seasonLength, h, l) }];
  if (periods.length) out.push({ id: 'mstl_ets', forecast: (y, h, l) => onLogScale(y, (ly) => mstlEtsForecast(ly, periods, h, [...(l ?? [])])) });
  out.push({ id: 'ets', forecast: (y, h, l) => etsForecast(y, h, [...(l ?? [])]) });
  if (!calendar) return out;
  return out.map((c) => ({ id: c.id, forecast: (y, h, l) => forecastWithCalendar(y, h, calendar, (adj) => c.forecast(adj, h, l)) }));
}

/** Mean absolute seasonal difference of a training series: the MASE scale. */
export function maseScale(train: number[], m: number): number {
  let s = 0;
  for (let t = m; t < train.length; t++) s += Math.abs(train[t] - train[t - m]);
  return train.length > m ? s / (train.length - m) : NaN;
}

export interface ErrorSums {
  ape: number;
  apeN: number;
  sape: number;
  sapeN: number;
  mase: number;
  maseN: number;
}

/** Adds one origin's errors: APE over non-zero actuals, sAPE where |y| + |ŷ| > 0, MASE per origin. */
export function addErrors(acc: ErrorSums, actual: number[], predicted: number[], scale: number): void {
  let ae = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = Math.abs(a - predicted[i]);
    ae += e;
    if (a !== 0) {
      acc.ape += e / Math.abs(a);
      acc.apeN++;
    }
    const den = Math.abs(a) + Math.abs(predicted[i]);
    if (den > 0) {
      acc.sape += (2 * e) / den;
      acc.sapeN++;
    }
  }
  if (scale > 0 && Number.isFinite(scale)) {
    acc.mase += ae / actual.length / scale;
    acc.maseN++;
  }
}

export interface BacktestPlan {
  /** Training lengths (forecast origins), oldest first. */
  origins: number[];
  /** Steps forecast from each origin. */
  horizon: number;
}

/** Rolling origins: the last `count` blocks of `horizon` points, each origin keeping at least `minTrain` points. */
export function backtestPlan(n: number, horizon: number, count: number, minTrain: number): BacktestPlan {
  const origins: number[] = [];
  for (let i = count; i >= 1; i--) {
    const o = n - i * horizon;
    if (o >= minTrain) origins.push(o);
  }
  return { origins, horizon };
}

export interface BacktestRun extends BacktestScore {
  /** Per interval level, the factor that calibrates the model's interval to its level on the backtest. */
  factors: Map<number, number>;
}

/** Scores every candidate on every origin (a candidate that fails to fit on some origin is scored on the rest). */
export function backtest(y: number[], specs: CandidateSpec[], plan: BacktestPlan, seasonLength: number): BacktestRun[] {
  return specs.map((spec) => {
    const acc: ErrorSums = { ape: 0, apeN: 0, sape: 0, sapeN: 0, mase: 0, maseN: 0 };
    const scores = new Map<number, number[][]>(LEVELS.map((l) => [l, []]));
    let ok = 0;
    for (const o of plan.origins) {
      const train = y.slice(0, o);
      const actual = y.slice(o, o + plan.horizon);
      let f: ModelForecast;
      try {
        f = spec.forecast(train, actual.length, LEVELS);
      } catch {
        continue;
      }
      if (f.point.some((v) => !Number.isFinite(v))) continue;
      addErrors(acc, actual, f.point.map((v) => Math.max(0, v)), maseScale(train, seasonLength));
      for (const level of LEVELS) {
        const b = f.intervals.get(level);
        if (b) scores.get(level)?.push(intervalScores(actual, f.point, b));
      }
      ok++;
    }
    const ratio = (s: number, n: number) => (n > 0 ? s / n : null);
    const factors = new Map<number, number>();
    const cover = (level: number) => {
      const r = rollingCoverage(scores.get(level) ?? [], level);
      if (r.factor !== null) factors.set(level, r.factor);
      return r.coverage;
    };
    return {
      model: spec.id,
      mape: ratio(acc.ape * 100, acc.apeN),
      smape: ratio(acc.sape * 100, acc.sapeN),
      mase: ratio(acc.mase, acc.maseN),
      coverage80: cover(0.8),
      coverage95: cover(0.95),
      origins: ok,
      factors,
    };
  });
}
