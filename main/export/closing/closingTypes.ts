// The monthly closing pack as plain data, built once from the reports and then laid out as PDF or XLSX:
// a header, sections of statement lines (bruto − deduções = líquido) and tables, and notes on date rules.
import type { LocalizedText } from '../../../shared/types';
import type { ExportColumn, WireValue } from '../types';

export interface ClosingLine {
  label: LocalizedText;
  /** Money as exact decimal text; counts as numbers. */
  value: WireValue;
  /** base: a starting figure; minus/plus: a deduction or addition; result: the bold outcome; info: shown apart. */
  kind: 'base' | 'minus' | 'plus' | 'result' | 'info';
  /** The report the figure comes from. */
  source?: string;
  note?: LocalizedText;
  /** Counts are shown as numbers, not money. */
  count?: boolean;
}

export interface ClosingTable {
  title?: LocalizedText;
  columns: ExportColumn[];
  /** Wire values in column order. */
  rows: WireValue[][];
  /** Totals in column order (the report engine's totals), or null. */
  total: WireValue[] | null;
  source?: string;
}

export interface ClosingSection {
  id: string;
  title: LocalizedText;
  lines: ClosingLine[];
  tables: ClosingTable[];
  notes: LocalizedText[];
}

export interface ClosingHeader {
  legalName: string;
  businessName: string;
  cnpj: string;
  taxRegime: LocalizedText;
  /** 'YYYY-MM'. */
  month: string;
  from: string;
  to: string;
  basis: LocalizedText;
  sources: { name: string; kind: string; lastSync: string | null }[];
  /** Channels with completed sales this month (from sales-by-channel). */
  channels: string[];
}

export interface ClosingPack {
  header: ClosingHeader;
  sections: ClosingSection[];
  /** Key figures by name (exact text), for the transaction annex check and tests. */
  figures: Record<string, string>;
}
