// Agenda: the coming days for the owner. The range (today, next 7 or 14 days, moved earlier or later), the unit and
// the professional live in the address (#/agenda?days=7&location=…), so a link opens the same view.
import { useEffect, useMemo, useRef } from 'react';
import { useCall } from '../api/useCall';
import { navigate, type Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { useI18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { FirstStart } from './FirstStart';
import { BookingsTable, GapsTable, NoShowsTable } from './agenda/AgendaTables';
import { duration, useDayLabel } from './agenda/agendaFormat';
import { OccupancyGrid } from './agenda/OccupancyGrid';
import { OverdueList } from './agenda/OverdueList';
import '../styles/agenda.css';

const SPANS = [
  { days: 1, key: 'agenda.today' },
  { days: 7, key: 'agenda.next7' },
  { days: 14, key: 'agenda.next14' },
] as const;

type Days = (typeof SPANS)[number]['days'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export default function AgendaPage({ route }: { route: Route }) {
  const { t, f, locale } = useI18n();
  const info = useAppStore((s) => s.info);
  const q = route.query;
  const days = (SPANS.find((s) => String(s.days) === q.get('days'))?.days ?? 7) as Days;
  const from = ISO.test(q.get('from') ?? '') ? (q.get('from') as string) : undefined;
  const location = q.get('location') || undefined;
  const employee = q.get('employee') || undefined;
  const show = q.get('show');
  const input = useMemo(
    () => ({ days, ...(from ? { from } : {}), ...(location ? { location: [location] } : {}), ...(employee ? { employee: [employee] } : {}) }),
    [days, from, location, employee],
  );
  const view = useCall('agenda.view', info?.empty ? null : input);
  const overdue = useCall('agenda.overdue', info?.empty ? null : location ? { location: [location] } : {}, { low: true });
  const dayLabel = useDayLabel();
  const overdueRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (show === 'overdue' && overdue.data) overdueRef.current?.scrollIntoView({ block: 'start' });
  }, [show, overdue.data]);

  /** Moves to the same view with some query values changed (empty = removed). */
  const go = (patch: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = { days: String(days), from, location, employee, ...patch };
    navigate('/agenda', next);
  };

  if (!info) return <div className="page-loading">{t('common.loading')}</div>;
  if (info.empty) return <FirstStart />;
  const a = view.data;
  const staff = (a?.options.professionals ?? []).filter((p) => !location || p.unitId === location);
  const notToday = a && a.from !== a.today;
  return (
    <section className="page agenda" aria-labelledby="agenda-title" data-testid="agenda-page" data-range={a ? `${a.from}..${a.to}` : ''}>
      <header className="page-head">
        <div>
          <h1 id="agenda-title">{t('agenda.title')}</h1>
          <p className="muted">{a ? t('agenda.range', { from: dayLabel(a.from), to: dayLabel(a.to) }) : t('agenda.intro')}</p>
        </div>
        <div className="head-actions agenda-controls">
          <div className="segmented" role="group" aria-label={t('agenda.span')}>
            {SPANS.map((s) => (
              <button key={s.days} type="button" className={`btn${s.days === days && !notToday ? ' btn-primary' : ''}`} aria-pressed={s.days === days && !notToday} onClick={() => go({ days: String(s.days), from: undefined })}>
                {t(s.key)}
              </button>
            ))}
          </div>
          <button type="button" className="btn" aria-label={t('agenda.prev')} title={t('agenda.prev')} disabled={!a || shift(a.from, -days) < shift(a.today, -7)} onClick={() => a && go({ from: shift(a.from, -days) })}>
            ‹
          </button>
          <button type="button" className="btn" aria-label={t('agenda.next')} title={t('agenda.next')} disabled={!a} onClick={() => a && go({ from: shift(a.from, days) })}>
            ›
          </button>
          {notToday && (
            <button type="button" className="btn" onClick={() => go({ from: undefined })}>
              {t('agenda.backToday')}
            </button>
          )}
          <div className="field">
            <label htmlFor="agenda-unit">{t('agenda.unit')}</label>
            <select id="agenda-unit" value={location ?? ''} onChange={(e) => go({ location: e.target.value || undefined, employee: undefined })}>
              <option value="">{t('agenda.allUnits')}</option>
              {(a?.options.units ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name ?? t('agenda.noUnit')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="agenda-pro">{t('agenda.professional')}</label>
            <select id="agenda-pro" value={employee ?? ''} onChange={(e) => go({ employee: e.target.value || undefined })}>
              <option value="">{t('agenda.allProfessionals')}</option>
              {staff.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name ?? t('agenda.noProfessional')}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      {view.error && <ErrorNote error={view.error} onRetry={view.reload} />}
      {!a && view.loading && <div className="chart-placeholder" style={{ height: 320 }} />}
      {a && (
        <div className="agenda-body" aria-busy={view.loading}>
          <dl className="agenda-facts" data-testid="agenda-facts">
            <div>
              <dt>{t('agenda.sum.bookings')}</dt>
              <dd data-testid="agenda-bookings-count">{f.integer(a.summary.bookings)}</dd>
            </div>
            <div>
              <dt>{t('agenda.sum.occupancy')}</dt>
              <dd title={t('agenda.occ.cell', { booked: duration(a.summary.bookedMinutes, locale), available: duration(a.summary.availableMinutes, locale) })}>
                {a.summary.occupancy === null ? '–' : f.percent(a.summary.occupancy, 1)}
              </dd>
            </div>
            <div>
              <dt>{t('agenda.sum.gaps')}</dt>
              <dd>{t('agenda.sum.gapsValue', { n: f.integer(a.summary.gaps), time: duration(a.summary.gapMinutes, locale) })}</dd>
            </div>
            <div>
              <dt>{t('agenda.sum.noShows')}</dt>
              <dd>{f.integer(a.noShows.rows.filter((r) => !r.nextBooking).length)}</dd>
            </div>
          </dl>
          <OccupancyGrid a={a} />
          <div className="agenda-pair">
            <NoShowsTable a={a} />
            <GapsTable a={a} />
          </div>
          <BookingsTable a={a} />
          <div ref={overdueRef} className={show === 'overdue' ? 'agenda-focus' : undefined}>
            <OverdueList state={overdue} />
          </div>
        </div>
      )}
    </section>
  );
}
