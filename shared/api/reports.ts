// reports.*: the report registry (metadata), report pages as Arrow, counts, totals, chart series, comparisons
// with the previous period and last year, and the dashboard KPIs.
import { z } from 'zod';
import { method } from './define';
import { tableSpecFields } from './tableSpec';
import { COMMON_FILTERS, DATE_PRESETS, type DashboardResult, type ReportColumnMeta, type ReportMeta, type ReportValues, type ResolvedPeriod } from '../reports';
import { RFM_CLUSTERS } from '../rfm';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const idList = z.array(z.string().min(1).max(200)).min(1).max(500);

/** The period: a preset, or custom with from/to (business-local dates, inclusive). */
export const periodInput = z
  .object({
    preset: z.enum(DATE_PRESETS).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Overrides "today" (business date) for reproducible runs and tests. */
    today: isoDate.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const custom = p.preset === 'custom' || (p.preset === undefined && (p.from !== undefined || p.to !== undefined));
    const issue = (message: string, pt: string, en: string) => ctx.addIssue({ code: 'custom', message, params: { text: { 'pt-BR': pt, en } } });
    if (custom && (p.from === undefined || p.to === undefined)) issue('a custom period needs from and to', 'Um período personalizado precisa da data inicial e da final.', 'A custom period needs a start and an end date.');
    if (!custom && (p.from !== undefined || p.to !== undefined)) issue('from/to only go with the custom preset', 'Datas inicial e final só valem para o período personalizado.', 'Start and end dates only go with a custom period.');
    if (p.from && p.to && p.from > p.to) issue('from is after to', 'O período começa depois de terminar: troque as datas.', 'The period starts after it ends: swap the dates.');
  });
export type PeriodInput = z.input<typeof periodInput>;

/** Common filters; each report declares which apply (see ReportMeta.filters). */
export const commonFilters = z
  .object({
    location: idList.optional(),
    employee: idList.optional(),
    source: idList.optional(),
    category: idList.optional(),
    rfmCluster: z.array(z.enum(RFM_CLUSTERS)).min(1).max(RFM_CLUSTERS.length).optional(),
  })
  .strict();
export type CommonFilters = z.output<typeof commonFilters>;
export const COMMON_FILTER_KEYS = COMMON_FILTERS;

/** Fields of every request that runs a report. */
export const reportRunFields = {
  report: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a report id'),
  period: periodInput.optional(),
  common: commonFilters.default({}),
  params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/), z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()])).default({}),
};

export const reportRunInput = z.object(reportRunFields).strict();
export type ReportRunInput = z.input<typeof reportRunInput>;

export const reportPageInput = z.object({ ...reportRunFields, ...tableSpecFields }).strict();
export type ReportPageInput = z.input<typeof reportPageInput>;

/** Totals/count/charts take the same row filters and search as the page (sort and paging do not apply). */
export const reportFilteredInput = z.object({ ...reportRunFields, filters: tableSpecFields.filters, search: tableSpecFields.search }).strict();
export type ReportFilteredInput = z.input<typeof reportFilteredInput>;

export interface ReportPage {
  report: string;
  period: ResolvedPeriod;
  /** Arrow IPC stream; columns in the order of `columns`, in wire form. */
  arrow: Uint8Array;
  offset: number;
  rowCount: number;
  total: number | null;
  columns: ReportColumnMeta[];
}

export interface ReportTotals {
  report: string;
  period: ResolvedPeriod;
  rows: number;
  values: ReportValues;
}

export interface ChartData {
  report: string;
  chart: string;
  period: ResolvedPeriod;
  /** x values in wire form (and y values for heatmaps). */
  x: (string | number | null)[];
  y?: (string | number | null)[];
  /** One entry per series column (per column and `by` group when the chart splits by a column). */
  series: { column: string; group?: string | null; values: (string | number | null)[]; previous?: (string | number | null)[] }[];
}

export interface ReportComparison {
  report: string;
  period: ResolvedPeriod;
  previous: ResolvedPeriod;
  /** The same period one year earlier; null (with its totals) when there is no activity then. */
  lastYear: ResolvedPeriod | null;
  current: ReportValues;
  previousValues: ReportValues;
  lastYearValues: ReportValues | null;
  /**
   * Change vs the previous window per numeric column: relative ((cur - prev) / |prev|, null when prev is 0 or
   * null) for amounts and counts, the difference in percentage points (cur - prev, 0..1 scale) for percent columns.
   */
  variation: Record<string, number | null>;
  variationLastYear: Record<string, number | null> | null;
}

export const reports = {
  /** Every report with its metadata (titles, columns, parameters, filters, charts). */
  'reports.list': method<ReportMeta[]>()('Every report with its metadata (titles, columns, parameters, filters, charts).', z.object({}).strict()),
  /** A page of a report as Arrow IPC bytes, sorted, filtered and searched in DuckDB over declared columns. */
  'reports.page': method<ReportPage>()('A page of a report as Arrow IPC bytes, sorted, filtered and searched in DuckDB over declared columns.', reportPageInput),
  /** The number of rows of a report after its row filters and search. */
  'reports.count': method<{ report: string; period: ResolvedPeriod; total: number }>()('The number of rows of a report after its row filters and search.', reportFilteredInput),
  /** The totals row of a report (sums, ratios recomputed from parts, distinct counts). */
  'reports.totals': method<ReportTotals>()('The totals row of a report (sums, ratios recomputed from parts, distinct counts).', reportFilteredInput),
  /** The series of one of the report's charts, with the previous period where the chart asks for it. */
  'reports.chart': method<ChartData>()(
    "The series of one of the report's charts, with the previous period where the chart asks for it.",
    z.object({ ...reportFilteredInput.shape, chart: z.string().regex(/^[a-z0-9_-]{1,64}$/) }).strict(),
  ),
  /** Totals of the period vs the previous period and the same period last year, with variations. */
  'reports.compare': method<ReportComparison>()('Totals of the period vs the previous period and the same period last year, with variations.', reportFilteredInput),
  /** Every dashboard KPI for a period with the previous period, variation and a daily sparkline, in one call. */
  'reports.dashboard': method<DashboardResult>()(
    'Every dashboard KPI for a period with the previous period, variation and a daily sparkline, in one call.',
    z.object({ period: periodInput.optional(), common: commonFilters.default({}) }).strict(),
  ),
};
