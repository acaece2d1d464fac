// Revenue forecasts: the daily or monthly completed-sales series (business dates, zero-filled), candidates chosen
// by a rolling-origin backtest against the seasonal naive baseline on three error measures, 80% and 95% intervals
// with their backtest coverage, the holiday calendar for daily series, and honest notes when the history is too
// short for a seasonal cycle. Models come from augurs; this file only orchestrates.
import type { BacktestScore, ForecastPoint, ForecastResult } from '../../shared/analytics';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { LocalizedText } from '../../shared/types';
import type { Db } from '../store/db';
import { buildCalendar, dayEffect, calendarAdjust, locationShares, type DayCalendar } from './forecastCalendar';
import { chooseModel } from './forecastChoice';
import { calibrate } from './forecastIntervals';
import { backtest, backtestPlan, candidates, LEVELS, type CandidateSpec } from './forecastModels';
import { dailyRevenueSql } from './salesFacts';

export { chooseModel };

export type Granularity = 'day' | 'month';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });
const ORIGINS = 5;

/** Completed-sales revenue per business day (or calendar month) up to `end`, zero-filled from the first sale. */
export async function revenueSeries(db: Db, granularity: Granularity, end: string | null): Promise<{ dates: string[]; values: number[]; end: string | null; droppedPartial: boolean }> {
  const [bounds] = await db.all<{ last: string | null; today: string }>(
    `SELECT strftime(CAST(timezone(getvariable('biz_tz'), max(occurred_at)) AS DATE), '%Y-%m-%d') AS last,
       strftime(CAST(timezone(getvariable('biz_tz'), now()) AS DATE), '%Y-%m-%d') AS today
     FROM sales WHERE status = 'completed'`,
  );
  // The current business day is still open: by default the history stops the day before.
  const yesterday = new Date(Date.parse(`${bounds.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const stop = end ?? (bounds.last && bounds.last > yesterday ? yesterday : bounds.last);
  if (!stop) return { dates: [], values: [], end: null, droppedPartial: false };
  const rows = await db.all<{ d: string; v: number }>(
    `WITH daily AS (
       SELECT biz_date, revenue::DOUBLE AS v FROM ${dailyRevenueSql('$1')} f
     ), days AS (
       SELECT CAST(unnest(generate_series(min(biz_date), CAST($1 AS DATE), INTERVAL 1 DAY)) AS DATE) AS day FROM daily
     )
     SELECT strftime(days.day, '%Y-%m-%d') AS d, coalesce(daily.v, 0) AS v FROM days LEFT JOIN daily ON daily.biz_date = days.day ORDER BY days.day`,
    [stop],
  );
  if (granularity === 'day') return { dates: rows.map((r) => r.d), values: rows.map((r) => r.v), end: stop, droppedPartial: false };
  const months = new Map<string, number>();
  for (const r of rows) months.set(r.d.slice(0, 7), (months.get(r.d.slice(0, 7)) ?? 0) + r.v);
  // A month is complete when its last day is in the history, or (by default) when the calendar has moved past it.
  const nextDay = new Date(Date.parse(`${stop}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const partial = nextDay.slice(8) !== '01' && (end !== null || stop.slice(0, 7) >= bounds.today.slice(0, 7));
  if (partial) months.delete(stop.slice(0, 7));
  return { dates: [...months.keys()].map((m) => `${m}-01`), values: [...months.values()], end: stop, droppedPartial: partial };
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function addMonths(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

interface Setup {
  seasonLength: number;
  periods: number[];
  backtestHorizon: number;
  minTrain: number;
  notes: LocalizedText[];
  enough: boolean;
}

function setup(granularity: Granularity, n: number, horizon: number): Setup {
  const notes: LocalizedText[] = [];
  if (granularity === 'day') {
    const hb = Math.min(horizon, 28);
    if (n < 14) return { seasonLength: 7, periods: [], backtestHorizon: hb, minTrain: 14, enough: false, notes: [L(`Histórico de ${n} dias: menos de dois ciclos semanais, sem previsão.`, `${n} days of history: less than two weekly cycles, no forecast.`)] };
    const yearly = n >= 730 + 2 * hb;
    if (!yearly) notes.push(L(`Histórico de ${n} dias: menos de dois ciclos anuais completos antes do backtest; a sazonalidade anual não é modelada.`, `${n} days of history: less than two full yearly cycles before the backtest; yearly seasonality is not modelled.`));
    return { seasonLength: 7, periods: yearly ? [7, 365] : [7], backtestHorizon: hb, minTrain: yearly ? 730 : 14, enough: true, notes };
  }
  const hb = Math.min(horizon, 3);
  if (n < 6) return { seasonLength: 12, periods: [], backtestHorizon: hb, minTrain: 6, enough: false, notes: [L(`Histórico de ${n} meses completos: insuficiente para prever.`, `${n} complete months of history: not enough to forecast.`)] };
  if (n < 24 + 2 * hb) {
    notes.push(L(`Histórico de ${n} meses: menos de dois ciclos anuais completos antes do backtest; sem sazonalidade (a linha de base repete o último mês).`, `${n} months of history: less than two full yearly cycles before the backtest; no seasonality (the baseline repeats the last month).`));
    return { seasonLength: 1, periods: [], backtestHorizon: hb, minTrain: 4, enough: true, notes };
  }
  return { seasonLength: 12, periods: [12], backtestHorizon: hb, minTrain: 24, enough: true, notes };
}

/**
 * Forecast of a prepared series (pure: testable on synthetic data). Bounds are clamped at zero: revenue is never
 * negative. A daily series may come with its calendar (history then horizon), which every candidate sees.
 */
export function forecastSeries(
  dates: string[],
  values: number[],
  granularity: Granularity,
  horizon: number,
  historyEnd: string | null = null,
  calendar: DayCalendar | null = null,
): ForecastResult {
  const s = setup(granularity, values.length, horizon);
  const base: ForecastResult = {
    granularity,
    horizon,
    historyEnd: historyEnd ?? dates[dates.length - 1] ?? null,
    historyLength: values.length,
    seasonLength: s.seasonLength,
    model: null,
    bestModel: null,
    backtest: [],
    notes: s.notes,
    history: dates.map((date, i) => ({ date, value: values[i] })),
    points: [],
  };
  if (!s.enough) return base;
  const specs = candidates(s.seasonLength, s.periods, granularity === 'day' ? calendar : null);
  const plan = backtestPlan(values.length, s.backtestHorizon, ORIGINS, s.minTrain);
  const runs = backtest(values, specs, plan, s.seasonLength);
  const scores: BacktestScore[] = runs.map(({ factors: _f, ...score }) => score);
  const choice = chooseModel(scores);
  const notes = [...s.notes, choice.note];
  let spec = specs.find((x) => x.id === choice.shown) as CandidateSpec;
  let f;
  try {
    f = spec.forecast(values, horizon, LEVELS);
  } catch {
    spec = specs[0];
    f = spec.forecast(values, horizon, LEVELS);
    notes.push(L('O modelo escolhido falhou no ajuste final: mostrando a referência.', 'The chosen model failed on the final fit: showing the baseline.'));
  }
  // Intervals calibrated on the backtest, so the 80 % band covers about 80 % of days (as the coverage shown says).
  const factors = runs.find((r) => r.model === spec.id)?.factors;
  if (factors?.size) f = calibrate(f, factors);
  const last = dates[dates.length - 1];
  const clamp = (v: number | undefined, fallback: number) => Math.max(0, Number.isFinite(v) ? (v as number) : fallback);
  const i80 = f.intervals.get(0.8);
  const i95 = f.intervals.get(0.95);
  const ratios = calendar && granularity === 'day' ? calendarAdjust(values, calendar.slice(0, values.length)).ratios : null;
  const points: ForecastPoint[] = f.point.map((p, i) => {
    const day = ratios ? (calendar?.[values.length + i] ?? null) : null;
    return {
      date: granularity === 'day' ? addDays(last, i + 1) : addMonths(last, i + 1),
      point: clamp(p, 0),
      lo80: clamp(i80?.lower[i], p),
      hi80: clamp(i80?.upper[i], p),
      lo95: clamp(i95?.lower[i], p),
      hi95: clamp(i95?.upper[i], p),
      special: day && ratios ? { label: day.label, effect: dayEffect(day, ratios), closedShare: day.closedShare } : null,
    };
  });
  return { ...base, model: spec.id, bestModel: choice.best, backtest: scores, notes, points };
}

/** The forecast of the business's completed-sales revenue; daily forecasts know the holiday calendar of the settings. */
export async function computeForecast(
  db: Db,
  granularity: Granularity,
  horizon: number,
  end: string | null = null,
  holidays: Settings['holidays'] = DEFAULT_SETTINGS.holidays,
): Promise<ForecastResult> {
  const series = await revenueSeries(db, granularity, end);
  const calendar =
    granularity === 'day' && series.dates.length && series.end ? buildCalendar(series.dates[0], series.dates.length + horizon, holidays, await locationShares(db, series.end)) : null;
  const r = forecastSeries(series.dates, series.values, granularity, horizon, series.end, calendar);
  if (series.droppedPartial && series.end) r.notes.unshift(L(`O mês de ${series.end.slice(0, 7)} ainda não terminou e fica fora do histórico.`, `${series.end.slice(0, 7)} is not over yet and is left out of the history.`));
  return r;
}
