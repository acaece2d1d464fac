// The dashboard's chart cards (loaded after the KPI cards so the first paint does not wait for ECharts):
// revenue trend, RFM clusters, peak hours and top services, each opening its report.
import type { ReportMeta } from '../../../../shared/reports';
import { useI18n } from '../../i18n/useI18n';
import { ReportChartCard } from './ReportChartCard';
import { RfmDonutCard } from './RfmDonutCard';
import { useForecastDecoration } from './useForecastDecoration';

export default function DashboardCharts({ reports, asOf, onForecast }: { reports: ReportMeta[]; asOf: string | null; onForecast?: () => void }) {
  const { t } = useI18n();
  const meta = (id: string) => reports.find((r) => r.id === id);
  const forecast = useForecastDecoration(asOf, onForecast);
  return (
    <div className="dash-charts">
      <ReportChartCard
        className="dash-wide"
        meta={meta('sales-summary')}
        reportId="sales-summary"
        chartId="net"
        title={t('dash.trend')}
        params={{ granularity: 'day' }}
        testId="dash-trend"
        decorate={forecast.decorate}
        footer={forecast.note}
        height={260}
      />
      <RfmDonutCard asOf={asOf} />
      <ReportChartCard meta={meta('peak-hours')} reportId="peak-hours" chartId="appointments" title={t('dash.peakHours')} testId="dash-peak" height={280} />
      <ReportChartCard
        meta={meta('sales-by-item')}
        reportId="sales-by-item"
        chartId="top"
        title={t('dash.topServices')}
        filters={[{ column: 'kind', op: 'eq', value: 'service' }]}
        testId="dash-top"
        height={280}
      />
    </div>
  );
}
