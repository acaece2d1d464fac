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
}

const pathText = z.string().min(1).max(4096);

export const importDomain = {
  /** Imports files or folders (canonical CSV/Parquet/XLSX, WooCommerce and Bling exports) as a job; the result is an ImportSummary. */
  'import.run': method<JobSnapshot>()(
    'Imports files or folders (canonical CSV/Parquet/XLSX, WooCommerce and Bling exports) as a job; the result is an ImportSummary.',
    z.object({ paths: z.array(pathText).min(1).max(1000) }).strict(),
  ),
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
