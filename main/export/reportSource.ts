// Turns a report request (report, period, common filters, parameters, row filters, search, sort) into an export
// source: the registry's full result SQL (same filters and order as the screen, no paging), its totals and
// first chart from the report engine, and the filters described in words.
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import { COMMON_FILTER_LABELS, DATE_PRESET_LABELS, type ChartSpec } from '../../shared/reports';
import { codeWord } from '../../shared/codeLists';
import { RFM_CLUSTER_LABELS, type RfmCluster } from '../../shared/rfm';
import type { LocalizedText } from '../../shared/types';
import type { Engine } from '../engine/engine';
import { pageSql, reportChart, reportTotals } from '../reports/engine';
import { resolveRequest, type Resolved } from '../reports/prepare';
import type { ParamValue, ReportColumnDef } from '../reports/types';
import type { ExportChart, ExportSource, Locale } from './types';
import { createFormatter, formatCell } from '../../shared/format';
import { ParamList } from '../sql/specSql';

export interface ReportExportRequest {
  report: string;
  period?: PeriodInput;
  common?: CommonFilters;
  params?: Record<string, ParamValue>;
  filters?: ColumnFilter[];
  search?: string;
  sort?: SortSpec[];
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });
const OPS: Record<string, string> = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', contains: '∋', starts: '^', in: '∈', between: '↔', is_null: '∅', not_null: '≠ ∅' };

async function names(engine: Engine, table: 'locations' | 'employees', idCol: string, ids: string[]): Promise<string> {
  // One bound parameter per id: a JS array has no DuckDB type the client can bind.
  const p = new ParamList();
  const list = ids.map((id) => p.add(id)).join(', ');
  const rows = await engine.db.all<{ id: string; name: string | null }>(`SELECT ${idCol} AS id, any_value(name) AS name FROM ${table} WHERE ${idCol} IN (${list}) GROUP BY 1`, p.values);
  const byId = new Map(rows.map((r) => [r.id, r.name ?? r.id]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

async function describeFilters(engine: Engine, r: Resolved, req: ReportExportRequest, locale: Locale, currency: string): Promise<ExportSource['filters']> {
  const out: ExportSource['filters'] = [];
  const c = r.common;
  if (r.period.preset !== 'custom') out.push({ label: L('Predefinição', 'Preset'), value: DATE_PRESET_LABELS[r.period.preset][locale] });
  if (c.location?.length) out.push({ label: COMMON_FILTER_LABELS.location, value: await names(engine, 'locations', 'location_id', c.location) });
  if (c.employee?.length) out.push({ label: COMMON_FILTER_LABELS.employee, value: await names(engine, 'employees', 'employee_id', c.employee) });
  if (c.source?.length) out.push({ label: COMMON_FILTER_LABELS.source, value: c.source.map((k) => codeWord('source', k, locale)).join(', ') });
  if (c.category?.length) out.push({ label: COMMON_FILTER_LABELS.category, value: c.category.join(', ') });
  if (c.rfmCluster?.length) out.push({ label: COMMON_FILTER_LABELS.rfmCluster, value: c.rfmCluster.map((k: RfmCluster) => RFM_CLUSTER_LABELS[k][locale]).join(', ') });
  for (const p of r.def.params) {
    const v = r.values[p.id];
    if (v === null || v === undefined) continue;
    const opt = p.options?.find((o) => o.value === v);
    out.push({ label: p.label, value: opt ? opt.label[locale] : String(v) });
  }
  const byId = new Map(r.columns.map((col) => [col.id, col]));
  for (const f of req.filters ?? []) {
    const col = byId.get(f.column);
    const show = (v: unknown) => (col ? formatCell(createFormatter({ locale, currency }), col, v) : String(v));
    const value = Array.isArray(f.value) ? f.value.map(show).join(f.op === 'between' ? ' – ' : ', ') : f.value === undefined || f.value === null ? '' : show(f.value);
    out.push({ label: col?.label ?? L(f.column, f.column), value: `${OPS[f.op] ?? f.op} ${value}`.trim() });
  }
  if (req.search?.trim()) out.push({ label: L('Busca', 'Search'), value: `“${req.search.trim()}”` });
  return out;
}

function seriesAs(spec: ChartSpec, i: number, s: ChartSpec['series'][number]): 'bar' | 'line' | 'area' {
  if (s.as) return s.as;
  if (spec.kind === 'bar_line') return i === 0 ? 'bar' : 'line';
  if (spec.kind === 'line' || spec.kind === 'area') return spec.kind;
  return 'bar';
}

/** Axis values as people read them: weekday numbers as names, hours as "09h"; dates stay ISO (the chart formats them). */
function axisValue(v: string | number | null, col: ReportColumnDef | undefined, locale: Locale): string | number | null {
  if (!col) return v;
  if (v === null) return col.empty ? col.empty[locale] : v;
  if (col.codes && typeof v === 'string') return codeWord(col.codes, v, locale);
  if (col.format === 'weekday' || col.format === 'hour') return formatCell(createFormatter({ locale }), col, v);
  return v;
}

/** Heatmap data comes as (x, y, value) triples; the chart and the sheet want the x × y grid. */
function heatmapGrid(xs: (string | number | null)[], ys: (string | number | null)[], values: (number | null)[]) {
  const order = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  const ux = [...new Set(xs)].sort(order);
  const uy = [...new Set(ys)].sort(order);
  const grid: (number | null)[] = new Array(ux.length * uy.length).fill(null);
  xs.forEach((x, i) => (grid[ux.indexOf(x) * uy.length + uy.indexOf(ys[i])] = values[i]));
  return { x: ux, y: uy, values: grid };
}

/** The report's first chart with the same data the screen draws; null when it has none or no data yet. */
async function chartOf(engine: Engine, r: Resolved, req: ReportExportRequest, locale: Locale): Promise<ExportChart | null> {
  const spec = r.view.charts[0];
  if (!spec) return null;
  let data;
  try {
    data = await reportChart(engine, { ...req, chart: spec.id });
  } catch {
    return null;
  }
  const byId = new Map<string, ReportColumnDef>(r.columns.map((c) => [c.id, c]));
  const num = (v: string | number | null) => (v === null ? null : Number(v));
  const series: ExportChart['series'] = [];
  data.series.forEach((s, i) => {
    const col = byId.get(s.column);
    const specSeries = spec.series.find((x) => x.column === s.column) ?? { column: s.column };
    const base = col?.label ?? L(s.column, s.column);
    // A split chart (stacked by method) names each series after its group, plus the column when there are several.
    const label = s.group === undefined ? base : spec.series.length > 1 ? L(`${base['pt-BR']} · ${s.group ?? '—'}`, `${base.en} · ${s.group ?? '—'}`) : L(String(s.group ?? '—'), String(s.group ?? '—'));
    const as = seriesAs(spec, i, specSeries);
    series.push({ label, values: s.values.map(num), as, axis: specSeries.axis, stack: specSeries.stack, unit: col?.unit });
    if (s.previous) series.push({ label: L(`${label['pt-BR']} (período anterior)`, `${label.en} (previous period)`), values: s.previous.map(num), as: 'line', axis: specSeries.axis, unit: col?.unit });
  });
  const x = byId.get(spec.x);
  const y = spec.y ? byId.get(spec.y) : undefined;
  const head = { title: spec.title, kind: spec.kind, xLabel: x?.label ?? L(spec.x, spec.x) };
  if (data.y && series[0]) {
    const g = heatmapGrid(data.x, data.y, series[0].values);
    return { ...head, x: g.x.map((v) => axisValue(v, x, locale)), y: g.y.map((v) => axisValue(v, y, locale)), yLabel: y?.label, series: [{ ...series[0], values: g.values }] };
  }
  return { ...head, x: data.x.map((v) => axisValue(v, x, locale)), series };
}

/**
 * The export source of a report request. `full` adds what people-facing files show (the engine's totals row and
 * the first chart); CSV and Parquet skip both, so they cost one pass of the report query.
 */
export async function reportSource(engine: Engine, req: ReportExportRequest, locale: Locale, full = true): Promise<ExportSource> {
  const r = await resolveRequest(engine, req);
  const settings = await engine.settings();
  const q = pageSql(r, { ...req, limit: undefined });
  const [totals, chart, filters] = await Promise.all([
    full ? reportTotals(engine, req) : Promise.resolve(null),
    full ? chartOf(engine, r, req, locale) : Promise.resolve(null),
    describeFilters(engine, r, req, locale, settings.currency),
  ]);
  // A report with several tables names the one exported (its default table keeps the report title alone).
  const title = r.view.id !== (r.def.view?.id ?? 'main') ? L(`${r.def.title['pt-BR']} — ${r.view.title['pt-BR']}`, `${r.def.title.en} — ${r.view.title.en}`) : r.def.title;
  return {
    title,
    sql: q.sql,
    params: q.params.values,
    columns: r.columns.map(({ sqlType: _s, totalSql: _t, requires: _r, ...c }) => c),
    period: { from: r.period.from, to: r.period.to },
    filters,
    totals: totals?.values ?? null,
    rowCount: totals?.rows ?? null,
    chart,
  };
}
