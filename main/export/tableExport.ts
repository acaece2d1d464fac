// export.table: one canonical table, every row in key order, as CSV or XLSX that Painel imports back to identical
// rows. Column names are the table's own (so the file is recognised as the table even renamed), money and
// quantities exact, instants with their offset, ids as text, NULLs as empty cells. Written by the one CSV writer and
// the streaming XLSX writer; an XLSX past Excel's row limit is refused before the job starts, naming CSV and Parquet.
import type { z } from 'zod';
import type ExcelJS from 'exceljs';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { tableExportInput } from '../../shared/api/export';
import type { JobSnapshot } from '../../shared/events';
import type { ColumnType } from '../../shared/types';
import { jobTitle } from '../../shared/jobs';
import type { Engine } from '../engine/engine';
import type { JobContext } from '../jobs/jobRunner';
import { TABLE_SPECS, type CanonicalTable, type ColumnKind } from '../model/schema';
import { sqlIdent } from '../sql/quote';
import { AppError } from '../store/errors';
import { defaultDialect, writeCsv } from './csvExport';
import { exportContext, planTarget, startExportJob } from './exportJob';
import { formatterOf } from './layout';
import { loadExcel } from './lazyLibs';
import { xlsxExpr } from './projection';
import type { ExportColumn, ExportContext, ExportSource } from './types';
import { addDataSheets, MAX_SHEET_ROWS } from './xlsxExport';

export type TableExportRequest = z.output<typeof tableExportInput>;

/** Data rows one XLSX sheet holds under its header row. */
export const XLSX_MAX_DATA_ROWS = MAX_SHEET_ROWS - 1;

/** How each kind of stored value is written: text kinds stay text (instants as text with their offset, exactly). */
const TYPE_OF: Record<ColumnKind, ColumnType> = { id: 'text', text: 'text', ts: 'text', money: 'money', qty: 'decimal', rate: 'decimal', int: 'integer', date: 'date', bool: 'boolean' };
/** Decimal places of the exact number kinds (their DECIMAL scale). */
const SCALE: Partial<Record<ColumnKind, number>> = { money: 2, qty: 3, rate: 4 };

/** The table as an export source: its columns by their own names, in key order. */
export function tableSource(table: CanonicalTable): ExportSource {
  const spec = TABLE_SPECS[table];
  const columns: ExportColumn[] = spec.columns.map((c) => ({ id: c.name, label: { 'pt-BR': c.name, en: c.name }, type: TYPE_OF[c.kind], decimals: SCALE[c.kind] }));
  const cols = spec.columns.map((c) => sqlIdent(c.name)).join(', ');
  return {
    title: spec.label,
    sql: `SELECT ${cols} FROM ${sqlIdent(table)} ORDER BY ${spec.key.map(sqlIdent).join(', ')}`,
    params: [],
    columns,
    period: null,
    filters: [],
    totals: null,
  };
}

/**
 * A decimal's exact text as a spreadsheet number when the number is exactly that decimal (up to 15 significant
 * digits: 10^(15 - scale)), else kept as text, so no value ever changes on the way through Excel.
 */
export function exactNumber(scale: number): (v: DuckDBValue) => ExcelJS.CellValue {
  const limit = 10 ** (15 - scale);
  return (v) => {
    if (typeof v !== 'string') return v as ExcelJS.CellValue;
    const n = Number(v);
    return Math.abs(n) < limit ? n : v;
  };
}

/** Writes the table as a workbook with one sheet, named after the table in the reader's language. */
export async function writeTableXlsx(conn: DuckDBConnection, table: CanonicalTable, ctx: ExportContext, path: string, job: JobContext, rowCount: number | null): Promise<number> {
  const source = { ...tableSource(table), rowCount };
  const spec = TABLE_SPECS[table];
  const convert = new Map<number, (v: DuckDBValue) => ExcelJS.CellValue>();
  spec.columns.forEach((c, i) => {
    const scale = SCALE[c.kind];
    if (scale !== undefined) convert.set(i, exactNumber(scale));
  });
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'Painel';
  wb.created = ctx.now;
  const expr = (c: ExportColumn, sqlType: string | undefined) =>
    c.type === 'text' || c.type === 'money' || c.type === 'decimal' ? `CAST(${sqlIdent(c.id)} AS VARCHAR)` : xlsxExpr(c, sqlType);
  const rows = await addDataSheets(wb, conn, source, ctx, job, spec.label[ctx.locale].slice(0, 31), { expr, convert });
  await wb.commit();
  return rows;
}

async function countRows(engine: Engine, table: CanonicalTable): Promise<number> {
  const r = await engine.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${sqlIdent(table)}`);
  return Number(r[0].n);
}

export async function startTableExport(engine: Engine, input: TableExportRequest): Promise<JobSnapshot> {
  const ctx = await exportContext(engine, input.locale);
  const spec = TABLE_SPECS[input.table];
  const rows = await countRows(engine, input.table);
  const label = spec.label[ctx.locale];
  if (input.format === 'xlsx' && rows > XLSX_MAX_DATA_ROWS) {
    const f = formatterOf(ctx);
    throw new AppError(
      'BAD_INPUT',
      ctx.locale === 'pt-BR'
        ? `A tabela ${label} tem ${f.integer(rows)} linhas e uma planilha XLSX comporta até ${f.integer(XLSX_MAX_DATA_ROWS)}. Exporte em CSV, ou todos os dados em Parquet.`
        : `The ${label} table has ${f.integer(rows)} rows and an XLSX sheet holds up to ${f.integer(XLSX_MAX_DATA_ROWS)}. Export it as CSV, or all data as Parquet.`,
      { rows, maxRows: XLSX_MAX_DATA_ROWS, use: ['csv', 'parquet'] },
    );
  }
  const format = input.format.toUpperCase();
  const { target } = planTarget(engine, input, `${label} ${ctx.now.toISOString().slice(0, 10)}`, `.${input.format}`);
  return startExportJob(engine, {
    kind: 'export',
    title: jobTitle(`Exportar tabela ${spec.label['pt-BR']} (${format})`, `Export table ${spec.label.en} (${format})`),
    target,
    format: input.format,
    download: true,
    write: async (path, job) => {
      const conn = engine.db.readConnection();
      if (input.format === 'xlsx') return writeTableXlsx(conn, input.table, ctx, path, job, rows);
      return writeCsv(conn, { ...tableSource(input.table), rowCount: rows }, ctx, input.csvDialect ?? defaultDialect(ctx.locale), path, job, 'ids');
    },
  });
}
