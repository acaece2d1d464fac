// Handlers for reports.*: the registry's metadata and the report engine (pages, counts, totals, charts,
// comparisons, dashboard KPIs).
import type { reports } from '../../shared/api/reports';
import type { Handlers } from './types';
import { availability } from '../reports/context';
import { reportChart, reportCompare, reportCount, reportPage, reportTotals } from '../reports/engine';
import { dashboard } from '../reports/dashboard';
import { allReports, reportMeta } from '../reports/registry';

export const reportsHandlers = {
  'reports.list': async (_i, ctx) => {
    const has = await availability(ctx.db);
    return allReports().map((d) => reportMeta(d, has));
  },
  'reports.page': async (i, ctx) => reportPage(ctx, i),
  'reports.count': async (i, ctx) => reportCount(ctx, i),
  'reports.totals': async (i, ctx) => reportTotals(ctx, i),
  'reports.chart': async (i, ctx) => reportChart(ctx, i),
  'reports.compare': async (i, ctx) => reportCompare(ctx, i),
  'reports.dashboard': async (i, ctx) => dashboard(ctx, i),
} satisfies Handlers<typeof reports>;
