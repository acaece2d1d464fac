// The rules a canonical row must satisfy (specs/data-model.md), written once for file imports and every connector:
// each is a SQL test over the staged row (typed columns and their raw text `__v_<column>`) and a plain reason in
// pt-BR and en. The first broken rule of a row becomes its reject {c: column, v: value, r: reason}.
import { sqlIdent, sqlString } from '../sql/quote';
import { columnWord, modelLabel, type Words } from '../../shared/model';
import { createFormatter } from '../../shared/format';
import type { ColumnKind, ColumnSpec, TableSpec } from './schema';

export type Locale = keyof Words;

/** Longest text a field may hold: longer is a hostile or broken record, not data (it would bloat every report). */
export const MAX_TEXT = 10_000;
/** Largest money amount taken as real (R$ 100 million in one sale or payment is a broken record). */
export const MONEY_MAX = 100_000_000;
/** Earliest date/time taken as real; the latest is five years from now (bookings ahead). */
export const EARLIEST_TS = '1990-01-01 00:00:00+00';

const W = (pt: string, en: string): Words => ({ 'pt-BR': pt, en });

/** Every reason a row can be rejected for, in both languages. */
export const REASONS = {
  missing: W('valor obrigatório ausente', 'missing required value'),
  tooLong: W(`texto com mais de ${createFormatter({ locale: 'pt-BR' }).integer(MAX_TEXT)} caracteres`, `text longer than ${createFormatter({ locale: 'en' }).integer(MAX_TEXT)} characters`),
  notList: W('não é um destes valores: ', 'not one of: '),
  negative: W('não pode ser negativo', 'must not be negative'),
  between: W('deve estar entre {min} e {max}', 'must be between {min} and {max}'),
  amountRange: W('valor fora do limite (acima de R$ 100 milhões)', 'amount out of range (over R$ 100 million)'),
  dateRange: W('data fora do intervalo (antes de 1990 ou mais de 5 anos à frente)', 'date out of range (before 1990 or more than 5 years ahead)'),
  total: W('valor total {total} não é bruto - desconto + impostos + frete = {expected}', 'total amount {total} is not gross - discount + tax + shipping = {expected}'),
  duplicate: W('{key} repetido no arquivo (a primeira linha foi mantida)', 'duplicate {key} within the file (the first row was kept)'),
  orphan: W('código da venda: a venda desta linha foi rejeitada', 'sale id: its sale was rejected'),
} as const;

/** Why a text did not read as a value of its kind (empty for kinds that take any text). */
export const KIND_REASONS: Record<ColumnKind, Words | null> = {
  id: null,
  text: null,
  money: W('não é um número (use 1234.56, ou 1.234,56 em arquivos pt-BR)', 'not a number (use 1234.56, or 1.234,56 in pt-BR files)'),
  qty: W('não é um número (use 1234.56, ou 1.234,56 em arquivos pt-BR)', 'not a number (use 1234.56, or 1.234,56 in pt-BR files)'),
  rate: W('não é uma taxa (use 0.35 ou 35%)', 'not a rate (use 0.35 or 35%)'),
  int: W('não é um número inteiro', 'not a whole number'),
  date: W('não é uma data (use AAAA-MM-DD ou DD/MM/AAAA)', 'not a date (use YYYY-MM-DD or DD/MM/YYYY)'),
  ts: W(
    'não é uma data/hora (use ISO 8601 como 2024-03-05T14:30:00-03:00, AAAA-MM-DD HH:MM ou DD/MM/AAAA HH:MM)',
    'not a date/time (use ISO 8601 like 2024-03-05T14:30:00-03:00, YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)',
  ),
  bool: W('não é sim/não (use true/false, 1/0, sim/não, yes/no)', 'not a yes/no value (use true/false, 1/0, sim/não, yes/no)'),
};

/** A reason as text, with {placeholders} filled. */
export function reasonText(words: Words, locale: Locale, fill: Record<string, string | number> = {}): string {
  return words[locale].replace(/\{(\w+)\}/g, (_, k: string) => String(fill[k] ?? `{${k}}`));
}

const q = sqlIdent;
const raw = (c: string) => q(`__v_${c}`);
/** The reject struct of a broken rule. */
export const rejectSql = (col: string, value: string, reason: string) => `{'c': ${sqlString(col)}, 'v': ${value}, 'r': ${reason}}`;
const listLit = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;

const MONEY_COLUMNS = new Set<ColumnKind>(['money']);

/**
 * `WHEN <broken> THEN <reject>` arms, in the order a row is judged: too long, missing, unreadable, not in its list,
 * out of bounds, out of range, the sale total identity. `present` names the columns the source supplied (a required
 * column a file lacks rejects every row). Plain projections only: the file-order staging query must stay a scan.
 */
export function ruleChecks(spec: TableSpec, present: ReadonlySet<string>, locale: Locale): string[] {
  const checks: string[] = [];
  const cols = spec.columns.filter((c) => present.has(c.name));
  // Every reason names its column, so a source's reject (kept without a column field) says what was wrong.
  const sayFor = (col: string) => (w: Words, fill?: Record<string, string | number>) => sqlString(`${columnWord(col, locale, spec.name)}: ${reasonText(w, locale, fill)}`);
  for (const c of cols) {
    if (c.kind === 'id' || c.kind === 'text') checks.push(`WHEN length(${raw(c.name)}) > ${MAX_TEXT} THEN ${rejectSql(c.name, `left(${raw(c.name)}, 40)`, sayFor(c.name)(REASONS.tooLong))}`);
  }
  for (const c of spec.columns) {
    if (!c.required) continue;
    const missing = rejectSql(c.name, 'NULL', sayFor(c.name)(REASONS.missing));
    checks.push(present.has(c.name) ? `WHEN ${raw(c.name)} IS NULL THEN ${missing}` : `WHEN true THEN ${missing}`);
  }
  for (const c of cols) checks.push(...columnChecks(c, sayFor(c.name), locale));
  if (spec.name === 'sales' && present.has('gross_amount') && present.has('total_amount')) {
    const expected = `("gross_amount" - coalesce("discount_amount", 0) + coalesce("tax_amount", 0) + coalesce("shipping_amount", 0))`;
    const [before, rest] = reasonText(REASONS.total, locale).split('{total}');
    const [middle, after] = rest.split('{expected}');
    checks.push(
      `WHEN "gross_amount" IS NOT NULL AND abs("total_amount" - ${expected}) > 0.01 THEN ${rejectSql(
        'total_amount',
        raw('total_amount'),
        `${sqlString(before)} || CAST("total_amount" AS VARCHAR) || ${sqlString(middle)} || CAST(${expected} AS VARCHAR) || ${sqlString(after)}`,
      )}`,
    );
  }
  return checks;
}

/** The values a closed list takes, each with its word for a person: "completed (concluída)". */
const valuesText = (values: readonly string[], locale: Locale) => {
  const plain = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
  return values.map((v) => {
    const word = modelLabel(v)?.[locale];
    return word && plain(word) !== plain(v) ? `${v} (${word.charAt(0).toLocaleLowerCase(locale) + word.slice(1)})` : v;
  }).join(', ');
};

function columnChecks(c: ColumnSpec, say: (w: Words, fill?: Record<string, string | number>) => string, locale: Locale): string[] {
  const v = raw(c.name);
  const t = q(c.name);
  const out: string[] = [];
  const kind = KIND_REASONS[c.kind];
  if (kind) out.push(`WHEN ${v} IS NOT NULL AND ${t} IS NULL THEN ${rejectSql(c.name, `left(${v}, 200)`, say(kind))}`);
  if (c.values) out.push(`WHEN NOT list_contains(${listLit(c.values)}, ${t}) THEN ${rejectSql(c.name, `left(${v}, 200)`, `${say(REASONS.notList)} || ${sqlString(valuesText(c.values, locale))}`)}`);
  if (c.min !== undefined && c.max !== undefined) out.push(`WHEN ${t} < ${c.min} OR ${t} > ${c.max} THEN ${rejectSql(c.name, v, say(REASONS.between, { min: c.min, max: c.max }))}`);
  else if (c.min !== undefined) out.push(`WHEN ${t} < ${c.min} THEN ${rejectSql(c.name, v, say(REASONS.negative))}`);
  if (MONEY_COLUMNS.has(c.kind)) out.push(`WHEN abs(${t}) >= ${MONEY_MAX} THEN ${rejectSql(c.name, v, say(REASONS.amountRange))}`);
  if (c.kind === 'ts') out.push(`WHEN ${t} < TIMESTAMPTZ '${EARLIEST_TS}' OR ${t} >= now() + INTERVAL 5 YEAR THEN ${rejectSql(c.name, v, say(REASONS.dateRange))}`);
  return out;
}
