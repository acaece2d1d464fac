// How a column aggregates in a totals row or a chart group (its declared totals rule, always in DuckDB).
import { AppError } from '../store/errors';
import type { ReportColumnDef } from './types';

export function aggregateOf(c: ReportColumnDef): string {
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
      return c.totalSql;
    default:
      return `CAST(NULL AS ${c.sqlType})`;
  }
}
