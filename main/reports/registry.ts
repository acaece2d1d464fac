// The report registry: every report definition, looked up by id, and its metadata as it crosses to the renderer.
import type { ReportColumnMeta, ReportMeta } from '../../shared/reports';
import { AppError } from '../store/errors';
import type { Availability, ReportColumnDef, ReportDefinition } from './types';
import { ALL_REPORTS } from './defs/index';

const byId = new Map<string, ReportDefinition>(ALL_REPORTS.map((d) => [d.id, d]));
if (byId.size !== ALL_REPORTS.length) throw new Error('two reports share an id');

export function allReports(): ReportDefinition[] {
  return ALL_REPORTS;
}

export function getReport(id: string): ReportDefinition {
  const d = byId.get(id);
  if (!d) throw new AppError('NOT_FOUND', `no report named ${id}`, { reports: [...byId.keys()] });
  return d;
}

/** Column metadata without the engine-only fields (SQL type and totals SQL). */
export function metaColumns(columns: ReportColumnDef[]): ReportColumnMeta[] {
  return columns.map(({ sqlType: _s, totalSql: _t, requires: _r, ...c }) => c);
}

/** A report's metadata; columns that need analytics data are listed only when it exists. */
export function reportMeta(def: ReportDefinition, has: Availability): ReportMeta {
  const { sql: _sql, hidden: _h, columns, ...rest } = def;
  const visible = columns.filter((c) => !c.requires || has[c.requires]);
  return { ...rest, columns: metaColumns(visible) };
}
