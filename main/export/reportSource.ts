// Turns a report request (report, period, common filters, parameters, row filters, search, sort) into an export
// source: the registry's full result SQL (same filters and order as the screen, no paging), its totals and
// first chart from the report engine, and the filters described in words.
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import { COMMON_FILTER_LABELS, DATE_PRESET_LABELS, type ChartSpec } from '../../shared/reports';
import { RFM_CLUSTER_LABELS, type RfmCluster } from '../../shared/rfm';
import type { LocalizedText } from '../../shared/types';
import type { Engine } from '../host/engine';
import { pageSql, reportChart, reportTotals } from '../reports/engine';
import { resolveRequest, type Resolved } from '../reports/prepare';
import type { ParamValue, ReportColumnDef } from '../reports/types';
import type { ExportChart, ExportSource, Locale } from './types';
import { formatValue } from './format';

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
  const rows = await engine.db.all<{ id: string; name: string | null }>(`SELECT ${idCol} AS id, any_value(name) AS name FROM ${table} WHERE ${idCol} IN (SELECT unnest($1::VARCHAR[])) GROUP BY 1`, [ids as never]);
  const byId = new Map(rows.map((r) => [r.id, r.name ?? r.id]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

async function describeFilters(engine: Engine, r: Resolved, req: ReportExportRequest, locale: Locale, currency: string): Promise<ExportSource['filters']> {
  const out: ExportSource['filters'] = [];
  const c = r.common;
  if (r.period.preset !== 'custom') out.push({ label: L('Predefinição', 'Preset'), value: DATE_PRESET_LABELS[r.period.preset][locale] });
  if (c.location?.length) out.push({ label: COMMON_FILTER_LABELS.location, value: await names(engine, 'locations', 'location_id', c.location) });
  if (c.employee?.length) out.push({ label: COMMON_FILTER_LABELS.employee, value: await names(engine, 'employees', 'employee_id', c.employee) });
  if (c.source?.length) out.push({ label: COMMON_FILTER_LABELS.source, value: c.source.join(', ') });
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
    const show = (v: unknown) => (col ? formatValue(v as never, col, locale, currency) : String(v));
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

/** The report's first chart with the same data the screen draws; null when it has none or no data yet. */
async function chartOf(engine: Engine, r: Resolved, req: ReportExportRequest): Promise<ExportChart | null> {
  const spec = r.def.charts[0];
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
    const label = col?.label ?? L(s.column, s.column);
    const as = seriesAs(spec, i, specSeries);
    series.push({ label, values: s.values.map(num), as, axis: specSeries.axis, stack: specSeries.stack, unit: col?.unit });
    if (s.previous) series.push({ label: L(`${label['pt-BR']} (período anterior)`, `${label.en} (previous period)`), values: s.previous.map(num), as: 'line', axis: specSeries.axis, unit: col?.unit });
  });
  const x = byId.get(spec.x);
  const y = spec.y ? byId.get(spec.y) : undefined;
  return {
    title: spec.title,
    kind: spec.kind,
    xLabel: x?.label ?? L(spec.x, spec.x),
    x: data.x,
    ...(data.y ? { y: data.y, yLabel: y?.label } : {}),
    series,
  };
}

export async function reportSource(engine: Engine, req: ReportExportRequest, locale: Locale): Promise<ExportSource> {
  const r = await resolveRequest(engine, req);
  const settings = await engine.settings();
  const q = pageSql(r, { ...req, limit: undefined });
  const [totals, chart, filters] = await Promise.all([reportTotals(engine, req), chartOf(engine, r, req), describeFilters(engine, r, req, locale, settings.currency)]);
  return {
    title: r.def.title,
    sql: q.sql,
    params: q.params.values,
    columns: r.columns.map(({ sqlType: _s, totalSql: _t, requires: _r, ...c }) => c),
    period: { from: r.period.from, to: r.period.to },
    filters,
    totals: totals.values,
    rowCount: totals.rows,
    chart,
  };
}
