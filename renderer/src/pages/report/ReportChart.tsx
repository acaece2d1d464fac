// The report's ECharts chart above its table, built from the chart spec over the same filtered rows.
import { useMemo } from 'react';
import type { ReportFilteredInput } from '../../../../shared/api/reports';
import type { ChartSpec, ReportColumnMeta, ReportMeta } from '../../../../shared/reports';
import { navigate } from '../../app/router';
import { useCall } from '../../api/useCall';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { buildReportChart } from '../../components/charts/reportChartOption';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';
import { drillTarget } from './drill';

export function ReportChart(props: { meta: ReportMeta; charts: ChartSpec[]; columns: ReportColumnMeta[]; input: ReportFilteredInput; chosen?: string; onChoose(id: string): void }) {
  const { charts, columns, input } = props;
  const { l, f, t } = useI18n();
  const colors = useChartColors();
  const spec = charts.find((c) => c.id === props.chosen) ?? charts[0];
  const data = useCall('reports.chart', { ...input, chart: spec.id }, { low: true });
  const built = useMemo(
    () => (data.data && data.data.chart === spec.id ? buildReportChart(spec, data.data, columns, f, colors, t, l(spec.title)) : null),
    [data.data, spec, columns, f, colors, t, l],
  );
  const xCol = columns.find((c) => c.id === spec.x);
  const onClickItem = (p: { dataIndex: number }) => {
    if (!xCol?.drill || !data.data) return;
    const target = drillTarget(xCol, data.data.x[p.dataIndex] ?? null);
    if (target) navigate(target.path, target.query);
  };
  return (
    <figure className="card chart-card" data-testid="report-chart">
      <figcaption className="chart-head">
        <h2>{l(spec.title)}</h2>
        {charts.length > 1 && (
          <div className="field field-inline">
            <label htmlFor="chart-choice">{t('report.chart')}</label>
            <select id="chart-choice" value={spec.id} onChange={(e) => props.onChoose(e.target.value)}>
              {charts.map((c) => (
                <option key={c.id} value={c.id}>
                  {l(c.title)}
                </option>
              ))}
            </select>
          </div>
        )}
      </figcaption>
      {data.error && <ErrorNote error={data.error} />}
      {built ? <EChart option={built.option} summary={built.summary} height={spec.kind === 'heatmap' ? 300 : 240} onClickItem={onClickItem} /> : !data.error && <div className="chart-placeholder" style={{ height: 240 }} />}
      {built && <p className="chart-summary muted">{built.summary}</p>}
    </figure>
  );
}
