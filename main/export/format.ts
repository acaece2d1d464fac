// People-facing formatting of wire values (money and decimals as exact text, ISO dates) for PDFs and sheet
// headers, and the matching Excel number formats. Money text is grouped digit by digit, never through a float.
import type { ExportColumn, Locale, WireValue } from './types';

const MONTHS: Record<Locale, string[]> = {
  'pt-BR': ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export const WEEKDAYS: Record<Locale, string[]> = {
  'pt-BR': ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const symbols = new Map<string, string>();
export function currencySymbol(currency: string, locale: Locale): string {
  const key = `${currency}|${locale}`;
  let s = symbols.get(key);
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    s = parts.find((p) => p.type === 'currency')?.value ?? currency;
    symbols.set(key, s);
  }
  return s;
}

/** Exact decimal text ('-1234.5') grouped for the locale, padded to `decimals`. */
export function groupDecimal(text: string, locale: Locale, decimals?: number): string {
  const neg = text.startsWith('-');
  const [intPart, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const group = locale === 'pt-BR' ? '.' : ',';
  const mark = locale === 'pt-BR' ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const f = decimals === undefined ? frac : frac.padEnd(decimals, '0').slice(0, Math.max(decimals, 0));
  const out = f ? `${grouped}${mark}${f}` : grouped;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

export function formatMoney(text: string | number, locale: Locale, currency: string): string {
  const t = typeof text === 'number' ? text.toFixed(2) : text;
  const g = groupDecimal(t, locale, 2);
  const sym = currencySymbol(currency, locale);
  return g.startsWith('-') ? `-${sym} ${g.slice(1)}` : `${sym} ${g}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

export function formatDate(iso: string, locale: Locale, grain?: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (grain === 'month') return locale === 'pt-BR' ? `${MONTHS[locale][Number(m) - 1]}/${y}` : `${MONTHS[locale][Number(m) - 1]} ${y}`;
  if (grain === 'year') return y;
  return locale === 'pt-BR' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/** One cell as people read it. */
export function formatValue(v: WireValue | undefined, c: ExportColumn, locale: Locale, currency: string): string {
  if (v === null || v === undefined || v === '') return '';
  switch (c.type) {
    case 'money':
      return formatMoney(v as string | number, locale, currency);
    case 'decimal':
      return typeof v === 'number' ? nf(locale, { maximumFractionDigits: c.decimals ?? 2, minimumFractionDigits: c.decimals ?? 0 }).format(v) : groupDecimal(String(v), locale, c.decimals);
    case 'integer':
      if (c.format === 'weekday') return WEEKDAYS[locale][Number(v)] ?? String(v);
      if (c.format === 'hour') return `${v}h`;
      return nf(locale, { maximumFractionDigits: 0 }).format(Number(v));
    case 'percent': {
      const d = c.decimals ?? 1;
      return nf(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(Number(v));
    }
    case 'date':
      return formatDate(String(v), locale, c.format);
    case 'timestamp': {
      const s = String(v);
      return `${formatDate(s, locale)} ${s.slice(11, 16)}`;
    }
    case 'boolean':
      return v ? (locale === 'pt-BR' ? 'Sim' : 'Yes') : locale === 'pt-BR' ? 'Não' : 'No';
    default:
      return String(v);
  }
}

/** An instant as business-local 'DD/MM/YYYY HH:MM' (pt-BR) or 'YYYY-MM-DD HH:MM' (en). */
export function formatTimestamp(d: Date, locale: Locale, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`, locale)} ${get('hour')}:${get('minute')}`;
}

/** The Excel number format of a column (Excel localises separators itself). */
export function excelNumFmt(c: ExportColumn, locale: Locale, currency: string): string | undefined {
  switch (c.type) {
    case 'money': {
      const sym = currencySymbol(currency, locale).replace(/"/g, '');
      return `"${sym}" #,##0.00;[Red]-"${sym}" #,##0.00`;
    }
    case 'percent':
      return `0.${'0'.repeat(c.decimals ?? 1)}%`.replace('0.%', '0%');
    case 'integer':
      return '#,##0';
    case 'decimal':
      return c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals ?? 2)}`;
    case 'date':
      if (c.format === 'month') return 'mm/yyyy';
      if (c.format === 'year') return 'yyyy';
      return locale === 'pt-BR' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
    case 'timestamp':
      return locale === 'pt-BR' ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
    default:
      return undefined;
  }
}

/** A rough column width in characters for sheets and PDFs. */
export function columnWidth(c: ExportColumn, label: string): number {
  const byType: Record<string, number> = { money: 14, decimal: 12, integer: 10, percent: 9, date: 11, timestamp: 16, boolean: 6, text: 24, json: 24 };
  return Math.min(48, Math.max(byType[c.type] ?? 14, Math.min(label.length + 2, 28)));
}
