// A value shown by its column's metadata (type, unit, date grain, decimals): the one rule for a report cell on
// screen, in a PDF table, in the closing pack and in `painel report`'s table, plus the short form for chart axes
// and the matching XLSX number format (a spreadsheet keeps typed cells; Excel draws them with this format).
import type { ColumnType } from '../types';
import { currencySymbol, type Formatter } from './formatter';

export interface ColumnLike {
  type: ColumnType;
  /** currency, percent, count, days, minutes, hours, points... (percent values are 0..1 ratios). */
  unit?: string;
  /** Date grain (day, week, month, year) or a number read as a weekday or an hour of the day. */
  format?: string;
  decimals?: number;
}

const UNIT_SUFFIX: Partial<Record<string, string>> = { days: 'd', minutes: 'min', hours: 'h', points: 'pts' };

const isWholeNumber = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v));

/** One cell as people read it; a missing value is an empty cell. */
export function formatCell(f: Formatter, col: ColumnLike, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (col.format === 'weekday' && isWholeNumber(v)) return f.weekday(v);
  if (col.format === 'hour' && isWholeNumber(v)) return f.hour(v);
  if (col.type === 'date' || (col.format && typeof v === 'string' && /^\d{4}-\d{2}/.test(v))) {
    if (col.format === 'month') return f.month(v);
    if (col.format === 'year') return String(v).slice(0, 4);
    if (col.format === 'week') return f.week(v);
    return f.date(v);
  }
  if (col.type === 'money' || col.unit === 'currency') return f.money(v, col.decimals ?? 2);
  if (col.type === 'percent' || col.unit === 'percent') return f.percent(v, col.decimals ?? 1);
  if (col.type === 'integer' || col.type === 'decimal') {
    const suffix = col.unit ? UNIT_SUFFIX[col.unit] : undefined;
    const n = col.type === 'integer' ? f.integer(v) : f.number(v, col.decimals ?? 2, col.decimals ?? 0);
    return suffix ? `${n}${f.space}${suffix}` : n;
  }
  if (col.type === 'timestamp') return f.timestamp(v);
  if (col.type === 'boolean') return f.yesNo(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Short form for chart axes: compact money and numbers, whole percentages, short days. */
export function formatAxis(f: Formatter, col: ColumnLike, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (col.type === 'money' || col.unit === 'currency') return f.moneyShort(v);
  if (col.type === 'percent' || col.unit === 'percent') return f.percent(v, 0);
  if (col.type === 'date' && (!col.format || col.format === 'day')) return f.dateShort(v);
  if ((col.type === 'integer' || col.type === 'decimal') && !col.format) return f.compact(v);
  return formatCell(f, col, v);
}

/**
 * The XLSX number format drawing a column as formatCell writes it. Excel puts the reader's own decimal and
 * group marks in place of `.` and `,`, and its own month words for `mmm`; the symbol and its space are literal.
 */
export function excelNumFmt(f: Formatter, col: ColumnLike): string | undefined {
  const pt = f.locale === 'pt-BR';
  if (col.type === 'money' || col.unit === 'currency') {
    const sym = `"${currencySymbol(f.currency, f.locale).replace(/"/g, '')}${f.space}"`;
    const d = col.decimals ?? 2;
    const body = d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
    return `${sym}${body};[Red]-${sym}${body}`;
  }
  if (col.type === 'percent' || col.unit === 'percent') {
    const d = col.decimals ?? 1;
    return d > 0 ? `0.${'0'.repeat(d)}%` : '0%';
  }
  if (col.type === 'integer') return '#,##0';
  if (col.type === 'decimal') return (col.decimals ?? 2) === 0 ? '#,##0' : `#,##0.${'0'.repeat(col.decimals ?? 2)}`;
  if (col.type === 'date') {
    if (col.format === 'month') return pt ? 'mmm/yyyy' : 'mmm yyyy';
    if (col.format === 'year') return 'yyyy';
    return pt ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  }
  if (col.type === 'timestamp') return pt ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
  return undefined;
}
