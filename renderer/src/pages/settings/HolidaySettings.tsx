// The holiday calendar the forecast knows: which national holidays (and eves) the business closes on, and other
// closed days (local holidays, vacations, works). Per-location differences are kept as set through settings.set.
import { useState } from 'react';
import { HOLIDAY_IDS, HOLIDAY_NAMES } from '../../../../shared/holidays';
import type { Settings } from '../../../../shared/settings';
import { useI18n } from '../../i18n/useI18n';

type Holidays = Settings['holidays'];

export function HolidaySettings({ value, onChange }: { value: Holidays; onChange(v: Holidays): void }) {
  const { t, l, f } = useI18n();
  const [day, setDay] = useState('');
  const toggle = (id: (typeof HOLIDAY_IDS)[number], closed: boolean) =>
    onChange({ ...value, closedOn: closed ? [...value.closedOn, id] : value.closedOn.filter((x) => x !== id) });
  const wholeBusiness = value.closedDays.filter((d) => d.locationId === null);
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || wholeBusiness.some((d) => d.date === day)) return;
    onChange({ ...value, closedDays: [...value.closedDays, { date: day, locationId: null }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) });
    setDay('');
  };
  return (
    <fieldset className="card" data-testid="holiday-settings">
      <legend>{t('settings.holidays')}</legend>
      <p className="muted small">{t('settings.holidaysHelp')}</p>
      <div className="hours-grid">
        {HOLIDAY_IDS.map((id) => (
          <label className="menu-check" key={id}>
            <input type="checkbox" checked={value.closedOn.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
            {l(HOLIDAY_NAMES[id])}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor="s-closed-day">{t('settings.closedDay')}</label>
        <div className="inline">
          <input id="s-closed-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          <button type="button" className="btn btn-small" onClick={add} disabled={!day}>
            {t('settings.addClosedDay')}
          </button>
        </div>
      </div>
      {wholeBusiness.length > 0 && (
        <ul className="plain-list">
          {wholeBusiness.map((d) => (
            <li key={d.date}>
              {f.date(d.date)}{' '}
              <button type="button" className="btn btn-small" onClick={() => onChange({ ...value, closedDays: value.closedDays.filter((x) => x !== d) })}>
                {t('settings.removeClosedDay')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
