// export.table on a real DuckDB: every canonical table of a small demo exported through the contract as XLSX and
// as CSV (both dialects), imported into an empty database, gives identical tables (EXCEPT ALL both ways), with no
// rejects; importing again changes nothing. An XLSX past Excel's row limit is refused in words, naming CSV/Parquet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { NO_DIFFERENCES, openTestEngine, tableDifferences, type TestEngine } from '../engine/testEngine';
import { generateDemo } from '../demo/generateDemo';
import { importFiles } from '../import/importFiles';
import { CANONICAL_TABLES } from '../../shared/types';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult } from '../../shared/api/export';
import { exactNumber, XLSX_MAX_DATA_ROWS } from './tableExport';

let source: TestEngine;

beforeAll(async () => {
  source = await openTestEngine();
  await generateDemo(source.engine.db, { customers: 300, months: 3, seed: 5, endDate: '2025-12-31' });
  // Text a spreadsheet would take for a formula or a number, quotes and a line break, an instant with microseconds.
  await source.engine.db.run(`INSERT INTO customers (customer_id, name, phone, city, created_at, marketing_opt_in) VALUES
    ('0042', '=HYPERLINK("x")', '+55 11 91234-5678', 'São
Paulo', TIMESTAMPTZ '2025-03-01 10:11:12.345678-03', false),
    ('file:2', 'Ana "Aninha", da Silva', '-', '@home', NULL, NULL)`);
  await source.engine.db.checkpoint();
}, 120_000);
afterAll(() => source.close());

async function exportTable(table: string, format: 'csv' | 'xlsx', folder: string, csvDialect?: 'standard' | 'excel-br'): Promise<ExportJobResult> {
  const job = await source.call<JobSnapshot>('export.table', { table, format, csvDialect, folder, locale: 'pt-BR' });
  const end = await source.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  if (end.state !== 'done') throw new Error(`${end.state}: ${end.error?.message}`);
  return end.result as ExportJobResult;
}



describe('a canonical table exported as CSV or XLSX imports back to identical rows', () => {
  for (const [format, dialect] of [['xlsx', undefined], ['csv', 'excel-br'], ['csv', 'standard']] as const) {
    it(`${format}${dialect ? ` (${dialect})` : ''}: every table, identical, no rejects; again changes nothing`, async () => {
      const folder = join(source.dir, `tables-${format}-${dialect ?? ''}`);
      mkdirSync(folder);
      const files: string[] = [];
      for (const t of CANONICAL_TABLES) {
        const r = await exportTable(t, format, folder, dialect);
        expect(r.format).toBe(format);
        expect(r.download).toMatch(/^\/api\/export\/download\?id=/);
        files.push(r.path);
      }
      const target = await openTestEngine();
      try {
        const first = await importFiles(target.engine.db, files);
        expect(first.files.filter((f) => f.error).map((f) => f.error?.message)).toEqual([]);
        expect(first.files.every((f) => f.mapping === 'canonical')).toBe(true);
        expect(first.rejected).toBe(0);
        expect(await tableDifferences(target, source.dbPath)).toEqual(NO_DIFFERENCES);
        const second = await importFiles(target.engine.db, files);
        expect(second.tables.reduce((a, x) => a + x.loaded + x.replaced + x.rejected, 0)).toBe(0);
        expect(second.tables.find((x) => x.table === 'sales')?.unchanged).toBeGreaterThan(100);
      } finally {
        await target.close();
      }
    }, 180_000);
  }

  it('XLSX cells are typed for a spreadsheet: money as numbers, ids and instants as text, NULL empty', async () => {
    const folder = join(source.dir, 'look');
    mkdirSync(folder);
    const r = await exportTable('customers', 'xlsx', folder);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Clientes']);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('customer_id');
    const row = ws.getRow(2).values as unknown[];
    expect(row[1]).toBe('0042');
    expect(row[2]).toBe('=HYPERLINK("x")');
    expect(row[header.indexOf('created_at') + 1]).toBe('2025-03-01 10:11:12.345678-03');
    expect(row[header.indexOf('email') + 1]).toBeUndefined();

    const s = await exportTable('sales', 'xlsx', folder);
    const sw = new ExcelJS.Workbook();
    await sw.xlsx.readFile(s.path);
    const sh = sw.worksheets[0];
    const sHead = (sh.getRow(1).values as unknown[]).slice(1);
    const first = sh.getRow(2).values as unknown[];
    const [db] = await source.engine.db.all<{ total: string }>(`SELECT CAST(total_amount AS VARCHAR) AS total FROM sales ORDER BY sale_id LIMIT 1`);
    expect(typeof first[sHead.indexOf('total_amount') + 1]).toBe('number');
    expect(first[sHead.indexOf('total_amount') + 1]).toBe(Number(db.total));
  });

  it('a decimal becomes a number only when the number is exactly it', () => {
    expect(exactNumber(2)('1234.50')).toBe(1234.5);
    expect(exactNumber(2)('12345678901234.56')).toBe('12345678901234.56');
    expect(exactNumber(3)('-0.125')).toBe(-0.125);
    expect(exactNumber(2)(null)).toBeNull();
  });

  it('an XLSX past the sheet row limit is refused before it starts, in words, naming CSV and Parquet', async () => {
    const big = await openTestEngine();
    try {
      await big.engine.db.run(`INSERT INTO locations (location_id) SELECT 'l' || i FROM range(${XLSX_MAX_DATA_ROWS + 1}) t(i)`);
      const r = await big.dispatcher.call('export.table', { table: 'locations', format: 'xlsx', locale: 'pt-BR' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.message).toBe('A tabela Unidades tem 1.048.576 linhas e uma planilha XLSX comporta até 1.048.575. Exporte em CSV, ou todos os dados em Parquet.');
      const en = await big.dispatcher.call('export.table', { table: 'locations', format: 'xlsx', locale: 'en' });
      expect(!en.ok && en.error.message).toMatch(/XLSX sheet holds up to 1,048,575\. Export it as CSV, or all data as Parquet/);
      expect(big.engine.jobs.list()).toEqual([]);
    } finally {
      await big.close();
    }
  }, 60_000);
});
