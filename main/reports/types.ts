// What a report definition is (DESIGN.md decision 3, "reports are data"): metadata plus a SQL builder that gets
// a context of bound parameters, the resolved periods, the common filters as SQL, the parameters and settings.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Settings } from '../../shared/settings';
import type { CommonFilters } from '../../shared/api/reports';
import type { ChartSpec, ReportColumnMeta, ReportMeta, ReportParamMeta, ResolvedPeriod } from '../../shared/reports';
import type { LocalizedText } from '../../shared/types';
import type { RollupAccess } from './rollupSource';

/** Analytics data a report may use when present; detected at query time, never faked. */
export interface Availability {
  /** rfm_snapshots holds at least one snapshot. */
  rfm: boolean;
  /** customer_value holds the scores of a fitted customer-value model. */
  customerValue: boolean;
  /** A daily revenue forecast has been stored (forecast_runs / forecast_points). */
  forecast: boolean;
}

/** A totals aggregate: plain SQL, or SQL built around distinct counts of list columns (see aggregate.ts). */
export type TotalSql = string | ((distinct: (listCol: string) => string) => string);

export interface ReportColumnDef extends ReportColumnMeta {
  /** SQL type of the column in the result (filter values are cast to it). */
  sqlType: string;
  /**
   * For 'ratio' and 'distinct' totals: an aggregate over the filtered result rows `r` (may use hidden columns);
   * as a function it receives `distinct(listCol)`, the distinct count of a list column fit for where it runs.
   */
  totalSql?: TotalSql;
  /** Present only when this analytics data exists. */
  requires?: keyof Availability;
}

/** A column the result carries only so totals can be computed (never shown, sorted or filtered). */
export interface HiddenColumnDef {
  id: string;
  sqlType: string;
}

export type ParamValue = string | number | boolean | null;

export interface FactsOptions {
  /** First / last business date as SQL DATE expressions; omitted = the period's, null = open. */
  from?: string | null;
  to?: string | null;
  /** false leaves out the identity join (and customer_key) when the query does not read it. */
  customerKey?: boolean;
}

export interface ReportContext {
  /** Binds a value and returns its placeholder ($n). */
  p(value: DuckDBValue): string;
  period: ResolvedPeriod;
  previous: ResolvedPeriod;
  /** SQL DATE constants of the period's first and last business dates (reading them binds nothing). */
  from: string;
  to: string;
  /**
   * The period condition on an alias of v_sales, v_payments or v_report_lines (rows whose business date is in
   * the period), written so DuckDB prunes by occurred_at before converting time zones.
   */
  inPeriod(alias: string): string;
  /** Like inPeriod with other bounds (SQL DATE expressions; null = open). */
  between(alias: string, from: string | null, to: string | null): string;
  /**
   * FROM-clause subqueries of the rows whose business date lies in the period (or between other SQL DATE
   * bounds; null = open): sales and payments with the v_sales / v_payments columns, lines as v_report_lines.
   */
  sales(opts?: FactsOptions): string;
  payments(opts?: FactsOptions): string;
  lines(opts?: FactsOptions): string;
  /** A TIMESTAMPTZ expression whose business date lies between two SQL DATE expressions (null = open). */
  tsIn(ts: string, from: string | null, to: string | null): string;
  params: Record<string, ParamValue>;
  common: CommonFilters;
  settings: Settings;
  has: Availability;
  /** Common-filter condition ('TRUE' when none) for a v_sales alias. */
  salesFilter(alias: string): string;
  /** Common-filter condition for a v_sale_lines alias (employee = the line's staff, category = the line's item). */
  linesFilter(alias: string): string;
  /** Common-filter condition for a v_payments alias (through the payment's sale). */
  paymentsFilter(alias: string): string;
  /** RFM-cluster condition on a customer-key expression ('TRUE' when no cluster filter). */
  customerFilter(keyExpr: string): string;
  /** A table of each unified customer's first completed sale ever: customer_key, first_at, first_d (see firsts.ts). */
  firsts(): string;
  /** The SQL of the RFM snapshot date used for this period (NOT_READY when there is none). */
  rfmAsOf(): string;
  /**
   * The daily rollups, when they can answer this request (current, and filters they express); null = read base
   * rows. A report reading them must give exactly what its base-row SQL gives.
   */
  rollups: RollupAccess | null;
}

/** One table of a report: its columns, sort, charts and SQL. */
export interface ReportViewDef {
  id: string;
  title: LocalizedText;
  columns: ReportColumnDef[];
  hidden?: HiddenColumnDef[];
  defaultSort: { column: string; desc: boolean }[];
  charts: ChartSpec[];
  /** Only available when this analytics data exists (NOT_READY otherwise). */
  requires?: keyof Availability;
  /** The full result SQL; the engine wraps it as `WITH r AS (...)` for paging, totals, counts and charts. */
  sql(ctx: ReportContext): string;
}

/**
 * A report: metadata, its own parameters and its default table (columns, sort, charts, SQL). Reports with
 * several tables (cohorts, campaigns) list further views, chosen with the implicit `view` parameter.
 */
export interface ReportDefinition extends Omit<ReportMeta, 'columns' | 'params' | 'views' | 'defaultSort' | 'charts'>, Omit<ReportViewDef, 'id' | 'title' | 'requires'> {
  params: ReportParamMeta[];
  /** Id and title of the default table when there are further views. */
  view?: { id: string; title: LocalizedText };
  views?: ReportViewDef[];
}
