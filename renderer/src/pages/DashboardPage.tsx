// The dashboard: the period's KPIs (one engine call) with variation and sparklines, then the chart cards;
// on a database with no data, the first-start choices instead.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { DashboardKpi, DashboardResult } from '../../../shared/reports';
import { useCall } from '../api/useCall';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useGlobalInputs } from '../state/filterStore';
import { useReportList } from '../state/reportsStore';
import { FirstStart } from './FirstStart';
import { KpiCard } from './dashboard/KpiCard';

const DashboardCharts = lazy(() => import('./dashboard/DashboardCharts'));

function shiftYear(d: string): string {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${y}-${md}`;
}

/** Replaces each KPI's comparison with the same period one year earlier. */
function againstLastYear(cur: DashboardResult, ly: DashboardResult): DashboardKpi[] {
  return cur.kpis.map((k) => {
    const prev = ly.kpis.find((x) => x.id === k.id)?.value ?? null;
    const a = k.value === null ? null : Number(k.value);
    const b = prev === null ? null : Number(prev);
    return { ...k, previous: prev, variation: a === null || b === null || b === 0 ? null : (a - b) / Math.abs(b) };
  });
}

export default function DashboardPage() {
  const { t, f } = useI18n();
  const info = useAppStore((s) => s.info);
  const g = useGlobalInputs();
  const { list } = useReportList();
  const dash = useCall('reports.dashboard', info?.empty ? null : { period: g.period, common: g.common });
  const lyPeriod = dash.data && g.compare === 'last_year' ? { preset: 'custom' as const, from: shiftYear(dash.data.period.from), to: shiftYear(dash.data.period.to) } : null;
  const ly = useCall('reports.dashboard', lyPeriod ? { period: lyPeriod, common: g.common } : null);
  const kpis = useMemo(() => {
    if (!dash.data) return [];
    if (g.compare === 'last_year') return ly.data ? againstLastYear(dash.data, ly.data) : dash.data.kpis;
    return dash.data.kpis;
  }, [dash.data, ly.data, g.compare]);

  // The forecast KPI reads the stored forecast, which the trend card's forecast call computes on first use.
  const forecastMissing = !!dash.data?.kpis.find((k) => k.id === 'forecast_next_30_days' && !k.available);
  const reloadDash = dash.reload;
  const onForecast = useCallback(() => {
    if (forecastMissing) reloadDash();
  }, [forecastMissing, reloadDash]);

  if (!info) return <div className="page-loading">{t('common.loading')}</div>;
  if (info.empty) return <FirstStart />;
  const d = dash.data;
  const against = g.compare === 'last_year' ? lyPeriod : d?.previous;
  const compareLabel = g.compare === 'last_year' ? t('report.vsLastYear') : t('dash.vsPrevious');
  return (
    <section className="page dashboard" aria-labelledby="dash-title" data-testid="dashboard" data-period={d ? `${d.period.from}..${d.period.to}` : ''}>
      <header className="page-head">
        <div>
          <h1 id="dash-title">{t('dash.title')}</h1>
          {d && against && (
            <p className="muted" data-testid="dash-period">
              {g.compare === 'none'
                ? `${f.date(d.period.from)} – ${f.date(d.period.to)}`
                : t('dash.subtitle', { from: f.date(d.period.from), to: f.date(d.period.to), pfrom: f.date(against.from), pto: f.date(against.to) })}
            </p>
          )}
        </div>
      </header>
      {dash.error && <ErrorNote error={dash.error} onRetry={dash.reload} />}
      <div className="kpi-grid" data-testid="kpi-grid" aria-busy={dash.loading}>
        {kpis.map((k) => (
          <KpiCard key={k.id} kpi={g.compare === 'none' ? { ...k, variation: null } : k} compareLabel={compareLabel} />
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
