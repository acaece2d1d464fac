// Customer 360: profile and linked records, visit timeline, RFM scores and cluster history, predicted value and
// churn risk, loyalty points, campaigns received and segments.
import { RFM_CLUSTER_LABELS } from '../../../../shared/rfm';
import { href } from '../../app/router';
import { useCall } from '../../api/useCall';
import { ErrorNote } from '../../components/ErrorNote';
import { CLUSTER_COLORS } from '../../components/charts/rfmDonut';
import { useI18n } from '../../i18n/useI18n';
import { codeWord } from '../../../../shared/codeLists';
import { segmentLabel } from '../../i18n/valueLabels';
import { FitValueButton } from './FitValueButton';
import { VisitTimeline } from './VisitTimeline';

export default function Customer360({ customerId }: { customerId: string }) {
  const { t, f, l, locale } = useI18n();
  const c = useCall('analytics.customer360', { customerId });
  if (c.error) return <ErrorNote error={c.error} onRetry={c.reload} />;
  if (!c.data) return <div className="page-loading">{t('common.loading')}</div>;
  const d = c.data;
  const p = d.profile;
  return (
    <section className="page c360" aria-labelledby="c360-title" data-testid="customer-360">
      <header className="page-head">
        <div>
          <p className="muted small">
            <a href={href('/customers')}>← {t('nav.customers')}</a>
          </p>
          <h1 id="c360-title">{p.name ?? d.customerId}</h1>
          <p className="muted" title={d.customerId}>
            {[...new Set(d.records.map((r) => r.source).filter((x): x is string => !!x))].map((x) => codeWord('source', x, locale)).join(' · ')}
            {d.rfm && (
              <>
                {' · '}
                <span className="cluster-pill" style={{ borderColor: CLUSTER_COLORS[d.rfm.cluster] }}>
                  {l(RFM_CLUSTER_LABELS[d.rfm.cluster])}
                </span>
              </>
            )}
          </p>
        </div>
      </header>
      <div className="kpi-grid">
        <div className="card">
          <div className="kpi-label">{t('c360.visits')}</div>
          <div className="kpi-value" data-testid="c360-visits">
            {f.integer(p.visits)}
          </div>
          <div className="muted small">{t('c360.firstLast', { first: f.date(p.firstVisit), last: f.date(p.lastVisit) })}</div>
        </div>
        <div className="card">
          <div className="kpi-label">{t('c360.spent')}</div>
          <div className="kpi-value" data-testid="c360-spent">
            {f.money(p.totalSpent)}
          </div>
          <div className="muted small">{t('seg.avgTicket', { v: f.money(p.avgTicket) })}</div>
        </div>
        <div className="card">
          <div className="kpi-label">{t('c360.value')}</div>
          <div className="kpi-value">{d.value ? f.money(d.value.expectedValue365) : '–'}</div>
          <div className="muted small">{d.value ? t('c360.expectedVisits', { n: f.number(d.value.expectedVisits365, 1) }) : t('c360.noValue')}</div>
          {!d.value && <FitValueButton onDone={c.reload} />}
          {d.value &&
            d.valueNotes.map((n, i) => (
              <p key={i} className="note note-info small" data-testid="c360-value-note">
                {l(n)}
              </p>
            ))}
        </div>
        <div className="card">
          <div className="kpi-label">{t('c360.churn')}</div>
          {/* One visit day only: the model has no dropout to see yet, so no percentage is shown. */}
          <div className={`kpi-value ${d.value && d.value.repeatVisits > 0 && d.value.churnRisk > 0.5 ? 'down' : ''}`}>
            {d.value && d.value.repeatVisits > 0 ? f.percent(d.value.churnRisk, 0) : '–'}
          </div>
          <div className="muted small">{d.value ? (d.value.repeatVisits > 0 ? t('c360.pAlive', { p: f.percent(d.value.pAlive, 0) }) : t('c360.oneVisit')) : ''}</div>
        </div>
        <div className="card">
          <div className="kpi-label">{t('c360.loyalty')}</div>
          <div className="kpi-value">{f.integer(d.loyalty.balance)}</div>
          <div className="muted small">{t('c360.points')}</div>
        </div>
      </div>
      <div className="c360-grid">
        <section className="card" aria-labelledby="c360-profile">
          <h2 id="c360-profile">{t('c360.profile')}</h2>
          <dl className="facts">
            <dt>{t('c360.phone')}</dt>
            <dd>{p.phoneE164 ?? '–'}</dd>
            <dt>E-mail</dt>
            <dd>{p.email ?? '–'}</dd>
            <dt>{t('c360.birth')}</dt>
            <dd>{f.date(p.birthDate)}</dd>
            <dt>{t('c360.optIn')}</dt>
            <dd>{p.optIn ? t('c360.yes') : t('c360.no')}</dd>
            <dt>{t('c360.segments')}</dt>
            <dd>{d.segments.length ? d.segments.map((s) => segmentLabel(locale, s)).join(', ') : '–'}</dd>
          </dl>
          {d.records.length > 1 && (
            <>
              <h3>{t('c360.records')}</h3>
              <ul className="plain-list">
                {d.records.map((r) => (
                  <li key={r.customerId} title={r.customerId}>
                    {r.source ? codeWord('source', r.source, locale) : '–'} · {r.name ?? ''} {r.email ?? ''} {r.phone ?? ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="c360-rfm">
          <h2 id="c360-rfm">RFM</h2>
          {d.rfm ? (
            <>
              <p>
                {t('c360.rfmScores', { r: d.rfm.r, f: d.rfm.f, m: d.rfm.m, asOf: f.date(d.rfm.asOf) })}
                <br />
                <span className="muted small">{t('c360.rfmRaw', { recency: f.integer(d.rfm.recency), frequency: f.integer(d.rfm.frequency), monetary: f.money(d.rfm.monetary) })}</span>
              </p>
              {d.clusterHistory.length > 0 && (
                <ol className="cluster-history" aria-label={t('c360.clusterHistory')}>
                  {d.clusterHistory.map((h) => (
                    <li key={h.asOf} title={`R${h.r} F${h.f} M${h.m}`}>
                      <span className="swatch" style={{ background: CLUSTER_COLORS[h.cluster] }} aria-hidden="true" />
                      {f.month(h.asOf)}: {l(RFM_CLUSTER_LABELS[h.cluster])}
                    </li>
                  ))}
                </ol>
              )}
            </>
          ) : (
            <p className="muted">{t('c360.noRfm')}</p>
          )}
        </section>
      </div>
      <VisitTimeline sales={d.sales} />
      <div className="c360-grid">
        <section className="card" aria-labelledby="c360-loyalty">
          <h2 id="c360-loyalty">{t('c360.loyalty')}</h2>
          {d.loyalty.transactions.length ? (
            <table className="simple-table">
              <tbody>
                {d.loyalty.transactions.slice(0, 20).map((x, i) => (
                  <tr key={i}>
                    <td>{f.date(x.date)}</td>
                    <td>{codeWord('loyaltyKind', x.kind, locale)}</td>
                    <td className="num">{f.integer(x.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">–</p>
          )}
        </section>
        <section className="card" aria-labelledby="c360-campaigns">
          <h2 id="c360-campaigns">{t('c360.campaigns')}</h2>
          {d.campaigns.length ? (
            <ul className="plain-list">
              {d.campaigns.map((cp) => (
                <li key={cp.campaignId}>
                  <strong>{cp.name ?? cp.campaignId}</strong> {cp.channel ? `· ${codeWord('campaignChannel', cp.channel, locale)}` : ''}
                  <div className="muted small">{cp.events.map((e) => `${codeWord('eventType', e.type, locale)} ${f.date(e.at)}`).join(' → ')}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">–</p>
          )}
        </section>
      </div>
    </section>
  );
}
