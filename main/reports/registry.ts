// The report registry: every report definition, looked up by id, its views and parameters, and its metadata
// as it crosses to the renderer.
import type { ReportColumnMeta, ReportMeta, ReportParamMeta } from '../../shared/reports';
import { AppError } from '../store/errors';
import type { Availability, ReportColumnDef, ReportDefinition, ReportViewDef } from './types';
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

/** Every table of a report, the default first. */
export function viewsOf(def: ReportDefinition): ReportViewDef[] {
  const main: ReportViewDef = {
    id: def.view?.id ?? 'main',
    title: def.view?.title ?? def.title,
    columns: def.columns,
    hidden: def.hidden,
    defaultSort: def.defaultSort,
    charts: def.charts,
    sql: def.sql,
  };
  return [main, ...(def.views ?? [])];
}

/** The report's parameters, with the implicit `view` choice when it has several tables. */
export function paramsOf(def: ReportDefinition): ReportParamMeta[] {
  const views = viewsOf(def);
  if (views.length === 1) return def.params;
  const view: ReportParamMeta = {
    id: 'view',
    label: { 'pt-BR': 'Tabela', en: 'Table' },
    kind: 'enum',
    options: views.map((v) => ({ value: v.id, label: v.title })),
    default: views[0].id,
  };
  return [view, ...def.params];
}

export const columnsAvailable = (columns: ReportColumnDef[], has: Availability) => columns.filter((c) => !c.requires || has[c.requires]);

/** Column metadata without the engine-only fields (SQL type and totals SQL). */
export function metaColumns(columns: ReportColumnDef[]): ReportColumnMeta[] {
  return columns.map(({ sqlType: _s, totalSql: _t, requires: _r, ...c }) => c);
}

/** A report's metadata; columns that need analytics data are listed only when it exists. */
export function reportMeta(def: ReportDefinition, has: Availability): ReportMeta {
  const { sql: _sql, hidden: _h, columns, views: _v, view: _w, params: _p, ...rest } = def;
  const views = viewsOf(def);
  const meta: ReportMeta = { ...rest, params: paramsOf(def), columns: metaColumns(columnsAvailable(columns, has)) };
  if (views.length > 1) {
    meta.views = views.map((v) => ({
      id: v.id,
      title: v.title,
      columns: metaColumns(columnsAvailable(v.columns, has)),
      defaultSort: v.defaultSort,
      charts: v.charts,
      available: !v.requires || has[v.requires],
    }));
  }
  return meta;
}
