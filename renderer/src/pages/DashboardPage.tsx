// The dashboard: the period's KPIs (one engine call, previous and last-year windows included) with variation and
// sparklines, the subtitle naming exactly the window compared, then the chart cards;
// on a database with no data, the first-start choices instead.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { COMPARE_BASIS_LABELS, type DashboardKpi, type DashboardResult } from '../../../shared/reports';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useGlobalInputs } from '../state/filterStore';
import { useReportList } from '../state/reportsStore';
import { FirstStart } from './FirstStart';
import { KpiCard } from './dashboard/KpiCard';

const DashboardCharts = lazy(() => import('./dashboard/DashboardCharts'));

/** Each KPI against the window the comparison mode picks (the engine computes both, like for like). */
function against(cur: DashboardResult, mode: 'previous' | 'last_year' | 'none'): DashboardKpi[] {
  if (mode === 'previous') return cur.kpis;
  if (mode === 'none') return cur.kpis.map((k) => ({ ...k, variation: null }));
  return cur.kpis.map((k) => ({ ...k, previous: k.lastYear, variation: k.variationLastYear }));
}

export default function DashboardPage() {
  const { t, f, l } = useI18n();
  const info = useAppStore((s) => s.info);
  const g = useGlobalInputs();
  const { list } = useReportList();
  const dash = useCall('reports.dashboard', info?.empty ? null : { period: g.period, common: g.common });
  const kpis = useMemo(() => (dash.data ? against(dash.data, g.compare) : []), [dash.data, g.compare]);

  // The forecast KPI reads the stored forecast, which the trend card's forecast call computes on first use.
  const forecastMissing = !!dash.data?.kpis.find((k) => k.id === 'forecast_next_30_days' && !k.available);
  const reloadDash = dash.reload;
  const onForecast = useCallback(() => {
    if (forecastMissing) reloadDash();
  }, [forecastMissing, reloadDash]);

  if (!info) return <div className="page-loading">{t('common.loading')}</div>;
  if (info.empty) return <FirstStart />;
  const d = dash.data;
  const window = g.compare === 'last_year' ? d?.lastYear : g.compare === 'previous' ? d?.previous : null;
  const compareLabel = g.compare === 'last_year' ? t('report.vsLastYear') : t('dash.vsPrevious');
  const range = d ? { from: f.date(d.period.from), to: f.date(d.period.to) } : null;
  return (
    <section className="page dashboard" aria-labelledby="dash-title" data-testid="dashboard" data-period={d ? `${d.period.from}..${d.period.to}` : ''}>
      <header className="page-head">
        <div>
          <h1 id="dash-title">{t('dash.title')}</h1>
          {d && range && (
            <p className="muted" data-testid="dash-period" data-compared={window ? `${window.from}..${window.to}` : ''}>
              {d.grain === 'month'
                ? t('dash.allTime', range)
                : window
                  ? t('dash.compared', { ...range, pfrom: f.date(window.from), pto: f.date(window.to), basis: window.basis ? l(COMPARE_BASIS_LABELS[window.basis]) : '' })
                  : `${range.from} – ${range.to}`}
            </p>
          )}
        </div>
      </header>
      {dash.error && <ErrorNote error={dash.error} onRetry={dash.reload} />}
      <div className="kpi-grid" data-testid="kpi-grid" aria-busy={dash.loading}>
        {kpis.map((k) => (
          <KpiCard key={k.id} kpi={k} compareLabel={compareLabel} />
        ))}
      </div>
      {list && (d || dash.error) && (
        <Suspense fallback={<div className="chart-placeholder" style={{ height: 260 }} />}>
          <DashboardCharts reports={list} asOf={d?.period.to ?? null} onForecast={onForecast} />
        </Suspense>
      )}
    </section>
  );
}
