// The one pager: a page of any relation (a table, a view, a cached report result or a query) sorted, filtered and
// searched in DuckDB over declared columns, projected to wire form only for the page's rows, as Arrow bytes,
// with a total counted once per (SQL, parameters, data version).
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ColumnMeta } from '../../shared/types';
import { StateKey } from '../store/state';
import type { Db } from '../store/db';
import { readerToArrow } from './arrow';
import { CountCache } from './countCache';
import { sqlIdent } from './quote';
import { buildOrder, buildWhere, ParamList, type SpecColumn } from './specSql';
import { wireExpr, type WireColumn } from './wire';

/** What the pager needs of a column: its wire form and whether search reads it. */
export interface PagerColumn extends WireColumn {
  searchable?: boolean;
}

export interface PageWindow {
  offset: number;
  limit: number;
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

export interface PageSource {
  /** A table name (quoted) or a parenthesised query; it is read under the alias `r`. */
  from: string;
  /** The parameters `from` already uses ($1..$n); filter values continue the list. */
  params?: ParamList;
  columns: PagerColumn[];
  /** The full order (the caller's sort plus tie-breakers); every column must be one of `columns`. */
  order: SortSpec[];
  /** How many of `order` are the person's or the table's own sort (text compared in Portuguese order); default all. */
  collated?: number;
  /** Cast each value to its declared SQL type before the wire projection (report results). */
  declared?: boolean;
}

export interface PageRows {
  arrow: Uint8Array;
  rowCount: number;
  total: number | null;
}

const COUNTS = new StateKey('sql.pageCounts', () => new CountCache());

/**
 * Spec columns read through the alias `r`: the outer SELECT projects wire forms (money as text) under the same
 * names, and an unqualified ORDER BY would sort those strings instead of the values.
 */
export const aliased = (columns: PagerColumn[]): SpecColumn[] =>
  columns.map((c) => ({ id: c.id, type: c.type, sqlType: c.sqlType, searchable: c.searchable, expr: `r.${sqlIdent(c.id)}` }));

/** The WHERE clause of filters and search over the source's columns (values bound into `params`). */
export function whereOf(columns: PagerColumn[], spec: Pick<PageWindow, 'filters' | 'search'>, params: ParamList): string {
  const w = buildWhere(aliased(columns), spec.filters, spec.search, params);
  return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

/** The row count of the source after filters and search (cached per data version). */
export function countOf(db: Db, from: string, where: string, params: ParamList): Promise<number> {
  return db.state(COUNTS).get(db, `SELECT count(*)::BIGINT AS n FROM ${from} AS r ${where}`, params.values);
}

export async function pageOf(db: Db, source: PageSource, spec: PageWindow): Promise<PageRows> {
  const params = new ParamList();
  for (const v of source.params?.values ?? []) params.add(v);
  const where = whereOf(source.columns, spec, params);
  const order = buildOrder(aliased(source.columns), source.order, source.collated);
  const countParams = new ParamList();
  for (const v of params.values) countParams.add(v);
  const lim = params.add(spec.limit);
  const off = params.add(spec.offset);
  const proj = source.columns.map((c) => wireExpr(c, `r.${sqlIdent(c.id)}`, c.id, source.declared)).join(', ');
  // Sort and cut the page on raw columns first, then project only the page's rows to their wire form.
  const sql = `SELECT ${proj} FROM (SELECT * FROM ${source.from} AS r ${where} ${order} LIMIT ${lim} OFFSET ${off}) AS r ${order}`;
  const [reader, total] = await Promise.all([db.reader(sql, params.values), spec.withTotal ? countOf(db, source.from, where, countParams) : Promise.resolve(null)]);
  return {
    arrow: readerToArrow(
      reader,
      source.columns.map((c) => c.type),
    ),
    rowCount: reader.currentRowCount,
    total,
  };
}

/** Contract column metadata (the SQL types stay in the engine). */
export const metaOf = (columns: (ColumnMeta & { sqlType: string })[]): ColumnMeta[] => columns.map(({ sqlType: _s, ...c }) => c);
