// Which forecast to show: a model replaces the seasonal naive baseline only when the rolling-origin backtest finds it
// no worse on every error measure (MASE, sMAPE and MAPE); among those, the lowest MASE. The note says why in words
// a salon owner reads (the measures by name, never by acronym), numbers in the reader's format (decimal comma in pt-BR).
import type { BacktestScore, ForecastModelId } from '../../shared/analytics';
import type { LocalizedText } from '../../shared/types';
import { createFormatter } from '../../shared/format';
import { codeWord } from '../../shared/codeLists';

/** A model's name inside a sentence: the one word list of shared/codeLists.ts, lower-cased; the baseline says so. */
const modelName = (id: ForecastModelId, l: keyof LocalizedText): string => {
  const word = codeWord('forecastModel', id, l);
  const name = word.charAt(0).toLocaleLowerCase(l) + word.slice(1);
  return id === 'seasonal_naive' ? `${name} (${l === 'pt-BR' ? 'referência' : 'baseline'})` : name;
};

const METRICS = ['mase', 'smape', 'mape'] as const;
type Metric = (typeof METRICS)[number];
const METRIC_NAMES: Record<Metric, LocalizedText> = {
  mase: { 'pt-BR': 'erro relativo', en: 'relative error' },
  smape: { 'pt-BR': 'erro percentual simétrico', en: 'symmetric percentage error' },
  mape: { 'pt-BR': 'erro percentual', en: 'percentage error' },
};

function num(v: number | null, locale: 'pt-BR' | 'en', metric: Metric): string {
  if (v === null) return '—';
  // MAPE and sMAPE arrive in percent units (20.5 = 20,5%)
  const f = createFormatter({ locale });
  return metric === 'mase' ? f.number(v, 2, 2) : f.percent(v / 100, 1);
}

/** Whether s is no worse than the baseline on every measure both have. */
function noWorse(s: BacktestScore, base: BacktestScore): boolean {
  return METRICS.every((m) => s[m] === null || base[m] === null || (s[m] as number) <= (base[m] as number));
}

function firstLoss(s: BacktestScore, base: BacktestScore): Metric {
  return METRICS.find((m) => s[m] !== null && base[m] !== null && (s[m] as number) > (base[m] as number)) ?? 'mase';
}

const text = (f: (l: 'pt-BR' | 'en') => string): LocalizedText => ({ 'pt-BR': f('pt-BR'), en: f('en') });

/** Picks the model to show and says why. */
export function chooseModel(scores: BacktestScore[]): { shown: ForecastModelId; best: ForecastModelId | null; note: LocalizedText } {
  const scored = scores.filter((s) => s.mase !== null && s.origins > 0);
  const base = scored.find((s) => s.model === 'seasonal_naive');
  if (!base) {
    return {
      shown: 'seasonal_naive',
      best: null,
      note: { 'pt-BR': 'Histórico curto demais para o teste com dados passados: mostrando a referência (repetir o último ciclo).', en: 'History too short to test on past data: showing the baseline (repeat the last cycle).' },
    };
  }
  const challengers = scored.filter((s) => s.model !== 'seasonal_naive');
  const byMase = (a: BacktestScore, b: BacktestScore) => (a.mase as number) - (b.mase as number);
  const winner = challengers.filter((s) => noWorse(s, base)).sort(byMase)[0];
  if (winner && (winner.mase as number) < (base.mase as number)) {
    return {
      shown: winner.model,
      best: winner.model,
      note: text((l) =>
        l === 'pt-BR'
          ? `Modelo escolhido: ${modelName(winner.model, l)}. Testado em ${winner.origins} períodos passados, errou menos que a referência nas três medidas (${METRICS.map((m) => `${METRIC_NAMES[m][l]} ${num(winner[m], l, m)} contra ${num(base[m], l, m)}`).join('; ')}).`
          : `Model chosen: ${modelName(winner.model, l)}. Tested on ${winner.origins} past periods, it erred less than the baseline on all three measures (${METRICS.map((m) => `${METRIC_NAMES[m][l]} ${num(winner[m], l, m)} vs ${num(base[m], l, m)}`).join('; ')}).`,
      ),
    };
  }
  const best = challengers.sort(byMase)[0] ?? null;
  if (!best) return { shown: 'seasonal_naive', best: 'seasonal_naive', note: text((l) => (l === 'pt-BR' ? `Mostrando a referência: ${modelName('seasonal_naive', l)}.` : `Showing the baseline: ${modelName('seasonal_naive', l)}.`)) };
  const m = firstLoss(best, base);
  return {
    shown: 'seasonal_naive',
    best: best.model,
    note: text((l) =>
      l === 'pt-BR'
        ? `Mostrando a referência (repetir o último ciclo): nenhum modelo errou menos que ela em todas as medidas no teste com dados passados (${modelName(best.model, l)}: ${METRIC_NAMES[m][l]} ${num(best[m], l, m)} contra ${num(base[m], l, m)}).`
        : `Showing the baseline (repeat the last cycle): no model erred less than it on every measure when tested on past data (${modelName(best.model, l)}: ${METRIC_NAMES[m][l]} ${num(best[m], l, m)} vs ${num(base[m], l, m)}).`,
    ),
  };
}
