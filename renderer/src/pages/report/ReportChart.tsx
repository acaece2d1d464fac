// The report's ECharts chart above its table, built from the chart spec over the same filtered rows; folds away to
// its title line (remembered per report) and is sized to the window so the table starts high on a laptop.
import { useMemo } from 'react';
import type { ReportFilteredInput } from '../../../../shared/api/reports';
import type { ChartSpec, ReportColumnMeta, ReportMeta } from '../../../../shared/reports';
import { navigate } from '../../app/router';
import { useCall } from '../../api/useCall';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { useFitHeight } from '../../components/charts/useFitHeight';
import { buildReportChart } from '../../components/charts/reportChartOption';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { drillTarget } from './drill';

function fewerSteps(option: Record<string, unknown>): Record<string, unknown> {
  const axis = (a: unknown) => (a && typeof a === 'object' && (a as { type?: string }).type === 'value' ? { ...a, splitNumber: 2 } : a);
  const y = option.yAxis;
  return { ...option, yAxis: Array.isArray(y) ? y.map(axis) : axis(y) };
}

export interface ReportChartProps {
  meta: ReportMeta;
  charts: ChartSpec[];
  columns: ReportColumnMeta[];
  input: ReportFilteredInput;
  chosen?: string;
  onChoose(id: string): void;
  hidden: boolean;
  onHiddenChange(hidden: boolean): void;
}

export function ReportChart(props: ReportChartProps) {
  const { charts, columns, input, hidden } = props;
  const { l, f, t } = useI18n();
  const colors = useChartColors();
  const spec = charts.find((c) => c.id === props.chosen) ?? charts[0];
  const data = useCall('reports.chart', hidden ? null : { ...input, chart: spec.id }, { low: true });
  // 720 px high: 150 px of chart; 1080 px: 260 (a heatmap gets a little more for its rows and scale).
  const height = useFitHeight(spec.kind === 'heatmap' ? 540 : 570, spec.kind === 'heatmap' ? 190 : 150, spec.kind === 'heatmap' ? 320 : 260);
  const built = useMemo(
    () => (data.data && data.data.chart === spec.id ? buildReportChart(spec, data.data, columns, f, colors, t, l(spec.title)) : null),
    [data.data, spec, columns, f, colors, t, l],
  );
  // A short chart (a laptop's) asks for two or three steps on its value axes, so their labels do not crowd each other.
  const option = useMemo(() => (built && height < 200 ? fewerSteps(built.option as Record<string, unknown>) : built?.option), [built, height]);
  const xCol = columns.find((c) => c.id === spec.x);
  const onClickItem = (p: { dataIndex: number }) => {
    if (!xCol?.drill || !data.data) return;
    const target = drillTarget(xCol, data.data.x[p.dataIndex] ?? null);
    if (target) navigate(target.path, target.query);
  };
  return (
    <figure className={`card chart-card report-chart${hidden ? ' folded' : ''}`} data-testid="report-chart">
      <figcaption className="chart-head">
        <h2>{l(spec.title)}</h2>
        <div className="chart-tools">
          {charts.length > 1 && !hidden && (
            <div className="field field-inline">
              <label htmlFor="chart-choice">{t('report.chart')}</label>
              <select id="chart-choice" className="compact" value={spec.id} onChange={(e) => props.onChoose(e.target.value)}>
                {charts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {l(c.title)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" className="btn btn-small btn-ghost" aria-expanded={!hidden} data-testid="chart-toggle" onClick={() => props.onHiddenChange(!hidden)}>
            {hidden ? t('report.showChart') : t('report.hideChart')}
          </button>
        </div>
      </figcaption>
      {!hidden && (
        <>
          {data.error && <ErrorNote error={data.error} />}
          {built ? (
            <EChart option={option ?? built.option} summary={built.summary} height={height} onClickItem={onClickItem} />
          ) : (
            !data.error && <div className="chart-placeholder" style={{ height }} />
          )}
          {built && (
            <p className="chart-summary muted" title={built.summary}>
              {built.summary}
            </p>
          )}
        </>
      )}
    </figure>
  );
}
