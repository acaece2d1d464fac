// The totals row of a report result as SQL: one aggregate per column (its totals rule), projected to wire form.
import { declaredWire } from '../sql/wire';
import { aggregateOf } from './aggregate';
import type { ReportColumnDef } from './types';

export function totalsSelectSql(columns: ReportColumnDef[], src: string, where: string): string {
  const aggs = columns.map((c) => `${aggregateOf(c, { from: src, where })} AS "${c.id}"`).join(', ');
  const wire = columns.map((c) => declaredWire(c)).join(', ');
  return `SELECT __rows::DOUBLE AS __rows, ${wire} FROM (SELECT count(*) AS __rows, ${aggs} FROM ${src} AS r ${where})`;
}
