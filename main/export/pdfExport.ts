// Report PDF: A4 (landscape when the columns need it), title, period and filters, the report's chart as
// vectors, the full table with its header repeated on every page and a totals row, page numbers and the
// generation time. Rows are streamed from DuckDB and formatted exactly (money from decimal text).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { JobContext } from '../jobs/jobRunner';
import { AppError } from '../store/errors';
import { chartSvg } from './chartSvg';
import { streamRows } from './duckRun';
import { formatCell } from '../../shared/format';
import { columnWidth, formatterOf } from './layout';
import { A4, MARGIN, pageFrame, tableLayout, writePdf } from './pdfKit';
import { describeQuery, projectSql, totalsOf, wireExpr } from './projection';
import { columnLabel, text, type ExportColumn, type ExportContext, type ExportSource } from './types';

/** Beyond this a PDF stops being a document people read (and its layout needs over 1 GB); CSV/XLSX carry any size. */
export const PDF_MAX_ROWS = 20_000;

const NUMERIC = new Set(['money', 'decimal', 'integer', 'percent']);
/** Points per character of DejaVu Sans Condensed at 7.5 pt, plus cell padding. */
const PT_PER_CHAR = 4.1;

export interface TableGeometry {
  landscape: boolean;
  fontSize: number;
  widths: number[];
}

/** Portrait when the estimated widths fit, else landscape; a smaller font when even landscape is tight. */
export function tableGeometry(columns: ExportColumn[], labels: string[]): TableGeometry {
  const chars = columns.map((c, i) => columnWidth(c, labels[i]));
  const need = chars.reduce((a, b) => a + b, 0) * PT_PER_CHAR;
  const portrait = A4.portrait.width - 2 * MARGIN.side;
  const landscapeW = A4.landscape.width - 2 * MARGIN.side;
  const landscape = need > portrait;
  const avail = landscape ? landscapeW : portrait;
  const fontSize = need > landscapeW * 1.15 ? 6.5 : 7.5;
  const totalChars = chars.reduce((a, b) => a + b, 0);
  // Every column gets its share of the page; cell borders and padding are inside the widths.
  const widths = chars.map((c) => Math.floor(((avail - columns.length * 6) * c) / totalChars));
  return { landscape, fontSize, widths };
}

export async function writeReportPdf(conn: DuckDBConnection, all: ExportSource, ctx: ExportContext, path: string, job: JobContext): Promise<number> {
  // Internal keys stay in the files analysts open (CSV, XLSX, Parquet); the page people read shows names.
  const source = all.columns.some((c) => c.key) ? { ...all, columns: all.columns.filter((c) => !c.key) } : all;
  const pt = ctx.locale === 'pt-BR';
  const f = formatterOf(ctx);
  const title = text(source.title, ctx.locale);
  const types = await describeQuery(conn, source.sql, source.params);
  const labels = source.columns.map((c) => columnLabel(c, ctx.locale));
  const geo = tableGeometry(source.columns, labels);
  const align = source.columns.map((c) => (NUMERIC.has(c.type) ? 'right' : 'left'));

  const body: TableCell[][] = [labels.map((l, i) => ({ text: l, style: 'th', alignment: align[i] }) as TableCell)];
  const rows = await streamRows(
    conn,
    projectSql(source, (c) => wireExpr(c, types.get(c.id), ctx.locale)),
    source.params,
    job,
    (chunk) => {
      if (body.length - 1 + chunk.length > PDF_MAX_ROWS)
        throw new AppError('BAD_INPUT', pt ? `O PDF comporta até ${f.integer(PDF_MAX_ROWS)} linhas; filtre o relatório ou exporte em CSV/XLSX.` : `A PDF holds up to ${f.integer(PDF_MAX_ROWS)} rows; filter the report or export CSV/XLSX.`, { maxRows: PDF_MAX_ROWS });
      for (const r of chunk) body.push(r.map((v, i) => (align[i] === 'right' ? { text: formatCell(f, source.columns[i], v), alignment: 'right' } : formatCell(f, source.columns[i], v))));
    },
    { phase: 'pdf', total: source.rowCount ?? null },
  );
  const totals = await totalsOf(conn, source, types);
  if (totals) {
    const cells: TableCell[] = source.columns.map((c, i) => {
      const v = c.total && c.total !== 'none' ? formatCell(f, c, totals[c.id]) : '';
      return { text: v, style: 'total', alignment: align[i] } as TableCell;
    });
    const labelAt = source.columns.findIndex((c) => !(c.total && c.total !== 'none') && !NUMERIC.has(c.type));
    (cells[labelAt >= 0 ? labelAt : 0] as { text: string }).text ||= 'Total';
    body.push(cells);
  }

  job.progress({ phase: 'pdf-layout', done: rows, total: rows });
  const content: Content[] = [{ text: title, style: 'title' }];
  const sub: string[] = [];
  if (source.period) sub.push(`${pt ? 'Período' : 'Period'}: ${f.date(source.period.from)} – ${f.date(source.period.to)}`);
  for (const x of source.filters) sub.push(`${text(x.label, ctx.locale)}: ${x.value}`);
  sub.push(`${f.integer(rows)} ${pt ? 'linhas' : 'rows'}`);
  content.push({ text: sub.join('   ·   '), style: 'subtitle', margin: [0, 0, 0, 8] });
  if (source.chart && source.chart.x.length) {
    const width = (geo.landscape ? A4.landscape.width : A4.portrait.width) - 2 * MARGIN.side;
    const height = geo.landscape ? 190 : 210;
    content.push({ text: text(source.chart.title, ctx.locale), bold: true, fontSize: 9, margin: [0, 0, 0, 2] });
    content.push({ svg: await chartSvg(source.chart, ctx.locale, Math.round(width), height), width, margin: [0, 0, 0, 8] } as Content);
  }
  content.push({
    table: { headerRows: 1, widths: geo.widths, body, dontBreakRows: true },
    layout: tableLayout,
    fontSize: geo.fontSize,
  } as Content);
  if (rows === 0) content.push({ text: pt ? 'Nenhuma linha com estes filtros.' : 'No rows match these filters.', style: 'note', margin: [0, 6, 0, 0] });

  await writePdf({ ...pageFrame(ctx, title, geo.landscape), content }, path);
  return rows;
}
