// The global period as business dates, resolved by the engine (presets are relative to the business "today"
// in its time zone), for pages whose engine calls take dates rather than presets (RFM, segments, forecast).
import type { ResolvedPeriod } from '../../../shared/reports';
import type { PainelErrorData } from '../../../shared/errors';
import { useCall } from '../api/useCall';
import { useGlobalInputs } from './filterStore';

export function useResolvedPeriod(): { period: ResolvedPeriod | null; error: PainelErrorData | null } {
  const g = useGlobalInputs();
  // The cheapest report call that answers the resolved period: a count of a small bucketed report.
  const r = useCall('reports.count', { report: 'sales-summary', period: g.period, params: { granularity: 'month' } });
  return { period: r.data?.period ?? null, error: r.error };
}
