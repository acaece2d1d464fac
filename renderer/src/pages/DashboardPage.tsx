// The dashboard: the period's KPIs (one engine call, previous and last-year windows included), the headline ones
// large with sparklines beside the revenue trend (above the fold on a 1280x720 laptop), the others compact, the
// subtitle naming exactly the window compared, then the other chart cards;
// on a database with no data, the first-start choices instead.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { COMPARE_BASIS_LABELS, type DashboardKpi, type DashboardKpiId, type DashboardResult } from '../../../shared/reports';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useGlobalInputs } from '../state/filterStore';
import { useReportList } from '../state/reportsStore';
import { FirstStart } from './FirstStart';
import { KpiCard } from './dashboard/KpiCard';
import { AlertsCard } from './dashboard/AlertsCard';
import { useFitHeight } from '../components/charts/useFitHeight';
import { GoalsCard } from './dashboard/GoalsCard';

const TrendChart = lazy(() => import('./dashboard/DashboardCharts').then((m) => ({ default: m.TrendChart })));
const MoreCharts = lazy(() => import('./dashboard/DashboardCharts').then((m) => ({ default: m.MoreCharts })));

/** The figures an owner reads first: large cards beside the trend; the rest are compact. */
const HEADLINE: DashboardKpiId[] = ['net_revenue', 'completed_sales', 'average_ticket', 'unique_customers'];

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
  // Under the top bar, the title and the headline KPIs, with the chart card's own head and caption around it.
  const trendHeight = useFitHeight(430, 200, 400);

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
    <section className="page page-wide dashboard" aria-labelledby="dash-title" data-testid="dashboard" data-period={d ? `${d.period.from}..${d.period.to}` : ''}>
      <header className="page-head page-head-compact">
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
      <div className="dash-top">
        <div className="dash-main">
          <div className="kpi-headline" data-testid="kpi-headline" aria-busy={dash.loading}>
            {HEADLINE.map((id) => kpis.find((k) => k.id === id))
              .filter((k) => k !== undefined)
              .map((k) => (
                <KpiCard key={k.id} kpi={k} compareLabel={compareLabel} size="headline" />
              ))}
          </div>
          {list && (d || dash.error) ? (
            <Suspense fallback={<div className="card chart-placeholder dash-trend" style={{ height: trendHeight + 60 }} />}>
              <TrendChart reports={list} asOf={d?.period.to ?? null} onForecast={onForecast} height={trendHeight} />
            </Suspense>
          ) : (
            <div className="card chart-placeholder dash-trend" style={{ height: trendHeight + 60 }} />
          )}
          {d && <GoalsCard month={d.period.to.slice(0, 7)} />}
        </div>
        <div className="dash-side">
          <div className="kpi-compact" data-testid="kpi-grid" aria-busy={dash.loading}>
            {kpis
              .filter((k) => !HEADLINE.includes(k.id))
              .map((k) => (
                <KpiCard key={k.id} kpi={k} compareLabel={compareLabel} />
              ))}
          </div>
          <AlertsCard />
        </div>
      </div>
      {list && (d || dash.error) && (
        <Suspense fallback={<div className="chart-placeholder" style={{ height: 300 }} />}>
          <MoreCharts reports={list} asOf={d?.period.to ?? null} />
        </Suspense>
      )}
    </section>
  );
}
