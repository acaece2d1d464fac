// The one wire projection: the SQL that turns a column into the form its contract type travels in (Arrow pages,
// report totals and chart series). Money and decimals go as exact text, integers and ratios as numbers, dates as
// 'YYYY-MM-DD', instants as UTC 'YYYY-MM-DDTHH:MM:SSZ' (wall-clock timestamps without a zone keep no 'Z').
import type { ColumnType } from '../../shared/types';
import { sqlIdent } from './quote';

export interface WireColumn {
  id: string;
  type: ColumnType;
  /** The column's SQL type: the catalog's, or the one a report declares. */
  sqlType: string;
}

const hasZone = (sqlType: string) => /TIME ZONE|TIMESTAMPTZ/.test(sqlType.toUpperCase());

/**
 * `src AS alias` in wire form. With `declared`, the value is first cast to the column's declared SQL type, so it
 * travels as its definition says whatever type the expression produced (report aggregates).
 */
export function wireExpr(col: WireColumn, src: string = sqlIdent(col.id), alias: string = col.id, declared = false): string {
  const e = declared ? `CAST(${src} AS ${col.sqlType})` : src;
  let out: string;
  switch (col.type) {
    case 'integer':
    case 'percent':
      out = `CAST(${e} AS DOUBLE)`;
      break;
    case 'decimal':
    case 'money':
      out = `CAST(${e} AS VARCHAR)`;
      break;
    case 'date':
      out = `strftime(${e}, '%Y-%m-%d')`;
      break;
    case 'timestamp':
      out = hasZone(col.sqlType) ? `strftime(timezone('UTC', ${e}), '%Y-%m-%dT%H:%M:%SZ')` : `strftime(${e}, '%Y-%m-%dT%H:%M:%S')`;
      break;
    case 'boolean':
    case 'text':
      out = e;
      break;
    default:
      out = `CAST(${e} AS VARCHAR)`;
  }
  return `${out} AS ${sqlIdent(alias)}`;
}

/** `src AS alias` in wire form after a cast to the column's declared SQL type (report definitions). */
export const declaredWire = (col: WireColumn, src: string = sqlIdent(col.id), alias: string = col.id): string => wireExpr(col, src, alias, true);
