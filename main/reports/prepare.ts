// Resolves a report request (definition, period, parameters, common filters, available analytics) and builds
// the report's inner SQL into a shared parameter list, so the engine can wrap it for pages, totals and charts.
import { dataBounds } from './dataBounds';
import { z } from 'zod';
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import type { ReportParamMeta, ResolvedPeriod } from '../../shared/reports';
import type { Settings } from '../../shared/settings';
import type { Engine } from '../engine/engine';
import type { SpecColumn } from '../sql/specSql';
import { ParamList } from '../sql/specSql';
import { AppError } from '../store/errors';
import { availability, makeContext } from './context';
import { businessToday, lastYearPeriod, previousPeriod, resolvePeriod } from './period';
import { requestOffsetUs } from './tzOffset';
import { rollupsReady } from './rollupSource';
import { columnsAvailable, getReport, paramsOf, viewsOf } from './registry';
import type { Availability, ParamValue, ReportColumnDef, ReportDefinition, ReportViewDef } from './types';

export interface RunRequest {
  report: string;
  period?: PeriodInput;
  common?: CommonFilters;
  params?: Record<string, ParamValue>;
}

export interface Resolved {
  def: ReportDefinition;
  /** The table asked for (the default unless the `view` parameter names another). */
  view: ReportViewDef;
  columns: ReportColumnDef[];
  period: ResolvedPeriod;
  previous: ResolvedPeriod;
  lastYear: ResolvedPeriod;
  common: CommonFilters;
  values: Record<string, ParamValue>;
  settings: Settings;
  has: Availability;
  offsetUs: number | null;
  /** The daily rollups may answer (rollupSource.ts). */
  rollups: boolean;
}

function paramSchema(p: ReportParamMeta): z.ZodType {
  let s: z.ZodType;
  switch (p.kind) {
    case 'enum':
      s = z.enum((p.options ?? []).map((o) => o.value) as [string, ...string[]]);
      break;
    case 'integer': {
      let n = z.number().int();
      if (p.min !== undefined) n = n.min(p.min);
      if (p.max !== undefined) n = n.max(p.max);
      s = n;
      break;
    }
    case 'boolean':
      s = z.boolean();
      break;
    case 'date':
      s = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
      break;
    default:
      // text: at most `max` characters (200 unless the parameter says)
      s = z.string().max(p.max ?? 200);
  }
  return p.default === null ? s.nullable().default(null) : s.default(p.default as never);
}

/** Validates a report's own parameters against its declaration (unknown ones are refused). */
export function validateParams(def: ReportDefinition, raw: Record<string, ParamValue>): Record<string, ParamValue> {
  const shape = Object.fromEntries(paramsOf(def).map((p) => [p.id, paramSchema(p)]));
  const r = z.object(shape).strict().safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new AppError('BAD_INPUT', `invalid parameters for report ${def.id}: ${issues[0]?.path || '(params)'}: ${issues[0]?.message}`, issues);
  }
  return r.data as Record<string, ParamValue>;
}

/** First and last business dates with a sale or a payment (for the `all` preset); null on an empty database. */
/** First and last business dates with a sale or a payment (the "all time" period), null when there is none. */
export async function activityRange(engine: Engine): Promise<{ first: string; last: string } | null> {
  return (await dataBounds(engine.db)).activity;
}

export async function resolveRequest(engine: Engine, req: RunRequest): Promise<Resolved> {
  const def = getReport(req.report);
  const common = req.common ?? {};
  for (const [k, v] of Object.entries(common)) {
    if (v !== undefined && !(def.filters as string[]).includes(k)) {
      throw new AppError('BAD_INPUT', `report ${def.id} does not take the ${k} filter`, { filter: k, allowed: def.filters });
    }
  }
  const values = validateParams(def, req.params ?? {});
  const settings = await engine.settings();
  const today = req.period?.today ?? businessToday(settings.timezone);
  // Asked first: the data's bounds below ask too, and share the same look.
  const ready = rollupsReady(engine.db);
  ready.catch(() => undefined); // awaited below; a failure before that must not go unhandled
  const wantsAll = (req.period?.preset ?? (req.period?.from ? 'custom' : def.defaultPreset)) === 'all';
  const period = resolvePeriod(req.period ?? {}, today, def.defaultPreset, wantsAll ? await activityRange(engine) : null);
  // What the request reads is looked up at once: analytics present, the rollups current, the UTC offset's span.
  const [has, rollups, offsetUs] = await Promise.all([availability(engine.db), ready, requestOffsetUs(engine.db, settings.timezone, period.from, period.to)]);
  if (common.rfmCluster?.length && !has.rfm) throw new AppError('NOT_READY', 'the RFM cluster filter needs RFM scores: run the customer analytics first');
  const views = viewsOf(def);
  const view = views.find((v) => v.id === values.view) ?? views[0];
  if (view.requires && !has[view.requires]) {
    throw new AppError('NOT_READY', `the ${view.id} table of ${def.id} needs ${view.requires === 'rfm' ? 'RFM scores' : 'customer value scores'}: run the customer analytics first`);
  }
  const columns = columnsAvailable(view.columns, has);
  return { def, view, columns, offsetUs, rollups, period, previous: previousPeriod(period), lastYear: lastYearPeriod(period), common, values, settings, has };
}

function makeContextFor(r: Resolved, params: ParamList, period: ResolvedPeriod, firsts: () => string) {
  return makeContext({
    firsts,
    params,
    period,
    previous: period === r.period ? r.previous : previousPeriod(period),
    common: r.common,
    values: r.values,
    settings: r.settings,
    has: r.has,
    offsetUs: r.offsetUs,
    rollups: r.rollups,
  });
}

/**
 * Builds the report's SQL for a period into `params` (placeholders continue the list); `firsts` is the
 * first-sales relation the SQL names if it reads one (see firsts.ts).
 */
export function innerSql(r: Resolved, params: ParamList, period: ResolvedPeriod, firsts: string): string {
  return r.view.sql(makeContextFor(r, params, period, () => firsts));
}

/** Whether the report's SQL for a period reads the first-sales relation (found by building it once aside). */
export function readsFirsts(r: Resolved, period: ResolvedPeriod): boolean {
  let used = false;
  r.view.sql(
    makeContextFor(r, new ParamList(), period, () => {
      used = true;
      return 'firsts';
    }),
  );
  return used;
}

export function specColumns(columns: ReportColumnDef[]): SpecColumn[] {
  // Qualified with the result alias `r`: the outer SELECT projects wire forms (money as text) under the same
  // names, and an unqualified ORDER BY would sort those strings instead of the values.
  return columns.map((c) => ({ id: c.id, type: c.type, sqlType: c.sqlType, searchable: c.searchable, expr: `r."${c.id}"` }));
}

export function newParams(): ParamList {
  return new ParamList();
}
