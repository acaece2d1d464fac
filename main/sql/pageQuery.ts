// query.page: one page of a table or view, sorted, filtered and searched in DuckDB, with a cached total.
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { TablePage } from '../../shared/types';
import type { Db } from '../store/db';
import { readerToArrow } from './arrow';
import { asInputError, buildOrder, buildWhere, ParamList } from './specSql';
import { tableInfo, wireExpr } from './tableMeta';
import { CountCache } from './countCache';
import { sqlIdent } from './quote';

export interface PageSpec {
  table: string;
  offset: number;
  limit: number;
  sort: SortSpec[];
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

const counts = new CountCache();

export async function pageQuery(db: Db, spec: PageSpec): Promise<TablePage> {
  const info = await tableInfo(db, spec.table);
  const params = new ParamList();
  const where = buildWhere(info.columns, spec.filters, spec.search, params);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = buildOrder(info.columns, spec.sort);
  const from = sqlIdent(info.name);
  const proj = info.columns.map((c) => wireExpr(c)).join(', ');
  const lim = params.add(spec.limit);
  const off = params.add(spec.offset);
  // Sort and cut the page on raw columns first, then project only the page's rows to their wire form.
  const sql = `SELECT ${proj} FROM (SELECT * FROM ${from} ${whereSql} ${order} LIMIT ${lim} OFFSET ${off}) ${order}`;
  const countSql = `SELECT count(*)::BIGINT AS n FROM ${from} ${whereSql}`;
  const countParams = params.values.slice(0, params.values.length - 2);
  try {
    const [reader, total] = await Promise.all([
      db.reader(sql, params.values),
      spec.withTotal ? counts.get(db, countSql, countParams) : Promise.resolve(null),
    ]);
    return {
      arrow: readerToArrow(
        reader,
        info.columns.map((c) => c.type),
      ),
      offset: spec.offset,
      rowCount: reader.currentRowCount,
      total,
      columns: info.columns.map(({ sqlType: _s, ...c }) => c),
    };
  } catch (err) {
    throw asInputError(err);
  }
}
