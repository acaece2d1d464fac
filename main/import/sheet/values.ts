// Spreadsheet values as SQL over whole columns: pt-BR and en dates (DD/MM/YYYY, DD/MM/YY, ISO, Excel serials),
// money (R$ 1.234,56, 1,234.56, negatives in parentheses), yes/no words and `-`/empty as null. Each parser gives
// canonical text (ISO timestamp, plain decimal) that the table pipeline then types and checks.
import type { DecimalMark } from '../../model/convert';
import { lit } from '../../model/convert';

/** Cells that mean "nothing here" in spreadsheets. */
const NULL_WORDS = ['', '-', '--', '—', '–', 'n/a', 'N/A', '#N/A', 'null', 'NULL'];

/** The trimmed text of a cell, or NULL for blanks and dashes. */
export function cellSql(expr: string): string {
  const t = `trim(CAST(${expr} AS VARCHAR), ' \t\u00a0')`;
  return `CASE WHEN list_contains(${`[${NULL_WORDS.map(lit).join(', ')}]`}, coalesce(${t}, '')) THEN NULL ELSE ${t} END`;
}

// Two-digit years first: %Y would read "26" as the year 26.
const DMY_FORMATS = [
  '%d/%m/%y %H:%M:%S', '%d/%m/%y %H:%M', '%d/%m/%y',
  '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%d/%m/%Y, %H:%M:%S', '%d/%m/%Y, %H:%M',
  '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y', '%d.%m.%Y %H:%M', '%d.%m.%Y',
];
const MDY_FORMATS = ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%m/%d/%y %H:%M', '%m/%d/%y'];

export type DateOrder = 'dmy' | 'mdy';

/** An Excel serial day number (days since 1899-12-30, fractions are the time of day) as a TIMESTAMP. */
function excelSerialSql(v: string): string {
  return `CASE WHEN regexp_full_match(${v}, '[0-9]{4,5}([.,][0-9]+)?') AND TRY_CAST(replace(${v}, ',', '.') AS DOUBLE) BETWEEN 20000 AND 80000
    THEN TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(replace(${v}, ',', '.') AS DOUBLE) * 86400) AS BIGINT) * 1000000) END`;
}

/**
 * A local date-time (no offset: the pipeline reads it in the business time zone) as ISO text, from DD/MM/YYYY
 * (or MM/DD/YYYY when the column's order says so), ISO 8601, or an Excel serial day number. An ISO value with an
 * offset passes through unchanged. `time` adds a separate time-of-day cell.
 */
export function dateTimeSql(v: string, order: DateOrder = 'dmy', time?: string): string {
  const formats = order === 'mdy' ? MDY_FORMATS : DMY_FORMATS;
  const serial = excelSerialSql(v);
  const local = `COALESCE(try_strptime(${v}, ${`[${formats.map(lit).join(', ')}]`}), TRY_CAST(${v} AS TIMESTAMP), ${serial})`;
  const withTime = time
    ? `CASE WHEN ${time} IS NOT NULL AND TRY_CAST(${time} AS TIME) IS NOT NULL THEN CAST(${local} AS DATE) + CAST(${time} AS TIME) ELSE ${local} END`
    : local;
  // ISO text with an offset or Z keeps its instant; everything else becomes wall-clock ISO text.
  return `CASE WHEN ${v} IS NULL THEN NULL WHEN regexp_matches(${v}, '^\\d{4}-\\d{2}-\\d{2}[T ].*([+-]\\d{2}:?\\d{2}|Z)$') THEN ${v}
    ELSE COALESCE(strftime(${withTime}, '%Y-%m-%d %H:%M:%S'), ${v}) END`;
}

/** A date only (birth dates, hire dates) as YYYY-MM-DD text. */
export function dateSql(v: string, order: DateOrder = 'dmy'): string {
  const formats = order === 'mdy' ? MDY_FORMATS : DMY_FORMATS;
  return `COALESCE(strftime(COALESCE(try_strptime(${v}, ${`[${formats.map(lit).join(', ')}]`}), TRY_CAST(${v} AS TIMESTAMP), ${excelSerialSql(v)}), '%Y-%m-%d'), ${v})`;
}

/**
 * A money or quantity value as plain decimal text. `dec` is the column's decimal mark (from its sampled values),
 * used when a value has only one kind of separator; with both, the last one is the decimal mark. Currency
 * symbols and spaces go, `(12,50)` and `12,50-` are negative. Text that is not a number passes through so the
 * pipeline rejects it with its value shown.
 */
export function decimalSql(v: string, dec: DecimalMark): string {
  const s = `regexp_replace(${v}, '(R\\$|US\\$|\\$|BRL|\\s|\u00a0)', '', 'g')`;
  const neg = `(regexp_full_match(${s}, '\\(.*\\)') OR starts_with(${s}, '-') OR ends_with(${s}, '-'))`;
  const body = `trim(${s}, '()+-')`;
  const lastComma = `strpos(reverse(${body}), ',')`;
  const lastDot = `strpos(reverse(${body}), '.')`;
  const pt = `replace(replace(${body}, '.', ''), ',', '.')`;
  const en = `replace(${body}, ',', '')`;
  const plain = `CASE WHEN ${lastComma} > 0 AND ${lastDot} > 0 THEN CASE WHEN ${lastComma} < ${lastDot} THEN ${pt} ELSE ${en} END ELSE ${dec === ',' ? pt : en} END`;
  const num = `TRY_CAST(${plain} AS DECIMAL(18,4))`;
  return `CASE WHEN ${v} IS NULL THEN NULL WHEN ${num} IS NULL THEN ${v} ELSE CAST(CASE WHEN ${neg} THEN -${num} ELSE ${num} END AS VARCHAR) END`;
}

const TRUE_WORDS = ['sim', 's', 'yes', 'y', 'true', 't', '1', 'x', 'verdadeiro', 'ativo', 'ativa', 'aceita', 'aceito', 'ok'];
const FALSE_WORDS = ['nao', 'n', 'no', 'false', 'f', '0', 'falso', 'inativo', 'inativa', 'recusa', 'recusou'];

/** Sim/Não, yes/no, 1/0, x as 'true'/'false' text (accents and case ignored); anything else passes through. */
export function yesNoSql(v: string): string {
  const w = `lower(strip_accents(${v}))`;
  return `CASE WHEN list_contains(${`[${TRUE_WORDS.map(lit).join(', ')}]`}, ${w}) THEN 'true'
    WHEN list_contains(${`[${FALSE_WORDS.map(lit).join(', ')}]`}, ${w}) THEN 'false' ELSE ${v} END`;
}

/** Digits only (phones, CPF/CNPJ), NULL when none. */
export function digitsSql(v: string): string {
  return `nullif(regexp_replace(${v}, '[^0-9]', '', 'g'), '')`;
}

/** A key for matching names: lower case, no accents, single spaces. */
export function nameKeySql(v: string): string {
  return `nullif(regexp_replace(lower(strip_accents(${v})), '\\s+', ' ', 'g'), '')`;
}
