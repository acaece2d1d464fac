// import.*: load canonical files (CSV, Parquet, XLSX) and shop exports into the canonical tables, and read back rejects.
import { z } from 'zod';
import { method } from './define';
import type { JobSnapshot } from '../events';

/** Rows of one canonical table touched by one file. */
export interface ImportTableCounts {
  table: string;
  /** Rows with a new id. */
  loaded: number;
  /** Rows whose id existed with different content and were replaced. */
  replaced: number;
  /** Rows identical to what was already stored (a re-import changes nothing). */
  unchanged: number;
  /** Rows refused into import_rejects. */
  rejected: number;
}

/** How a CSV file was read (detected, never asked). */
export interface CsvDialect {
  delimiter: string;
  decimal: '.' | ',';
  encoding: 'utf-8' | 'latin-1';
}

export interface ImportFileSummary {
  /** Absolute path of the file. */
  file: string;
  /** Sheet name for XLSX workbooks. */
  sheet?: string;
  format: 'csv' | 'parquet' | 'xlsx';
  /** canonical = file/sheet name is a table name; otherwise the shop export the header was recognised as. */
  mapping: 'canonical' | 'woocommerce-orders' | 'bling-vendas' | 'sheet' | null;
  /** The saved mapping a flat sheet was loaded with. */
  template?: string;
  /** Set when the file is a spreadsheet whose columns must be mapped first (nothing of it was written). */
  needsMapping?: boolean;
  dialect?: CsvDialect;
  bytes: number;
  /** Data rows read from the file. */
  rows: number;
  tables: ImportTableCounts[];
  /** Columns that are not part of the table; kept out and listed here. */
  unknownColumns: string[];
  /** Set when the whole file failed (nothing of it was loaded), e.g. a missing required column. */
  error?: { code: string; message: string };
  ms: number;
}

/** The result of an import job. */
export interface ImportSummary {
  importId: string;
  files: ImportFileSummary[];
  /** Totals per table over every file. */
  tables: ImportTableCounts[];
  rejected: number;
  failedFiles: number;
  /** Customer matching re-run after customers changed. */
  identity: { linkedCustomers: number; groups: number } | null;
  ms: number;
}

/** One refused row. `line` is the physical line of the file (1 = header) or the sheet/Parquet row. */
export interface ImportReject {
  importId: string | null;
  file: string;
  table: string | null;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  importedAt: string;
}

/** One file of a past import (import_log). */
export interface ImportLogEntry {
  importId: string;
  file: string;
  table: string | null;
  format: string | null;
  loaded: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  unknownColumns: string[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The import was undone (its rows removed). */
  undone?: boolean;
}

/** A mapped column as the app shows it: field id -> source column, how it was chosen and what the values look like. */
export interface SheetColumnSuggestion {
  column: string;
  field: string | null;
  detected: 'date' | 'money' | 'phone' | 'email' | 'cpf' | 'yesno' | 'method' | 'number' | null;
  by: 'header' | 'values' | 'template' | null;
}

/** A suggested (or saved) mapping of a flat sheet. */
export interface SheetSuggestion {
  /** Field id (sale.date, customer.name, line.total...) -> source column. */
  mapping: Record<string, string>;
  columns: SheetColumnSuggestion[];
  /** Field ids a sheet cannot do without that no column is mapped to. */
  missing: string[];
  dateOrder: 'dmy' | 'mdy';
  decimal: '.' | ',';
}

/** A first look at a file: what it is and, for a sheet to map, its columns, first rows and suggested mapping. */
export interface SheetInspect {
  file: string;
  name: string;
  sheet?: string;
  kind: 'canonical' | 'shop' | 'sheet';
  table?: string;
  /** A folder or Painel's Parquet dataset .zip: the canonical tables it holds (by their folder or file names). */
  tables?: string[];
  header: string[];
  rows: string[][];
  /** The line of each row in the file (or sheet). */
  lines: number[];
  suggestion: SheetSuggestion | null;
  /** The saved template that fits this header shape. */
  template: string | null;
  /** Why this file is not imported (Painel's own report export), in the business language. */
  refusal?: string;
}

/** The first rows of a sheet as they will land: per mapped column, the value or the problem. */
export interface SheetPreview {
  columns: { field: string; column: string }[];
  rows: { line: number; cells: { raw: string; value: string | null; problem: 'date' | 'time' | 'number' | 'yesno' | 'status' | 'email' | null | string }[] }[];
  missing: string[];
}

export interface SheetTemplateInfo {
  name: string;
  mapping: Record<string, string>;
  dateOrder: 'dmy' | 'mdy';
  decimal: '.' | ',';
  updatedAt: string;
}

const pathText = z.string().min(1).max(4096);
const planSchema = z
  .object({
    mapping: z.record(z.string().min(1).max(64), z.string().max(500)),
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
    decimal: z.enum(['.', ',']).default(','),
    saveAs: z.string().min(1).max(120).optional(),
  })
  .strict();

export const importDomain = {
  /** Imports files or folders (canonical CSV/Parquet/XLSX, WooCommerce and Bling exports) as a job; the result is an ImportSummary. */
  'import.run': method<JobSnapshot>()(
    'Imports files or folders (canonical CSV/Parquet/XLSX, WooCommerce and Bling exports) as a job; the result is an ImportSummary.',
    z
      .object({
        paths: z.array(pathText).min(1).max(1000),
        /** Confirmed mappings per file path (or path#sheet for a workbook sheet). */
        plans: z.record(pathText, planSchema).optional(),
        /** A saved template for every file that needs a mapping. */
        template: z.string().min(1).max(120).optional(),
        /** Use the suggested mapping when no template fits. */
        acceptSuggested: z.boolean().optional(),
      })
      .strict(),
  ),
  /** A first look at a file: canonical, shop export or a sheet to map (with its first rows and suggested mapping). */
  'import.inspect': method<SheetInspect>()(
    'A first look at a file: canonical, shop export or a sheet to map (with its first rows and suggested mapping).',
    z.object({ path: pathText }).strict(),
  ),
  /** The first rows of a sheet as they will land under a mapping, with per-cell problems and missing fields. */
  'import.preview': method<SheetPreview>()(
    'The first rows of a sheet as they will land under a mapping, with per-cell problems and missing fields.',
    z.object({ path: pathText, plan: planSchema }).strict(),
  ),
  /** Saved mapping templates. */
  'import.templates': method<SheetTemplateInfo[]>()('Saved mapping templates.', z.object({}).strict()),
  /** Deletes a saved mapping template. */
  'import.deleteTemplate': method<{ deleted: string }>()('Deletes a saved mapping template.', z.object({ name: z.string().min(1).max(120) }).strict()),
  /** Undoes an import: the rows it added are removed, every other row stays. */
  'import.undo': method<{ tables: { table: string; rows: number }[] }>()(
    'Undoes an import: the rows it added are removed, every other row stays.',
    z.object({ importId: z.string().min(1).max(64) }).strict(),
  ),
  /** Removes the demo data (rows added by file imports and by connected sources stay). */
  'import.removeDemo': method<{ tables: { table: string; rows: number }[] }>()('Removes the demo data (rows added by file imports and by connected sources stay).', z.object({}).strict()),
  /** Rows refused by imports, newest first, with file, line, column, value and reason. */
  'import.rejects': method<{ rows: ImportReject[]; total: number }>()(
    'Rows refused by imports, newest first, with file, line, column, value and reason.',
    z
      .object({
        importId: z.string().min(1).max(64).optional(),
        file: pathText.optional(),
        table: z.string().min(1).max(64).optional(),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
  ),
  /** Files of past imports, newest first, with their counts. */
  'import.history': method<ImportLogEntry[]>()(
    'Files of past imports, newest first, with their counts.',
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
};
