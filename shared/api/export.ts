// export.*: reports to CSV/XLSX/PDF/Parquet, the accountant's monthly closing pack, the canonical tables as a
// Parquet dataset (a folder, or one .zip to download), one canonical table as CSV/XLSX, and the per-employee
// partner setting (salão-parceiro) the closing pack uses. Exports are jobs.
import { z } from 'zod';
import { method } from './define';
import { reportRunFields } from './reports';
import { tableSpecFields } from './tableSpec';
import { CANONICAL_TABLES } from '../types';
import type { JobSnapshot } from '../events';
import type { LocalizedText } from '../types';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'parquet'] as const;
export type ExportFormatId = (typeof EXPORT_FORMATS)[number];

/** Where the file goes. Without a folder the engine writes into its own exports folder and offers a download. */
export const exportTargetFields = {
  /** An absolute folder (desktop: from the save dialog). */
  folder: z.string().min(1).max(4096).optional(),
  /** The file name inside the folder; it may not lead outside it. Default: from the report and period. */
  fileName: z.string().min(1).max(255).optional(),
  /** Replace an existing file; without it an existing file is a CONFLICT error (the UI asks, then retries). */
  overwrite: z.boolean().default(false),
  /** Titles, labels and number formats; default: the locale setting. */
  locale: z.enum(['pt-BR', 'en']).optional(),
};

export const exportRunInput = z
  .object({
    ...reportRunFields,
    filters: tableSpecFields.filters,
    search: tableSpecFields.search,
    sort: tableSpecFields.sort,
    format: z.enum(EXPORT_FORMATS),
    /** CSV only: standard (`,` `.`) or excel-br (`;` `,` BOM, DD/MM/YYYY); default by locale. */
    csvDialect: z.enum(['standard', 'excel-br']).optional(),
    /** CSV only: the header line names columns by label (files for people, default) or by id (scripts, the CLI). */
    csvHeader: z.enum(['labels', 'ids']).optional(),
    ...exportTargetFields,
  })
  .strict();
export type ExportRunInput = z.input<typeof exportRunInput>;

export const closeInput = z
  .object({
    /** Competência: the calendar month closed, 'YYYY-MM' (business time zone). */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
    format: z.enum(['pdf', 'xlsx']).default('pdf'),
    ...exportTargetFields,
  })
  .strict();

export const closingSummaryInput = z
  .object({
    /** The month; default the last complete month in the business time zone. */
    month: closeInput.shape.month.optional(),
    /** Overrides "today" (business date) for reproducible runs and tests. */
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();

/** One statement line of the closing pack (bruto − deduções = líquido), as the Fechamento page shows it. */
export interface ClosingSummaryLine {
  label: LocalizedText;
  /** Money as exact decimal text; counts as numbers. */
  value: string | number | boolean | null;
  kind: 'base' | 'minus' | 'plus' | 'result' | 'info';
  note?: LocalizedText;
  count?: boolean;
}

/** The closing pack's statement lines for one month, section by section (the files carry the tables too). */
export interface ClosingSummary {
  month: string;
  from: string;
  to: string;
  sections: { id: string; title: LocalizedText; lines: ClosingSummaryLine[] }[];
}

export const parquetInput = z
  .object({
    /** Tables to write (default: every canonical table). */
    tables: z.array(z.enum(CANONICAL_TABLES)).min(1).max(CANONICAL_TABLES.length).optional(),
    /** One .zip file of the dataset folder, offered for download (browser mode), instead of the folder itself. */
    zip: z.boolean().default(false),
    ...exportTargetFields,
  })
  .strict();

/** The file every Parquet dataset export carries at its top (folder or .zip): what the import knows it by. */
export const DATASET_MARKER = '_painel_export.json';

export const TABLE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export const tableExportInput = z
  .object({
    /** The canonical table; every row is written, in key order, and the file imports back to identical rows. */
    table: z.enum(CANONICAL_TABLES),
    format: z.enum(TABLE_EXPORT_FORMATS),
    /** CSV only: standard (`,` `.`) or excel-br (`;` `,` BOM, DD/MM/YYYY); default by locale. */
    csvDialect: z.enum(['standard', 'excel-br']).optional(),
    ...exportTargetFields,
  })
  .strict();
export type TableExportInput = z.input<typeof tableExportInput>;

/** What a finished export job returns as its result. */
export interface ExportJobResult {
  /** Absolute path of the finished file (or dataset folder). */
  path: string;
  fileName: string;
  format: ExportFormatId | 'closing-pdf' | 'closing-xlsx' | 'parquet-dataset' | 'parquet-zip';
  /** Data rows written (report rows; dataset: all tables). */
  rows: number;
  bytes: number;
  /** Browser mode: GET this path on the loopback host (with the token) to download the file; null for folders. */
  download: string | null;
}

export interface PartnerSetting {
  employeeId: string;
  name: string | null;
  /** Profissional-parceiro under Lei 13.352/2016: their share is not the salon's revenue. */
  partner: boolean;
  /** Commission rate of the employee (their share of the service revenue). */
  commissionRate: number | null;
}

const employeeId = z.string().min(1).max(200);

export const exportApi = {
  /** Exports all rows of a filtered report to CSV, XLSX, PDF or Parquet as a job; the result is an ExportJobResult. */
  'export.run': method<JobSnapshot>()('Exports all rows of a filtered report to CSV, XLSX, PDF or Parquet as a job; the result is an ExportJobResult.', exportRunInput),
  /** Builds the monthly closing pack (fechamento mensal) as PDF or XLSX as a job; the result is an ExportJobResult. */
  'export.close': method<JobSnapshot>()('Builds the monthly closing pack (fechamento mensal) as PDF or XLSX as a job; the result is an ExportJobResult.', closeInput),
  /** The closing pack's statement lines for a month (default: the last complete month), for the Fechamento page. */
  'export.closingSummary': method<ClosingSummary>()(
    "The closing pack's statement lines for a month (default: the last complete month), for the Fechamento page.",
    closingSummaryInput,
  ),
  /** Writes the canonical tables as a Parquet dataset folder, partitioned by month, as a job. */
  'export.parquet': method<JobSnapshot>()('Writes the canonical tables as a Parquet dataset folder, partitioned by month, as a job.', parquetInput),
  /** Writes one canonical table (every row) as CSV or XLSX that imports back to identical rows, as a job. */
  'export.table': method<JobSnapshot>()('Writes one canonical table (every row) as CSV or XLSX that imports back to identical rows, as a job.', tableExportInput),
  /** Every employee with the partner (salão-parceiro) setting the closing pack uses. */
  'export.partners': method<PartnerSetting[]>()('Every employee with the partner (salão-parceiro) setting the closing pack uses.', z.object({}).strict()),
  /** Marks an employee as a partner professional (Lei 13.352/2016) or not. */
  'export.setPartner': method<PartnerSetting>()('Marks an employee as a partner professional (Lei 13.352/2016) or not.', z.object({ employeeId, partner: z.boolean() }).strict()),
};
