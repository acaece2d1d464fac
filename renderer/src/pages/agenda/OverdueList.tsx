// Good customers (Champions and Loyal) past their usual interval with nothing booked: who to call to fill the agenda.
import type { OverdueResult } from '../../../../shared/agenda';
import type { CallState } from '../../api/useCall';
import { ErrorNote } from '../../components/ErrorNote';
import { codeLabel } from '../../i18n/valueLabels';
import { useI18n } from '../../i18n/useI18n';
import { AgendaHead } from './AgendaHead';

export function OverdueList({ state }: { state: CallState<OverdueResult> }) {
  const { t, f, locale } = useI18n();
  const r = state.data;
  return (
    <section className="card agenda-card" aria-labelledby="overdue-title" data-testid="agenda-overdue">
      <h2 id="overdue-title">{t('agenda.overdue.title')}</h2>
      <p className="muted small">{t('agenda.overdue.help', { factor: f.number(r?.factor ?? 1.5, 1) })}</p>
      {state.error && <ErrorNote error={state.error} onRetry={state.reload} />}
      {!r && state.loading && <div className="chart-placeholder" style={{ height: 120 }} />}
      {r && r.rows.length === 0 && <p className="muted empty-note">{t('agenda.overdue.empty')}</p>}
      {r && r.rows.length > 0 && (
        <div className="agenda-scroll">
          <table className="simple-table">
            <AgendaHead cols={['customer', 'phone', 'cluster', 'lastVisit', 'usual', ['since', 'num'], ['spent', 'num'], 'professional', 'unit']} />
            <tbody>
              {r.rows.map((c) => (
                <tr key={c.customerId}>
                  <td>
                    <a href={`#/customers/${encodeURIComponent(c.customerId)}`}>{c.name ?? t('agenda.noCustomer')}</a>
                  </td>
                  <td>{c.phone ?? t('agenda.noPhone')}</td>
                  <td>{codeLabel(locale, c.cluster)}</td>
                  <td>{f.date(c.lastVisit)}</td>
                  <td>{t('agenda.everyDays', { n: f.integer(c.usualDays) })}</td>
                  <td className="num">{t('agenda.days', { n: f.integer(c.daysSince) })}</td>
                  <td className="num">{f.money(c.monetary)}</td>
                  <td>{c.lastEmployeeName ?? t('agenda.noProfessional')}</td>
                  <td>{c.lastLocationName ?? t('agenda.noUnit')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r && r.total > r.rows.length && <p className="muted small">{t('agenda.overdue.more', { shown: f.integer(r.rows.length), total: f.integer(r.total) })}</p>}
    </section>
  );
}
