// The one formatter of every number, amount, percentage, date and duration Painel shows people: on screen, in
// PDFs, in XLSX cell formats, in the closing pack and in the `painel` command's tables. Money and decimals are
// rounded and grouped as exact decimal text (decimal.ts); Intl is used only to find the currency symbol and to
// move an instant into the business time zone.
import { digits, group, round, shift, atLeastPow10, toDecimal, type Decimal } from './decimal';
import { monthName, weekdayName, yesNo, type Locale, type WordWidth } from './words';

/**
 * The space between a currency symbol or unit and its number. NBSP (U+00A0) everywhere: it keeps "R$" with its
 * amount when a table cell, a card or a PDF line wraps, it is what Intl writes for pt-BR, and pdfmake, exceljs
 * and terminals show it as a space. 'normal' is for text that must be plain ASCII spacing.
 */
export const NBSP = '\u00a0';
export type Spacing = 'nbsp' | 'normal';

export interface FormatOptions {
  locale: Locale;
  /** ISO 4217 code; the business's currency setting (BRL). */
  currency?: string;
  /** IANA zone instants are shown in; the business's timezone setting. */
  timeZone?: string;
  space?: Spacing;
}

/** What a missing scalar shows (a table cell shows nothing instead: see column.ts). */
export const EMPTY = '–';

export interface Formatter {
  readonly locale: Locale;
  readonly currency: string;
  readonly timeZone: string;
  /** The space character used between symbols/units and numbers. */
  readonly space: string;
  /** Up to `maxDecimals` decimals, at least `minDecimals` (1.234,5). */
  number(v: unknown, maxDecimals?: number, minDecimals?: number): string;
  integer(v: unknown): string;
  /** R$ 1.234,56 */
  money(v: unknown, decimals?: number): string;
  /** 12,3 mil / 12.3K */
  compact(v: unknown): string;
  /** R$ 12,3 mil / R$ 12.3K, for chart axes and small cards. */
  moneyShort(v: unknown): string;
  /** A ratio (0.125) as 12,5%; `signed` adds + to a rise. */
  percent(v: unknown, decimals?: number, signed?: boolean): string;
  /** A difference of two ratios in percentage points, always signed: +1,2 p.p. */
  pp(v: unknown, decimals?: number): string;
  /** 'YYYY-MM-DD' (or longer ISO text): 05/03/2026 / 2026-03-05. */
  date(v: unknown): string;
  /** 5 mar / Mar 5 */
  dateShort(v: unknown): string;
  /** A week by its first day: sem. 2 mar / wk Mar 2 */
  week(v: unknown): string;
  /** mar/2026 / Mar 2026 */
  month(v: unknown): string;
  /** março de 2026 / March 2026 */
  monthLong(v: unknown): string;
  /** 0 = Sunday. */
  weekday(v: unknown, width?: WordWidth): string;
  /** A calendar day with its weekday: Sex, 4 dez / Fri, Dec 4. */
  weekdayDate(v: unknown): string;
  /** 9 -> 09h */
  hour(v: unknown): string;
  /** An instant (Date, or ISO text with Z or an offset) in the business zone; ISO text without one is already wall-clock time. */
  timestamp(v: unknown): string;
  /**
   * Elapsed milliseconds: 1,2 s / 3 min 20 s / 1 h 5 min / 2 d 3 h. With `largest` 'h' hours never become days
   * (hours of work: 135 min is 2 h 15 min, and from ten hours on whole hours, 1.106 h).
   */
  duration(ms: unknown, largest?: 'd' | 'h'): string;
  /** File sizes in decimal units: 812 kB / 1,2 MB */
  bytes(v: unknown): string;
  yesNo(v: unknown): string;
}

const SYMBOLS = new Map<string, string>();
/** The currency's symbol as the locale writes it (BRL: R$ in both). */
export function currencySymbol(currency: string, locale: Locale): string {
  const key = `${currency}|${locale}`;
  let s = SYMBOLS.get(key);
  if (s === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale === 'pt-BR' ? 'pt-BR' : 'en-US', { style: 'currency', currency }).formatToParts(0);
      s = parts.find((p) => p.type === 'currency')?.value ?? currency;
    } catch {
      s = currency;
    }
    SYMBOLS.set(key, s);
  }
  return s;
}

const COMPACT: Record<Locale, (readonly [number, string])[]> = {
  'pt-BR': [[12, ' tri'], [9, ' bi'], [6, ' mi'], [3, ' mil']],
  en: [[12, 'T'], [9, 'B'], [6, 'M'], [3, 'K']],
};

const BYTE_UNITS = [[9, 'GB'], [6, 'MB'], [3, 'kB']] as const;

interface Parts { year: string; month: string; day: string; hour: string; minute: string }

const cache = new Map<string, Formatter>();

export function createFormatter(o: FormatOptions): Formatter {
  const locale = o.locale === 'en' ? 'en' : 'pt-BR';
  const currency = o.currency || 'BRL';
  const timeZone = o.timeZone || 'America/Sao_Paulo';
  const space = o.space === 'normal' ? ' ' : NBSP;
  const key = `${locale}|${currency}|${timeZone}|${space}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const pt = locale === 'pt-BR';
  const groupSep = pt ? '.' : ',';
  const mark = pt ? ',' : '.';
  const sym = currencySymbol(currency, locale);

  const text = (d: Decimal, max: number, min = max, plus = false): string => {
    const p = digits(d, max, min);
    const body = `${group(p.int, groupSep)}${p.frac ? mark + p.frac : ''}`;
    if (p.negative) return `-${body}`;
    return plus && /[1-9]/.test(p.int + p.frac) ? `+${body}` : body;
  };
  const withSymbol = (t: string) => (t.startsWith('-') ? `-${sym}${space}${t.slice(1)}` : `${sym}${space}${t}`);
  /** Scaled to the largest unit it reaches (a value rounding up to 1000 of a unit moves to the next one). */
  const scaled = (d: Decimal, units: readonly (readonly [number, string])[]): [Decimal, string] => {
    let i = units.findIndex(([k]) => atLeastPow10(d, k));
    if (i < 0) i = units.length;
    let r = round(shift(d, -(units[i]?.[0] ?? 0)), 1);
    if (i > 0 && atLeastPow10(r, 3)) r = round(shift(d, -units[--i][0]), 1);
    return [r, units[i]?.[1] ?? ''];
  };
  const compactText = (d: Decimal): string => {
    const [r, suffix] = scaled(d, COMPACT[locale]);
    return text(r, 1, 0) + suffix.replace(' ', space);
  };
  const dec = (v: unknown): Decimal | null => (v === null || v === undefined || v === '' || typeof v === 'boolean' ? null : toDecimal(v));
  const ymd = (v: unknown): [string, string, string] | null => {
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v) : null;
    return m ? [m[1], m[2], m[3] ?? '01'] : null;
  };
  const dateOf = (y: string, m: string, d: string) => (pt ? `${d}/${m}/${y}` : `${y}-${m}-${d}`);

  let zoned: Intl.DateTimeFormat;
  const zoneOpts: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    zoned = new Intl.DateTimeFormat('en-CA', { ...zoneOpts, timeZone });
  } catch {
    zoned = new Intl.DateTimeFormat('en-CA', { ...zoneOpts, timeZone: 'UTC' });
  }
  const inZone = (d: Date): Parts => {
    const parts = zoned.formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  };

  const f: Formatter = {
    locale,
    currency,
    timeZone,
    space,
    number(v, maxDecimals = 2, minDecimals = 0) {
      const d = dec(v);
      return d ? text(d, maxDecimals, Math.min(minDecimals, maxDecimals)) : EMPTY;
    },
    integer(v) {
      const d = dec(v);
      return d ? text(d, 0) : EMPTY;
    },
    money(v, decimals = 2) {
      const d = dec(v);
      return d ? withSymbol(text(d, decimals)) : EMPTY;
    },
    compact(v) {
      const d = dec(v);
      return d ? compactText(d) : EMPTY;
    },
    moneyShort(v) {
      const d = dec(v);
      return d ? withSymbol(compactText(d)) : EMPTY;
    },
    percent(v, decimals = 1, signed = false) {
      const d = dec(v);
      return d ? `${text(shift(d, 2), decimals, decimals, signed)}%` : EMPTY;
    },
    pp(v, decimals = 1) {
      const d = dec(v);
      return d ? `${text(shift(d, 2), decimals, decimals, true)}${space}p.p.` : EMPTY;
    },
    date(v) {
      const p = ymd(v);
      return p ? dateOf(...p) : EMPTY;
    },
    dateShort(v) {
      const p = ymd(v);
      if (!p) return EMPTY;
      const mon = monthName(locale, Number(p[1]));
      return pt ? `${Number(p[2])}${space}${mon}` : `${mon}${space}${Number(p[2])}`;
    },
    week(v) {
      const s = f.dateShort(v);
      return s === EMPTY ? s : `${pt ? 'sem.' : 'wk'}${space}${s}`;
    },
    month(v) {
      const p = ymd(v);
      if (!p) return EMPTY;
      const mon = monthName(locale, Number(p[1]));
      return pt ? `${mon}/${p[0]}` : `${mon}${space}${p[0]}`;
    },
    monthLong(v) {
      const p = ymd(v);
      if (!p) return EMPTY;
      const mon = monthName(locale, Number(p[1]), 'long');
      return pt ? `${mon} de ${p[0]}` : `${mon} ${p[0]}`;
    },
    weekday(v, width = 'short') {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
      return Number.isInteger(n) ? weekdayName(locale, n, width) : EMPTY;
    },
    weekdayDate(v) {
      const p = ymd(v);
      if (!p) return EMPTY;
      const dow = new Date(Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]))).getUTCDay();
      return `${weekdayName(locale, dow)}, ${f.dateShort(v)}`;
    },
    hour(v) {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
      return Number.isInteger(n) ? `${String(n).padStart(2, '0')}h` : EMPTY;
    },
    timestamp(v) {
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) return EMPTY;
        const p = inZone(v);
        return `${dateOf(p.year, p.month, p.day)} ${p.hour}:${p.minute}`;
      }
      if (typeof v !== 'string' || !v) return EMPTY;
      if (/(Z|[+-]\d\d:?\d\d)$/i.test(v)) return f.timestamp(new Date(v));
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(v);
      return m ? `${dateOf(m[1], m[2], m[3])} ${m[4] ?? '00'}:${m[5] ?? '00'}` : v;
    },
    duration(ms, largest = 'd') {
      const n = typeof ms === 'number' ? ms : Number(ms);
      if (ms === null || ms === undefined || ms === '' || !Number.isFinite(n)) return EMPTY;
      const sign = n < 0 ? '-' : '';
      const s = Math.abs(n) / 1000;
      const u = (x: number, unit: string) => `${x}${space}${unit}`;
      if (s < 59.5) return `${sign}${f.number(s, s < 9.95 ? 1 : 0)}${space}s`;
      const whole = Math.round(s);
      const min = Math.floor(whole / 60);
      if (min < 60) return `${sign}${u(min, 'min')}${whole % 60 ? ` ${u(whole % 60, 's')}` : ''}`;
      const totalMin = Math.round(whole / 60);
      const h = Math.floor(totalMin / 60);
      if (largest === 'h' && h >= 10) return `${sign}${text(round(toDecimal(totalMin / 60)!, 0), 0)}${space}h`;
      if (h < 24 || largest === 'h') return `${sign}${u(h, 'h')}${totalMin % 60 ? ` ${u(totalMin % 60, 'min')}` : ''}`;
      const totalH = Math.round(totalMin / 60);
      return `${sign}${u(Math.floor(totalH / 24), 'd')}${totalH % 24 ? ` ${u(totalH % 24, 'h')}` : ''}`;
    },
    bytes(v) {
      const d = dec(v);
      if (!d) return EMPTY;
      const [r, unit] = scaled(d, BYTE_UNITS);
      return unit ? `${text(r, 1, 0)}${space}${unit}` : `${text(d, 0)}${space}B`;
    },
    yesNo(v) {
      return v === null || v === undefined || v === '' ? EMPTY : yesNo(locale, v === true || v === 'true' || v === 1);
    },
  };
  cache.set(key, f);
  return f;
}
