// import.* for spreadsheets through the dispatcher: inspect, preview with per-cell problems, run with a confirmed
// mapping saved as a template, undo of one import (others untouched) and removal of the demo data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { ImportSummary, SheetInspect, SheetPreview } from '../../shared/api/import';
import type { JobSnapshot } from '../../shared/events';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(() => t.close());

const count = async (table: string) => Number((await t.engine.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
async function run(input: unknown): Promise<ImportSummary> {
  const job = await t.call<JobSnapshot>('import.run', input);
  const end = await t.call<JobSnapshot>('jobs.wait', { id: job.id });
  return end.result as ImportSummary;
}
async function demo(): Promise<void> {
  const job = await t.call<JobSnapshot>('demo.generate', { preset: 'small', customers: 60, months: 1, endDate: '2026-10-31' });
  await t.call('jobs.wait', { id: job.id });
}

describe('spreadsheet import through the contract', () => {
  it('inspects, previews exactly what will land with problems per cell, and imports the confirmed mapping', async () => {
    const p = join(t.dir, 'caixa.csv');
    writeFileSync(p, 'Data;Cliente;Valor;Pagamento;Aceita promoções\n03/11/2026;Ana;R$ 1.234,56;Pix;Sim\n31/11/2026;Bia;dez reais;Débito;talvez\n05/11/26;Caio;(10,00);Dinheiro;Não\n');
    const look = await t.call<SheetInspect>('import.inspect', { path: p });
    expect(look.kind).toBe('sheet');
    expect(look.suggestion?.mapping).toMatchObject({ 'sale.date': 'Data', 'customer.name': 'Cliente', 'line.total': 'Valor', 'payment.method': 'Pagamento', 'customer.optIn': 'Aceita promoções' });
    const plan = { mapping: look.suggestion!.mapping, dateOrder: 'dmy', decimal: ',' };
    const pv = await t.call<SheetPreview>('import.preview', { path: p, plan });
    const col = (f: string) => pv.columns.findIndex((c) => c.field === f);
    expect(pv.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(pv.rows.map((r) => r.cells[col('sale.date')].value)).toEqual(['2026-11-03 00:00', null, '2026-11-05 00:00']);
    expect(pv.rows[1].cells[col('sale.date')].problem).toBe('date');
    expect(pv.rows.map((r) => r.cells[col('line.total')].value)).toEqual(['1234.56', null, '-10.00']);
    expect(pv.rows[1].cells[col('line.total')].problem).toBe('number');
    expect(pv.rows.map((r) => r.cells[col('payment.method')].value)).toEqual(['pix', 'debit_card', 'cash']);
    expect(pv.rows[1].cells[col('customer.optIn')].problem).toBe('yesno');
    expect(pv.missing).toEqual([]);

    const s = await run({ paths: [p], plans: { [p]: { ...plan, saveAs: 'Caixa' } } });
    expect(s.files[0]).toMatchObject({ mapping: 'sheet' });
    expect(await count('sales')).toBe(1);
    expect(await t.call('import.templates')).toMatchObject([{ name: 'Caixa', mapping: plan.mapping }]);
    expect((await t.call<SheetInspect>('import.inspect', { path: p })).template).toBe('Caixa');
  });

  it('a sheet without a mapping is refused with the suggestion and nothing is written', async () => {
    const p = join(t.dir, 'vendas.csv');
    writeFileSync(p, 'Data,Cliente,Valor\n03/11/2026,Ana,10.00\n');
    const s = await run({ paths: [p] });
    expect(s.files[0]).toMatchObject({ needsMapping: true, error: { code: 'BAD_INPUT' } });
    expect(await count('sales')).toBe(0);
  });

  it('undo removes an import’s rows only; remove demo keeps what files brought', async () => {
    await demo();
    const demoSales = await count('sales');
    expect(demoSales).toBeGreaterThan(0);
    const a = join(t.dir, 'a.csv');
    const b = join(t.dir, 'b.csv');
    writeFileSync(a, 'Data,Cliente,Serviço,Valor\n03/11/2026,Ana Import,Corte,50.00\n');
    writeFileSync(b, 'Data,Cliente,Serviço,Valor\n04/11/2026,Bia Import,Escova,60.00\n');
    const sa = await run({ paths: [a], acceptSuggested: true });
    await run({ paths: [b], acceptSuggested: true });
    expect(await count('sales')).toBe(demoSales + 2);
    const undone = await t.call<{ tables: { table: string; rows: number }[] }>('import.undo', { importId: sa.importId });
    expect(undone.tables.find((x) => x.table === 'sales')?.rows).toBe(1);
    expect(await count('sales')).toBe(demoSales + 1);
    expect(await t.engine.db.all(`SELECT name FROM customers WHERE name LIKE '% Import'`)).toEqual([{ name: 'Bia Import' }]);
    await expect(t.call('import.undo', { importId: sa.importId })).rejects.toThrow(/CONFLICT/);
    await t.call('import.removeDemo');
    expect(await count('sales')).toBe(1);
    expect(await count('sale_lines')).toBe(1);
    await expect(t.call('import.removeDemo')).rejects.toThrow(/NOT_FOUND/);
  });
});
