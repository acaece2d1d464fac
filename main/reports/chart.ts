// reports.chart: the series of one chart spec over the report's filtered rows, grouped by x (and y), each
// series aggregated with its column's totals rule; previous-period series aligned by position (dates) or by x.
import type { ChartData } from '../../shared/api/reports';
import type { Engine } from '../host/engine';
import { buildWhere, ParamList, type SpecColumn } from '../query/specSql';
import { wireExpr } from '../query/tableMeta';
import { AppError } from '../store/errors';
import { aggregateOf } from './aggregate';
import { innerSql, resolveRequest, specColumns, type RunRequest } from './prepare';
import type { ReportColumnDef } from './types';
import type { RowSpec } from './engine';

export interface ChartRequest extends RunRequest, RowSpec {
  chart: string;
}

export async function reportChart(engine: Engine, req: ChartRequest): Promise<ChartData> {
  const r = await resolveRequest(engine, req);
  const spec = r.def.charts.find((c) => c.id === req.chart);
  if (!spec) throw new AppError('NOT_FOUND', `report ${r.def.id} has no chart ${req.chart}`, { charts: r.def.charts.map((c) => c.id) });
  const byId = new Map(r.columns.map((c) => [c.id, c]));
  const col = (id: string): ReportColumnDef => {
    const c = byId.get(id);
    if (!c) throw new AppError('NOT_READY', `chart ${spec.id} needs column ${id}, which is not available yet`);
    return c;
  };
  const x = col(spec.x);
  const y = spec.y ? col(spec.y) : undefined;
  const series = spec.series.filter((s) => byId.has(s.column));
  const keys = [x, ...(y ? [y] : [])];
  const keyList = keys.map((k) => `"${k.id}"`).join(', ');
  const aggs = series.map((s) => `${aggregateOf(col(s.column))} AS "${s.column}"`).join(', ');
  const cols: SpecColumn[] = specColumns(r.columns);
  const params = new ParamList();
  const where = (p: ParamList) => {
    const w = buildWhere(cols, req.filters ?? [], req.search ?? '', p);
    return w.length ? `WHERE ${w.join(' AND ')}` : '';
  };
  const byPosition = x.type === 'date' || x.type === 'timestamp';
  const order = spec.topN ? `ORDER BY "${series[0]?.column ?? x.id}" DESC NULLS LAST, ${keyList}` : `ORDER BY ${keyList}`;
  const limit = spec.topN ? ` LIMIT ${params.add(spec.topN)}` : '';
  const cur = innerSql(r, params);
  const curWhere = where(params);
  const withPrev = series.filter((s) => s.comparePrevious);
  let sql = `WITH r AS (${cur}), c0 AS (SELECT ${keyList}, ${aggs} FROM r ${curWhere} GROUP BY ${keyList}), c AS (SELECT *, row_number() OVER (${order}) AS __i FROM c0 ${order}${limit})`;
  let join = '';
  let prevCols = '';
  if (withPrev.length) {
    const prev = innerSql(r, params, r.previous);
    const prevWhere = where(params);
    const prevAggs = withPrev.map((s) => `${aggregateOf(col(s.column))} AS "${s.column}"`).join(', ');
    sql += `, rp AS (${prev}), p0 AS (SELECT ${keyList}, ${prevAggs} FROM rp ${prevWhere} GROUP BY ${keyList}), p AS (SELECT *, row_number() OVER (ORDER BY ${keyList}) AS __i FROM p0)`;
    join = byPosition ? ' LEFT JOIN p ON p.__i = c.__i' : ` LEFT JOIN p ON ${keys.map((k) => `p."${k.id}" IS NOT DISTINCT FROM c."${k.id}"`).join(' AND ')}`;
    prevCols = ', ' + withPrev.map((s) => `p."${s.column}" AS "__prev_${s.column}"`).join(', ');
  }
  const wire = [
    ...keys.map((k) => wireExpr(k)),
    ...series.map((s) => wireExpr(col(s.column))),
    ...withPrev.map((s) => wireExpr({ ...col(s.column), id: `__prev_${s.column}` })),
  ].join(', ');
  sql += ` SELECT ${wire} FROM (SELECT c.*${prevCols} FROM c${join}) ORDER BY __i`;
  const reader = await engine.db.reader(sql, params.values);
  const data = reader.getColumnsJS() as (string | number | null)[][];
  const n = keys.length;
  return {
    report: r.def.id,
    chart: spec.id,
    period: r.period,
    x: data[0] ?? [],
    ...(y ? { y: data[1] ?? [] } : {}),
    series: series.map((s, i) => {
      const pi = withPrev.indexOf(s);
      return { column: s.column, values: data[n + i] ?? [], ...(pi >= 0 ? { previous: data[n + series.length + pi] ?? [] } : {}) };
    }),
  };
}
