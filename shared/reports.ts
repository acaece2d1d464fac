// Report metadata that crosses to the renderer and to exports: categories, columns, parameters, common filters,
// date presets, chart specs and drill-down hints. Plain data only; the SQL lives in main/reports/.
import type { CodeListName } from './codeLists';
import type { ColumnType, LocalizedText } from './types';

/** The five catalogue categories of reports.md plus the extra ones. */
export const REPORT_CATEGORIES = ['sales', 'finance', 'appointments', 'team', 'customers', 'profitability', 'marketplace'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, LocalizedText> = {
  sales: { 'pt-BR': 'Vendas e receita', en: 'Sales & revenue' },
  finance: { 'pt-BR': 'Financeiro e pagamentos', en: 'Finance & payments' },
  appointments: { 'pt-BR': 'Agendamentos', en: 'Appointments & bookings' },
  team: { 'pt-BR': 'Equipe', en: 'Team & staff' },
  customers: { 'pt-BR': 'Clientes', en: 'Customers & clients' },
  profitability: { 'pt-BR': 'Rentabilidade', en: 'Profitability' },
  marketplace: { 'pt-BR': 'Marketplace', en: 'Marketplace' },
};

/** Date presets, resolved in the business time zone. `all` spans all recorded activity. */
export const DATE_PRESETS = ['today', 'this_week', 'this_month', 'last_month', 'last_30_days', 'last_90_days', 'this_year', 'all', 'custom'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Record<DatePreset, LocalizedText> = {
  today: { 'pt-BR': 'Hoje', en: 'Today' },
  this_week: { 'pt-BR': 'Esta semana', en: 'This week' },
  this_month: { 'pt-BR': 'Este mês', en: 'This month' },
  last_month: { 'pt-BR': 'Mês passado', en: 'Last month' },
  last_30_days: { 'pt-BR': 'Últimos 30 dias', en: 'Last 30 days' },
  last_90_days: { 'pt-BR': 'Últimos 90 dias', en: 'Last 90 days' },
  this_year: { 'pt-BR': 'Este ano', en: 'This year' },
  all: { 'pt-BR': 'Todo o período', en: 'All time' },
  custom: { 'pt-BR': 'Personalizado', en: 'Custom' },
};

/** The common filters every report may take (each report declares which apply). */
export const COMMON_FILTERS = ['location', 'employee', 'source', 'category', 'rfmCluster'] as const;
export type CommonFilterId = (typeof COMMON_FILTERS)[number];

export const COMMON_FILTER_LABELS: Record<CommonFilterId, LocalizedText> = {
  location: { 'pt-BR': 'Unidade', en: 'Location' },
  employee: { 'pt-BR': 'Profissional', en: 'Employee' },
  source: { 'pt-BR': 'Canal', en: 'Source / channel' },
  category: { 'pt-BR': 'Categoria', en: 'Item category' },
  rfmCluster: { 'pt-BR': 'Grupo RFM', en: 'RFM cluster' },
};

/** A resolved period: business-local calendar dates, both inclusive ('YYYY-MM-DD'). */
export interface ResolvedPeriod {
  preset: DatePreset;
  from: string;
  to: string;
  days: number;
  /** On a compared window: how it relates to the period (the subtitle names it). */
  basis?: CompareBasis;
  /** On a compared window: only what happened up to this business-local hour (0-23, inclusive) counts. */
  untilHour?: number;
}

/** How a compared window was chosen (see comparePeriods in main/reports/period.ts). */
export const COMPARE_BASES = [
  'previous_months',
  'same_days_previous_month',
  'same_days_last_year',
  'same_dates_last_year',
  'same_weekday_last_week',
  'same_weekdays_last_week',
  'same_weekday_last_year',
  'same_weekdays_last_year',
  'days_before',
  'yesterday_same_hour',
] as const;
export type CompareBasis = (typeof COMPARE_BASES)[number];

export const COMPARE_BASIS_LABELS: Record<CompareBasis, LocalizedText> = {
  previous_months: { 'pt-BR': 'mesmo número de meses antes', en: 'the same number of months before' },
  same_days_previous_month: { 'pt-BR': 'mesmos dias do mês anterior', en: 'the same days of the previous month' },
  same_days_last_year: { 'pt-BR': 'mesmos dias do ano anterior', en: 'the same days of last year' },
  same_dates_last_year: { 'pt-BR': 'mesmas datas do ano anterior', en: 'the same dates last year' },
  same_weekday_last_week: { 'pt-BR': 'mesmo dia da semana passada', en: 'the same weekday last week' },
  same_weekdays_last_week: { 'pt-BR': 'mesmos dias da semana passada', en: 'the same weekdays last week' },
  same_weekday_last_year: { 'pt-BR': 'mesmo dia da semana, 52 semanas antes', en: 'the same weekday 52 weeks before' },
  same_weekdays_last_year: { 'pt-BR': 'mesmos dias da semana, 52 semanas antes', en: 'the same weekdays 52 weeks before' },
  days_before: { 'pt-BR': 'mesmo número de dias imediatamente antes', en: 'the same number of days just before' },
  yesterday_same_hour: { 'pt-BR': 'ontem até a mesma hora', en: 'yesterday up to the same hour' },
};

/** How a column's value in the totals row is made (always computed by the engine, in DuckDB). */
export type ReportTotal =
  | 'sum'
  | 'avg'
  | 'min'
  | 'max'
  | 'count'
  | 'none'
  /** A ratio or rate recomputed from the summed parts (e.g. average ticket = total / sales, rounded). */
  | 'ratio'
  /** A distinct count over the whole filtered result (e.g. unique customers), not a sum of rows. */
  | 'distinct';

/** Display hints; values stay exact (money as decimal text, percent as a 0..1 ratio). */
export type ReportUnit = 'currency' | 'percent' | 'count' | 'days' | 'minutes' | 'hours' | 'points' | 'quantity';
/** How a date column is shown: a day, the month it starts, the ISO week it starts, or a plain number grain. */
export type ReportFormat = 'day' | 'week' | 'month' | 'year' | 'hour' | 'weekday';

/** What clicking a cell opens. */
export type DrillHint =
  /** The value is a customer id: open Customer 360. */
  | { kind: 'customer' }
  /** The value is a business date: open that day's sales. */
  | { kind: 'daySales' }
  /** The value is a sale id: open the sale. */
  | { kind: 'sale' }
  /** Open another report with a parameter or common filter taken from this row. */
  | { kind: 'report'; report: string; common?: CommonFilterId; param?: string };

export interface ReportColumnMeta {
  id: string;
  label: LocalizedText;
  type: ColumnType;
  unit?: ReportUnit;
  format?: ReportFormat;
  /** Decimal places to show (money defaults to 2). */
  decimals?: number;
  total: ReportTotal;
  /** Included in free-text search. */
  searchable: boolean;
  drill?: DrillHint;
  /** Shown only after the user asks for it (long tables). */
  optional?: boolean;
  /** A rise is bad news (refunds, discounts, fees, no-shows, cancellations): compared in red when it goes up. */
  lowerIsBetter?: boolean;
  /** The values are codes of this list: people read its words (screen, charts, exports), filters take the codes. */
  codes?: CodeListName;
  /** What an empty value means here, said in words ("Online" for a sale without a unit, "Sem profissional"...). */
  empty?: LocalizedText;
  /** An internal key (customer, unit, item... id): kept for analysts, hidden until chosen, always in exports. */
  key?: boolean;
}

export type ReportParamKind = 'enum' | 'integer' | 'boolean' | 'text' | 'date';

export interface ReportParamMeta {
  id: string;
  label: LocalizedText;
  kind: ReportParamKind;
  /** For enum parameters. */
  options?: { value: string; label: LocalizedText }[];
  default: string | number | boolean | null;
  min?: number;
  max?: number;
}

export type ChartKind = 'bar' | 'line' | 'area' | 'bar_line' | 'stacked_bar' | 'pie' | 'heatmap' | 'scatter';

export interface ChartSeriesSpec {
  /** A numeric column of the report. */
  column: string;
  /** Drawn as (default from the chart kind). */
  as?: 'bar' | 'line' | 'area';
  axis?: 'left' | 'right';
  stack?: string;
  /** Also draw the same column for the previous period (aligned by position). */
  comparePrevious?: boolean;
  /** Count rows instead of aggregating the column with its totals rule (e.g. customers per lifecycle). */
  count?: boolean;
}

/**
 * A chart over the report's own (filtered) rows, so ECharts options can be built generically both in the
 * renderer and server-side by exports: rows are grouped by `x` (and `y` for heatmaps), each series
 * aggregated with its column's totals rule, ordered by x (or by the first series, descending, with topN).
 */
export interface ChartSpec {
  id: string;
  title: LocalizedText;
  kind: ChartKind;
  x: string;
  /** Heatmaps: the second axis column. */
  y?: string;
  series: ChartSeriesSpec[];
  /** Keep the N largest x values by the first series (bars of top items). */
  topN?: number;
  /** Split every series into one series per distinct value of this column (stacked bars by method). */
  by?: string;
}

/** One table of a report with several (chosen with the `view` parameter); the first is the default. */
export interface ReportViewMeta {
  id: string;
  title: LocalizedText;
  columns: ReportColumnMeta[];
  defaultSort: { column: string; desc: boolean }[];
  charts: ChartSpec[];
  /** False while the analytics data it needs does not exist (asking for it answers NOT_READY). */
  available: boolean;
}

export interface ReportMeta {
  id: string;
  category: ReportCategory;
  title: LocalizedText;
  /** What the report tells the owner, in plain words. */
  description: LocalizedText;
  /** How its numbers are made (the definitions and formulas), behind a "Como é calculado" disclosure. */
  formula?: LocalizedText;
  columns: ReportColumnMeta[];
  params: ReportParamMeta[];
  /** The common filters this report accepts; others are refused. */
  filters: CommonFilterId[];
  defaultPreset: DatePreset;
  defaultSort: { column: string; desc: boolean }[];
  charts: ChartSpec[];
  /** Whether previous-period / last-year comparison makes sense for this report. */
  comparable: boolean;
  /** Analytics data this report uses when present (columns absent until then). */
  uses?: ('rfm' | 'customer_value' | 'segments')[];
  /** Reports with several tables: every view, the default first (columns/charts above are the default's). */
  views?: ReportViewMeta[];
}

/** Values of a totals row, keyed by column id, in wire form (money/decimal as text, integer/percent as number). */
export type ReportValues = Record<string, string | number | boolean | null>;

export const DASHBOARD_KPIS = [
  'gross_revenue',
  'net_revenue',
  'completed_sales',
  'average_ticket',
  'unique_customers',
  'new_customers',
  'returning_customers',
  'no_show_rate',
  'cancellation_rate',
  'occupancy',
  'rebooking_rate',
  'pix_share',
  'refunds',
  'discount_rate',
  'forecast_next_30_days',
] as const;
export type DashboardKpiId = (typeof DASHBOARD_KPIS)[number];

export interface DashboardKpi {
  id: DashboardKpiId;
  label: LocalizedText;
  /** What the figure means in plain words (shown on the card on hover and keyboard focus). */
  help: LocalizedText;
  type: ColumnType;
  unit: ReportUnit;
  /** Wire form: money as decimal text, counts and rates as numbers; null when not computable. */
  value: string | number | null;
  previous: string | number | null;
  /**
   * Against the previous window: relative change (value - previous) / |previous| for amounts and counts (null
   * when previous is zero or missing); for rates the difference in percentage points (value - previous, 0..1
   * scale), as `variationKind` says.
   */
  variation: number | null;
  variationKind: 'relative' | 'points';
  /** The same figure over the last-year window, and the variation against it (null when there is none). */
  lastYear: string | number | null;
  variationLastYear: number | null;
  /** True when part of the period is too recent for the figure's window (60-day return): it counts only the rest. */
  provisional?: boolean;
  /** One value per day of `days` (same wire form as value). */
  sparkline: (string | number | null)[];
  /** False when the data behind it does not exist yet (then value is null and `note` says why). */
  available: boolean;
  note?: string;
  /** For rates: true when a rise is bad (no-show, cancellation, refunds). */
  lowerIsBetter?: boolean;
}

export interface DashboardResult {
  period: ResolvedPeriod;
  /**
   * The windows compared (comparePeriods): null for all time, and last year when there is no such window. For
   * today while it is today, `lastYear` is the secondary comparison: yesterday up to the same hour (untilHour).
   */
  previous: ResolvedPeriod | null;
  lastYear: ResolvedPeriod | null;
  /** Sparkline buckets: days, or months when the period is longer than 366 days (all time). */
  grain: 'day' | 'month';
  /** The first business date of each sparkline bucket. */
  days: string[];
  kpis: DashboardKpi[];
}
