// The RFM cluster donut; it needs the engine's customer analytics, and says so until they exist.
import { href } from '../../app/router';
import { useI18n } from '../../i18n/useI18n';

export function RfmDonutCard() {
  const { t } = useI18n();
  return (
    <section className="card chart-card dash-card" data-testid="dash-rfm" aria-label={t('dash.rfm')}>
      <header className="chart-head">
        <h2>
          <a href={href('/segments')} className="card-title-link">
            {t('dash.rfm')} <span aria-hidden="true">→</span>
          </a>
        </h2>
      </header>
      <p className="muted not-yet-inline" data-testid="not-yet">
        {t('dash.analyticsMissing')}
      </p>
    </section>
  );
}
