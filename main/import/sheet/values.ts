// Spreadsheet values as SQL over whole columns: pt-BR and en dates (DD/MM/YYYY, DD/MM/YY, ISO, Excel serials),
// money (R$ 1.234,56, 1,234.56, negatives in parentheses), yes/no words and `-`/empty as null. Each parser gives
// canonical text (ISO timestamp, plain decimal) that the table pipeline then types and checks.
import type { DecimalMark } from '../../model/convert';
import { lit } from '../../model/convert';

/** Cells that mean "nothing here" in spreadsheets. */
const NULL_WORDS = ['', '-', '--', '—', '–', 'n/a', 'N/A', '#N/A', 'null', 'NULL'];

/** Characters a spreadsheet pads cells with. */
const PAD = [' ', '\t', '\u00a0'];

/**
 * The trimmed text of a cell, or NULL for blanks and dashes. Trimming a set of characters costs more than testing
 * both ends, so only padded cells are trimmed, and only short cells are looked up among the null words.
 */
export function cellSql(expr: string): string {
  const c = `CAST(${expr} AS VARCHAR)`;
  const padded = PAD.flatMap((p) => [`starts_with(${c}, ${lit(p)})`, `ends_with(${c}, ${lit(p)})`]).join(' OR ');
  const t = `(CASE WHEN ${padded} THEN trim(${c}, ${lit(PAD.join(''))}) ELSE ${c} END)`;
  const longest = Math.max(...NULL_WORDS.map((w) => Buffer.byteLength(w)));
  return `CASE WHEN strlen(${t}) > ${longest} THEN ${t} WHEN list_contains(${`[${NULL_WORDS.map(lit).join(', ')}]`}, coalesce(${t}, '')) THEN NULL ELSE ${t} END`;
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
  return `list_transform([${v}], lambda x: CASE WHEN regexp_full_match(x, '[0-9]{4,5}([.,][0-9]+)?') AND TRY_CAST(replace(x, ',', '.') AS DOUBLE) BETWEEN 20000 AND 80000
    THEN TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(replace(x, ',', '.') AS DOUBLE) * 86400) AS BIGINT) * 1000000) END)[1]`;
}

/** A DuckDB date format as a JS pattern, to find the one a column's sampled values are written in. */
function formatPattern(fmt: string): RegExp {
  const parts: Record<string, string> = { d: '\\d{1,2}', m: '\\d{1,2}', Y: '\\d{4}', y: '\\d{2}', H: '\\d{1,2}', M: '\\d{2}', S: '\\d{2}' };
  return new RegExp(`^${fmt.replace(/%(\w)|([^%]+)/g, (_, p: string | undefined, lit: string | undefined) => (p ? parts[p] : (lit ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))}$`);
}

/**
 * The format most sampled dates of a column are written in (null when none fits most of them). Parsing tries it
 * first: one format costs a tenth of trying the whole list on every cell.
 */
export function sampleDateFormat(values: string[], order: DateOrder = 'dmy'): string | null {
  const vs = values.map((v) => v.trim()).filter((v) => v && !NULL_WORDS.includes(v));
  if (!vs.length) return null;
  let best: string | null = null;
  let hits = 0;
  for (const f of order === 'mdy' ? MDY_FORMATS : DMY_FORMATS) {
    const re = formatPattern(f);
    const n = vs.filter((v) => re.test(v)).length;
    if (n > hits) [best, hits] = [f, n];
  }
  return hits * 2 > vs.length ? best : null;
}

/**
 * The timestamp of `v` in format `fmt`, when that is what the whole list would read: a four-digit-year format also
 * reads "26" as the year 26, which the list reads as 2026, so years before 1000 are left to the list.
 */
function firstTry(v: string, fmt: string | null | undefined): string | null {
  if (!fmt) return null;
  const t = `try_strptime(${v}, ${lit(fmt)})`;
  return fmt.includes('%Y') ? `CASE WHEN year(${t}) >= 1000 THEN ${t} END` : t;
}

/**
 * A local date-time (no offset: the pipeline reads it in the business time zone) as ISO text, from DD/MM/YYYY
 * (or MM/DD/YYYY when the column's order says so), ISO 8601, or an Excel serial day number. An ISO value with an
 * offset passes through unchanged. `time` adds a separate time-of-day cell. `fmt` (the column's own format, see
 * sampleDateFormat) is tried first; cells it does not read take the whole way, with the same result.
 */
export function dateTimeSql(v: string, order: DateOrder = 'dmy', time?: string, fmt?: string | null): string {
  const formats = order === 'mdy' ? MDY_FORMATS : DMY_FORMATS;
  const serial = excelSerialSql(v);
  const local = `COALESCE(try_strptime(${v}, ${`[${formats.map(lit).join(', ')}]`}), TRY_CAST(${v} AS TIMESTAMP), ${serial})`;
  // The steps of the slow way are bound by lambdas: a step written twice would be computed for every row.
  const timed = (ts: string) =>
    time ? `list_transform([${ts}], lambda t: CASE WHEN ${time} IS NOT NULL AND TRY_CAST(${time} AS TIME) IS NOT NULL THEN CAST(t AS DATE) + CAST(${time} AS TIME) ELSE t END)[1]` : ts;
  // ISO text with an offset or Z keeps its instant; everything else becomes wall-clock ISO text.
  const full = `CASE WHEN regexp_matches(${v}, '^\\d{4}-\\d{2}-\\d{2}[T ].*([+-]\\d{2}:?\\d{2}|Z)$') THEN ${v}
    ELSE COALESCE(strftime(${timed(local)}, '%Y-%m-%d %H:%M:%S'), ${v}) END`;
  const first = firstTry(v, fmt);
  return `CASE WHEN ${v} IS NULL THEN NULL ELSE ${first ? `COALESCE(strftime(${timed(first)}, '%Y-%m-%d %H:%M:%S'), ${full})` : full} END`;
}

/** A date only (birth dates, hire dates) as YYYY-MM-DD text. */
export function dateSql(v: string, order: DateOrder = 'dmy'): string {
  const formats = order === 'mdy' ? MDY_FORMATS : DMY_FORMATS;
  return `COALESCE(strftime(COALESCE(try_strptime(${v}, ${`[${formats.map(lit).join(', ')}]`}), TRY_CAST(${v} AS TIMESTAMP), ${excelSerialSql(v)}), '%Y-%m-%d'), ${v})`;
}

/**
 * The slow, general reading of a number (any currency, spaces, both marks, negatives), DECIMAL(18,4) or NULL. Its
 * steps are bound by lambdas: a step written twice would be computed once for every row, ahead of the fast path.
 */
function generalNumberSql(v: string, dec: DecimalMark): string {
  const lastComma = `strpos(reverse(b), ',')`;
  const lastDot = `strpos(reverse(b), '.')`;
  const pt = `replace(replace(b, '.', ''), ',', '.')`;
  const en = `replace(b, ',', '')`;
  const plain = `CASE WHEN ${lastComma} > 0 AND ${lastDot} > 0 THEN CASE WHEN ${lastComma} < ${lastDot} THEN ${pt} ELSE ${en} END ELSE ${dec === ',' ? pt : en} END`;
  const neg = `(regexp_full_match(s, '\\(.*\\)') OR starts_with(s, '-') OR ends_with(s, '-'))`;
  const num = `list_transform([trim(s, '()+-')], lambda b: TRY_CAST(${plain} AS DECIMAL(18,4)))[1]`;
  return `list_transform([regexp_replace(${v}, '(R\\$|US\\$|\\$|BRL|\\s|\u00a0)', '', 'g')], lambda s: CASE WHEN ${neg} THEN -${num} ELSE ${num} END)[1]`;
}

/**
 * A money or quantity value as DECIMAL(18,4), NULL when it is not a number. `dec` is the column's decimal mark
 * (from its sampled values), used when a value has only one kind of separator; with both, the last one is the
 * decimal mark. Currency symbols and spaces go, `(12,50)` and `12,50-` are negative. The usual cell (`R$ 1.234,56`,
 * `1,234.56`, `-12,50`) is read with plain replaces; only the others take the general reading, with the same result.
 */
export function numberSql(v: string, dec: DecimalMark): string {
  const x = `CASE WHEN starts_with(${v}, 'R$') THEN ltrim(substr(${v}, 3)) ELSE ${v} END`;
  // The column's own mark may appear once, and the other mark only before it (thousands).
  const [mark, other] = dec === ',' ? [',', '.'] : ['.', ','];
  const usual = `strpos(${v}, '${mark}') = 0 OR NOT contains(substr(${v}, strpos(${v}, '${mark}')), '${other}')`;
  const plain = dec === ',' ? `replace(replace(${x}, '.', ''), ',', '.')` : `replace(${x}, ',', '')`;
  return `COALESCE(CASE WHEN ${usual} THEN TRY_CAST(${plain} AS DECIMAL(18,4)) END, ${generalNumberSql(v, dec)})`;
}

/**
 * A money or quantity value as plain decimal text (see numberSql). Text that is not a number passes through so
 * the pipeline rejects it with its value shown.
 */
export function decimalSql(v: string, dec: DecimalMark): string {
  return `CASE WHEN ${v} IS NULL THEN NULL ELSE COALESCE(CAST(${numberSql(v, dec)} AS VARCHAR), ${v}) END`;
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

/** A key for matching names: lower case, no accents, single spaces (the expression on runs of spaces only). */
export function nameKeySql(v: string): string {
  const low = `lower(strip_accents(${v}))`;
  const runs = ['  ', '\t', '\n', '\f', '\r'].map((c) => `contains(${v}, ${lit(c)})`).join(' OR ');
  return `nullif(CASE WHEN ${runs} THEN regexp_replace(${low}, '\\s+', ' ', 'g') ELSE ${low} END, '')`;
}
