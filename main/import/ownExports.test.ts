// Painel's own exports imported back through the contract. A table's file (CSV, or a workbook sheet) whose columns
// are exactly that table's lands as the table even when renamed, with identical rows, and again changes nothing. A
// report's export (CSV with labels or ids, XLSX) is a summary: it is refused with the report's name and what to use
// instead, before and during the import, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { createSalesData } from '../export/testFixtures';
import { exportCanonical } from './exportCanonical';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult } from '../../shared/api/export';
import type { ImportSummary, SheetInspect } from '../../shared/api/import';

let t: TestEngine;
let out: string;
const period = { preset: 'custom', from: '2026-08-01', to: '2026-10-31' };

async function job<T>(method: string, input: unknown): Promise<T> {
  const end = await t.call<JobSnapshot>('jobs.wait', { id: (await t.call<JobSnapshot>(method, input)).id, timeoutMs: 60_000 });
  if (end.state !== 'done') throw new Error(`${end.state}: ${end.error?.message}`);
  return end.result as T;
}
const sales = async () => Number((await t.engine.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM sales`))[0].n);
const importRun = (path: string) => job<ImportSummary>('import.run', { paths: [path], acceptSuggested: true });

beforeAll(async () => {
  t = await openTestEngine();
  await createSalesData(t.engine.db, 400, 2);
  out = join(t.dir, 'out');
  mkdirSync(out);
});
afterAll(() => t.close());

describe("Painel's own exports imported back", () => {
  it('a table export renamed (CSV) or as a workbook sheet lands as that table, identical, and again changes nothing', async () => {
    const [file] = await exportCanonical(t.engine.db, out, 'csv', ['items']);
    const renamed = join(out, 'servicos exportados (1).csv');
    copyFileSync(file.path, renamed);
    expect((await t.call<SheetInspect>('import.inspect', { path: renamed })).kind).toBe('canonical');
    const before = await t.engine.db.all(`SELECT * FROM items ORDER BY item_id`);
    expect(before.length).toBeGreaterThan(2);
    const s = await importRun(renamed);
    expect(s.files[0].error).toBeUndefined();
    expect(s.failedFiles).toBe(0);
    expect(s.tables).toEqual([expect.objectContaining({ table: 'items', loaded: 0, replaced: 0, unchanged: before.length, rejected: 0 })]);
    expect(await t.engine.db.all(`SELECT * FROM items ORDER BY item_id`)).toEqual(before);

    // The same rows as a workbook whose sheet has another name: read as the items table too.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Planilha1');
    const lines = readFileSync(file.path, 'utf8').trim().split('\n');
    ws.addRow(lines[0].split(','));
    const rows = await t.engine.db.all<Record<string, unknown>>(`SELECT * FROM items ORDER BY item_id LIMIT 5`);
    const cols = lines[0].split(',');
    for (const r of rows) ws.addRow(cols.map((c) => (r[c] === null || r[c] === undefined ? null : r[c] instanceof Date ? (r[c] as Date).toISOString() : String(r[c]))));
    const xlsx = join(out, 'minha planilha.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const x = await importRun(xlsx);
    expect(x.failedFiles).toBe(0);
    expect(x.tables).toEqual([expect.objectContaining({ table: 'items', loaded: 0, replaced: 0, unchanged: rows.length, rejected: 0 })]);
  });

  it("a report's CSV (labels or ids) or XLSX export is refused with the report's name, and nothing is written", async () => {
    const n = await sales();
    const exports: string[] = [];
    for (const [name, extra] of [
      ['vendas-por-item.csv', { format: 'csv', csvDialect: 'excel-br' }],
      ['sales-by-item-ids.csv', { format: 'csv', csvDialect: 'standard', csvHeader: 'ids' }],
      ['vendas-por-item.xlsx', { format: 'xlsx' }],
    ] as const) {
      const r = await job<ExportJobResult>('export.run', { report: 'sales-by-item', period, ...extra, folder: out, fileName: name, locale: 'pt-BR' });
      exports.push(r.path);
    }
    for (const path of exports) {
      const look = await t.call<SheetInspect>('import.inspect', { path });
      expect(look.refusal, path).toMatch(/relatório "Vendas por serviço e produto"|report "Sales by service and product"/);
      expect(look.refusal).toMatch(/backup|Parquet/);
      const s = await importRun(path);
      expect(s.failedFiles, path).toBe(1);
      expect(s.files[0].error?.code).toBe('BAD_INPUT');
      expect(s.files[0].error?.message).toMatch(/Vendas por serviço e produto|Sales by service and product/);
      expect(s.files[0].error?.message).not.toMatch(/DuckDB|Error:/);
    }
    expect(await sales()).toBe(n);
  });

  it('a sheet that only shares some words with a report is not taken for one', async () => {
    const p = join(out, 'atendimentos.csv');
    writeFileSync(p, 'Data;Cliente;Serviço;Valor\n03/11/2026;Ana;Corte;R$ 50,00\n');
    const look = await t.call<SheetInspect>('import.inspect', { path: p });
    expect(look.refusal).toBeUndefined();
    expect(look.suggestion?.mapping['sale.date']).toBe('Data');
  });
});
