// How files name the canonical tables and columns: headers reduced to column names, file and sheet names to tables.
// The tables themselves (columns, kinds, required, closed lists, keys) are the model's (main/model/schema.ts).
import { TABLE_SPECS, type CanonicalTable } from '../model/schema';

export { TABLE_SPECS, type ColumnSpec, type TableSpec } from '../model/schema';

/** A header as written in a file, reduced to the canonical column form: lower case, no accents, words joined by _. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The canonical table a file or sheet name stands for (sales.csv, Sales, "sale lines" -> sale_lines), or null. */
export function tableForName(name: string): CanonicalTable | null {
  const n = normalizeHeader(name);
  return (n in TABLE_SPECS ? n : null) as CanonicalTable | null;
}

/**
 * The canonical table a header is exactly the columns of (Painel's own table export, renamed "vendas (1).csv"), or
 * null: every column of the file is one of the table's, and they are all of the table's columns.
 */
export function tableForHeader(header: string[]): CanonicalTable | null {
  const cols = new Set(header.map(normalizeHeader).filter(Boolean));
  for (const [t, spec] of Object.entries(TABLE_SPECS)) {
    if (cols.size === spec.columns.length && spec.columns.every((c) => cols.has(c.name))) return t as CanonicalTable;
  }
  return null;
}
