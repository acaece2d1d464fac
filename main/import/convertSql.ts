// SQL that turns raw text cells into typed canonical columns and a reject reason per row, in one set-based pass.
import { sqlIdent, sqlString } from '../sql/quote';
import { SQL_TYPES, type ColumnSpec, type TableSpec } from '../model/schema';

export type DecimalMark = '.' | ',';

/** Identifier and literal quoting for the staging SQL (DuckDB's own rules, see sql/quote.ts). */
export const q = sqlIdent;
export const lit = sqlString;
/**
 * A list literal for membership tests: `x IN (...)` with several values is planned as a join, and a join in the
 * staging query would lose the order of the file that row ordinals rely on.
 */
export const listLit = (values: readonly string[]): string => `[${values.map(lit).join(', ')}]`;

export { SQL_TYPES };

const TRUE_WORDS = ['true', '1', 'sim', 'yes', 's', 'y', 't', 'verdadeiro'];
const FALSE_WORDS = ['false', '0', 'não', 'nao', 'no', 'n', 'f', 'falso'];
const TS_FORMATS = "['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S', '%Y/%m/%d %H:%M:%S']";

/** A number written with either decimal mark (pt-BR also drops thousands dots and an R$ prefix). */
export function numberExpr(v: string, dec: DecimalMark, type: string): string {
  if (dec === '.') return `TRY_CAST(${v} AS ${type})`;
  return `TRY_CAST(replace(replace(replace(replace(${v}, 'R$', ''), ' ', ''), '.', ''), ',', '.') AS ${type})`;
}

/** Timestamps: ISO 8601 with offset or Z; without offset (or DD/MM/YYYY [HH:MM[:SS]]) in the session (business) time zone. */
export function timestampExpr(v: string): string {
  // Later forms are only tried for rows the earlier ones refused; padding is trimmed there, not on every value.
  return `COALESCE(TRY_CAST(${v} AS TIMESTAMPTZ), CAST(try_strptime(trim(${v}), ${TS_FORMATS}) AS TIMESTAMPTZ), TRY_CAST(trim(${v}) AS TIMESTAMPTZ))`;
}

export function dateExpr(v: string): string {
  return `COALESCE(TRY_CAST(${v} AS DATE), CAST(try_strptime(trim(${v}), '%d/%m/%Y') AS DATE))`;
}

export function boolExpr(v: string): string {
  return `CASE WHEN list_contains(${listLit(TRUE_WORDS)}, lower(${v})) THEN true WHEN list_contains(${listLit(FALSE_WORDS)}, lower(${v})) THEN false END`;
}

/** The typed value of a column from its trimmed text `v`. */
export function typedExpr(col: ColumnSpec, v: string, dec: DecimalMark): string {
  switch (col.kind) {
    case 'id':
      return v;
    case 'text':
      return col.values ? `lower(${v})` : v;
    case 'money':
    case 'qty':
      return numberExpr(v, dec, SQL_TYPES[col.kind]);
    case 'rate':
      return `CASE WHEN right(${v}, 1) = '%' THEN ${numberExpr(`rtrim(${v}, '%')`, dec, 'DECIMAL(9,4)')} / 100 ELSE ${numberExpr(v, dec, 'DECIMAL(9,4)')} END`;
    case 'int':
      return dec === '.' ? `TRY_CAST(${v} AS INTEGER)` : `TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS INTEGER)`;
    case 'date':
      return dateExpr(v);
    case 'ts':
      return timestampExpr(v);
    case 'bool':
      return boolExpr(v);
  }
}

const KIND_REASON: Record<ColumnSpec['kind'], string> = {
  id: '',
  text: '',
  money: 'not a number (use 1234.56, or 1.234,56 in pt-BR files)',
  qty: 'not a number (use 1234.56, or 1.234,56 in pt-BR files)',
  rate: 'not a rate (use 0.35 or 35%)',
  int: 'not a whole number',
  date: 'not a date (use YYYY-MM-DD or DD/MM/YYYY)',
  ts: 'not a date/time (use ISO 8601 like 2024-03-05T14:30:00-03:00, YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)',
  bool: 'not a yes/no value (use true/false, 1/0, sim/não, yes/no)',
};

const reject = (col: string, value: string, reason: string) => `{'c': ${lit(col)}, 'v': ${value}, 'r': ${reason}}`;

/** The table's typed columns, for INSERT and comparisons. */
export function columnList(spec: TableSpec): string {
  return spec.columns.map((c) => q(c.name)).join(', ');
}

/**
 * A SELECT over `from` giving `__r` (the row ordinal, when `ordinal` is given), every canonical column typed, and
 * `__rej` (NULL, or the first broken rule as {c: column, v: value, r: reason}). `raw` maps present canonical columns
 * to their text expressions. Without an ordinal, the rowid of a table created from the SELECT stands for it.
 */
export function stagingSelect(
  spec: TableSpec,
  raw: Map<string, string>,
  dec: DecimalMark,
  from: string,
  ordinal: string | null,
  /** Columns known to hold no padded values (trimming every value of a column costs as much as parsing it). */
  noTrim: ReadonlySet<string> = new Set(),
): string {
  const l1 = ordinal ? [`${ordinal} AS __r`] : [];
  const l2 = ordinal ? ['__r'] : [];
  const checks: string[] = [];
  for (const c of spec.columns) {
    const r = raw.get(c.name);
    const v = q(`__v_${c.name}`);
    if (r === undefined) {
      l2.push(`NULL::${SQL_TYPES[c.kind]} AS ${q(c.name)}`);
      if (c.required) checks.push(`WHEN true THEN ${reject(c.name, 'NULL', lit('missing required value'))}`);
      continue;
    }
    l1.push(noTrim.has(c.name) ? `NULLIF(CAST(${r} AS VARCHAR), '') AS ${v}` : `NULLIF(trim(CAST(${r} AS VARCHAR)), '') AS ${v}`);
    l2.push(v, `${typedExpr(c, v, dec)} AS ${q(c.name)}`);
  }
  for (const c of spec.columns) {
    if (c.required && raw.has(c.name)) checks.push(`WHEN ${q(`__v_${c.name}`)} IS NULL THEN ${reject(c.name, 'NULL', lit('missing required value'))}`);
  }
  for (const c of spec.columns) {
    if (!raw.has(c.name)) continue;
    const v = q(`__v_${c.name}`);
    const t = q(c.name);
    if (KIND_REASON[c.kind]) checks.push(`WHEN ${v} IS NOT NULL AND ${t} IS NULL THEN ${reject(c.name, v, lit(KIND_REASON[c.kind]))}`);
    if (c.values) checks.push(`WHEN NOT list_contains(${listLit(c.values)}, ${t}) THEN ${reject(c.name, v, lit(`not one of: ${c.values.join(', ')}`))}`);
    if (c.min !== undefined && c.max !== undefined) {
      checks.push(`WHEN ${t} < ${c.min} OR ${t} > ${c.max} THEN ${reject(c.name, v, lit(`must be between ${c.min} and ${c.max}`))}`);
    } else if (c.min !== undefined) checks.push(`WHEN ${t} < ${c.min} THEN ${reject(c.name, v, lit(`must not be negative`))}`);
  }
  if (spec.name === 'sales' && raw.has('gross_amount')) {
    const expected = `("gross_amount" - coalesce("discount_amount", 0) + coalesce("tax_amount", 0) + coalesce("shipping_amount", 0))`;
    checks.push(
      `WHEN "gross_amount" IS NOT NULL AND abs("total_amount" - ${expected}) > 0.01 THEN ${reject(
        'total_amount',
        '"__v_total_amount"',
        `'total_amount ' || CAST("total_amount" AS VARCHAR) || ' is not gross - discount + tax + shipping = ' || CAST(${expected} AS VARCHAR)`,
      )}`,
    );
  }
  const rej = checks.length ? `CASE ${checks.join('\n  ')} END` : `NULL::STRUCT(c VARCHAR, v VARCHAR, r VARCHAR)`;
  // __h: the key's hash, computed in this pass so the duplicate check groups integers.
  return `SELECT ${ordinal ? '__r, ' : ''}${columnList(spec)}, ${rej} AS __rej, hash(${spec.key.map(q).join(', ')}) AS __h
FROM (SELECT ${l2.join(', ')} FROM (SELECT ${l1.join(', ')} FROM ${from}))`;
}
