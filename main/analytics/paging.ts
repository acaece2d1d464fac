// Pages of an analytics result given as SQL: sort, filters and search over declared columns in DuckDB through
// the one pager (sql/pager.ts), ordered by every column after the caller's sort so paging is stable.
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ColumnMeta, ColumnType, TablePage } from '../../shared/types';
import { metaOf, pageOf, type PagerColumn } from '../sql/pager';
import { ParamList } from '../sql/specSql';
import type { Db } from '../store/db';

export type PageColumn = ColumnMeta & PagerColumn;

export interface PageSpec {
  offset: number;
  limit: number;
  sort: SortSpec[];
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

export const col = (id: string, type: ColumnType, sqlType: string, extra: Partial<ColumnMeta> = {}): PageColumn => ({
  id,
  type,
  sqlType,
  searchable: type === 'text',
  total: type === 'money' ? 'sum' : 'none',
  ...extra,
});

/** One page of `inner` (which uses $1..$n of `params`), ordered by the spec then by every column for stable paging. */
export async function pageOver(db: Db, inner: string, params: DuckDBValue[], columns: PageColumn[], spec: PageSpec): Promise<TablePage> {
  const pl = new ParamList();
  for (const v of params) pl.add(v);
  const seen = new Set(spec.sort.map((s) => s.column));
  const order = [...spec.sort, ...columns.filter((c) => !seen.has(c.id)).map((c) => ({ column: c.id, desc: false }))];
  const page = await pageOf(db, { from: `(${inner})`, params: pl, columns, order }, spec);
  return { ...page, offset: spec.offset, columns: metaOf(columns) };
}
