// SQL projections that turn a result's native columns into what each writer needs, so formatting runs in
// DuckDB over whole columns: CSV text per dialect (with formula neutralisation), XLSX numbers and date serials,
// and the exact wire form the PDF formats for people.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { CsvDialect, ExportColumn, ExportSource, Locale, WireValue } from './types';
import { sqlIdent, sqlString } from '../sql/quote';
import { CODE_LISTS } from '../../shared/codeLists';

/** The SQL type of each result column, from a LIMIT 0 run (DuckDB plans it to an empty result: no rows computed). */
export async function describeQuery(conn: DuckDBConnection, sql: string, params: DuckDBValue[]): Promise<Map<string, string>> {
  const r = await conn.run(`SELECT * FROM (${sql}) AS q LIMIT 0`, params);
  const names = r.columnNames();
  const types = r.columnTypes();
  return new Map(names.map((n, i) => [n, types[i].toString().toUpperCase()]));
}

const isTz = (sqlType: string | undefined) => !!sqlType && /WITH TIME ZONE|TIMESTAMPTZ/.test(sqlType);
const isIntegral = (sqlType: string | undefined) => !!sqlType && /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/.test(sqlType);

/** A timestamp column as business-local wall-clock time (TIMESTAMP). */
function localTs(ref: string, sqlType: string | undefined): string {
  if (isTz(sqlType)) return `timezone(getvariable('biz_tz'), ${ref})`;
  // Wire-form text ('...Z', or local without an offset) parses as TIMESTAMPTZ in the session's business zone.
  if (isText(sqlType)) return `timezone(getvariable('biz_tz'), CAST(${ref} AS TIMESTAMPTZ))`;
  return `CAST(${ref} AS TIMESTAMP)`;
}

/** Cells starting with = + - @ tab or CR get a leading apostrophe, so spreadsheets never run them as formulas. */
export function neutraliseSql(v: string): string {
  // ascii() reads the first code point; cheaper than left(), which splits grapheme clusters.
  return `CASE WHEN ascii(${v}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${v} ELSE ${v} END`;
}

const isText = (sqlType: string | undefined) => !sqlType || sqlType === 'VARCHAR';

/**
 * Exact decimal text of a number column. Wire-form text (money and decimals as exact text) passes through:
 * casting text to a wide DECIMAL costs DuckDB many times the whole export.
 */
function decimalText(ref: string, c: ExportColumn, sqlType: string | undefined): string {
  if (c.type === 'money') {
    if (isText(sqlType)) return ref;
    if (sqlType && /^DECIMAL\(\d+,2\)$/.test(sqlType)) return `CAST(${ref} AS VARCHAR)`;
    return `CAST(CAST(${ref} AS DECIMAL(18,2)) AS VARCHAR)`;
  }
  if (c.type === 'integer') return isIntegral(sqlType) ? `CAST(${ref} AS VARCHAR)` : `CAST(CAST(${ref} AS BIGINT) AS VARCHAR)`;
  if (isText(sqlType)) return ref;
  if (c.type === 'decimal' && c.decimals !== undefined && !sqlType?.startsWith('DECIMAL')) return `CAST(round(${ref}, ${c.decimals}) AS VARCHAR)`;
  return `CAST(${ref} AS VARCHAR)`;
}

/** A date column as 'YYYY-MM-DD' text (the wire form already is). */
function isoDate(ref: string, sqlType: string | undefined): string {
  return isText(sqlType) ? ref : `strftime(CAST(${ref} AS DATE), '%Y-%m-%d')`;
}

/**
 * A text column as people read it: a code of the column's list as its word (one CASE over the list, so it stays a
 * column expression), an empty value that means something ("Online", "Sem profissional") as those words.
 * Without a locale (files for scripts) the stored text passes through.
 */
export function wordsSql(c: ExportColumn, text: string, locale: Locale | undefined): string {
  if (!locale) return text;
  let e = text;
  if (c.codes) {
    const whens = Object.entries(CODE_LISTS[c.codes]).map(([code, w]) => `WHEN ${sqlString(code)} THEN ${sqlString(w[locale])}`);
    e = `CASE ${text} ${whens.join(' ')} ELSE ${text} END`;
  }
  if (c.empty) e = `coalesce(nullif(${e}, ''), ${sqlString(c.empty[locale])})`;
  return e;
}

/** One CSV field, as text in the dialect. */
export function csvExpr(c: ExportColumn, sqlType: string | undefined, dialect: CsvDialect, locale: Locale, words = true): string {
  const ref = sqlIdent(c.id);
  const br = dialect === 'excel-br';
  switch (c.type) {
    case 'money':
    case 'decimal':
    case 'percent':
    case 'integer': {
      const t = decimalText(ref, c, sqlType);
      return br ? `replace(${t}, '.', ',')` : t;
    }
    case 'date': {
      const iso = isoDate(ref, sqlType);
      return br ? `substr(${iso}, 9, 2) || '/' || substr(${iso}, 6, 2) || '/' || substr(${iso}, 1, 4)` : iso;
    }
    case 'timestamp':
      return `strftime(${localTs(ref, sqlType)}, ${br ? "'%d/%m/%Y %H:%M:%S'" : "'%Y-%m-%d %H:%M:%S'"})`;
    case 'boolean': {
      const [yes, no] = !br ? ['true', 'false'] : locale === 'pt-BR' ? ['sim', 'não'] : ['yes', 'no'];
      return `CASE WHEN ${ref} IS NULL THEN NULL WHEN ${ref} THEN '${yes}' ELSE '${no}' END`;
    }
    default:
      return neutraliseSql(wordsSql(c, `CAST(${ref} AS VARCHAR)`, words ? locale : undefined));
  }
}

/** One XLSX cell value: numbers as DOUBLE, dates and timestamps as Excel serial days, text capped at Excel's cell limit. */
export function xlsxExpr(c: ExportColumn, sqlType: string | undefined, locale?: Locale): string {
  const ref = sqlIdent(c.id);
  switch (c.type) {
    case 'money':
    case 'decimal':
    case 'percent':
    case 'integer':
      return `CAST(${ref} AS DOUBLE)`;
    case 'date':
      return `CAST(CAST(${ref} AS DATE) - DATE '1899-12-30' AS DOUBLE)`;
    case 'timestamp':
      return `epoch(${localTs(ref, sqlType)}) / 86400.0 + 25569`;
    case 'boolean':
      return `CAST(${ref} AS BOOLEAN)`;
    default:
      return `left(${wordsSql(c, `CAST(${ref} AS VARCHAR)`, locale)}, 32767)`;
  }
}

/** The exact wire form people-facing writers format: money/decimals as text, dates as ISO, local timestamps. */
export function wireExpr(c: ExportColumn, sqlType: string | undefined, locale?: Locale): string {
  const ref = sqlIdent(c.id);
  switch (c.type) {
    case 'money':
    case 'decimal':
      return decimalText(ref, c, sqlType);
    case 'integer':
    case 'percent':
      return `CAST(${ref} AS DOUBLE)`;
    case 'date':
      return isoDate(ref, sqlType);
    case 'timestamp':
      return `strftime(${localTs(ref, sqlType)}, '%Y-%m-%d %H:%M')`;
    case 'boolean':
      return `CAST(${ref} AS BOOLEAN)`;
    default:
      return wordsSql(c, `CAST(${ref} AS VARCHAR)`, locale);
  }
}

export function projectSql(source: ExportSource, expr: (c: ExportColumn) => string, alias: (c: ExportColumn, i: number) => string = (c) => c.id): string {
  return `SELECT ${source.columns.map((c, i) => `${expr(c)} AS ${sqlIdent(alias(c, i))}`).join(', ')} FROM (${source.sql}) AS q`;
}

const AGG: Record<string, string> = { sum: 'sum', avg: 'avg', min: 'min', max: 'max', count: 'count' };

/**
 * The totals row in wire form: the engine's own totals when the source has them (ratios and distinct counts
 * cannot be summed by a writer), else sum/avg/min/max/count over the whole result in DuckDB.
 */
export async function totalsOf(conn: DuckDBConnection, source: ExportSource, types: Map<string, string>): Promise<Record<string, WireValue> | null> {
  if (source.totals) return source.totals;
  const cols = source.columns.filter((c) => c.total && AGG[c.total]);
  if (!cols.length) return null;
  const inner = cols.map((c) => `${AGG[c.total!]}(${sqlIdent(c.id)}) AS ${sqlIdent(c.id)}`);
  const outer = cols.map((c) =>
    c.total === 'count' ? `CAST(${sqlIdent(c.id)} AS DOUBLE) AS ${sqlIdent(c.id)}` : `${wireExpr(c, c.total === 'avg' ? 'DOUBLE' : types.get(c.id))} AS ${sqlIdent(c.id)}`,
  );
  const r = await conn.runAndReadAll(`SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM (${source.sql}) AS q) AS t`, source.params);
  return (r.getRowObjectsJS()[0] as Record<string, WireValue>) ?? null;
}
