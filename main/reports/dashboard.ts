// reports.dashboard: every KPI of the chosen period with the previous period, variation and a daily sparkline.
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import type { DashboardResult } from '../../shared/reports';
import type { Engine } from '../host/engine';
import { AppError } from '../store/errors';

export async function dashboard(_engine: Engine, _input: { period?: PeriodInput; common: CommonFilters }): Promise<DashboardResult> {
  throw new AppError('NOT_READY', 'the dashboard KPIs are not available yet');
}
