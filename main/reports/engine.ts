// The report engine: materialises a report's SQL once (resultCache.ts) and runs pages (Arrow), counts, totals,
// chart series and period comparisons over it in DuckDB; pageSql gives the same rows as one statement for the CLI
// and exports. Column ids only come from the definition; every value is bound.
import type { SortSpec } from '../../shared/api/tableSpec';
import type { ChartData, ReportComparison, ReportPage, ReportTotals } from '../../shared/api/reports';
import type { ReportValues, ResolvedPeriod } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { countOf, pageOf } from '../sql/pager';
import { buildOrder, findColumn, ParamList } from '../sql/specSql';
import { sqlIdent } from '../sql/quote';
import { declaredWire } from '../sql/wire';
import { innerSql, resolveRequest, specColumns, type Resolved, type RunRequest } from './prepare';
import { metaColumns } from './registry';
import { inlineFirsts } from './firsts';
import { whereOf, withResult, type RowSpec } from './results';
import { totalsSelectSql } from './totalsSql';

/** The user's sort, then the report's default sort, then every column (a total order for paging). */
function orderOf(r: Resolved, sort: SortSpec[]): SortSpec[] {
  const cols = specColumns(r.columns);
  for (const s of sort) findColumn(cols, s.column, 'sort');
  const all: SortSpec[] = [];
  const seen = new Set<string>();
  const visible = new Set(r.columns.map((c) => c.id));
  for (const s of [...sort, ...r.view.defaultSort, ...r.columns.map((c) => ({ column: c.id, desc: false }))]) {
    if (seen.has(s.column) || !visible.has(s.column)) continue;
    seen.add(s.column);
    all.push(s);
  }
  return all;
}

/** How many entries of orderOf's answer are the person's or the report's sort (compared in Portuguese order). */
function collatedOf(r: Resolved, sort: SortSpec[]): number {
  const ids = new Set(r.columns.map((c) => c.id));
  return new Set([...sort, ...r.view.defaultSort].map((s) => s.column).filter((c) => ids.has(c))).size;
}

const orderSql = (r: Resolved, sort: SortSpec[]) =>
  buildOrder(
    specColumns(r.columns),
    orderOf(r, sort),
    collatedOf(r, sort),
  );

export interface PageRequest extends RunRequest, RowSpec {
  offset?: number;
  limit?: number;
  sort?: SortSpec[];
  withTotal?: boolean;
}

/** Full SQL of a page (or of all rows when limit is omitted), projected to wire form. Used by the CLI and exports. */
export function pageSql(r: Resolved, spec: PageRequest): { sql: string; countSql: string; params: ParamList; countParams: unknown[] } {
  const params = new ParamList();
  const inner = innerSql(r, params, r.period, inlineFirsts());
  const where = whereOf(r, spec, params);
  const countParams = [...params.values];
  const order = orderSql(r, spec.sort ?? []);
  const proj = r.columns.map((c) => declaredWire(c, `r.${sqlIdent(c.id)}`)).join(', ');
  const paging = spec.limit === undefined ? '' : ` LIMIT ${params.add(spec.limit)} OFFSET ${params.add(spec.offset ?? 0)}`;
  return {
    sql: `WITH r AS (${inner}) SELECT ${proj} FROM r ${where} ${order}${paging}`,
    countSql: `WITH r AS (${inner}) SELECT count(*)::BIGINT AS n FROM r ${where}`,
    params,
    countParams,
  };
}

export async function reportPage(engine: Engine, req: PageRequest): Promise<ReportPage> {
  const r = await resolveRequest(engine, req);
  const spec = { offset: req.offset ?? 0, limit: req.limit ?? 200, filters: req.filters ?? [], search: req.search ?? '', withTotal: req.withTotal !== false };
  // Filters and sort are checked before the report runs: a bad request never costs a computation.
  whereOf(r, req, new ParamList());
  const order = orderOf(r, req.sort ?? []);
  return withResult(engine, r, r.period, async (table) => {
    const page = await pageOf(engine.db, { from: table, columns: r.columns, order, collated: collatedOf(r, req.sort ?? []), declared: true }, spec);
    return { report: r.def.id, period: r.period, ...page, offset: spec.offset, columns: metaColumns(r.columns) };
  });
}

export async function reportCount(engine: Engine, req: RunRequest & RowSpec): Promise<{ report: string; period: ResolvedPeriod; total: number }> {
  const r = await resolveRequest(engine, req);
  const total = await withResult(engine, r, r.period, (table) => {
    const params = new ParamList();
    return countOf(engine.db, table, whereOf(r, req, params), params);
  });
  return { report: r.def.id, period: r.period, total };
}

function splitTotals(row: Record<string, unknown> | undefined): { rows: number; values: ReportValues } {
  const { __rows, ...values } = row ?? {};
  return { rows: Number(__rows ?? 0), values: values as ReportValues };
}

export async function reportTotals(engine: Engine, req: RunRequest & RowSpec): Promise<ReportTotals> {
  const r = await resolveRequest(engine, req);
  return { report: r.def.id, period: r.period, ...(await totalsFor(engine, r, r.period, req)) };
}

/** The totals of a resolved request for one period, reusing the resolution (comparisons, dashboard, tests). */
export async function totalsFor(engine: Engine, r: Resolved, period: ResolvedPeriod, spec: RowSpec = {}): Promise<{ rows: number; values: ReportValues }> {
  return withResult(engine, r, period, async (table) => {
    const params = new ParamList();
    const where = whereOf(r, spec, params);
    const rows = await engine.db.all(totalsSelectSql(r.columns, table, where), params.values);
    return splitTotals(rows[0]);
  });
}

export { withResult, withResults, type RowSpec } from './results';
export { reportChart } from './chart';
export { reportCompare } from './compare';
export type { ChartData, ReportComparison };
