// Plain data types both sides agree on: column metadata and table pages.

export type ColumnType = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'timestamp' | 'boolean' | 'json';

export interface LocalizedText {
  'pt-BR': string;
  en: string;
}

export interface ColumnMeta {
  id: string;
  label?: LocalizedText;
  type: ColumnType;
  /** How totals add up in a totals row (none for ids and text). */
  total?: 'sum' | 'avg' | 'min' | 'max' | 'count' | 'none';
  /** Searchable by free-text search. */
  searchable?: boolean;
}

/** A page of table rows: Arrow IPC bytes plus metadata. */
export interface TablePage {
  arrow: Uint8Array;
  offset: number;
  rowCount: number;
  /** Total rows matching the filters (null when not asked for). */
  total: number | null;
  columns: ColumnMeta[];
}

// The canonical tables are defined once, in the model.
export { CANONICAL_TABLES, type CanonicalTable } from './model/tables';
