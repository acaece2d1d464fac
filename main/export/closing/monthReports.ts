// Runs registry reports over one closing month, so every figure of the pack is the report's own number: the
// rows (all of them, wire form), the engine's totals row, and aggregates computed in DuckDB over the report's
// own result SQL when the pack regroups it (items by kind, net of fees).
import type { DuckDBValue } from '@duckdb/node-api';
import type { Engine } from '../../host/engine';
import { pageSql, reportTotals } from '../../reports/engine';
import { resolveRequest } from '../../reports/prepare';
import type { ParamValue, ReportColumnDef } from '../../reports/types';
import { AppError } from '../../store/errors';
import type { ExportColumn, WireValue } from '../types';
import type { ClosingTable } from './closingTypes';

export interface MonthRun {
  report: string;
  columns: ReportColumnDef[];
  rows: Record<string, WireValue>[];
  totals: Record<string, WireValue>;
  count: number;
  /** The report's full result SQL (wire form) and its parameters, to aggregate over. */
  sql: string;
  params: DuckDBValue[];
}

/** Runs a report over the month: its totals always, its rows only when the pack lists them. */
export async function runMonth(engine: Engine, report: string, from: string, to: string, params: Record<string, ParamValue> = {}, withRows = true): Promise<MonthRun> {
  const req = { report, period: { preset: 'custom' as const, from, to }, common: {}, params };
  let r;
  try {
    r = await resolveRequest(engine, req);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('NOT_READY', `the closing pack needs the ${report} report, which is not available`);
    throw err;
  }
  const q = pageSql(r, { ...req });
  const [rows, totals] = await Promise.all([withRows ? engine.db.all<Record<string, WireValue>>(q.sql, q.params.values) : Promise.resolve([]), reportTotals(engine, req)]);
  return { report, columns: r.columns, rows, totals: totals.values, count: totals.rows, sql: q.sql, params: q.params.values };
}

/** Runs SQL over a report's result (`r`), e.g. a regrouping; money must be cast back from wire text. */
export async function over<T = Record<string, WireValue>>(engine: Engine, run: MonthRun, select: string): Promise<T[]> {
  return engine.db.all<T>(`WITH r AS (${run.sql}) ${select}`, run.params);
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
