// Materialised report results: runs work over a report's cached result tables for some periods, and turns a
// failure of the report's own SQL into an internal error naming the report (the request was validated before).
import type { ColumnFilter } from '../../shared/api/tableSpec';
import type { ResolvedPeriod } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { whereOf as whereOver } from '../sql/pager';
import { ParamList } from '../sql/specSql';
import { AppError } from '../store/errors';
import { firstsTable } from './firsts';
import { innerSql, readsFirsts, type Resolved } from './prepare';
import { resultCache } from './resultCache';

export interface RowSpec {
  filters?: ColumnFilter[];
  search?: string;
}

/** The WHERE clause of a request's row filters and search over the report's result `r`. */
export function whereOf(r: Resolved, spec: RowSpec, params: ParamList): string {
  return whereOver(r.columns, { filters: spec.filters ?? [], search: spec.search ?? '' }, params);
}

/**
 * A failure while a report's SQL runs is a fault of the report, not of the request (requests are validated
 * before any SQL runs): it is logged with the SQL for developers and reported as an internal error naming the report.
 */
function reportFailure(engine: Engine, r: Resolved, err: unknown, sql: string[]): unknown {
  if (err instanceof AppError || (err instanceof Error && err.name === 'AbortError')) return err;
  const message = err instanceof Error ? err.message : String(err);
  engine.log(`report ${r.def.id} failed: ${message}\n${sql.join('\n--\n')}`);
  return new AppError('INTERNAL', `the report ${r.def.id} could not be computed`, { report: r.def.id });
}

/**
 * Runs fn over the materialised results of the request for some periods (the table names in the same order);
 * computed once more if a table was evicted between lookup and use.
 */
export async function withResults<T>(engine: Engine, r: Resolved, periods: ResolvedPeriod[], fn: (tables: string[]) => Promise<T>): Promise<T> {
  const cache = resultCache(engine.db);
  const built: string[] = [];
  const tables = () =>
    Promise.all(
      periods.map(async (period) => {
        const params = new ParamList();
        const firsts = readsFirsts(r, period) ? await firstsTable(engine.db) : '';
        const inner = innerSql(r, params, period, firsts);
        built.push(inner);
        return cache.table(inner, params.values);
      }),
    );
  try {
    try {
      return await fn(await tables());
    } catch (err) {
      if (!/Table with name r\d+ does not exist/i.test(err instanceof Error ? err.message : '')) throw err;
      cache.clear();
      return await fn(await tables());
    }
  } catch (err) {
    throw reportFailure(engine, r, err, built);
  }
}

export function withResult<T>(engine: Engine, r: Resolved, period: ResolvedPeriod, fn: (table: string) => Promise<T>): Promise<T> {
  return withResults(engine, r, [period], ([t]) => fn(t));
}
