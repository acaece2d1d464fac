// One forecast shown: the chart with bands, the model chosen and why (the engine's note), the holidays ahead,
// the backtest errors of every model under names an owner reads, and how often the bands held in the backtest.
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

/** How often the shown model's bands held in the backtest, in words (null when not measured). */
export function coverageText(r: ForecastResult, t: ReturnType<typeof useI18n>['t'], pct: (v: number) => string): string | null {
  const shown = r.backtest.find((b) => b.model === r.model);
  if (!shown || shown.coverage80 === null || shown.coverage95 === null) return null;
  return t('forecast.coverage', { c80: pct(shown.coverage80), c95: pct(shown.coverage95) });
}

export function ForecastView({ result }: { result: ForecastResult }) {
  const { t, f, l } = useI18n();
  const colors = useChartColors();
  const chart = useMemo(() => forecastOption(result, f, colors, t), [result, f, colors, t]);
  const pct = (v: number) => f.percent(v, 1);
  const words = coverageText(result, t, (v) => f.percent(v, 0));
  const special = result.points.filter((p) => p.special);
  const when = (d: string) => (result.granularity === 'month' ? f.month(d) : f.date(d));
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
          {result.notes.map((n, i) => (
            <p key={i} className={i === result.notes.length - 1 ? undefined : 'muted'} data-testid="forecast-note">
              {l(n)}
            </p>
          ))}
          {words && <p data-testid="forecast-coverage">{words}</p>}
          <p className="muted small">{t('forecast.history', { n: f.integer(result.historyLength), end: result.historyEnd ? (result.granularity === 'month' ? f.month(result.historyEnd) : f.date(result.historyEnd)) : '–' })}</p>
        </section>
        <section className="card" aria-labelledby="fc-backtest">
          <h2 id="fc-backtest">{t('forecast.backtest')}</h2>
          <table className="simple-table" data-testid="backtest-table">
            <thead>
              <tr>
                <th scope="col">{t('forecast.modelColumn')}</th>
                <th scope="col" className="num">
                  {t('forecast.metric.mase')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.metric.smape')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.metric.mape')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.metric.cov80')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.metric.cov95')}
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
                  <td className="num">{b.mase === null ? '–' : f.number(b.mase, 2)}</td>
                  <td className="num">{b.smape === null ? '–' : pct(b.smape / 100)}</td>
                  <td className="num">{b.mape === null ? '–' : pct(b.mape / 100)}</td>
                  <td className="num">{b.coverage80 === null ? '–' : f.percent(b.coverage80, 0)}</td>
                  <td className="num">{b.coverage95 === null ? '–' : f.percent(b.coverage95, 0)}</td>
                  <td className="num">{f.integer(b.origins)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('forecast.masePlain')}</p>
        </section>
        {special.length > 0 && (
          <section className="card" aria-labelledby="fc-special">
            <h2 id="fc-special">{t('forecast.special')}</h2>
            <ul className="plain-list" data-testid="forecast-special">
              {special.map((p) => (
                <li key={p.date}>
                  <strong>{when(p.date)}</strong> {l(p.special!.label)}: {f.money(p.point)}{' '}
                  <span className="muted small">
                    ({t('forecast.specialEffect', { p: f.percent(p.special!.effect, 0) })}
                    {p.special!.closedShare > 0 ? ` · ${t('forecast.specialClosed', { p: f.percent(p.special!.closedShare, 0) })}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
