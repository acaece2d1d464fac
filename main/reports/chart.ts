// reports.chart: the series of one chart spec over the report's filtered rows, grouped by x (and y), each
// series aggregated with its column's totals rule; previous-period series aligned by position (dates) or by x.
import type { ChartData } from '../../shared/api/reports';
import type { ChartSeriesSpec, ChartSpec } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { buildWhere, ParamList } from '../sql/specSql';
import { declaredWire } from '../sql/wire';
import { AppError } from '../store/errors';
import { aggregateOf } from './aggregate';
import { resolveRequest, specColumns, type Resolved, type RunRequest } from './prepare';
import type { ReportColumnDef } from './types';
import { withResult, withResults, type RowSpec } from './results';

type Cells = (string | number | null)[];

/** A chart series' column as it is aggregated (a row count is an integer whatever the column). */
function seriesColumn(s: ChartSeriesSpec, c: ReportColumnDef): { agg: string; col: ReportColumnDef } {
  if (s.count) return { agg: 'count(*)', col: { ...c, type: 'integer', sqlType: 'BIGINT' } };
  return { agg: aggregateOf(c), col: c };
}

export interface ChartRequest extends RunRequest, RowSpec {
  chart: string;
}

function whereOf(r: Resolved, req: ChartRequest, params: ParamList): string {
  const w = buildWhere(specColumns(r.columns), req.filters ?? [], req.search ?? '', params);
  return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

export async function reportChart(engine: Engine, req: ChartRequest): Promise<ChartData> {
  const r = await resolveRequest(engine, req);
  const spec = r.view.charts.find((c) => c.id === req.chart);
  if (!spec) throw new AppError('NOT_FOUND', `report ${r.def.id} has no chart ${req.chart}`, { charts: r.view.charts.map((c) => c.id) });
  const byId = new Map(r.columns.map((c) => [c.id, c]));
  const col = (id: string): ReportColumnDef => {
    const c = byId.get(id);
    if (!c) throw new AppError('NOT_READY', `chart ${spec.id} needs column ${id}, which is not available yet`);
    return c;
  };
  if (spec.by) return splitChart(engine, r, spec, req, col);
  const x = col(spec.x);
  const y = spec.y ? col(spec.y) : undefined;
  const series = spec.series.filter((s) => byId.has(s.column)).map((s) => ({ spec: s, ...seriesColumn(s, col(s.column)) }));
  const withPrev = series.filter((s) => s.spec.comparePrevious);
  const keys = [x, ...(y ? [y] : [])];
  const keyList = keys.map((k) => `"${k.id}"`).join(', ');
  const order = spec.topN ? `ORDER BY "${series[0]?.col.id ?? x.id}" DESC NULLS LAST, ${keyList}` : `ORDER BY ${keyList}`;
  const periods = withPrev.length ? [r.period, r.previous] : [r.period];
  return withResults(engine, r, periods, async ([cur, prev]) => {
    const params = new ParamList();
    const aggs = (list: typeof series) => list.map((s) => `${s.agg} AS "${s.col.id}"`).join(', ');
    const limit = spec.topN ? ` LIMIT ${params.add(spec.topN)}` : '';
    let sql = `WITH c0 AS (SELECT ${keyList}, ${aggs(series)} FROM ${cur} AS r ${whereOf(r, req, params)} GROUP BY ${keyList}),
      c AS (SELECT *, row_number() OVER (${order}) AS __i FROM c0 ${order}${limit})`;
    let join = '';
    let prevCols = '';
    if (prev) {
      sql += `, p0 AS (SELECT ${keyList}, ${aggs(withPrev)} FROM ${prev} AS r ${whereOf(r, req, params)} GROUP BY ${keyList}),
        p AS (SELECT *, row_number() OVER (ORDER BY ${keyList}) AS __i FROM p0)`;
      // Dates line up by position (day 1 with day 1); categories by value (the same item in both periods).
      const byPosition = x.type === 'date' || x.type === 'timestamp';
      join = byPosition ? ' LEFT JOIN p ON p.__i = c.__i' : ` LEFT JOIN p ON ${keys.map((k) => `p."${k.id}" IS NOT DISTINCT FROM c."${k.id}"`).join(' AND ')}`;
      prevCols = ', ' + withPrev.map((s) => `p."${s.col.id}" AS "__prev_${s.col.id}"`).join(', ');
    }
    const wire = [...keys.map((k) => declaredWire(k)), ...series.map((s) => declaredWire(s.col)), ...withPrev.map((s) => declaredWire(s.col, `"__prev_${s.col.id}"`, `__prev_${s.col.id}`))];
    sql += ` SELECT ${wire.join(', ')} FROM (SELECT c.*${prevCols} FROM c${join}) ORDER BY __i`;
    const reader = await engine.db.reader(sql, params.values);
    const data = reader.getColumnsJS() as Cells[];
    const n = keys.length;
    return {
      report: r.def.id,
      chart: spec.id,
      period: r.period,
      x: data[0] ?? [],
      ...(y ? { y: data[1] ?? [] } : {}),
      series: series.map((s, i) => {
        const pi = withPrev.indexOf(s);
        return { column: s.col.id, values: data[n + i] ?? [], ...(pi >= 0 ? { previous: data[n + series.length + pi] ?? [] } : {}) };
      }),
    };
  });
}

/** A chart split by a category column: one aligned series per (column, group), x values shared. */
async function splitChart(engine: Engine, r: Resolved, spec: ChartSpec, req: ChartRequest, col: (id: string) => ReportColumnDef): Promise<ChartData> {
  const x = col(spec.x);
  const by = col(spec.by as string);
  const series = spec.series.map((s) => seriesColumn(s, col(s.column)));
  const aggs = series.map((c) => `${c.agg} AS "${c.col.id}"`).join(', ');
  return withResult(engine, r, r.period, async (table) => {
    const params = new ParamList();
    const sql = `WITH c0 AS (SELECT "${x.id}", "${by.id}", ${aggs} FROM ${table} AS r ${whereOf(r, req, params)} GROUP BY ALL),
        xs AS (SELECT DISTINCT "${x.id}" FROM c0), gs AS (SELECT DISTINCT "${by.id}" FROM c0),
        grid AS (SELECT xs."${x.id}", gs."${by.id}", ${series.map((c) => `c0."${c.col.id}"`).join(', ')} FROM xs CROSS JOIN gs
          LEFT JOIN c0 ON c0."${x.id}" IS NOT DISTINCT FROM xs."${x.id}" AND c0."${by.id}" IS NOT DISTINCT FROM gs."${by.id}"),
        wired AS (SELECT "${x.id}" AS __x, ${declaredWire(x, `"${x.id}"`, '__xw')}, ${declaredWire(by, `"${by.id}"`, '__g')}, ${series.map((c) => declaredWire(c.col)).join(', ')} FROM grid)
      SELECT __g, (SELECT list(DISTINCT __xw ORDER BY __xw) FROM wired) AS __xs,
        ${series.map((c) => `list("${c.col.id}" ORDER BY __x) AS "${c.col.id}"`).join(', ')}
      FROM wired GROUP BY __g ORDER BY __g NULLS LAST`;
    const rows = await engine.db.all<Record<string, unknown>>(sql, params.values);
    return {
      report: r.def.id,
      chart: spec.id,
      period: r.period,
      x: (rows[0]?.__xs as Cells | undefined) ?? [],
      series: rows.flatMap((g) => series.map((c) => ({ column: c.col.id, group: (g.__g as string | null) ?? null, values: g[c.col.id] as Cells }))),
    };
  });
}
