// Suggests a mapping for a flat sheet from its header (pt-BR and en synonyms, accents and case ignored) and from
// a sample of its values (dates, money, phones, e-mails, CPF, yes/no, payment words). Works on the sniffed
// sample only (a few hundred rows), so it is instant on any file size.
import { detectDecimalMark } from '../dialect';
import type { DecimalMark } from '../../model/convert';
import type { DateOrder } from './values';
import { FIELD_BY_ID, headerWords, missingFields, SHEET_FIELDS, type FieldKind, type SheetMapping } from './fields';

export type ValueKind = 'date' | 'money' | 'phone' | 'email' | 'cpf' | 'yesno' | 'method' | 'number';

export interface ColumnSuggestion {
  column: string;
  field: string | null;
  /** What the sampled values look like. */
  detected: ValueKind | null;
  by: 'header' | 'values' | 'template' | null;
}

export interface Suggestion {
  mapping: SheetMapping;
  columns: ColumnSuggestion[];
  missing: string[];
  dateOrder: DateOrder;
  decimal: DecimalMark;
}

const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(,?\s+\d{1,2}:\d{2}(:\d{2})?)?$|^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?)?$/;
const MONEY = /^\(?\s*-?\s*(R\$|\$)?\s*-?\d{1,3}([.,]?\d{3})*([.,]\d{1,2})?\s*\)?-?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CPF = /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/;
const PHONE = /^(\+?55\s*)?\(?\d{2}\)?\s*9?\s*\d{4}[\s-]?\d{4}$/;
const YESNO = new Set(['sim', 'nao', 'yes', 'no', 's', 'n', 'y', 'true', 'false', 'x']);
const METHOD = /pix|dinheiro|especie|cartao|credito|debito|boleto|vale|voucher|cash|credit|debit|card|carteira|wallet|picpay|mercado ?pago/;
const KIND_FOR_VALUES: Partial<Record<ValueKind, FieldKind[]>> = {
  date: ['datetime', 'date'],
  money: ['money', 'qty'],
  number: ['money', 'qty', 'id'],
  phone: ['phone'],
  email: ['email'],
  cpf: ['document'],
  yesno: ['yesno'],
  method: ['method'],
};

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
const NULLISH = new Set(['', '-', '--', '—', '–', 'n/a', '#n/a', 'null']);

/** What most sampled values of a column look like (null for text or too few values). */
export function detectValues(values: string[]): ValueKind | null {
  const vs = values.map((v) => v.trim()).filter((v) => !NULLISH.has(v.toLowerCase()));
  if (!vs.length) return null;
  const share = (test: (v: string) => boolean) => vs.filter(test).length / vs.length;
  const order: [ValueKind, (v: string) => boolean][] = [
    ['email', (v) => EMAIL.test(v)],
    ['date', (v) => DATE.test(v)],
    ['cpf', (v) => CPF.test(v) && (v.includes('.') || v.length === 11) && !/^0+$/.test(v)],
    ['phone', (v) => PHONE.test(v) && /[\s()-]|^\+/.test(v)],
    ['yesno', (v) => YESNO.has(plain(v))],
    ['method', (v) => METHOD.test(plain(v))],
    ['money', (v) => MONEY.test(v) && /R\$|[.,]\d{2}\)?-?$/.test(v)],
    ['number', (v) => /^-?\d+([.,]\d+)?$/.test(v)],
  ];
  for (const [kind, test] of order) if (share(test) >= 0.8) return kind;
  return null;
}

/** DD/MM unless a sampled date only reads as MM/DD (a middle part above 12 and no first part above 12). */
export function detectDateOrder(values: string[]): DateOrder {
  let firstBig = false;
  let secondBig = false;
  for (const v of values) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]/.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) firstBig = true;
    if (Number(m[2]) > 12) secondBig = true;
  }
  return secondBig && !firstBig ? 'mdy' : 'dmy';
}

function headerScore(words: string, synonyms: string[]): number {
  let best = 0;
  for (const s of synonyms) {
    if (words === s) return 100;
    if (` ${words} `.includes(` ${s} `)) best = Math.max(best, 10 + s.length);
  }
  return best;
}

/** Suggests a mapping for a header and sampled rows. */
export function suggestMapping(header: string[], sample: string[][]): Suggestion {
  const values = header.map((_, i) => sample.map((r) => r[i] ?? ''));
  const detected = values.map(detectValues);
  const candidates: { col: number; field: string; score: number }[] = [];
  header.forEach((h, col) => {
    const words = headerWords(h);
    if (!words) return;
    for (const f of SHEET_FIELDS) {
      let score = headerScore(words, f.synonyms);
      if (!score) continue;
      const d = detected[col];
      // A header word that the values contradict (a "Data" column of names) is a weak hint.
      if (d && !KIND_FOR_VALUES[d]?.includes(f.kind) && f.kind !== 'text' && f.kind !== 'status' && f.kind !== 'itemKind') score /= 10;
      if (d === 'date' && f.kind !== 'datetime' && f.kind !== 'date') score /= 10;
      // A date field wants dates (or Excel serial numbers): a "Data" column of names is not one.
      const hasValues = values[col].some((v) => v.trim() !== '');
      if ((f.kind === 'datetime' || f.kind === 'date') && hasValues && d !== 'date' && d !== 'number') continue;
      candidates.push({ col, field: f.id, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const mapping: SheetMapping = {};
  const by = new Map<number, ColumnSuggestion['by']>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] || taken.has(c.col) || c.score < 1) continue;
    mapping[c.field] = header[c.col];
    taken.add(c.col);
    by.set(c.col, 'header');
  }
  // Columns whose header said nothing: their values may (an unnamed column of e-mails, phones or dates).
  const byValue: Partial<Record<ValueKind, string>> = { email: 'customer.email', cpf: 'customer.document', phone: 'customer.phone', date: 'sale.date', method: 'payment.method', money: 'line.total' };
  header.forEach((h, col) => {
    const d = detected[col];
    const field = d ? byValue[d] : undefined;
    if (taken.has(col) || !field || mapping[field]) return;
    mapping[field] = h;
    taken.add(col);
    by.set(col, 'values');
  });
  const moneyValues = Object.entries(mapping)
    .filter(([f]) => FIELD_BY_ID.get(f)?.kind === 'money' || FIELD_BY_ID.get(f)?.kind === 'qty')
    .flatMap(([, h]) => values[header.indexOf(h)]);
  const dateValues = Object.entries(mapping)
    .filter(([f]) => FIELD_BY_ID.get(f)?.kind === 'datetime' || FIELD_BY_ID.get(f)?.kind === 'date')
    .flatMap(([, h]) => values[header.indexOf(h)]);
  const fieldOf = new Map(Object.entries(mapping).map(([f, h]) => [h, f]));
  return {
    mapping,
    columns: header.map((h, col) => ({ column: h, field: fieldOf.get(h) ?? null, detected: detected[col], by: by.get(col) ?? null })),
    missing: missingFields(mapping),
    dateOrder: detectDateOrder(dateValues),
    decimal: moneyValues.some((v) => /R\$/.test(v)) ? ',' : detectDecimalMark(moneyValues.map((v) => v.replace(/[()R$\s-]/g, '')), ';'),
  };
}
