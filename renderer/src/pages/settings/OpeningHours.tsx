// Opening hours per weekday (Sunday first): open/closed and the times, used by occupancy.
import type { Settings } from '../../../../shared/settings';
import { weekdayName } from '../../../../shared/format';
import { useI18n } from '../../i18n/useI18n';

type Hours = Settings['openingHours'];

/** 24-hour HH:MM text (the browser's time input follows the OS locale and may show AM/PM). */
function TimeInput({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const valid = /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
  return <input type="text" inputMode="numeric" maxLength={5} placeholder="09:00" aria-label={label} aria-invalid={!valid} value={value} onChange={(e) => onChange(e.target.value)} />;
}

export function OpeningHours({ value, onChange }: { value: Hours; onChange(v: Hours): void }) {
  const { t, locale } = useI18n();
  const setDay = (i: number, v: Hours[number]) => onChange(value.map((d, j) => (j === i ? v : d)));
  return (
    <fieldset className="card">
      <legend>{t('settings.openingHours')}</legend>
      <div className="hours-grid">
        {value.map((d, i) => {
          const name = weekdayName(locale, i);
          return (
            <div className="hours-row" key={i}>
              <label className="menu-check">
                <input type="checkbox" checked={d !== null} onChange={(e) => setDay(i, e.target.checked ? { open: '09:00', close: '18:00' } : null)} />
                {name}
              </label>
              {d ? (
                <>
                  <TimeInput label={t('settings.opensAt', { day: name })} value={d.open} onChange={(v) => setDay(i, { ...d, open: v })} />
                  <TimeInput label={t('settings.closesAt', { day: name })} value={d.close} onChange={(v) => setDay(i, { ...d, close: v })} />
                </>
              ) : (
                <span className="muted">{t('settings.closed')}</span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
