// XLSX export through exceljs' streaming WorkbookWriter: rows arrive from DuckDB chunk by chunk as typed cells
// (numbers, Excel date serials, booleans, text), with R$/% formats, a bold frozen header, autofilter, a totals
// row of SUBTOTAL formulas, an "about" sheet and, for reports with a chart, the chart's data ready for Excel.
import type ExcelJS from 'exceljs';
import { loadExcel } from './lazyLibs';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { JobContext } from '../jobs/jobRunner';
import { streamRows } from './duckRun';
import { describeQuery, projectSql, totalsOf, xlsxExpr } from './projection';
import { excelNumFmt } from '../../shared/format';
import { columnWidth, formatterOf } from './layout';
import { columnLabel, text, type ExportColumn, type ExportContext, type ExportSource, type Locale, type WireValue } from './types';

/** Excel's sheet holds 1,048,576 rows: one header, and the last sheet keeps one row for totals. */
export const MAX_SHEET_ROWS = 1_048_576;

const SUBTOTAL_FN: Record<string, number> = { avg: 101, count: 103, max: 104, min: 105, sum: 109 };

const NAMES: Record<Locale, { data: string; about: string; chart: string; total: string }> = {
  'pt-BR': { data: 'Dados', about: 'Informações', chart: 'Gráfico', total: 'Total' },
  en: { data: 'Data', about: 'About', chart: 'Chart', total: 'Total' },
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A spreadsheet number for a wire total (money and decimals travel as exact text). */
function totalNumber(v: WireValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Back-pressure for exceljs' streaming writer, which ignores it: a sheet's XML goes into a pass-through that the
 * zip deflater reads; when DuckDB hands rows faster than they compress, wait until under 1 MB is pending, so
 * memory stays flat however many rows the export has.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  type Buffered = { _readableState?: { length?: number }; _writableState?: { length?: number } };
  const pipes = ((ws as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes ?? []) as Buffered[];
  const pending = () => pipes.reduce((n, p) => n + (p._readableState?.length ?? 0) + (p._writableState?.length ?? 0), 0);
  while (pending() > 1 << 20) await new Promise((ok) => setTimeout(ok, 2));
}

/**
 * How a data sheet's cells are made when the default (`xlsxExpr`: numbers, date serials, capped text) is not
 * wanted: the SQL of each column's value, and a last step per column in JS for what SQL cannot choose (a cell that
 * is a number or text by its value).
 */
export interface SheetCells {
  expr: (c: ExportColumn, sqlType: string | undefined) => string;
  convert?: ReadonlyMap<number, (v: DuckDBValue) => ExcelJS.CellValue>;
}

interface DataSheet {
  ws: ExcelJS.Worksheet;
  name: string;
  rows: number;
}

export async function writeXlsx(conn: DuckDBConnection, source: ExportSource, ctx: ExportContext, path: string, job: JobContext): Promise<number> {
  const names = NAMES[ctx.locale];
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'Painel';
  wb.created = ctx.now;
  const rows = await addDataSheets(wb, conn, source, ctx, job, names.data);
  addAboutSheet(wb, source, ctx, rows, names.about);
  if (source.chart) addChartSheet(wb, source, ctx, names.chart);
  await wb.commit();
  return rows;
}

/**
 * Streams a result into typed data sheets named `baseName` ("baseName 2"... past Excel's row limit), with the
 * header, formats, autofilter and the totals row; returns the rows written.
 */
export async function addDataSheets(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  conn: DuckDBConnection,
  source: ExportSource,
  ctx: ExportContext,
  job: JobContext,
  baseName: string,
  cells?: SheetCells,
): Promise<number> {
  const types = await describeQuery(conn, source.sql, source.params);
  const totals = await totalsOf(conn, source, types);
  const labels = source.columns.map((c) => columnLabel(c, ctx.locale));
  const colDefs = source.columns.map((c, i) => {
    const numFmt = excelNumFmt(formatterOf(ctx), c);
    return { key: c.id, width: columnWidth(c, labels[i]), style: numFmt ? { numFmt } : {} };
  });
  const n = source.columns.length;

  const sheets: DataSheet[] = [];
  const newSheet = (): DataSheet => {
    const name = sheets.length === 0 ? baseName : `${baseName} ${sheets.length + 1}`;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = colDefs;
    const header = ws.addRow(labels);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: 'thin' } };
      cell.numFmt = 'General';
    });
    header.commit();
    const s = { ws, name, rows: 0 };
    sheets.push(s);
    return s;
  };
  const closeSheet = (s: DataSheet) => {
    s.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: s.rows + 1, column: n } };
  };

  let current = newSheet();
  // One style object per column: exceljs caches a style's id by object identity, so sharing it (instead of
  // the fresh merged copy every new cell gets) saves a style lookup per cell.
  const styles = colDefs.map((d) => ({ ...d.style }));
  const sql = projectSql(source, (c) => (cells ? cells.expr(c, types.get(c.id)) : xlsxExpr(c, types.get(c.id), ctx.locale)));
  const convert = cells?.convert && cells.convert.size ? [...cells.convert] : null;
  const rows = await streamRows(
    conn,
    sql,
    source.params,
    job,
    async (chunk) => {
      for (const r of chunk) {
        if (current.rows >= MAX_SHEET_ROWS - 2) {
          closeSheet(current);
          current.ws.commit();
          current = newSheet();
        }
        if (convert) for (const [i, f] of convert) (r as unknown[])[i] = f(r[i]);
        const row = current.ws.addRow(r);
        row.eachCell((cell, col) => (cell.style = styles[col - 1]));
        row.commit();
        current.rows++;
      }
      await drained(current.ws);
    },
    { phase: 'xlsx', total: source.rowCount ?? null },
  );
  addTotalsRow(current, sheets, source, totals, NAMES[ctx.locale].total);
  closeSheet(current);
  current.ws.commit();
  return rows;
}

function addTotalsRow(last: DataSheet, sheets: DataSheet[], source: ExportSource, totals: Record<string, WireValue> | null, label: string): void {
  if (!totals) return;
  const values: ExcelJS.CellValue[] = source.columns.map((c) => {
    const cached = totalNumber(totals[c.id]);
    const fn = c.total ? SUBTOTAL_FN[c.total] : undefined;
    if (fn) {
      const col = colLetter(source.columns.indexOf(c) + 1);
      const ranges = sheets.filter((s) => s.rows > 0).map((s) => `${s === last ? '' : `'${s.name}'!`}${col}2:${col}${s.rows + 1}`);
      if (!ranges.length) return cached;
      return { formula: `SUBTOTAL(${fn},${ranges.join(',')})`, result: cached ?? 0 } as ExcelJS.CellFormulaValue;
    }
    return c.total && c.total !== 'none' ? cached : null;
  });
  const labelAt = source.columns.findIndex((c, i) => values[i] === null && (c.type === 'text' || c.type === 'date' || c.type === 'json'));
  values[labelAt >= 0 ? labelAt : 0] ??= label;
  const row = last.ws.addRow(values);
  row.font = { bold: true };
  row.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  row.commit();
}

function addAboutSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, source: ExportSource, ctx: ExportContext, rows: number, name: string): void {
  const pt = ctx.locale === 'pt-BR';
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 26 }, { width: 70 }];
  const title = ws.addRow([text(source.title, ctx.locale)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const line = (k: string, v: string | number) => {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.commit();
  };
  line(pt ? 'Empresa' : 'Business', ctx.businessName);
  if (source.period) line(pt ? 'Período' : 'Period', `${formatterOf(ctx).date(source.period.from)} – ${formatterOf(ctx).date(source.period.to)}`);
  for (const f of source.filters) line(text(f.label, ctx.locale), f.value);
  line(pt ? 'Linhas' : 'Rows', rows);
  line(pt ? 'Gerado em' : 'Generated at', `${formatterOf(ctx).timestamp(ctx.now)} (${ctx.timezone})`);
  ws.commit();
}

function addChartSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, source: ExportSource, ctx: ExportContext, name: string): void {
  const chart = source.chart!;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const pctFmt = '0.0%';
  const numFmt = (unit?: string) => (unit === 'percent' ? pctFmt : unit === 'currency' ? excelNumFmt(formatterOf(ctx), { type: 'money' }) : '#,##0.00');
  if (chart.y && chart.y.length) {
    // Heatmap: a matrix, y values across, x values down.
    ws.columns = [{ width: 16 }, ...chart.y.map(() => ({ width: 12, style: { numFmt: numFmt(chart.series[0]?.unit) } }))];
    const h = ws.addRow([text(chart.xLabel, ctx.locale), ...chart.y.map((v) => String(v ?? ''))]);
    h.font = { bold: true };
    h.commit();
    chart.x.forEach((xv, i) => ws.addRow([xv, ...chart.y!.map((_y, j) => chart.series[0]?.values[i * chart.y!.length + j] ?? null)]).commit());
  } else {
    ws.columns = [{ width: 18 }, ...chart.series.map((s) => ({ width: 16, style: { numFmt: numFmt(s.unit) } }))];
    const h = ws.addRow([text(chart.xLabel, ctx.locale), ...chart.series.map((s) => text(s.label, ctx.locale))]);
    h.font = { bold: true };
    h.commit();
    chart.x.forEach((xv, i) => ws.addRow([xv, ...chart.series.map((s) => s.values[i] ?? null)]).commit());
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: chart.x.length + 1, column: chart.series.length + 1 } };
  }
  ws.commit();
}
