// Formats a report value by its column metadata (type, unit, date grain, decimals) in the current locale.
import type { ReportColumnMeta } from '../../../shared/reports';
import type { Formatters, Locale } from './format';
import { cellWords } from './valueLabels';

const WEEKDAYS: Record<Locale, string[]> = {
  'pt-BR': ['Dom', 'Seg', 'Ter', 'Qua', 'Qui', 'Sex', 'Sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const UNIT_SUFFIX: Record<Locale, Partial<Record<string, string>>> = {
  'pt-BR': { days: ' d', minutes: ' min', hours: ' h', points: ' pts' },
  en: { days: ' d', minutes: ' min', hours: ' h', points: ' pts' },
};

export function weekdayName(locale: Locale, v: number): string {
  return WEEKDAYS[locale][((v % 7) + 7) % 7] ?? String(v);
}

export type ColumnLike = Pick<ReportColumnMeta, 'type'> & Partial<Pick<ReportColumnMeta, 'unit' | 'format' | 'decimals' | 'id' | 'codes' | 'empty'>>;

export function formatValue(f: Formatters, col: ColumnLike, v: unknown): string {
  const words = cellWords(f.locale, col, v);
  if (words !== null) return words;
  if (v === null || v === undefined || v === '') return '';
  if (col.format === 'weekday' && (typeof v === 'number' || /^\d+$/.test(String(v)))) return weekdayName(f.locale, Number(v));
  if (col.format === 'hour' && (typeof v === 'number' || /^\d+$/.test(String(v)))) return `${String(v).padStart(2, '0')}h`;
  if (col.type === 'date' || (col.format && typeof v === 'string' && /^\d{4}-\d{2}/.test(v))) {
    const s = String(v);
    if (col.format === 'month') return f.month(s);
    if (col.format === 'year') return s.slice(0, 4);
    if (col.format === 'week') return `${f.locale === 'pt-BR' ? 'sem.' : 'wk'} ${f.dateShort(s)}`;
    return f.date(s);
  }
  if (col.type === 'money' || col.unit === 'currency') return f.money(v as string);
  if (col.type === 'percent' || col.unit === 'percent') return f.percent(v as number, col.decimals ?? 1);
  if (col.type === 'integer' || col.type === 'decimal') {
    const suffix = col.unit ? (UNIT_SUFFIX[f.locale][col.unit] ?? '') : '';
    const text = col.type === 'integer' ? f.integer(v as number) : f.number(v as number, col.decimals ?? 2);
    return text + suffix;
  }
  return f.cell(v, col.type);
}

/** Short form for chart axes: compact money, percentages without decimals. */
export function formatAxis(f: Formatters, col: ColumnLike, v: unknown): string {
  if (col.type === 'money' || col.unit === 'currency') return f.moneyShort(v as number);
  if (col.type === 'percent' || col.unit === 'percent') return f.percent(v as number, 0);
  if (col.type === 'date' && !col.format) return f.dateShort(String(v));
  return formatValue(f, col, v);
}
