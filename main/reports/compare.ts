// reports.compare: a report's totals for the period, the previous period and the same period last year (when
// the business had activity then), like for like (comparePeriods), with variations (rates in percentage points),
// in one DuckDB statement.
import type { ReportComparison } from '../../shared/api/reports';
import type { ReportValues } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { ParamList, buildWhere } from '../sql/specSql';
import { AppError } from '../store/errors';
import { totalsSelectSql } from './totalsSql';
import { resolveRequest, specColumns, type RunRequest } from './prepare';
import type { ReportColumnDef } from './types';
import { withResults, type RowSpec } from './results';
import { variationOf } from './variation';

const NUMERIC = new Set(['money', 'integer', 'decimal', 'percent']);

/** Variation per numeric column (variationOf: rates in percentage points, the rest relative). */
export function variations(columns: ReportColumnDef[], cur: ReportValues, base: ReportValues): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of columns) {
    if (!NUMERIC.has(c.type) || c.total === 'none') continue;
    out[c.id] = variationOf(c.type, cur[c.id], base[c.id]);
  }
  return out;
}

/** True when any sale or payment happened between two business dates (inclusive). */
export function activitySql(params: ParamList, from: string, to: string): string {
  const lo = `timezone(getvariable('biz_tz'), CAST(CAST(${params.add(from)} AS DATE) AS TIMESTAMP))`;
  const hi = `timezone(getvariable('biz_tz'), CAST(CAST(${params.add(to)} AS DATE) + 1 AS TIMESTAMP))`;
  return `(EXISTS (SELECT 1 FROM sales WHERE occurred_at >= ${lo} AND occurred_at < ${hi}) OR EXISTS (SELECT 1 FROM payments WHERE occurred_at >= ${lo} AND occurred_at < ${hi}))`;
}

export async function reportCompare(engine: Engine, req: RunRequest & RowSpec): Promise<ReportComparison> {
  const r = await resolveRequest(engine, req);
  if (!r.def.comparable) throw new AppError('BAD_INPUT', `report ${r.def.id} has no period comparison`);
  const cols = specColumns(r.columns);
  const rows = await withResults(engine, r, [r.period, r.previous, r.lastYear], (tables) => {
    const params = new ParamList();
    const parts = tables.map((table, k) => {
      const w = buildWhere(cols, req.filters ?? [], req.search ?? '', params);
      return { k, table, where: w.length ? `WHERE ${w.join(' AND ')}` : '' };
    });
    const active = activitySql(params, r.lastYear.from, r.lastYear.to);
    const sql = `SELECT * FROM (${parts.map((p) => `SELECT ${p.k} AS __k, ${active} AS __active, * FROM (${totalsSelectSql(r.columns, p.table, p.where)})`).join(' UNION ALL BY NAME ')}) ORDER BY __k`;
    return engine.db.all<Record<string, unknown>>(sql, params.values);
  });
  const pick = (k: number): ReportValues => {
    const { __k: _k, __rows: _r, __active: _a, ...values } = rows.find((x) => Number(x.__k) === k) ?? {};
    return values as ReportValues;
  };
  const current = pick(0);
  const previousValues = pick(1);
  const hasLastYear = rows[0]?.__active === true;
  const lastYearValues = hasLastYear ? pick(2) : null;
  return {
    report: r.def.id,
    period: r.period,
    previous: r.previous,
    lastYear: hasLastYear ? r.lastYear : null,
    current,
    previousValues,
    lastYearValues,
    variation: variations(r.columns, current, previousValues),
    variationLastYear: lastYearValues ? variations(r.columns, current, lastYearValues) : null,
  };
}
