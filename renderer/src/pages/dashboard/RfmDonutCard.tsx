// The RFM cluster donut on the dashboard, as of the end of the chosen period; opens the Segments page.
import { useMemo } from 'react';
import { href, navigate } from '../../app/router';
import { useCall } from '../../api/useCall';
import { useChartColors } from '../../components/charts/chartColors';
import { EChart } from '../../components/charts/EChart';
import { rfmDonut } from '../../components/charts/rfmDonut';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n } from '../../i18n/useI18n';

export function RfmDonutCard({ asOf }: { asOf: string | null }) {
  const { t, f } = useI18n();
  const colors = useChartColors();
  const rfm = useCall('analytics.rfm', asOf ? { asOf, limit: 1, withTotal: false } : null, { low: true });
  const donut = useMemo(() => (rfm.data ? rfmDonut(rfm.data.clusters, f, colors, t('dash.rfm')) : null), [rfm.data, f, colors, t]);
  return (
    <section className="card chart-card dash-card" data-testid="dash-rfm" aria-label={t('dash.rfm')}>
      <header className="chart-head">
        <h2>
          <a href={href('/segments')} className="card-title-link">
            {t('dash.rfm')} <span aria-hidden="true">→</span>
          </a>
        </h2>
      </header>
      {rfm.error && <ErrorNote error={rfm.error} />}
      {donut ? (
        <div className="dash-chart-click" onClick={() => navigate('/segments')}>
          <EChart option={donut.option} summary={donut.summary} height={260} />
        </div>
      ) : (
        !rfm.error && <div className="chart-placeholder" style={{ height: 260 }} />
      )}
      {donut && <p className="chart-summary muted">{donut.summary}</p>}
    </section>
  );
}
