// Where a drill-down hint leads: a customer to Customer 360, a day to that day's sales, a sale to the sale,
// another report with a filter or parameter taken from the row.
import type { ReportColumnMeta } from '../../../../shared/reports';
import type { Cell } from '../../api/arrowRows';

export interface DrillTarget {
  path: string;
  query?: Record<string, string>;
}

export function drillTarget(col: Pick<ReportColumnMeta, 'drill'>, value: Cell): DrillTarget | null {
  const d = col.drill;
  if (!d || value === null || value === undefined || value === '') return null;
  const v = String(value);
  switch (d.kind) {
    case 'customer':
      return { path: `/customers/${encodeURIComponent(v)}` };
    case 'daySales':
      return { path: '/sales', query: { day: v.slice(0, 10) } };
    case 'sale':
      return { path: '/sales', query: { sale: v } };
    case 'report':
      return { path: `/reports/${d.report}`, query: d.common ? { [d.common]: v } : d.param ? { [`param.${d.param}`]: v } : {} };
  }
}
