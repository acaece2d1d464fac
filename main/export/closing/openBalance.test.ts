// "Saldo em aberto" ties out: when every completed sale is paid (some refunded, one refunded a month later, a
// cancelled booking's deposit returned) the open balance is zero; partial payments give the hand-computed figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import type { ReportTotals } from '../../../shared/api/reports';
import type { ClosingSummary } from '../../../shared/api/export';
import { buildClosing } from './closingData';

let t: TestEngine;
const OCT = { preset: 'custom', from: '2026-10-01', to: '2026-10-31' };

async function load(sql: string) {
  await t.engine.db.transaction(async (tx) => {
    await tx.run(sql);
    tx.touched('sales');
  });
}
const sale = (id: string, status: string, at: string, total: string) =>
  `('${id}', 'salon', 'appointment', NULL, NULL, NULL, '${status}', TIMESTAMPTZ '${at} 12:00:00+00', TIMESTAMPTZ '${at} 15:00:00+00', ${total}, 0, NULL, 0, 0, ${total})`;
const pay = (id: string, saleId: string, at: string, kind: string, amount: string) => `('${id}', '${saleId}', TIMESTAMPTZ '${at} 16:00:00+00', 'pix', '${kind}', ${amount}, 0)`;
const SALES = `INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
  gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount) VALUES `;

async function balances() {
  const svr = await t.call<ReportTotals>('reports.totals', { report: 'sales-vs-receipts', period: OCT });
  const pack = await buildClosing(t.engine, '2026-10');
  const rec = pack.sections.find((s) => s.id === 'reconciliation')!;
  const line = (pt: string) => rec.lines.find((l) => l.label['pt-BR'] === pt)!.value;
  return { svr: svr.values, opening: line('Saldo em aberto no início do mês'), closing: line('Saldo em aberto no fim do mês'), openSales: line('Valor em aberto dessas vendas') };
}

beforeAll(async () => {
  t = await openTestEngine({ memory: true });
});
afterAll(() => t.close());

describe('open balance of the closing pack', () => {
  it('is zero when every completed sale is paid, refunds of earlier months included', async () => {
    await load(`${SALES} ${sale('X1', 'completed', '2026-09-10', '100.00')}, ${sale('X2', 'completed', '2026-10-03', '200.00')},
        ${sale('X3', 'completed', '2026-10-08', '50.00')}, ${sale('X4', 'cancelled', '2026-10-15', '90.00')};
      INSERT INTO payments VALUES ${pay('P1', 'X1', '2026-09-10', 'payment', '100.00')}, ${pay('R1', 'X1', '2026-10-05', 'refund', '40.00')},
        ${pay('P2', 'X2', '2026-10-03', 'payment', '200.00')}, ${pay('P3', 'X3', '2026-10-08', 'payment', '50.00')},
        ${pay('R3', 'X3', '2026-10-20', 'refund', '50.00')}, ${pay('P4', 'X4', '2026-10-10', 'payment', '30.00')}, ${pay('R4', 'X4', '2026-10-16', 'refund', '30.00')}`);
    const b = await balances();
    expect(b).toMatchObject({ opening: '0.00', closing: '0.00', openSales: '0.00' });
    // refunds of completed sales (X1 of September, X3) come off the sales side; X4's deposit only off the receipts
    expect(b.svr).toMatchObject({ sales_value: '250.00', refunded_sales: '90.00', received: '280.00', refunds: '120.00', difference: '0.00' });
  });

  it('gives the hand-computed figure with partial payments and a sale of the month before', async () => {
    // Y2: R$ 80 of September unpaid at the end of September, R$ 50 paid in October; Y1: R$ 300 with R$ 100 paid.
    await load(`${SALES} ${sale('Y1', 'completed', '2026-10-12', '300.00')}, ${sale('Y2', 'completed', '2026-09-25', '80.00')};
      INSERT INTO payments VALUES ${pay('P5', 'Y1', '2026-10-12', 'payment', '100.00')}, ${pay('P6', 'Y2', '2026-10-02', 'payment', '50.00')}`);
    const b = await balances();
    // opening 80.00 (Y2); closing 30.00 (Y2) + 200.00 (Y1); of the month's own sales only Y1 is open
    expect(b).toMatchObject({ opening: '80.00', closing: '230.00', openSales: '200.00' });
    // the Fechamento page's summary: the last complete month by default, the same lines as the pack
    const page = await t.call<ClosingSummary>('export.closingSummary', { today: '2026-11-04' });
    expect(page).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    const rec = page.sections.find((s) => s.id === 'reconciliation')!;
    expect(rec.lines.find((l) => l.label['pt-BR'] === 'Saldo em aberto no fim do mês')?.value).toBe('230.00');
  });
});
