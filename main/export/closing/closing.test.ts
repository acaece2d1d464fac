// The closing pack: every figure equals the registry's reports to the cent (financial-summary, payment-methods,
// staff-commissions), the partner split adds up, and the PDF/XLSX files carry those numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { createSalesData } from '../testFixtures';
import { createFormatter, NBSP } from '../../../shared/format';
import { buildClosing } from './closingData';
import type { JobSnapshot } from '../../../shared/events';
import type { ExportJobResult } from '../../../shared/api/export';
import type { ReportTotals } from '../../../shared/api/reports';
import type { ClosingPack } from './closingTypes';

/** Money as the PDF draws it: pdftotext reads the NBSP after R$ back as a space. */
const pdfMoney = (locale: 'pt-BR' | 'en', v: unknown) => createFormatter({ locale }).money(v).replaceAll(NBSP, ' ');

let t: TestEngine;
let pack: ClosingPack;
const period = { preset: 'custom', from: '2026-10-01', to: '2026-10-31' };
const ARTIFACTS = join(process.cwd(), 'test-results', 'export');

const totals = (report: string, params: Record<string, unknown> = {}) => t.call<ReportTotals>('reports.totals', { report, period, params });
const line = (section: string, pt: string) => pack.sections.find((s) => s.id === section)!.lines.find((l) => l.label['pt-BR'] === pt)!.value;
const cents = (v: unknown) => Math.round(Number(v) * 100);

async function runJob(method: string, input: unknown): Promise<ExportJobResult> {
  const job = await t.call<JobSnapshot>(method, input);
  const end = await t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  if (end.state !== 'done') throw new Error(`${end.state}: ${end.error?.message}`);
  return end.result as ExportJobResult;
}

beforeAll(async () => {
  t = await openTestEngine();
  await createSalesData(t.engine.db, 4000, 4);
  await t.call('export.setPartner', { employeeId: 'e2', partner: true });
  pack = await buildClosing(t.engine, '2026-10');
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => t.close());

describe('closing pack numbers', () => {
  it('equal financial-summary to the cent', async () => {
    const fin = await totals('financial-summary');
    expect(Number(fin.values.gross)).toBeGreaterThan(0);
    for (const id of ['gross', 'discounts', 'refunds', 'net', 'tax', 'received', 'fees', 'commissions']) expect(pack.figures[id]).toBe(String(fin.values[id]));
    expect(line('deductions', 'Faturamento bruto')).toBe(fin.values.gross);
    expect(line('deductions', 'Descontos')).toBe(fin.values.discounts);
    expect(line('deductions', 'Devoluções e estornos')).toBe(fin.values.refunds);
    expect(line('deductions', 'Faturamento líquido')).toBe(fin.values.net);
    expect(cents(fin.values.gross) - cents(fin.values.discounts) - cents(fin.values.refunds)).toBe(cents(fin.values.net));
    const refunds = await totals('refunds');
    const note = pack.sections.find((s) => s.id === 'deductions')!.lines.find((l) => l.label['pt-BR'] === 'Devoluções e estornos')!.note!['pt-BR'];
    expect(refunds.rows).toBeGreaterThan(0);
    expect(note).toContain(`${refunds.rows} devoluções`);
    expect(cents(refunds.values.amount)).toBe(cents(fin.values.refunds));
  });

  it('equal payment-methods and staff-commissions to the cent', async () => {
    const pay = await totals('payment-methods', { granularity: 'month' });
    const receipts = pack.sections.find((s) => s.id === 'receipts')!.tables[0];
    expect(receipts.total![2]).toBe(pay.values.amount);
    expect(receipts.total![3]).toBe(pay.values.fees);
    expect(cents(line('receipts', 'Recebido no mês'))).toBe(cents(pay.values.amount));
    expect(cents(line('receipts', 'Recebido líquido de taxas'))).toBe(cents(pay.values.amount) - cents(pay.values.fees));
    expect(receipts.rows.reduce((a, r) => a + cents(r[2]), 0)).toBe(cents(pay.values.amount));

    const staff = await totals('staff-commissions');
    const com = pack.sections.find((s) => s.id === 'commissions')!;
    expect(com.lines[0].value).toBe(staff.values.commission);
    expect(com.tables[0].total![1]).toBe(staff.values.base);
    expect(pack.figures.commissions).toBe(String(staff.values.commission));
    const e2 = await t.call<{ arrow: Uint8Array; rowCount: number }>('reports.page', { report: 'staff-commissions', period, filters: [{ column: 'employee_id', op: 'eq', value: 'e2' }] });
    expect(e2.rowCount).toBe(1);
  });

  it('splits partner revenue into the professional share (commission) and the salon cota-parte', async () => {
    const staff = await t.engine.db.all<{ base: string; commission: string }>(`SELECT CAST(base AS VARCHAR) AS base, CAST(commission AS VARCHAR) AS commission FROM (
      SELECT CAST(sum(l.line_total) AS DECIMAL(18,2)) AS base, round(CAST(sum(l.line_total) AS DECIMAL(18,2)) * 0.35, 2) AS commission
      FROM v_sale_lines l WHERE l.status = 'completed' AND l.staff_id = 'e2' AND l.biz_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31')`);
    expect(line('partners', 'Receita de serviços dos profissionais-parceiros')).toBe(staff[0].base);
    expect(line('partners', 'Cota-parte dos profissionais-parceiros')).toBe(staff[0].commission);
    expect(cents(line('partners', 'Cota-parte do salão'))).toBe(cents(staff[0].base) - cents(staff[0].commission));
  });

  it('reconciles sales and receipts with sales-vs-receipts', async () => {
    const svr = await totals('sales-vs-receipts');
    expect(line('reconciliation', 'Vendas concluídas (total)')).toBe(svr.values.sales_value);
    expect(line('reconciliation', 'Recebido')).toBe(svr.values.received);
    const open = cents(line('reconciliation', 'Saldo em aberto no início do mês'));
    const close = cents(line('reconciliation', 'Saldo em aberto no fim do mês'));
    expect(line('reconciliation', 'Devoluções de vendas concluídas')).toBe(svr.values.refunded_sales);
    expect(open + cents(svr.values.sales_value) - cents(svr.values.refunded_sales) - cents(svr.values.received) + cents(svr.values.refunds)).toBe(close);
  });
});

describe('closing pack files', () => {
  it('PDF: title, accents, figures, law note and page numbers, in under 2 s', async () => {
    const t0 = performance.now();
    const r = await runJob('export.close', { month: '2026-10', format: 'pdf', folder: t.dir, fileName: 'fechamento.pdf' });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(4000);
    const txt = execFileSync('pdftotext', ['-layout', r.path, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Fechamento mensal — outubro de 2026');
    expect(txt).toContain('Faturamento líquido');
    expect(txt).toContain(pdfMoney('pt-BR', pack.figures.net));
    expect(txt).toContain(pdfMoney('pt-BR', pack.figures.gross));
    expect(txt).toContain('Lei 13.352/2016');
    expect(txt).toContain('João Araújo');
    expect(txt).toContain('Simples Nacional');
    expect(txt).toMatch(/página 1 de \d+/);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', r.path, join(ARTIFACTS, 'closing-page')]);
  });

  it('PDF in English when asked', async () => {
    const r = await runJob('export.close', { month: '2026-10', format: 'pdf', folder: t.dir, fileName: 'closing-en', locale: 'en' });
    expect(r.fileName).toBe('closing-en.pdf');
    const txt = execFileSync('pdftotext', ['-layout', r.path, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Monthly closing — October 2026');
    expect(txt).toContain('Net revenue');
    expect(txt).toContain(pdfMoney('en', pack.figures.net));
    expect(txt).toMatch(/page 1 of \d+/);
  });

  it('XLSX: summary figures as numbers, section sheets and the transaction annex', async () => {
    const r = await runJob('export.close', { month: '2026-10', format: 'xlsx', folder: t.dir, fileName: 'fechamento.xlsx' });
    const [{ n }] = await t.engine.db.all<{ n: number }>(`SELECT ((SELECT count(*) FROM v_sales WHERE biz_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31')
      + (SELECT count(*) FROM v_payments WHERE biz_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'))::DOUBLE AS n`);
    expect(r.rows).toBe(n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumo', 'Faturamento', 'Recebimentos', 'Comissões', 'Salão-parceiro', 'Anexo - vendas', 'Anexo - pagamentos']);
    const summary = wb.getWorksheet('Resumo')!;
    let net: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === '(=) Faturamento líquido') net = row;
    });
    expect(net!.getCell(2).value).toBe(Number(pack.figures.net));
    expect(net!.getCell(2).numFmt).toContain('R$');
    const annex = wb.getWorksheet('Anexo - vendas')!;
    let gross = 0;
    annex.eachRow((row, i) => {
      if (i > 1 && row.getCell(4).value === 'concluída') gross += Math.round(Number(row.getCell(10).value) * 100);
    });
    expect(gross).toBe(cents(pack.figures.gross));
  });
});
