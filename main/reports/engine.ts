// The report engine: materialises a report's SQL once (resultCache.ts) and runs pages (Arrow), counts, totals,
// chart series and period comparisons over it in DuckDB; pageSql gives the same rows as one statement for the CLI
// and exports. Column ids only come from the definition; every value is bound.
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ChartData, ReportComparison, ReportPage, ReportTotals } from '../../shared/api/reports';
import type { ReportValues, ResolvedPeriod } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { readerToArrow } from '../sql/arrow';
import { asInputError, buildOrder, buildWhere, ParamList } from '../sql/specSql';
import { wireOf } from './wire';
import { innerSql, resolveRequest, specColumns, type Resolved, type RunRequest } from './prepare';
import { metaColumns } from './registry';
import { inlineFirsts, withFirsts } from './firsts';
import { resultCache } from './resultCache';
import { totalsSelectSql } from './totalsSql';

export interface RowSpec {
  filters?: ColumnFilter[];
  search?: string;
}

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

export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
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
  const inner = inlineFirsts(innerSql(r, params));
  const where = whereOf(r, spec, params);
  const countParams = [...params.values];
  const order = orderOf(r, spec.sort ?? []);
  const proj = r.columns.map((c) => wireOf(c, `r."${c.id}"`)).join(', ');
  const paging = spec.limit === undefined ? '' : ` LIMIT ${params.add(spec.limit)} OFFSET ${params.add(spec.offset ?? 0)}`;
  return {
    sql: `WITH r AS (${inner}) SELECT ${proj} FROM r ${where} ${order}${paging}`,
    countSql: `WITH r AS (${inner}) SELECT count(*)::BIGINT AS n FROM r ${where}`,
    params,
    countParams,
  };
}

/**
 * Runs fn over the materialised results of the request for some periods (the table names in the same order);
 * computed once more if a table was evicted between lookup and use.
 */
export async function withResults<T>(engine: Engine, r: Resolved, periods: ResolvedPeriod[], fn: (tables: string[]) => Promise<T>): Promise<T> {
  const cache = resultCache(engine.db);
  const tables = () =>
    Promise.all(
      periods.map(async (period) => {
        const params = new ParamList();
        const inner = await withFirsts(engine.db, innerSql(r, params, period));
        return cache.table(inner, params.values);
      }),
    );
  try {
    return await guarded(async () => fn(await tables()));
  } catch (err) {
    if (!/Table with name r\d+ does not exist/i.test(err instanceof Error ? err.message : '')) throw err;
    cache.clear();
    return guarded(async () => fn(await tables()));
  }
}

export function withResult<T>(engine: Engine, r: Resolved, period: ResolvedPeriod, fn: (table: string) => Promise<T>): Promise<T> {
  return withResults(engine, r, [period], ([t]) => fn(t));
}

export async function reportPage(engine: Engine, req: PageRequest): Promise<ReportPage> {
  const r = await resolveRequest(engine, req);
  return withResult(engine, r, r.period, async (table) => {
    const params = new ParamList();
    const where = whereOf(r, req, params);
    const countParams = [...params.values];
    const order = orderOf(r, req.sort ?? []);
    const proj = r.columns.map((c) => wireOf(c, `r."${c.id}"`)).join(', ');
    const sql = `SELECT ${proj} FROM ${table} AS r ${where} ${order} LIMIT ${params.add(req.limit ?? 200)} OFFSET ${params.add(req.offset ?? 0)}`;
    const [reader, total] = await Promise.all([
      engine.db.reader(sql, params.values),
      req.withTotal === false ? Promise.resolve(null) : countRows(engine, table, where, countParams),
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

async function countRows(engine: Engine, table: string, where: string, params: DuckDBValue[]): Promise<number> {
  const rows = await engine.db.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table} AS r ${where}`, params);
  return rows[0]?.n ?? 0;
}

export async function reportCount(engine: Engine, req: RunRequest & RowSpec): Promise<{ report: string; period: ResolvedPeriod; total: number }> {
  const r = await resolveRequest(engine, req);
  const total = await withResult(engine, r, r.period, (table) => {
    const params = new ParamList();
    return countRows(engine, table, whereOf(r, req, params), params.values);
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

export { reportChart } from './chart';
export { reportCompare } from './compare';
export type { ChartData, ReportComparison };
