// The PDF machinery shared by report PDFs and the closing pack: pdfmake's server-side printer with DejaVu Sans
// (full Portuguese accents) embedded, the page frame (business/title header, "página X de Y" and generation
// time footer) and writing a document to a file.
import type PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../store/errors';
import { formatterOf } from './layout';
import { loadPdfPrinter } from './lazyLibs';
import type { ExportContext } from './types';

export const PDF_FONT = 'DejaVu';
const REGULAR = 'DejaVuSansCondensed.ttf';
const BOLD = 'DejaVuSansCondensed-Bold.ttf';

/** resources/fonts: beside the app in a packaged build, else found walking up from this file. */
export function fontsDir(): string {
  const candidates: string[] = [];
  if (process.env.PAINEL_RESOURCES) candidates.push(join(process.env.PAINEL_RESOURCES, 'fonts'));
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'fonts'), join(packaged, 'resources', 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    dir = resolve(dir, '..');
  }
  const found = candidates.find((c) => existsSync(join(c, REGULAR)));
  if (!found) throw new AppError('INTERNAL', `PDF fonts not found (looked for ${REGULAR} in ${candidates.join(', ')})`);
  return found;
}

let printer: PdfPrinter | null = null;
async function getPrinter(): Promise<PdfPrinter> {
  if (!printer) {
    const Printer = await loadPdfPrinter();
    const dir = fontsDir();
    const regular = readFileSync(join(dir, REGULAR));
    const bold = readFileSync(join(dir, BOLD));
    const fonts: TFontDictionary = { [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } as never };
    printer = new Printer(fonts);
  }
  return printer;
}

/** Lays out and writes a document; resolves when the file is closed. */
export async function writePdf(doc: TDocumentDefinitions, path: string): Promise<void> {
  const pdf = (await getPrinter()).createPdfKitDocument(doc);
  const out = createWriteStream(path);
  const done = new Promise<void>((ok, bad) => {
    out.on('finish', ok);
    out.on('error', bad);
    pdf.on('error', bad);
  });
  pdf.pipe(out);
  pdf.end();
  await done;
}

export const A4 = { portrait: { width: 595.28, height: 841.89 }, landscape: { width: 841.89, height: 595.28 } };
export const MARGIN = { side: 28, top: 46, bottom: 40 };

export const COLORS = { text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', headerFill: '#e8edf3', totalFill: '#f0f4f8', accent: '#1f5f8b' };

/** Header, footer, metadata and styles every Painel PDF shares. */
export function pageFrame(ctx: ExportContext, title: string, landscape: boolean): Omit<TDocumentDefinitions, 'content'> {
  const pt = ctx.locale === 'pt-BR';
  const generated = `${pt ? 'Gerado em' : 'Generated'} ${formatterOf(ctx).timestamp(ctx.now)} · Painel`;
  return {
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
    info: { title, author: ctx.businessName, creator: 'Painel', producer: 'Painel' },
    defaultStyle: { font: PDF_FONT, fontSize: 8, color: COLORS.text, lineHeight: 1.1 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9, color: COLORS.muted },
      h2: { fontSize: 11, bold: true, color: COLORS.accent, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: COLORS.headerFill },
      total: { bold: true, fillColor: COLORS.totalFill },
      note: { fontSize: 7.5, color: COLORS.muted },
    },
    header: (): Content => ({
      columns: [
        { text: ctx.businessName, bold: true, fontSize: 8 },
        { text: title, alignment: 'right', fontSize: 8, color: COLORS.muted },
      ],
      margin: [MARGIN.side, 18, MARGIN.side, 0],
    }),
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: generated, fontSize: 7, color: COLORS.muted },
        { text: pt ? `página ${page} de ${pages}` : `page ${page} of ${pages}`, alignment: 'right', fontSize: 7, color: COLORS.muted },
      ],
      margin: [MARGIN.side, 14, MARGIN.side, 0],
    }),
  };
}

/** Thin horizontal rules, header and totals fills: readable tables that print well. */
export const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => COLORS.rule,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};
