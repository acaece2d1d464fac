// How a column aggregates in a totals row or a chart group (its declared totals rule, always in DuckDB).
import { AppError } from '../store/errors';
import { sqlIdent } from '../sql/quote';
import type { ReportColumnDef } from './types';

/**
 * The distinct count of a list column where a total runs: over the totals row, an unnest + count(DISTINCT) of
 * the filtered result rows (`scope` gives their FROM and WHERE); inside a chart group, the distinct elements of
 * the group's lists.
 */
function distinctCount(scope: { from: string; where: string } | null): (listCol: string) => string {
  return (col) =>
    scope
      ? `(SELECT count(DISTINCT u) FROM (SELECT unnest(r.${sqlIdent(col)}) AS u FROM ${scope.from} AS r ${scope.where}))`
      : `CAST(length(list_distinct(flatten(list(${sqlIdent(col)})))) AS BIGINT)`;
}

export function aggregateOf(c: ReportColumnDef, scope: { from: string; where: string } | null = null): string {
  const q = `"${c.id}"`;
  switch (c.total) {
    case 'sum':
      return `sum(${q})`;
    case 'avg':
      return c.type === 'money' ? `div_money(sum(${q}), count(${q}))` : `avg(${q})`;
    case 'min':
      return `min(${q})`;
    case 'max':
      return `max(${q})`;
    case 'count':
      return `count(${q})`;
    case 'ratio':
    case 'distinct':
      if (!c.totalSql) throw new AppError('INTERNAL', `column ${c.id} has a ${c.total} total without totalSql`);
      return typeof c.totalSql === 'function' ? c.totalSql(distinctCount(scope)) : c.totalSql;
    default:
      return `CAST(NULL AS ${c.sqlType})`;
  }
}
