// The agenda's lists: booked and confirmed appointments, free slots to fill and the no-shows to reschedule, each
// with names (never codes) and a plain sentence when there is nothing to show.
import type { AgendaResult } from '../../../../shared/agenda';
import { codeLabel } from '../../i18n/valueLabels';
import { useI18n } from '../../i18n/useI18n';
import { AgendaHead } from './AgendaHead';
import { duration, useDayLabel } from './agendaFormat';

export function BookingsTable({ a }: { a: AgendaResult }) {
  const { t, f, locale } = useI18n();
  const dayLabel = useDayLabel();
  const rows = a.bookings.rows;
  return (
    <section className="card agenda-card" aria-labelledby="bookings-title" data-testid="agenda-bookings">
      <h2 id="bookings-title">{t('agenda.bookings.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted empty-note">{t('agenda.bookings.empty')}</p>
      ) : (
        <div className="agenda-scroll">
          <table className="simple-table">
            <AgendaHead cols={['day', 'time', 'customer', 'phone', 'services', 'professional', 'unit', 'status', ['duration', 'num'], ['value', 'num']]} />
            <tbody>
              {rows.map((b) => (
                <tr key={b.saleId}>
                  <td>{dayLabel(b.day)}</td>
                  <td>{b.time}</td>
                  <td>{b.customerName ?? t('agenda.noCustomer')}</td>
                  <td>{b.phone ?? '–'}</td>
                  <td className="wrap">{b.services ?? '–'}</td>
                  <td>{b.employeeName ?? t('agenda.noProfessional')}</td>
                  <td>{b.locationName ?? t('agenda.noUnit')}</td>
                  <td>{codeLabel(locale, b.status)}</td>
                  <td className="num">{duration(b.minutes, locale)}</td>
                  <td className="num">{f.money(b.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {a.bookings.total > rows.length && <p className="muted small">{t('agenda.bookings.more', { shown: f.integer(rows.length), total: f.integer(a.bookings.total) })}</p>}
    </section>
  );
}

export function GapsTable({ a }: { a: AgendaResult }) {
  const { t, f, locale } = useI18n();
  const dayLabel = useDayLabel();
  const min = duration(a.gaps.minMinutes, locale);
  return (
    <section className="card agenda-card" aria-labelledby="gaps-title" data-testid="agenda-gaps">
      <h2 id="gaps-title">{t('agenda.gaps.title')}</h2>
      <p className="muted small">{t('agenda.gaps.help', { min })}</p>
      {a.gaps.rows.length === 0 ? (
        <p className="muted empty-note">{t('agenda.gaps.empty', { min })}</p>
      ) : (
        <div className="agenda-scroll short">
          <table className="simple-table">
            <AgendaHead cols={['day', 'from', 'to', ['duration', 'num'], 'professional', 'unit']} />
            <tbody>
              {a.gaps.rows.map((g) => (
                <tr key={`${g.day}|${g.employeeId}|${g.start}`}>
                  <td>{dayLabel(g.day)}</td>
                  <td>{g.start}</td>
                  <td>{g.end}</td>
                  <td className="num">{duration(g.minutes, locale)}</td>
                  <td>{g.employeeName ?? t('agenda.noProfessional')}</td>
                  <td>{g.locationName ?? t('agenda.noUnit')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {a.gaps.total > a.gaps.rows.length && <p className="muted small">{t('agenda.gaps.more', { shown: f.integer(a.gaps.rows.length), total: f.integer(a.gaps.total) })}</p>}
    </section>
  );
}

export function NoShowsTable({ a }: { a: AgendaResult }) {
  const { t } = useI18n();
  const dayLabel = useDayLabel();
  const day = a.noShows.day;
  return (
    <section className="card agenda-card" aria-labelledby="noshows-title" data-testid="agenda-noshows">
      <h2 id="noshows-title">{day ? t('agenda.noShows.title', { day: dayLabel(day) }) : t('agenda.noShows.titleNone')}</h2>
      <p className="muted small">{t('agenda.noShows.help')}</p>
      {a.noShows.rows.length === 0 ? (
        <p className="muted empty-note">{day ? t('agenda.noShows.empty', { day: dayLabel(day) }) : t('agenda.noShows.emptyWeek')}</p>
      ) : (
        <div className="agenda-scroll short">
          <table className="simple-table">
            <AgendaHead cols={['time', 'customer', 'phone', 'services', 'professional', 'unit', 'next']} />
            <tbody>
              {a.noShows.rows.map((n) => (
                <tr key={n.saleId}>
                  <td>{n.time}</td>
                  <td>{n.customerId ? <a href={`#/customers/${encodeURIComponent(n.customerId)}`}>{n.customerName ?? t('agenda.noCustomer')}</a> : t('agenda.noCustomer')}</td>
                  <td>{n.phone ?? t('agenda.noPhone')}</td>
                  <td className="wrap">{n.services ?? '–'}</td>
                  <td>{n.employeeName ?? t('agenda.noProfessional')}</td>
                  <td>{n.locationName ?? t('agenda.noUnit')}</td>
                  <td className={n.nextBooking ? 'muted' : 'strong'}>{n.nextBooking ? t('agenda.noShows.booked', { day: dayLabel(n.nextBooking) }) : t('agenda.noShows.call')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
