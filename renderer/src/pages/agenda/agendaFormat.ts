// Small formats of the agenda: a stretch of minutes as hours and minutes, and a day with its weekday.
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useI18n';

/** 45 -> "45 min", 135 -> "2 h 15 min", 120 -> "2 h"; ten hours or more in whole hours ("1.106 h"). */
export function duration(minutes: number, locale = 'pt-BR'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  if (h >= 10) return `${Math.round(minutes / 60).toLocaleString(locale === 'pt-BR' ? 'pt-BR' : 'en-US')} h`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** 'YYYY-MM-DD' as "sex., 04/12" / "Fri, 12/04" (the calendar day, never shifted by a time zone). */
export function useDayLabel(): (d: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(locale === 'pt-BR' ? 'pt-BR' : 'en-US', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit' });
    return (d: string) => fmt.format(new Date(`${d}T00:00:00Z`));
  }, [locale]);
}
