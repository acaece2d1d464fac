// One forecast shown: the chart with bands, the model chosen and why, the backtest errors of every model,
// and the comparison with the seasonal-naive baseline in plain words.
import { useMemo } from 'react';
import type { ForecastModelId, ForecastResult } from '../../../../shared/analytics';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { forecastOption } from '../../components/charts/forecastOption';
import { useI18n, type MessageKey } from '../../i18n/useI18n';

export const MODEL_KEY: Record<ForecastModelId, MessageKey> = {
  seasonal_naive: 'forecast.model.seasonal_naive',
  mstl_ets: 'forecast.model.mstl_ets',
  ets: 'forecast.model.ets',
};

/** The baseline comparison in words, from the backtest scores (MAPE comes in percentage points). */
export function baselineText(r: ForecastResult, t: ReturnType<typeof useI18n>['t'], pct: (v: number) => string): string | null {
  const base = r.backtest.find((b) => b.model === 'seasonal_naive');
  const shown = r.backtest.find((b) => b.model === r.model);
  if (!base || base.mape === null) return null;
  if (!shown || r.model === 'seasonal_naive' || shown.mape === null) return t('forecast.worse', { base: pct(base.mape / 100) });
  const gain = base.mape > 0 ? (base.mape - shown.mape) / base.mape : 0;
  return t('forecast.better', { model: t(MODEL_KEY[shown.model]), err: pct(shown.mape / 100), base: pct(base.mape / 100), pct: pct(gain) });
}

export function ForecastView({ result }: { result: ForecastResult }) {
  const { t, f, l } = useI18n();
  const colors = useChartColors();
  const chart = useMemo(() => forecastOption(result, f, colors, t), [result, f, colors, t]);
  const pct = (v: number) => f.percent(v, 1);
  const words = baselineText(result, t, pct);
  if (!result.points.length) return <p className="note note-info">{t('forecast.notEnough')}</p>;
  return (
    <div className="forecast-view" data-testid="forecast-view" data-model={result.model ?? ''}>
      <figure className="card chart-card">
        <EChart option={chart.option} summary={chart.summary} height={320} testId="forecast-chart" />
        <figcaption className="chart-summary muted">{chart.summary}</figcaption>
      </figure>
      <div className="grid forecast-facts">
        <section className="card" aria-labelledby="fc-model">
          <h2 id="fc-model">{t('forecast.model')}</h2>
          <p className="kpi-value" data-testid="forecast-model">
            {result.model ? t(MODEL_KEY[result.model]) : '–'}
          </p>
          {words && <p data-testid="forecast-baseline">{words}</p>}
          {result.notes.map((n, i) => (
            <p key={i} className="muted">
              {l(n)}
            </p>
          ))}
          <p className="muted small">{t('forecast.history', { n: f.integer(result.historyLength), end: result.historyEnd ? (result.granularity === 'month' ? f.month(result.historyEnd) : f.date(result.historyEnd)) : '–' })}</p>
        </section>
        <section className="card" aria-labelledby="fc-backtest">
          <h2 id="fc-backtest">{t('forecast.backtest')}</h2>
          <table className="simple-table" data-testid="backtest-table">
            <thead>
              <tr>
                <th scope="col">{t('forecast.model')}</th>
                <th scope="col" className="num">
                  MAPE
                </th>
                <th scope="col" className="num">
                  sMAPE
                </th>
                <th scope="col" className="num">
                  MASE
                </th>
                <th scope="col" className="num">
                  {t('forecast.origins')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.backtest.map((b) => (
                <tr key={b.model} className={b.model === result.model ? 'chosen' : undefined}>
                  <th scope="row">
                    {t(MODEL_KEY[b.model])}
                    {b.model === result.model ? ' ✓' : ''}
                  </th>
                  <td className="num">{b.mape === null ? '–' : pct(b.mape / 100)}</td>
                  <td className="num">{b.smape === null ? '–' : pct(b.smape / 100)}</td>
                  <td className="num">{b.mase === null ? '–' : f.number(b.mase, 2)}</td>
                  <td className="num">{f.integer(b.origins)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('forecast.masePlain')}</p>
        </section>
      </div>
    </div>
  );
}
