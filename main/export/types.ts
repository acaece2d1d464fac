// What every export writer takes: a DuckDB query of the full filtered result plus the column metadata,
// titles, period and filters that describe it to people. Writers never see report ids or the registry.
import type { DuckDBValue } from '@duckdb/node-api';
import type { CodeListName } from '../../shared/codeLists';
import type { ColumnMeta, ColumnType, LocalizedText } from '../../shared/types';

export type Locale = 'pt-BR' | 'en';
export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'parquet';
/** standard: `,` and `.`, UTF-8; excel-br: `;`, `,` decimal mark, UTF-8 with BOM, dates DD/MM/YYYY. */
export type CsvDialect = 'standard' | 'excel-br';

/** Column metadata as exports need it: shared ColumnMeta plus the report's display hints. */
export interface ExportColumn extends Omit<ColumnMeta, 'total'> {
  type: ColumnType;
  /** currency, percent, count, days... (percent values are 0..1 ratios). */
  unit?: string;
  /** Date grain: day, week, month, year (changes how dates are shown). */
  format?: string;
  decimals?: number;
  /** sum/avg/min/max/count get a formula in XLSX; ratio/distinct take the engine's value. */
  total?: string;
  /** The values are codes of this list: files for people carry its words. */
  codes?: CodeListName;
  /** What an empty value means, in words ("Online", "Sem profissional"). */
  empty?: LocalizedText;
  /** An internal key: in CSV, XLSX and Parquet for analysts, left out of the PDF people read. */
  key?: boolean;
}

export type WireValue = string | number | boolean | null;

export interface ExportChartSeries {
  label: LocalizedText;
  values: (number | null)[];
  as: 'bar' | 'line' | 'area';
  axis?: 'left' | 'right';
  stack?: string;
  /** Percent series are drawn and labelled as ratios. */
  unit?: string;
}

/** A chart's data already aggregated by the engine (same numbers the screen shows). */
export interface ExportChart {
  title: LocalizedText;
  kind: string;
  xLabel: LocalizedText;
  x: (string | number | null)[];
  /** Heatmaps: the second axis; then series[0].values is x-major (x.length * y.length). */
  y?: (string | number | null)[];
  yLabel?: LocalizedText;
  series: ExportChartSeries[];
}

export interface ExportSource {
  title: LocalizedText;
  /** SQL of the full filtered, sorted result; one column per entry of `columns`, named by its id, native types. */
  sql: string;
  params: DuckDBValue[];
  columns: ExportColumn[];
  /** Business-local dates, inclusive ('YYYY-MM-DD'); null when the export has no period. */
  period: { from: string; to: string } | null;
  /** The filters and parameters applied, in words. */
  filters: { label: LocalizedText; value: string }[];
  /** The totals row as the engine computes it (wire form); absent = computed by the writer from sum/avg/min/max/count. */
  totals?: Record<string, WireValue> | null;
  /** Rows of the result when already known (progress totals). */
  rowCount?: number | null;
  chart?: ExportChart | null;
}

/** Who the export is for: locale, business name and currency come from settings. */
export interface ExportContext {
  locale: Locale;
  businessName: string;
  currency: string;
  timezone: string;
  /** Generation time (tests fix it). */
  now: Date;
}

export interface ExportResult {
  path: string;
  rows: number;
  bytes: number;
  format: ExportFormat;
}

export function text(t: LocalizedText | undefined, locale: Locale, fallback = ''): string {
  return t ? t[locale] || t['pt-BR'] || t.en : fallback;
}

export function columnLabel(c: ExportColumn, locale: Locale): string {
  return text(c.label, locale, c.id);
}
