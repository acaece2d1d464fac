// Small formats of the agenda, through the one formatter (shared/format): a stretch of minutes as hours of work,
// and a day with its weekday.
import { createFormatter, type Locale } from '../../../../shared/format';
import { useI18n } from '../../i18n/useI18n';

/** 45 -> "45 min", 135 -> "2 h 15 min", 120 -> "2 h"; ten hours or more in whole hours ("1.106 h"). */
export function duration(minutes: number, locale: Locale = 'pt-BR'): string {
  return createFormatter({ locale }).duration(minutes * 60_000, 'h');
}

/** 'YYYY-MM-DD' as "Sex, 4 dez" / "Fri, Dec 4" (the calendar day, never shifted by a time zone). */
export function useDayLabel(): (d: string) => string {
  return useI18n().f.weekdayDate;
}
