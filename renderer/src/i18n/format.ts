// Locale-aware formatting of every number, amount, percentage and date the UI shows, through Intl.
// Money arrives as exact decimal text; dates as 'YYYY-MM-DD'; timestamps as ISO UTC, shown in the business zone.
import type { ColumnType } from '../../../shared/types';

export type Locale = 'pt-BR' | 'en';

export interface Formatters {
  locale: Locale;
  number(v: number | string | null | undefined, digits?: number): string;
  integer(v: number | string | null | undefined): string;
  money(v: number | string | null | undefined): string;
  /** Compact money for axes and small cards (R$ 12,3 mil). */
  moneyShort(v: number | string | null | undefined): string;
  /** A ratio 0..1 shown as a percentage. */
  percent(v: number | string | null | undefined, digits?: number): string;
  date(v: string | null | undefined): string;
  dateShort(v: string | null | undefined): string;
  month(v: string | null | undefined): string;
  timestamp(v: string | null | undefined): string;
  cell(v: unknown, type: ColumnType): string;
}

const cache = new Map<string, Formatters>();

function num(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** 'YYYY-MM-DD' (or a longer ISO text) as a UTC midnight Date, so the calendar day never shifts. */
function dayOf(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
}

export function formatters(locale: Locale, currency = 'BRL', timeZone = 'America/Sao_Paulo'): Formatters {
  const key = `${locale}|${currency}|${timeZone}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const intl = locale === 'pt-BR' ? 'pt-BR' : 'en-US';
  const int = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(intl, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const moneyShort = new Intl.NumberFormat(intl, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const pcts = new Map<number, Intl.NumberFormat>();
  const date = new Intl.DateTimeFormat(intl, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateShort = new Intl.DateTimeFormat(intl, { timeZone: 'UTC', day: '2-digit', month: 'short' });
  const month = new Intl.DateTimeFormat(intl, { timeZone: 'UTC', month: 'short', year: 'numeric' });
  const wall = new Intl.DateTimeFormat(intl, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  let ts: Intl.DateTimeFormat;
  try {
    ts = new Intl.DateTimeFormat(intl, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  } catch {
    ts = new Intl.DateTimeFormat(intl, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  const dash = '–';
  const f: Formatters = {
    locale,
    number(v, digits = 2) {
      const n = num(v);
      if (n === null) return dash;
      let nf = numbers.get(digits);
      if (!nf) numbers.set(digits, (nf = new Intl.NumberFormat(intl, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
      return nf.format(n);
    },
    integer: (v) => {
      const n = num(v);
      return n === null ? dash : int.format(n);
    },
    money: (v) => {
      const n = num(v);
      return n === null ? dash : money.format(n);
    },
    moneyShort: (v) => {
      const n = num(v);
      return n === null ? dash : moneyShort.format(n);
    },
    percent(v, digits = 1) {
      const n = num(v);
      if (n === null) return dash;
      let pf = pcts.get(digits);
      if (!pf) pcts.set(digits, (pf = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits })));
      return pf.format(n);
    },
    date: (v) => {
      const d = v ? dayOf(v) : null;
      return d ? date.format(d) : dash;
    },
    dateShort: (v) => {
      const d = v ? dayOf(v) : null;
      return d ? dateShort.format(d) : dash;
    },
    month: (v) => {
      const d = v ? dayOf(v) : null;
      return d ? month.format(d) : dash;
    },
    timestamp: (v) => {
      if (!v) return dash;
      // With Z or an offset it is an instant (shown in the business zone); without, a business wall-clock time.
      const instant = /(Z|[+-]\d\d:?\d\d)$/.test(v);
      const d = new Date(instant ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : (instant ? ts : wall).format(d);
    },
    cell(v, type) {
      if (v === null || v === undefined) return '';
      switch (type) {
        case 'money':
          return f.money(v as string);
        case 'integer':
          return f.integer(v as number);
        case 'decimal':
          return f.number(v as number);
        case 'percent':
          return f.percent(v as number);
        case 'date':
          return f.date(String(v));
        case 'timestamp':
          return f.timestamp(String(v));
        case 'boolean':
          return v ? (locale === 'pt-BR' ? 'Sim' : 'Yes') : locale === 'pt-BR' ? 'Não' : 'No';
        default:
          return String(v);
      }
    },
  };
  cache.set(key, f);
  return f;
}
