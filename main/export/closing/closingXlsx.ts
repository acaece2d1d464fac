// The closing pack as XLSX: a summary sheet (header, statements, notes), one sheet per section with its tables as
// typed cells, and the transaction-level annex (every sale and payment of the month) streamed from DuckDB.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazyLibs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JobContext } from '../../jobs/jobRunner';
import { excelNumFmt } from '../../../shared/format';
import { formatterOf } from '../layout';
import { enumLabelSql } from '../../model/schema';
import { sqlString } from '../../sql/quote';
import { addDataSheets } from '../xlsxExport';
import { text, type ExportColumn, type ExportContext, type ExportSource, type WireValue } from '../types';
import type { ClosingPack, ClosingTable } from './closingTypes';
import { closingTitle, monthLabel } from './closingPdf';

type Wb = ExcelJS.stream.xlsx.WorkbookWriter;

const SHEETS: Record<string, [string, string]> = {
  summary: ['Resumo', 'Summary'],
  revenue: ['Faturamento', 'Revenue'],
  receipts: ['Recebimentos', 'Receipts'],
  commissions: ['Comissões', 'Commissions'],
  partners: ['Salão-parceiro', 'Partner salon'],
  sales: ['Anexo - vendas', 'Annex - sales'],
  payments: ['Anexo - pagamentos', 'Annex - payments'],
};

/** A wire value as a typed cell: numbers, dates as dates, text. */
export function cellValue(v: WireValue, c: ExportColumn): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'money':
    case 'decimal':
    case 'integer':
    case 'percent':
      return Number(v);
    case 'date':
    case 'timestamp': {
      const s = String(v);
      return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)), Number(s.slice(11, 13) || 0), Number(s.slice(14, 16) || 0)));
    }
    default:
      return v;
  }
}

function summarySheet(wb: Wb, pack: ClosingPack, ctx: ExportContext): void {
  const pt = ctx.locale === 'pt-BR';
  const ws = wb.addWorksheet(SHEETS.summary[pt ? 0 : 1]);
  ws.columns = [{ width: 58 }, { width: 22, style: { numFmt: excelNumFmt(formatterOf(ctx), { type: 'money' }) } }, { width: 80 }];
  const add = (values: ExcelJS.CellValue[], font?: Partial<ExcelJS.Font>) => {
    const r = ws.addRow(values);
    if (font) r.font = font;
    r.commit();
  };
  const h = pack.header;
  add([closingTitle(h.month, ctx.locale)], { bold: true, size: 14 });
  add([pt ? 'Razão social' : 'Legal name', null, h.legalName || h.businessName]);
  add(['CNPJ', null, h.cnpj]);
  add([pt ? 'Competência' : 'Period', null, monthLabel(h.month, ctx.locale)]);
  add([pt ? 'Regime tributário' : 'Tax regime', null, text(h.taxRegime, ctx.locale)]);
  add([pt ? 'Base' : 'Basis', null, text(h.basis, ctx.locale)]);
  add([pt ? 'Fontes de dados' : 'Data sources', null, h.sources.map((s) => `${s.name} (${s.lastSync ?? '—'})`).join('; ') || (pt ? 'dados locais' : 'local data')]);
  add([pt ? 'Gerado em' : 'Generated at', null, `${formatterOf(ctx).timestamp(ctx.now)} (${ctx.timezone})`]);
  for (const s of pack.sections) {
    add([]);
    add([text(s.title, ctx.locale)], { bold: true, size: 12 });
    for (const l of s.lines) {
      const sign = l.kind === 'minus' ? '(−) ' : l.kind === 'plus' ? '(+) ' : l.kind === 'result' ? '(=) ' : '';
      const r = ws.addRow([sign + text(l.label, ctx.locale), l.value === null ? null : Number(l.value), l.note ? text(l.note, ctx.locale) : null]);
      if (l.count) r.getCell(2).numFmt = '#,##0';
      if (l.kind === 'result') r.font = { bold: true };
      r.commit();
    }
    for (const n of s.notes) add([text(n, ctx.locale)], { italic: true, color: { argb: 'FF616E7C' } });
  }
  ws.commit();
}

function tableSheet(wb: Wb, name: string, tables: ClosingTable[], ctx: ExportContext): void {
  const ws = wb.addWorksheet(name);
  const width = Math.max(...tables.map((t) => t.columns.length));
  ws.columns = Array.from({ length: width }, (_v, i) => ({ width: i === 0 ? 28 : 16 }));
  for (const t of tables) {
    if (t.title) {
      const r = ws.addRow([text(t.title, ctx.locale)]);
      r.font = { bold: true, size: 12 };
      r.commit();
    }
    const head = ws.addRow(t.columns.map((c) => text(c.label, ctx.locale, c.id)));
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } }));
    head.commit();
    const styled = (values: WireValue[], bold = false) => {
      const r = ws.addRow(values.map((v, i) => cellValue(v, t.columns[i])));
      t.columns.forEach((c, i) => {
        const f = excelNumFmt(formatterOf(ctx), c);
        if (f) r.getCell(i + 1).numFmt = f;
      });
      if (bold) r.font = { bold: true };
      r.commit();
    };
    for (const row of t.rows) styled(row);
    if (t.total) styled(t.total.map((v, i) => (i === 0 && v === null ? 'Total' : v)), true);
    ws.addRow([]).commit();
  }
  ws.commit();
}

function annexSources(pack: ClosingPack, ctx: ExportContext): { sales: ExportSource; payments: ExportSource } {
  const pt = ctx.locale === 'pt-BR';
  const L = (p: string, e: string) => ({ 'pt-BR': p, en: e });
  // The annex lists sales, so pt-BR speaks of "venda concluída"; English takes the model's words.
  const status = pt
    ? `CASE s.status WHEN 'completed' THEN 'concluída' WHEN 'cancelled' THEN 'cancelada' WHEN 'no_show' THEN 'falta' WHEN 'booked' THEN 'agendada' WHEN 'confirmed' THEN 'confirmada' ELSE s.status END`
    : enumLabelSql('s.status', 'saleStatus', 'en');
  const range = [pack.header.from, pack.header.to];
  const method = enumLabelSql('p.method', 'paymentMethod', ctx.locale);
  const money = (id: string, p: string, e: string): ExportColumn => ({ id, label: L(p, e), type: 'money', total: 'sum' });
  const t = (id: string, p: string, e: string): ExportColumn => ({ id, label: L(p, e), type: 'text', total: 'none' });
  return {
    sales: {
      title: L('Anexo: vendas do mês', 'Annex: sales of the month'),
      sql: `SELECT s.biz_date AS day, strftime(s.biz_ts, '%H:%M') AS time, s.sale_id, ${status} AS status, s.source, s.kind, s.customer_key AS customer_id,
          c.name AS customer_name, e.name AS employee_name, s.gross_amount, s.discount_amount, s.tax_amount, s.shipping_amount, s.total_amount
        FROM v_sales s
        LEFT JOIN (SELECT customer_id, any_value(name) AS name FROM customers GROUP BY 1) c ON c.customer_id = s.customer_key
        LEFT JOIN (SELECT employee_id, any_value(name) AS name FROM employees GROUP BY 1) e ON e.employee_id = s.employee_id
        WHERE s.biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY s.biz_ts, s.sale_id`,
      params: range,
      columns: [
        { id: 'day', label: L('Data', 'Date'), type: 'date', total: 'none' },
        t('time', 'Hora', 'Time'), t('sale_id', 'Venda', 'Sale'), t('status', 'Situação', 'Status'), t('source', 'Canal', 'Source'), t('kind', 'Tipo', 'Kind'),
        t('customer_id', 'Cliente', 'Customer id'), t('customer_name', 'Nome', 'Customer'), t('employee_name', 'Profissional', 'Employee'),
        money('gross_amount', 'Bruto', 'Gross'), money('discount_amount', 'Desconto', 'Discount'), money('tax_amount', 'Impostos', 'Tax'),
        money('shipping_amount', 'Frete', 'Shipping'), money('total_amount', 'Total', 'Total'),
      ],
      period: { from: pack.header.from, to: pack.header.to },
      filters: [],
    },
    payments: {
      title: L('Anexo: pagamentos do mês', 'Annex: payments of the month'),
      sql: `SELECT p.biz_date AS day, strftime(p.biz_ts, '%H:%M') AS time, p.payment_id, p.sale_id, ${method} AS method,
          CASE p.kind WHEN 'refund' THEN ${sqlString(pt ? 'devolução' : 'refund')} ELSE ${sqlString(pt ? 'pagamento' : 'payment')} END AS kind,
          p.amount, coalesce(p.fee_amount, 0) AS fee_amount, CASE WHEN p.kind = 'refund' THEN -p.amount ELSE p.amount - coalesce(p.fee_amount, 0) END AS net
        FROM v_payments p WHERE p.biz_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY p.biz_ts, p.payment_id`,
      params: range,
      columns: [
        { id: 'day', label: L('Data', 'Date'), type: 'date', total: 'none' },
        t('time', 'Hora', 'Time'), t('payment_id', 'Pagamento', 'Payment'), t('sale_id', 'Venda', 'Sale'), t('method', 'Forma', 'Method'), t('kind', 'Tipo', 'Kind'),
        money('amount', 'Valor', 'Amount'), money('fee_amount', 'Taxa', 'Fee'), money('net', 'Líquido', 'Net'),
      ],
      period: { from: pack.header.from, to: pack.header.to },
      filters: [],
    },
  };
}

/** Writes the pack; returns the number of annex rows (sales + payments). */
export async function writeClosingXlsx(conn: DuckDBConnection, pack: ClosingPack, ctx: ExportContext, path: string, job: JobContext): Promise<number> {
  const i = ctx.locale === 'pt-BR' ? 0 : 1;
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'Painel';
  wb.created = ctx.now;
  summarySheet(wb, pack, ctx);
  for (const s of pack.sections) if (s.tables.length && SHEETS[s.id]) tableSheet(wb, SHEETS[s.id][i], s.tables, ctx);
  const annex = annexSources(pack, ctx);
  const sales = await addDataSheets(wb, conn, annex.sales, ctx, job, SHEETS.sales[i]);
  const payments = await addDataSheets(wb, conn, annex.payments, ctx, job, SHEETS.payments[i]);
  await wb.commit();
  return sales + payments;
}
