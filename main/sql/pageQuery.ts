// query.page: one page of a table or view, sorted, filtered and searched in DuckDB, with a cached total.
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { TablePage } from '../../shared/types';
import type { Db } from '../store/db';
import { metaOf, pageOf } from './pager';
import { sqlIdent } from './quote';
import { tableInfo } from './tableMeta';

export interface PageSpec {
  table: string;
  offset: number;
  limit: number;
  sort: SortSpec[];
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

export async function pageQuery(db: Db, spec: PageSpec): Promise<TablePage> {
  const info = await tableInfo(db, spec.table);
  const page = await pageOf(db, { from: sqlIdent(info.name), columns: info.columns, order: spec.sort }, spec);
  return { ...page, offset: spec.offset, columns: metaOf(info.columns) };
}
