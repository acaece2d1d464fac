// The run input of a report as the UI has it: global period and location, the report's own common filters
// (from drill-down links) and parameters, with defaults from the registry.
import { useMemo } from 'react';
import type { CommonFilters } from '../../../../shared/api/reports';
import type { ReportMeta } from '../../../../shared/reports';
import { RFM_CLUSTERS, type RfmCluster } from '../../../../shared/rfm';
import type { Route } from '../../app/router';
import { useGlobalInputs } from '../../state/filterStore';
import { useReportViews, type ReportView } from '../../state/reportsStore';

export type ParamValues = Record<string, string | number | boolean | null>;

export interface ReportInput {
  report: string;
  period: ReturnType<typeof useGlobalInputs>['period'];
  common: CommonFilters;
  params: ParamValues;
}

/** Common filters named in the route (`?employee=a,b`), besides the global location. */
export function routeCommon(meta: ReportMeta, route: Route): CommonFilters {
  const out: CommonFilters = {};
  for (const id of meta.filters) {
    if (id === 'location') continue;
    const values = (route.query.get(id) ?? '').split(',').filter(Boolean);
    if (!values.length) continue;
    if (id === 'rfmCluster') {
      const clusters = values.filter((v): v is RfmCluster => (RFM_CLUSTERS as readonly string[]).includes(v));
      if (clusters.length) out.rfmCluster = clusters;
    } else out[id] = values;
  }
  return out;
}

export function useReportInput(meta: ReportMeta, route: Route): { input: ReportInput; view: ReportView; key: string } {
  const g = useGlobalInputs();
  const view = useReportViews((s) => s.views[meta.id]) ?? {};
  const routeKey = route.query.toString();
  return useMemo(() => {
    const params: ParamValues = {};
    for (const p of meta.params) {
      const fromRoute = route.query.get(`param.${p.id}`);
      const cast = fromRoute === null ? null : p.kind === 'integer' ? Number(fromRoute) : p.kind === 'boolean' ? fromRoute === 'true' : fromRoute;
      params[p.id] = cast ?? view.params?.[p.id] ?? p.default;
    }
    const common = routeCommon(meta, route);
    if (meta.filters.includes('location') && g.common.location) common.location = g.common.location;
    // Accounting reports (closing, commissions) default to whole months: a rolling window would cut months in two.
    const rolling = g.period.preset !== 'custom' && g.period.preset !== 'last_month' && g.period.preset !== 'this_month' && g.period.preset !== 'this_year' && g.period.preset !== 'all';
    const period = meta.defaultPreset === 'last_month' && rolling ? { preset: 'last_month' as const } : g.period;
    const input: ReportInput = { report: meta.id, period, common, params };
    return { input, view, key: JSON.stringify(input) };
    // routeKey stands for the route's query
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meta, routeKey, g.key, view]);
}
