// Pages of an analytics result given as SQL: sort, filters and search over declared columns in DuckDB, Arrow
// bytes on the wire (like query.page), and a cached total per (SQL, parameters, data version).
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ColumnMeta, ColumnType, TablePage } from '../../shared/types';
import { readerToArrow } from '../sql/arrow';
import { CountCache } from '../sql/countCache';
import { asInputError, buildOrder, buildWhere, ParamList } from '../sql/specSql';
import { wireExpr } from '../sql/tableMeta';
import type { Db } from '../store/db';

export interface PageColumn extends ColumnMeta {
  sqlType: string;
}

export interface PageSpec {
  offset: number;
  limit: number;
  sort: SortSpec[];
  filters: ColumnFilter[];
  search: string;
  withTotal: boolean;
}

const counts = new CountCache();

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
  const where = buildWhere(columns, spec.filters, spec.search, pl);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const seen = new Set(spec.sort.map((s) => s.column));
  const order = buildOrder(columns, [...spec.sort, ...columns.filter((c) => !seen.has(c.id)).map((c) => ({ column: c.id, desc: false }))]);
  const countParams = [...pl.values];
  const lim = pl.add(spec.limit);
  const off = pl.add(spec.offset);
  const proj = columns.map((c) => wireExpr(c)).join(', ');
  try {
    const [reader, total] = await Promise.all([
      db.reader(`WITH r AS (${inner}) SELECT ${proj} FROM r ${whereSql} ${order} LIMIT ${lim} OFFSET ${off}`, pl.values),
      spec.withTotal ? counts.get(db, `WITH r AS (${inner}) SELECT count(*)::BIGINT AS n FROM r ${whereSql}`, countParams) : Promise.resolve(null),
    ]);
    return {
      arrow: readerToArrow(
        reader,
        columns.map((c) => c.type),
      ),
      offset: spec.offset,
      rowCount: reader.currentRowCount,
      total,
      columns: columns.map(({ sqlType: _s, ...c }) => c),
    };
  } catch (err) {
    throw asInputError(err);
  }
}
