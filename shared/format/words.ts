// The calendar words Painel shows, in pt-BR and en: weekday and month names, short and long. Short forms are
// standalone labels (table cells, chart axes), so they start with a capital in both languages; months stay
// lowercase in pt-BR as Brazilian usage writes them ("mar/2026", "março de 2026").

export type Locale = 'pt-BR' | 'en';
export type WordWidth = 'short' | 'long';

const WEEKDAYS: Record<Locale, Record<WordWidth, string[]>> = {
  'pt-BR': {
    short: ['Dom', 'Seg', 'Ter', 'Qua', 'Qui', 'Sex', 'Sáb'],
    long: ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
  },
  en: {
    short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    long: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
};

const MONTHS: Record<Locale, Record<WordWidth, string[]>> = {
  'pt-BR': {
    short: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
    long: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  },
  en: {
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
};

/** Day of the week by DuckDB's dayofweek numbering (0 = Sunday); out-of-range numbers wrap. */
export function weekdayName(locale: Locale, day: number, width: WordWidth = 'short'): string {
  return WEEKDAYS[locale][width][((day % 7) + 7) % 7];
}

/** Month 1..12. */
export function monthName(locale: Locale, month: number, width: WordWidth = 'short'): string {
  return MONTHS[locale][width][(((month - 1) % 12) + 12) % 12];
}

/** "Sim"/"Não", "Yes"/"No". */
export function yesNo(locale: Locale, v: boolean): string {
  if (locale === 'pt-BR') return v ? 'Sim' : 'Não';
  return v ? 'Yes' : 'No';
}
