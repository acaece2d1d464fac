// Forecast: daily or monthly net revenue forecast from the end of the chosen period, with 80/95% bands, the
// model chosen by backtest, its errors and the comparison with the seasonal-naive baseline in words.
import { useState } from 'react';
import type { analytics } from '../../../shared/api/analytics';
import { useCallIn } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useFilterStore } from '../state/filterStore';
import { useResolvedPeriod } from '../state/useResolvedPeriod';
import { ForecastView } from './forecast/ForecastView';

export default function ForecastPage() {
  const { t } = useI18n();
  const locations = useFilterStore((s) => s.locations);
  const [granularity, setGranularity] = useState<'day' | 'month'>('day');
  const { period, error: periodError } = useResolvedPeriod();
  const asOf = period?.to ?? null;
  const fc = useCallIn<typeof analytics, 'analytics.forecast'>('analytics.forecast', asOf ? { granularity, horizon: granularity === 'day' ? 30 : 6, asOf } : null);
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
      {periodError && <ErrorNote error={periodError} />}
      {fc.error && <ErrorNote error={fc.error} onRetry={fc.reload} />}
      {fc.loading && !fc.data && <div className="chart-placeholder" style={{ height: 320 }} />}
      {fc.data && <ForecastView result={fc.data} />}
    </section>
  );
}
