// "O que mudou": the dashboard's short list of what is off its usual week (units, professionals, no-shows) and the
// good customers overdue, each a plain sentence with a link to the rows behind it.
import type { DashboardAlert } from '../../../../shared/agenda';
import { useCall } from '../../api/useCall';
import { href, navigate } from '../../app/router';
import { ErrorNote } from '../../components/ErrorNote';
import { useI18n, type I18n } from '../../i18n/useI18n';
import { useFilterStore, useGlobalInputs } from '../../state/filterStore';
import '../../styles/agenda.css';

function sentence({ t, f }: I18n, a: DashboardAlert): string {
  const name = a.subjectName ?? t('alerts.unnamed');
  const pct = a.change === null ? '' : f.percent(Math.abs(a.change), 0);
  switch (a.kind) {
    case 'unit_week':
      return t(a.direction === 'below' ? 'alerts.unit.below' : 'alerts.unit.above', { name, pct, value: f.money(a.value), usual: f.money(a.usual) });
    case 'employee_week':
      return t(a.direction === 'below' ? 'alerts.employee.below' : 'alerts.employee.above', { name, pct, value: f.money(a.value), usual: f.money(a.usual) });
    case 'no_show_rise':
      return t(a.subjectId ? 'alerts.noShow.unit' : 'alerts.noShow.all', { name, value: f.percent(a.value, 1), usual: f.percent(a.usual, 1) });
    case 'overdue_customers':
      return a.value === 1 ? t('alerts.overdue.one') : t('alerts.overdue.many', { n: f.integer(a.value) });
  }
}

export function AlertsCard() {
  const i18n = useI18n();
  const { t, f } = i18n;
  const g = useGlobalInputs();
  const setLocations = useFilterStore((s) => s.setLocations);
  const res = useCall('agenda.alerts', g.common.location ? { location: g.common.location } : {}, { low: true });
  const r = res.data;
  /** A report link's unit becomes the global unit filter (reports take it from there); the agenda keeps it in its address. */
  const follow = (a: DashboardAlert) => (e: React.MouseEvent) => {
    const { location, ...rest } = a.link.query;
    if (!location || !a.link.path.startsWith('/reports/')) return;
    e.preventDefault();
    setLocations([location]);
    navigate(a.link.path, rest);
  };
  return (
    <section className="card alerts-card" aria-labelledby="alerts-title" data-testid="dash-alerts">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!r && res.loading && <div className="chart-placeholder" style={{ height: 80 }} />}
      {r && r.alerts.length === 0 && <p className="muted empty-note">{t('alerts.empty')}</p>}
      {r && r.alerts.length > 0 && (
        <ul className="alerts-list">
          {r.alerts.map((a) => (
            <li key={`${a.kind}|${a.subjectId ?? ''}`} className={`alert-${a.direction}`} data-kind={a.kind}>
              <span className="alert-mark" aria-hidden="true">
                {a.direction === 'below' ? '▼' : '▲'}
              </span>
              <span className="alert-text">{sentence(i18n, a)}</span>{' '}
              <a className="alert-link" href={href(a.link.path, a.link.query)} onClick={follow(a)}>
                {t('alerts.see')} <span aria-hidden="true">→</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {r && (
        <p className="muted small">
          {t('alerts.help', { from: f.date(r.weekFrom), to: f.date(r.weekTo), weeks: r.baselineWeeks, pct: f.percent(r.weekThreshold, 0), money: f.money(r.minMoneyChange) })}
        </p>
      )}
    </section>
  );
}
