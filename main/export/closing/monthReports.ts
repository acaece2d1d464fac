// Runs registry reports over one closing month, so every figure of the pack is the report's own number: the
// rows (all of them, wire form), the engine's totals row, and aggregates computed in DuckDB over the report's own
// result when the pack regroups it (items by kind, net of fees). All three read the report engine's materialised
// result, so each report runs once.
import type { Engine } from '../../engine/engine';
import { buildOrder } from '../../sql/specSql';
import { reportTotals, withResult } from '../../reports/engine';
import { resolveRequest, specColumns, type Resolved } from '../../reports/prepare';
import type { ParamValue, ReportColumnDef } from '../../reports/types';
import { declaredWire } from '../../sql/wire';
import { AppError } from '../../store/errors';
import type { ExportColumn, WireValue } from '../types';
import type { ClosingTable } from './closingTypes';

export interface MonthRun {
  report: string;
  columns: ReportColumnDef[];
  rows: Record<string, WireValue>[];
  totals: Record<string, WireValue>;
  count: number;
  resolved: Resolved;
}

/** The report's own order: its default sort, then every column (as the screen shows it without a user sort). */
function orderOf(r: Resolved): string {
  const seen = new Set<string>();
  const sort = [...r.view.defaultSort, ...r.columns.map((c) => ({ column: c.id, desc: false }))].filter((s) => !seen.has(s.column) && !!seen.add(s.column));
  return buildOrder(specColumns(r.columns), sort.filter((s) => r.columns.some((c) => c.id === s.column)), r.view.defaultSort.length);
}

/** Runs a report over the month: its totals always, its rows only when the pack lists them. */
export async function runMonth(engine: Engine, report: string, from: string, to: string, params: Record<string, ParamValue> = {}, withRows = true): Promise<MonthRun> {
  const req = { report, period: { preset: 'custom' as const, from, to }, common: {}, params };
  let r: Resolved;
  try {
    r = await resolveRequest(engine, req);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('NOT_READY', `the closing pack needs the ${report} report, which is not available`);
    throw err;
  }
  const rowsOf = () =>
    withResult(engine, r, r.period, (table) => engine.db.all<Record<string, WireValue>>(`SELECT ${r.columns.map((c) => declaredWire(c, `r."${c.id}"`)).join(', ')} FROM ${table} AS r ${orderOf(r)}`));
  const [rows, totals] = await Promise.all([withRows ? rowsOf() : Promise.resolve([]), reportTotals(engine, req)]);
  return { report, columns: r.columns, rows, totals: totals.values, count: totals.rows, resolved: r };
}

/** Runs SQL over a report's result (`r`, native types), e.g. a regrouping. */
export function over<T = Record<string, WireValue>>(engine: Engine, run: MonthRun, select: string): Promise<T[]> {
  return withResult(engine, run.resolved, run.resolved.period, (table) => engine.db.all<T>(`WITH r AS (SELECT * FROM ${table}) ${select}`));
}

function column(run: MonthRun, id: string): ReportColumnDef {
  const c = run.columns.find((x) => x.id === id);
  if (!c) throw new AppError('NOT_READY', `the ${run.report} report has no column ${id}`);
  return c;
}

/** Export column metadata of report columns (labels, types and units as the report declares them). */
export function columnsOf(run: MonthRun, ids: string[]): ExportColumn[] {
  return ids.map((id) => {
    const { sqlType: _s, totalSql: _t, requires: _r, ...c } = column(run, id);
    return c;
  });
}

/** A table of some of a report's columns, with the report's own totals for them. */
export function tableOf(run: MonthRun, ids: string[], extra: Partial<ClosingTable> = {}): ClosingTable {
  const cols = columnsOf(run, ids);
  return {
    columns: cols,
    rows: run.rows.map((row) => ids.map((id) => row[id] ?? null)),
    total: ids.map((id, i) => (cols[i].total && cols[i].total !== 'none' ? (run.totals[id] ?? null) : null)),
    source: run.report,
    ...extra,
  };
}

/** One total of a report as exact text (money) or number. */
export function total(run: MonthRun, id: string): WireValue {
  column(run, id);
  return run.totals[id] ?? null;
}
