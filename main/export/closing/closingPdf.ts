// The closing pack as an A4 PDF for the accountant: header block, each section's statement (bruto − deduções =
// líquido) and tables with totals, the date-rule notes, page numbers and generation time on every page.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { createFormatter, formatCell } from '../../../shared/format';
import { formatterOf } from '../layout';
import { COLORS, pageFrame, tableLayout, writePdf } from '../pdfKit';
import { text, type ExportContext, type Locale, type WireValue } from '../types';
import type { ClosingHeader, ClosingLine, ClosingPack, ClosingSection, ClosingTable } from './closingTypes';

export function monthLabel(month: string, locale: Locale): string {
  return createFormatter({ locale }).monthLong(month);
}

export function closingTitle(month: string, locale: Locale): string {
  return `${locale === 'pt-BR' ? 'Fechamento mensal' : 'Monthly closing'} — ${monthLabel(month, locale)}`;
}

const NUMERIC = new Set(['money', 'decimal', 'integer', 'percent']);

export function lineValue(l: ClosingLine, ctx: ExportContext): string {
  if (l.value === null || l.value === undefined) return '—';
  const f = formatterOf(ctx);
  if (l.count) return f.integer(l.value);
  const v = f.money(l.value);
  return l.kind === 'minus' ? `(−) ${v}` : l.kind === 'plus' ? `(+) ${v}` : l.kind === 'result' ? `(=) ${v}` : v;
}

function headerBlock(h: ClosingHeader, ctx: ExportContext): Content {
  const pt = ctx.locale === 'pt-BR';
  const kv: [string, string][] = [
    [pt ? 'Razão social' : 'Legal name', h.legalName || h.businessName],
    [pt ? 'Nome fantasia' : 'Trade name', h.businessName],
    ['CNPJ', h.cnpj || (pt ? 'não informado' : 'not set')],
    [pt ? 'Competência' : 'Period', `${monthLabel(h.month, ctx.locale)} (${formatterOf(ctx).date(h.from)} – ${formatterOf(ctx).date(h.to)})`],
    [pt ? 'Regime tributário' : 'Tax regime', text(h.taxRegime, ctx.locale)],
    [pt ? 'Base' : 'Basis', text(h.basis, ctx.locale)],
    [pt ? 'Fontes de dados' : 'Data sources', h.sources.length ? h.sources.map((s) => `${s.name} (${s.lastSync ? `${pt ? 'última sincronização' : 'last sync'} ${formatterOf(ctx).timestamp(s.lastSync)}` : pt ? 'nunca sincronizada' : 'never synced'})`).join('; ') : pt ? 'dados locais (nenhuma fonte conectada)' : 'local data (no source connected)'],
    [pt ? 'Canais com vendas' : 'Channels with sales', h.channels.join(', ') || '—'],
  ];
  return {
    table: { widths: [110, '*'], body: kv.map(([k, v]) => [{ text: k, bold: true, color: COLORS.muted }, { text: v }]) },
    layout: 'noBorders',
    fontSize: 8.5,
    margin: [0, 4, 0, 6],
  };
}

function statement(lines: ClosingLine[], ctx: ExportContext): Content {
  const body: TableCell[][] = [];
  for (const l of lines) {
    const style = l.kind === 'result' ? { bold: true, fillColor: COLORS.totalFill } : l.kind === 'info' ? { color: COLORS.muted } : {};
    body.push([{ text: text(l.label, ctx.locale), ...style }, { text: lineValue(l, ctx), alignment: 'right', ...style }]);
    if (l.note) body.push([{ text: text(l.note, ctx.locale), style: 'note', colSpan: 2, margin: [8, 0, 0, 2] }, {}]);
  }
  return {
    table: { widths: ['*', 130], body },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 9,
    margin: [0, 0, 0, 6],
  };
}

function table(t: ClosingTable, ctx: ExportContext): Content[] {
  const align = t.columns.map((c) => (NUMERIC.has(c.type) ? 'right' : 'left'));
  const fmt = (v: WireValue, i: number) => formatCell(formatterOf(ctx), t.columns[i], v);
  const body: TableCell[][] = [t.columns.map((c, i) => ({ text: text(c.label, ctx.locale, c.id), style: 'th', alignment: align[i] }) as TableCell)];
  for (const r of t.rows) body.push(r.map((v, i) => ({ text: fmt(v, i), alignment: align[i] }) as TableCell));
  if (t.total) {
    const cells = t.total.map((v, i) => ({ text: v === null ? '' : fmt(v, i), style: 'total', alignment: align[i] }) as TableCell);
    (cells[0] as { text: string }).text ||= 'Total';
    body.push(cells);
  }
  const widths = t.columns.map((c) => (c.type === 'date' ? 56 : '*'));
  const out: Content[] = [];
  if (t.title) out.push({ text: text(t.title, ctx.locale), bold: true, fontSize: 9, margin: [0, 4, 0, 2] });
  out.push({ table: { headerRows: 1, widths, body, dontBreakRows: true }, layout: tableLayout, fontSize: 7.5, margin: [0, 0, 0, 6] } as Content);
  return out;
}

function section(s: ClosingSection, ctx: ExportContext): Content[] {
  const out: Content[] = [{ text: text(s.title, ctx.locale), style: 'h2' }];
  if (s.lines.length) out.push(statement(s.lines, ctx));
  for (const t of s.tables) out.push(...table(t, ctx));
  for (const n of s.notes) out.push({ text: text(n, ctx.locale), style: 'note', margin: [0, 1, 0, 1] });
  return out;
}

export async function writeClosingPdf(pack: ClosingPack, ctx: ExportContext, path: string): Promise<void> {
  const title = closingTitle(pack.header.month, ctx.locale);
  const content: Content[] = [{ text: title, style: 'title' }, headerBlock(pack.header, ctx)];
  for (const s of pack.sections) content.push(...section(s, ctx));
  await writePdf({ ...pageFrame(ctx, title, false), content }, path);
}
