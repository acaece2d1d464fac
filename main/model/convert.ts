// How text becomes typed canonical values (specs/data-model.md): either decimal mark, ISO or Brazilian dates, times
// without offset in the business time zone, sim/não booleans. SQL expressions only, applied to whole columns.
import { sqlIdent, sqlString } from '../sql/quote';
import { SQL_TYPES, type ColumnSpec, type TableSpec } from './schema';

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

/** The table's typed columns, for INSERT and comparisons. */
export function columnList(spec: TableSpec): string {
  return spec.columns.map((c) => q(c.name)).join(', ');
}
