// The report engine: wraps a report's SQL as `WITH r AS (...)` and runs pages (Arrow), counts, totals, chart
// series and period comparisons in DuckDB. Column ids only come from the definition; every value is bound.
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ChartData, ReportComparison, ReportPage, ReportTotals } from '../../shared/api/reports';
import type { ReportValues, ResolvedPeriod } from '../../shared/reports';
import type { Engine } from '../host/engine';
import { readerToArrow } from '../query/arrow';
import { CountCache } from '../query/countCache';
import { asInputError, buildOrder, buildWhere, ParamList } from '../query/specSql';
import { wireExpr } from '../query/tableMeta';
import { innerSql, resolveRequest, specColumns, type Resolved, type RunRequest } from './prepare';
import { metaColumns } from './registry';
import { totalsSelectSql } from './totalsSql';

export interface RowSpec {
  filters?: ColumnFilter[];
  search?: string;
}

const counts = new CountCache();

function whereOf(r: Resolved, spec: RowSpec, params: ParamList): string {
  const w = buildWhere(specColumns(r.columns), spec.filters ?? [], spec.search ?? '', params);
  return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

/** ORDER BY the user's sort, then the report's default sort, then every column (a total order for paging). */
function orderOf(r: Resolved, sort: SortSpec[]): string {
  const cols = specColumns(r.columns);
  buildOrder(cols, sort);
  const all: SortSpec[] = [];
  const seen = new Set<string>();
  const visible = new Set(r.columns.map((c) => c.id));
  for (const s of [...sort, ...r.view.defaultSort, ...r.columns.map((c) => ({ column: c.id, desc: false }))]) {
    if (seen.has(s.column) || !visible.has(s.column)) continue;
    seen.add(s.column);
    all.push(s);
  }
  return buildOrder(cols, all);
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asInputError(err);
  }
}

export interface PageRequest extends RunRequest, RowSpec {
  offset?: number;
  limit?: number;
  sort?: SortSpec[];
  withTotal?: boolean;
}

/** Full SQL of a page (or of all rows when limit is omitted), projected to wire form. Used by the CLI and exports. */
export function pageSql(r: Resolved, spec: PageRequest): { sql: string; countSql: string; params: ParamList; countParams: unknown[] } {
  const params = new ParamList();
  const inner = innerSql(r, params);
  const where = whereOf(r, spec, params);
  const countParams = [...params.values];
  const order = orderOf(r, spec.sort ?? []);
  const proj = r.columns.map((c) => wireExpr(c)).join(', ');
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
  const q = pageSql(r, { ...req, limit: req.limit ?? 200 });
  return guarded(async () => {
    const [reader, total] = await Promise.all([
      engine.db.reader(q.sql, q.params.values),
      req.withTotal === false ? Promise.resolve(null) : counts.get(engine.db, q.countSql, q.countParams as never),
    ]);
    return {
      report: r.def.id,
      period: r.period,
      arrow: readerToArrow(
        reader,
        r.columns.map((c) => c.type),
      ),
      offset: req.offset ?? 0,
      rowCount: reader.currentRowCount,
      total,
      columns: metaColumns(r.columns),
    };
  });
}

export async function reportCount(engine: Engine, req: RunRequest & RowSpec): Promise<{ report: string; period: ResolvedPeriod; total: number }> {
  const r = await resolveRequest(engine, req);
  const q = pageSql(r, req);
  const total = await guarded(() => counts.get(engine.db, q.countSql, q.countParams as never));
  return { report: r.def.id, period: r.period, total };
}

function splitTotals(row: Record<string, unknown> | undefined): { rows: number; values: ReportValues } {
  const { __rows, ...values } = row ?? {};
  return { rows: Number(__rows ?? 0), values: values as ReportValues };
}

export async function reportTotals(engine: Engine, req: RunRequest & RowSpec): Promise<ReportTotals> {
  const r = await resolveRequest(engine, req);
  const params = new ParamList();
  const inner = innerSql(r, params);
  const where = whereOf(r, req, params);
  const rows = await guarded(() => engine.db.all(`WITH r AS (${inner}) ${totalsSelectSql(r.columns, 'r', where)}`, params.values));
  return { report: r.def.id, period: r.period, ...splitTotals(rows[0]) };
}

/** The totals of a resolved request for one period, reusing the resolution (comparisons, dashboard, tests). */
export async function totalsFor(engine: Engine, r: Resolved, period: ResolvedPeriod, spec: RowSpec = {}): Promise<{ rows: number; values: ReportValues }> {
  const params = new ParamList();
  const inner = innerSql(r, params, period);
  const where = whereOf(r, spec, params);
  const rows = await guarded(() => engine.db.all(`WITH r AS (${inner}) ${totalsSelectSql(r.columns, 'r', where)}`, params.values));
  return splitTotals(rows[0]);
}

export { reportChart } from './chart';
export { reportCompare } from './compare';
export type { ChartData, ReportComparison };
