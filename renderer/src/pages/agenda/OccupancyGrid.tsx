// Occupancy ahead as two grids (units, then professionals) with one shaded cell per day: booked ÷ available
// minutes, "fechado" on a closed day, the minutes on hover.
import type { AgendaOccupancyCell, AgendaOccupancyLine, AgendaResult } from '../../../../shared/agenda';
import { useI18n } from '../../i18n/useI18n';
import { duration, useDayLabel } from './agendaFormat';

/** A day without available minutes: "fechado" when the whole business is closed, else a dash (not working). */
function Cell({ c, header, closed }: { c: AgendaOccupancyCell; header?: boolean; closed?: boolean }) {
  const { t, f, locale } = useI18n();
  if (c.occupancy === null) return <td className="num occ-closed">{closed && !header ? t('agenda.occ.closed') : '–'}</td>;
  const share = Math.min(1, c.occupancy);
  return (
    <td
      className={`num occ-cell${header ? ' occ-total' : ''}`}
      style={{ background: `color-mix(in srgb, var(--accent) ${Math.round(share * 70)}%, transparent)` }}
      title={t('agenda.occ.cell', { booked: duration(c.bookedMinutes, locale), available: duration(c.availableMinutes, locale) })}
    >
      {f.percent(c.occupancy, 0)}
    </td>
  );
}

function Grid({ caption, lines, a, unitNames, testId }: { caption: string; lines: AgendaOccupancyLine[]; a: AgendaResult; unitNames?: boolean; testId: string }) {
  const { t } = useI18n();
  const dayLabel = useDayLabel();
  const closed = a.days.map((_, i) => a.units.every((u) => u.perDay[i].occupancy === null));
  return (
    <div className={`occ-wrap${unitNames ? ' tall' : ''}`}>
      <table className="simple-table occ-grid" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{unitNames ? t('agenda.col.professional') : t('agenda.col.unit')}</th>
            {unitNames && <th scope="col">{t('agenda.col.unit')}</th>}
            <th scope="col" className="num">
              {t('agenda.occ.range')}
            </th>
            {a.days.map((d) => (
              <th key={d} scope="col" className="num">
                {dayLabel(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.name ?? (unitNames ? t('agenda.noProfessional') : t('agenda.noUnit'))}</th>
              {unitNames && <td>{x.unitName ?? t('agenda.noUnit')}</td>}
              <Cell c={x} header />
              {x.perDay.map((c, i) => (
                <Cell key={a.days[i]} c={c} closed={closed[i]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OccupancyGrid({ a }: { a: AgendaResult }) {
  const { t } = useI18n();
  return (
    <section className="card agenda-card" aria-labelledby="occ-title" data-testid="agenda-occupancy">
      <h2 id="occ-title">{t('agenda.occ.title')}</h2>
      <p className="muted small">{t('agenda.occ.help')}</p>
      {a.units.length === 0 ? (
        <p className="muted empty-note">{t('agenda.occ.empty')}</p>
      ) : (
        <>
          <Grid caption={t('agenda.occ.units')} lines={a.units} a={a} testId="occ-units" />
          <Grid caption={t('agenda.occ.professionals')} lines={a.professionals} a={a} unitNames testId="occ-professionals" />
        </>
      )}
    </section>
  );
}
