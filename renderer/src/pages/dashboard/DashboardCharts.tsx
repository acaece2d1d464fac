// The dashboard's chart cards (loaded after the KPI cards so the first paint does not wait for ECharts): the
// revenue trend with the forecast (the main chart, above the fold), then RFM clusters, peak hours and top services,
// each opening its report.
import type { ReportMeta } from '../../../../shared/reports';
import { useI18n } from '../../i18n/useI18n';
import { ReportChartCard } from './ReportChartCard';
import { RfmDonutCard } from './RfmDonutCard';
import { useForecastDecoration } from './useForecastDecoration';

const meta = (reports: ReportMeta[], id: string) => reports.find((r) => r.id === id);

export function TrendChart({ reports, asOf, onForecast, height }: { reports: ReportMeta[]; asOf: string | null; onForecast?: () => void; height: number }) {
  const { t } = useI18n();
  const forecast = useForecastDecoration(asOf, onForecast);
  return (
    <ReportChartCard
      className="dash-trend"
      meta={meta(reports, 'sales-summary')}
      reportId="sales-summary"
      chartId="net"
      title={t('dash.trend')}
      params={{ granularity: 'day' }}
      testId="dash-trend"
      decorate={forecast.decorate}
      footer={forecast.note}
      height={height}
    />
  );
}

export function MoreCharts({ reports, asOf }: { reports: ReportMeta[]; asOf: string | null }) {
  const { t } = useI18n();
  return (
    <div className="dash-charts">
      <RfmDonutCard asOf={asOf} />
      <ReportChartCard meta={meta(reports, 'peak-hours')} reportId="peak-hours" chartId="appointments" title={t('dash.peakHours')} testId="dash-peak" height={260} />
      <ReportChartCard
        meta={meta(reports, 'sales-by-item')}
        reportId="sales-by-item"
        chartId="top"
        title={t('dash.topServices')}
        filters={[{ column: 'kind', op: 'eq', value: 'service' }]}
        testId="dash-top"
        height={260}
      />
    </div>
  );
}
