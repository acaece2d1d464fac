// Forecast: the next 30 days' revenue total (the same figure as the dashboard's), then the daily or monthly forecast
// from the end of the chosen period with 80/95% bands, the model chosen by backtest, its errors and coverage.
import { useState } from 'react';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useFilterStore } from '../state/filterStore';
import { useResolvedPeriod } from '../state/useResolvedPeriod';
import { ForecastView, MODEL_KEY } from './forecast/ForecastView';

export default function ForecastPage() {
  const { t, f } = useI18n();
  const locations = useFilterStore((s) => s.locations);
  const [granularity, setGranularity] = useState<'day' | 'month'>('day');
  const { period, error: periodError } = useResolvedPeriod();
  const asOf = period?.to ?? null;
  const next = useCall('analytics.forecastNext30', {});
  const n = next.data;
  // A period reaching the still-open business day forecasts from the last complete day, as the 30-day total does,
  // so the page shows one total; an earlier period end forecasts from that day.
  const live = !!n && !!asOf && (n.historyEnd === null || asOf > n.historyEnd);
  const ready = !!asOf && (!!n || !!next.error);
  const fc = useCall(
    'analytics.forecast',
    ready ? { granularity, horizon: granularity === 'day' ? 30 : 6, ...(live ? {} : { asOf: asOf as string }) } : null,
  );
  return (
    <section className="page forecast" aria-labelledby="fc-title">
      <header className="page-head">
        <div>
          <h1 id="fc-title">{t('forecast.title')}</h1>
          <p className="muted">{t('forecast.intro')}</p>
          {locations.length > 0 && <p className="muted small">{t('seg.locationNote')}</p>}
        </div>
        <div className="field">
          <label htmlFor="fc-granularity">{t('forecast.granularity')}</label>
          <select id="fc-granularity" value={granularity} onChange={(e) => setGranularity(e.target.value as 'day' | 'month')}>
            <option value="day">{t('forecast.daily')}</option>
            <option value="month">{t('forecast.monthly')}</option>
          </select>
        </div>
      </header>
      <div className="card kpi-card" data-testid="forecast-next30">
        <div className="kpi-label">{t('forecast.next30')}</div>
        <div className="kpi-value">{n ? (n.total === null ? '–' : f.money(n.total)) : '…'}</div>
        <div className="muted small">
          {n && n.total !== null && n.from && n.to && n.model
            ? t('forecast.next30Range', { from: f.date(n.from), to: f.date(n.to), model: t(MODEL_KEY[n.model]) })
            : n
              ? t('forecast.next30Missing')
              : ''}
        </div>
        {next.error && <ErrorNote error={next.error} onRetry={next.reload} />}
      </div>
      {periodError && <ErrorNote error={periodError} />}
      {fc.error && <ErrorNote error={fc.error} onRetry={fc.reload} />}
      {fc.loading && !fc.data && <div className="chart-placeholder" style={{ height: 320 }} />}
      {fc.data && <ForecastView result={fc.data} />}
    </section>
  );
}
