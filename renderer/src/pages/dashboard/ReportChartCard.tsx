// A dashboard card drawing one chart of one report over the global period and location; opens the report.
import { useMemo, type ReactNode } from 'react';
import type { ReportMeta } from '../../../../shared/reports';
import { href, navigate } from '../../app/router';
import { useCall } from '../../api/useCall';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { buildReportChart, type BuiltChart } from '../../components/charts/reportChartOption';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { useGlobalInputs } from '../../state/filterStore';
import type { ChartData } from '../../../../shared/api/reports';
import type { ColumnFilter } from '../../../../shared/api/tableSpec';

export interface ReportChartCardProps {
  meta: ReportMeta | undefined;
  reportId: string;
  chartId: string;
  title: string;
  params?: Record<string, string | number | boolean | null>;
  filters?: ColumnFilter[];
  height?: number;
  testId: string;
  /** Adds series or bands to the built chart (the revenue trend adds the forecast). */
  decorate?(built: BuiltChart, data: ChartData): BuiltChart;
  footer?: ReactNode;
  className?: string;
}

export function ReportChartCard({ meta, reportId, chartId, title, params, filters, height = 240, testId, decorate, footer, className }: ReportChartCardProps) {
  const { t, f, l } = useI18n();
  const colors = useChartColors();
  const g = useGlobalInputs();
  const spec = meta?.charts.find((c) => c.id === chartId);
  const common = meta?.filters.includes('location') ? g.common : {};
  const input = meta && spec ? { report: reportId, chart: chartId, period: g.period, common, params: params ?? {}, filters: filters ?? [] } : null;
  const data = useCall('reports.chart', input, { low: true });
  const built = useMemo(() => {
    if (!data.data || !spec || !meta) return null;
    const b = buildReportChart(spec, data.data, meta.columns, f, colors, t, l(spec.title));
    return decorate ? decorate(b, data.data) : b;
  }, [data.data, spec, meta, f, colors, t, l, decorate]);
  return (
    <section className={`card chart-card dash-card ${className ?? ''}`} data-testid={testId} aria-label={title}>
      <header className="chart-head">
        <h2>
          <a href={href(`/reports/${reportId}`)} className="card-title-link">
            {title} <span aria-hidden="true">→</span>
          </a>
        </h2>
      </header>
      {!meta || !spec ? (
        <p className="muted not-yet-inline" data-testid="not-yet">
          {t('dash.reportMissing')}
        </p>
      ) : data.error ? (
        <ErrorNote error={data.error} />
      ) : built ? (
        <div className="dash-chart-click" onClick={() => navigate(`/reports/${reportId}`)}>
          <EChart option={built.option} summary={built.summary} height={height} />
        </div>
      ) : (
        <div className="chart-placeholder" style={{ height }} />
      )}
      {built && <p className="chart-summary muted">{built.summary}</p>}
      {footer}
    </section>
  );
}
