// The writers over a small awkward fixture: CSV in both dialects read back by DuckDB, formula neutralisation,
// XLSX read back with exceljs (types, formats, totals), PDF read back with pdftotext and rendered with pdftoppm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { writeCsv } from './csvExport';
import { writeXlsx } from './xlsxExport';
import { writeReportPdf } from './pdfExport';
import { writeReportParquet } from './parquetExport';
import { noJob } from './duckRun';
import { createFixtureTable, fixtureSource, FIXTURE_ROWS } from './testFixtures';
import type { ExportContext } from './types';

let t: TestEngine;
const ctx = (locale: 'pt-BR' | 'en' = 'pt-BR'): ExportContext => ({ locale, businessName: 'Salão Beleza Pura Ltda.', currency: 'BRL', timezone: 'America/Sao_Paulo', now: new Date('2026-11-02T15:04:00Z') });
export const ARTIFACTS = join(process.cwd(), 'test-results', 'export');

beforeAll(async () => {
  t = await openTestEngine();
  await createFixtureTable(t.engine.db);
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => t.close());

/** Reads the original rows as DuckDB sees them, to compare a round trip with. */
async function original() {
  return t.engine.db.all<Record<string, unknown>>(`SELECT id, name, amount::VARCHAR AS amount, qty, rate, strftime(day, '%Y-%m-%d') AS day,
    strftime(timezone('America/Sao_Paulo', at_ts), '%Y-%m-%d %H:%M:%S') AS at, ok FROM export_fx ORDER BY id`);
}

describe('CSV', () => {
  it('standard dialect: RFC 4180 with CRLF, no BOM, read back exactly by DuckDB', async () => {
    const path = join(t.dir, 'std.csv');
    const rows = await writeCsv(t.engine.db.readConnection(), fixtureSource(), ctx('en'), 'standard', path, noJob());
    expect(rows).toBe(FIXTURE_ROWS.length);
    const raw = readFileSync(path);
    expect(raw.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const textContent = raw.toString('utf8');
    expect(textContent.startsWith('No.,Description,Amount,Quantity,Rate,Date,Time,Done\r\n')).toBe(true);
    expect(textContent).toContain('"vírgula, e ""aspas"""');
    const back = await t.engine.db.all<Record<string, unknown>>(
      `SELECT "No." AS id, Description AS name, Amount::VARCHAR AS amount, Quantity AS qty, Rate AS rate, Date AS day, Time AS at, Done AS ok
       FROM read_csv($1, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true) ORDER BY CAST("No." AS INT)`,
      [path],
    );
    const orig = await original();
    expect(back.length).toBe(orig.length);
    back.forEach((b, i) => {
      const o = orig[i];
      const name = o.name === null ? null : /^[=+\-@\t\r]/.test(String(o.name)) ? `'${o.name}` : o.name;
      expect(b.name).toBe(name);
      expect(b.amount).toBe(o.amount);
      expect(Number(b.qty)).toBe(Number(o.qty));
      expect(Number(b.rate)).toBeCloseTo(Number(o.rate), 10);
      expect(b.day).toBe(o.day);
      expect(b.at).toBe(o.at);
      expect(b.ok === null ? null : b.ok === 'true').toBe(o.ok);
    });
  });

  it('Excel pt-BR dialect: BOM, semicolons, decimal commas and DD/MM/YYYY, read back exactly by DuckDB', async () => {
    const path = join(t.dir, 'br.csv');
    await writeCsv(t.engine.db.readConnection(), fixtureSource(), ctx('pt-BR'), 'excel-br', path, noJob());
    const raw = readFileSync(path);
    expect(raw.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const content = raw.toString('utf8').slice(1);
    const lines = content.split('\r\n');
    expect(lines[0]).toBe('Nº;Descrição;Valor (R$);Quantidade;Taxa;Data;Horário;Concluído');
    expect(lines[1]).toBe("1;Ação São João;1234,50;3;0,125;05/03/2026;05/03/2026 10:30:00;sim");
    expect(content).toContain('"linha\ndupla; ponto-e-vírgula"');
    const back = await t.engine.db.all<Record<string, unknown>>(
      `SELECT "Nº" AS id, "Descrição" AS name, "Valor (R$)" AS amount, "Data" AS day, "Horário" AS at, "Concluído" AS ok
       FROM read_csv($1, header = true, delim = ';', decimal_separator = ',', dateformat = '%d/%m/%Y', timestampformat = '%d/%m/%Y %H:%M:%S',
         columns = {'Nº': 'INTEGER', 'Descrição': 'VARCHAR', 'Valor (R$)': 'DECIMAL(18,2)', 'Quantidade': 'BIGINT', 'Taxa': 'DOUBLE', 'Data': 'DATE', 'Horário': 'TIMESTAMP', 'Concluído': 'VARCHAR'})
       ORDER BY 1`,
      [path],
    );
    const orig = await original();
    back.forEach((b, i) => {
      expect(Number(b.amount).toFixed(2)).toBe(Number(orig[i].amount).toFixed(2));
      expect((b.day as Date).toISOString().slice(0, 10)).toBe(orig[i].day);
      expect((b.at as Date).toISOString().slice(0, 19).replace('T', ' ')).toBe(orig[i].at);
      expect(b.ok === null ? null : b.ok === 'sim').toBe(orig[i].ok);
    });
  });

  it('neutralises cells that start with = + - @ tab or CR, and only text cells', async () => {
    const path = join(t.dir, 'inj.csv');
    await writeCsv(t.engine.db.readConnection(), fixtureSource(), ctx('en'), 'standard', path, noJob());
    const content = readFileSync(path, 'utf8');
    expect(content).toContain(`,'=SUM(A1:A9),`);
    expect(content).toContain(`,'+55 11 99999-0000,`);
    expect(content).toContain(`,'-2+3,`);
    expect(content).toContain(`,'@cmd,`);
    expect(content).toContain(`,'\tTab,`);
    expect(content).toContain(',-15.00,');
    for (const line of content.split('\r\n').slice(1)) {
      for (const field of line.split(',')) expect(/^[=+@\t\r]/.test(field)).toBe(false);
    }
  });

  it('an empty result is the header line alone', async () => {
    const path = join(t.dir, 'empty.csv');
    const rows = await writeCsv(t.engine.db.readConnection(), fixtureSource({ sql: 'SELECT * FROM export_fx WHERE false' }), ctx('en'), 'standard', path, noJob());
    expect(rows).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('No.,Description,Amount,Quantity,Rate,Date,Time,Done\r\n');
  });
});

describe('XLSX', () => {
  it('typed cells, R$ and % formats, bold frozen header, autofilter, SUBTOTAL totals and the about sheet', async () => {
    const path = join(t.dir, 'fx.xlsx');
    const chart = { title: { 'pt-BR': 'Valor por dia', en: 'Amount by day' }, kind: 'bar', xLabel: { 'pt-BR': 'Data', en: 'Date' }, x: ['2026-03-05', '2026-03-06'], series: [{ label: { 'pt-BR': 'Valor', en: 'Amount' }, values: [1234.5, -15], as: 'bar' as const, unit: 'currency' }] };
    const rows = await writeXlsx(t.engine.db.readConnection(), fixtureSource({ chart }), ctx(), path, noJob());
    expect(rows).toBe(FIXTURE_ROWS.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Dados', 'Informações', 'Gráfico']);
    const ws = wb.getWorksheet('Dados')!;
    expect(ws.getRow(1).getCell(2).value).toBe('Descrição');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:H10');
    const r2 = ws.getRow(2);
    expect(r2.getCell(3).value).toBe(1234.5);
    // the symbol and the NBSP after it are literal in the format, as the formatter writes them on screen
    expect(r2.getCell(3).numFmt).toBe('"R$\u00a0"#,##0.00;[Red]-"R$\u00a0"#,##0.00');
    expect(r2.getCell(5).value).toBe(0.125);
    expect(r2.getCell(5).numFmt).toBe('0.0%');
    expect(r2.getCell(6).value).toBeInstanceOf(Date);
    expect((r2.getCell(6).value as Date).toISOString().slice(0, 10)).toBe('2026-03-05');
    expect(r2.getCell(6).numFmt).toBe('dd/mm/yyyy');
    expect((r2.getCell(7).value as Date).toISOString().slice(0, 16)).toBe('2026-03-05T10:30');
    expect(r2.getCell(8).value).toBe(true);
    expect(ws.getRow(3).getCell(2).value).toBe('=SUM(A1:A9)');
    expect(ws.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
    const total = ws.getRow(11);
    expect(total.font?.bold).toBe(true);
    expect(total.getCell(2).value).toBe('Total');
    const sum = total.getCell(3).value as ExcelJS.CellFormulaValue;
    expect(sum.formula).toBe('SUBTOTAL(109,C2:C10)');
    expect(sum.result).toBeCloseTo(1234.5 - 15 + 0.1 + 999999.99 + 0 + 10.01 + 1.99 + 5 + 7.77, 2);
    expect((total.getCell(1).value as ExcelJS.CellFormulaValue).formula).toBe('SUBTOTAL(103,A2:A10)');
    expect((total.getCell(5).value as ExcelJS.CellFormulaValue).formula).toBe('SUBTOTAL(101,E2:E10)');
    const about = wb.getWorksheet('Informações')!;
    expect(about.getRow(1).getCell(1).value).toBe('Relatório de Ações e Promoções');
    const aboutText = about.getSheetValues().flat().map(String).join('|');
    expect(aboutText).toContain('Centro — São Paulo');
    expect(aboutText).toContain('02/11/2026');
    const chartWs = wb.getWorksheet('Gráfico')!;
    expect(chartWs.getRow(1).values).toEqual([undefined, 'Data', 'Valor']);
    expect(chartWs.getRow(3).getCell(2).value).toBe(-15);
  });

  it("uses the engine's totals for ratio columns instead of a formula", async () => {
    const path = join(t.dir, 'ratio.xlsx');
    const src = fixtureSource();
    src.columns[4] = { ...src.columns[4], total: 'ratio' };
    src.totals = { id: 9, amount: '1000.00', qty: 31, rate: 0.42 };
    await writeXlsx(t.engine.db.readConnection(), src, ctx('en'), path, noJob());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const total = wb.getWorksheet('Data')!.getRow(11);
    expect(total.getCell(5).value).toBe(0.42);
    expect((total.getCell(3).value as ExcelJS.CellFormulaValue).result).toBe(1000);
  });
});

describe('PDF', () => {
  it('title, accents, filters, totals and page numbers; page 1 rendered as an artifact', async () => {
    const path = join(t.dir, 'fx.pdf');
    const chart = { title: { 'pt-BR': 'Valor por dia', en: 'Amount by day' }, kind: 'bar_line', xLabel: { 'pt-BR': 'Data', en: 'Date' }, x: ['2026-03-05', '2026-03-06', '2026-03-07'], series: [{ label: { 'pt-BR': 'Valor', en: 'Amount' }, values: [1234.5, 300, 800], as: 'bar' as const }, { label: { 'pt-BR': 'Anterior', en: 'Previous' }, values: [900, 400, 700], as: 'line' as const }] };
    const rows = await writeReportPdf(t.engine.db.readConnection(), fixtureSource({ chart }), ctx(), path, noJob());
    expect(rows).toBe(FIXTURE_ROWS.length);
    const txt = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Relatório de Ações e Promoções');
    expect(txt).toContain('Salão Beleza Pura Ltda.');
    expect(txt).toContain('Ação São João');
    expect(txt).toContain('Centro — São Paulo');
    expect(txt).toContain('Período: 01/01/2026 – 31/12/2026');
    // the PDF keeps R$ and its amount together with an NBSP; pdftotext reads it back as a space
    expect(txt).toContain('R$ 1.001.244,36');
    expect(txt).toContain('-R$ 15,00');
    expect(txt).toMatch(/página 1 de 1/);
    expect(txt).toContain('Gerado em 02/11/2026 12:04');
    expect(txt).toContain('Valor por dia');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(ARTIFACTS, 'report-fixture-page1')]);
  });
});

describe('Parquet', () => {
  it('keeps native types and column ids', async () => {
    const path = join(t.dir, 'fx.parquet');
    const rows = await writeReportParquet(t.engine.db.readConnection(), fixtureSource(), path, noJob());
    expect(rows).toBe(FIXTURE_ROWS.length);
    const back = await t.engine.db.all<{ amount: string; day: string; t: string }>(`SELECT amount::VARCHAR AS amount, day::VARCHAR AS day, typeof(amount) AS t FROM read_parquet($1) ORDER BY id`, [path]);
    expect(back[0]).toEqual({ amount: '1234.50', day: '2026-03-05', t: 'DECIMAL(18,2)' });
  });
});
