// Canonical file import: rejects with their real line, dialects (pt-BR, Latin-1, BOM), idempotence and upsert,
// missing and unknown columns, Parquet and XLSX.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { importFiles } from './importFiles';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(() => t.close());

function file(name: string, content: string | Buffer, dir = 'in'): string {
  mkdirSync(join(t.dir, dir), { recursive: true });
  const p = join(t.dir, dir, name);
  writeFileSync(p, content);
  return p;
}

const rows = <T = Record<string, unknown>>(sql: string) => t.engine.db.all<T>(sql);

describe('canonical CSV import', () => {
  it('a file with mixed line endings (a row appended by another program) loads; no parser message reaches anyone', async () => {
    const p = file('sales.csv', 'sale_id,status,occurred_at,total_amount\r\ns1,completed,2024-03-05,10\r\ns2,completed,2024-03-06,20\ns3,completed,2024-03-07,30\rs4,completed,bad,40\r\n');
    const s = await importFiles(t.engine.db, [p]);
    expect(s.failedFiles).toBe(0);
    expect(s.tables).toEqual([{ table: 'sales', loaded: 3, replaced: 0, unchanged: 0, rejected: 1 }]);
    expect(await rows(`SELECT line::INT AS line, "column" FROM import_rejects`)).toEqual([{ line: 5, column: 'occurred_at' }]);
  });

  it('loads valid rows and rejects each broken one with its physical line, column, value and reason', async () => {
    const p = file(
      'sales.csv',
      [
        'sale_id,status,occurred_at,total_amount,gross_amount,discount_amount,coupon_code,extra',
        's1,completed,2024-03-05T14:30:00-03:00,90.00,100.00,10.00,"PROMO',
        'DUAS LINHAS",x',
        's2,completed,2024-03-05 15:00,50,50,0,,y',
        '',
        's3,done,2024-03-05,50,50,0,,z',
        's4,completed,31/02/2024,50,50,0,,z',
        's5,completed,2024-03-06,40,50,0,,z',
        's1,completed,2024-03-06,50,50,0,,dup',
        ',completed,2024-03-06,50,50,0,,z',
        's6,completed,2024-03-06,50,50,0,,too,many',
        's7,completed,2024-03-07,70,70,0,,ok',
      ].join('\n') + '\n',
    );
    const s = await importFiles(t.engine.db, [p]);
    expect(s.failedFiles).toBe(0);
    expect(s.files[0].unknownColumns).toEqual(['extra']);
    expect(s.tables).toEqual([{ table: 'sales', loaded: 3, replaced: 0, unchanged: 0, rejected: 6 }]);
    const loaded = await rows<{ sale_id: string; coupon_code: string | null }>(`SELECT sale_id, coupon_code FROM sales ORDER BY sale_id`);
    expect(loaded.map((r) => r.sale_id)).toEqual(['s1', 's2', 's7']);
    expect(loaded[0].coupon_code).toBe('PROMO\nDUAS LINHAS');
    const rej = await rows<{ line: bigint; column: string | null; value: string | null; reason: string; file: string; table: string }>(
      `SELECT line, "column", value, reason, file, "table" FROM import_rejects ORDER BY line`,
    );
    expect(rej.map((r) => [Number(r.line), r.column])).toEqual([
      [6, 'status'],
      [7, 'occurred_at'],
      [8, 'total_amount'],
      [9, 'sale_id'],
      [10, 'sale_id'],
      [11, null],
    ]);
    expect(rej[0].value).toBe('done');
    // Reasons are in the business's language (pt-BR by default).
    expect(rej[0].reason).toBe('situação: não é um destes valores: booked (agendado), confirmed (confirmado), completed (concluído), cancelled (cancelado), no_show (falta)');
    expect(rej[1].value).toBe('31/02/2024');
    expect(rej[2].reason).toBe('valor total 40.00 não é bruto - desconto + impostos + frete = 50.00');
    expect(rej[3].reason).toBe('código da venda repetido no arquivo (a primeira linha foi mantida)');
    expect(rej[4].reason).toBe('código da venda: valor obrigatório ausente');
    expect(rej[5].reason).toBe('a linha tem mais colunas que o cabeçalho (9 em vez de 8)');
    expect(rej.every((r) => r.file === p && r.table === 'sales')).toBe(true);
  });

  it('keeps line numbers right in a large file read in parallel', async () => {
    const lines = ['sale_id,status,occurred_at,total_amount,coupon_code'];
    const bad: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const quoted = i % 997 === 0 ? '"A\nB"' : '';
      if (i % 40_000 === 123) {
        lines.push(`x${i},lost,2024-01-01,1,${quoted}`);
        bad.push(lines.length + lines.filter((l) => l.includes('\n')).length);
      } else lines.push(`s${i},completed,2024-01-01,1,${quoted}`);
    }
    const p = file('sales.csv', lines.join('\n') + '\n');
    const s = await importFiles(t.engine.db, [p]);
    expect(s.tables[0]).toMatchObject({ loaded: 200_000 - bad.length, rejected: bad.length });
    const rej = await rows<{ line: bigint; value: string }>(`SELECT line, value FROM import_rejects ORDER BY line`);
    expect(rej.map((r) => Number(r.line))).toEqual(bad);
  });

  it('reads pt-BR files: semicolons, decimal commas with thousands dots, DD/MM/YYYY HH:MM in the business time zone, sim/não', async () => {
    const p = file(
      'sales.csv',
      'sale_id;status;occurred_at;gross_amount;discount_amount;total_amount;points_earned\n' +
        's1;completed;05/03/2024 14:30;1.234,56;34,56;1.200,00;1.200\n' +
        's2;cancelled;06/03/2024;R$ 10,50;0;10,50;0\n',
    );
    const c = file('customers.csv', 'customer_id;name;birth_date;marketing_opt_in\nc1;Ana;04/05/1990;sim\nc2;Bia;1991-12-31;não\n');
    const s = await importFiles(t.engine.db, [p, c]);
    expect(s.files.map((f) => f.dialect)).toEqual([
      { delimiter: ';', decimal: ',', encoding: 'utf-8' },
      { delimiter: ';', decimal: ',', encoding: 'utf-8' },
    ]);
    const sales = await rows<{ sale_id: string; g: string; d: string; t: string; ts: string; pts: number }>(
      `SELECT sale_id, gross_amount::VARCHAR g, discount_amount::VARCHAR d, total_amount::VARCHAR t, strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') ts, points_earned pts FROM sales ORDER BY 1`,
    );
    expect(sales).toEqual([
      { sale_id: 's1', g: '1234.56', d: '34.56', t: '1200.00', ts: '2024-03-05 17:30', pts: 1200 },
      { sale_id: 's2', g: '10.50', d: '0.00', t: '10.50', ts: '2024-03-06 03:00', pts: 0 },
    ]);
    const cust = await rows<{ b: string; o: boolean }>(`SELECT birth_date::VARCHAR b, marketing_opt_in o FROM customers ORDER BY customer_id`);
    expect(cust).toEqual([
      { b: '1990-05-04', o: true },
      { b: '1991-12-31', o: false },
    ]);
  });

  it('reads Latin-1 (Windows-1252) files, also when the first non-ASCII byte comes late in the file', async () => {
    const text = 'customer_id;name;city\nc1;João Conceição;São Paulo\nc2;Sérgio “Zé” Araújo – filho;Curitiba\n';
    const small = file('customers.csv', Buffer.from(text.replace('“', '\x93').replace('”', '\x94').replace('–', '\x96'), 'latin1'), 'a');
    const filler = Array.from({ length: 12_000 }, (_, i) => `x${i};Plain Name ${i};Town`).join('\n');
    const late = file('customers.csv', Buffer.from(`customer_id;name;city\n${filler}\nz1;Antônia Gonçalves;Maceió\n`, 'latin1'), 'b');
    const s1 = await importFiles(t.engine.db, [small]);
    expect(s1.files[0].error).toBeUndefined();
    expect(s1.files[0].dialect?.encoding).toBe('latin-1');
    const s2 = await importFiles(t.engine.db, [late]);
    expect(s2.files[0].error).toBeUndefined();
    expect(s2.files[0].dialect?.encoding).toBe('latin-1');
    const names = await rows<{ name: string; city: string }>(`SELECT name, city FROM customers WHERE customer_id IN ('c1', 'c2', 'z1') ORDER BY customer_id`);
    expect(names).toEqual([
      { name: 'João Conceição', city: 'São Paulo' },
      { name: 'Sérgio “Zé” Araújo – filho', city: 'Curitiba' },
      { name: 'Antônia Gonçalves', city: 'Maceió' },
    ]);
  });

  it('reads UTF-8 with a BOM and matches headers regardless of case and spacing', async () => {
    const p = file('Customers.CSV', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Customer ID,Name,E-mail\nc1,Zé,ze@x.com\n')]));
    const s = await importFiles(t.engine.db, [p]);
    expect(s.files[0].unknownColumns).toEqual(['E-mail']);
    expect(await rows(`SELECT customer_id, name FROM customers`)).toEqual([{ customer_id: 'c1', name: 'Zé' }]);
  });

  it('trims padded values (ids, texts, dates) and treats blank cells as empty', async () => {
    const p = file('customers.csv', 'customer_id,name,created_at,birth_date\n c1 ,  Ana Paula , 2024-01-01 10:00 , 1990-05-04 \nc2,Bia,   ,\n');
    const s = await importFiles(t.engine.db, [p]);
    expect(s.tables[0]).toMatchObject({ loaded: 2, rejected: 0 });
    expect(await rows(`SELECT customer_id, name, created_at IS NOT NULL c, birth_date::VARCHAR b FROM customers ORDER BY 1`)).toEqual([
      { customer_id: 'c1', name: 'Ana Paula', c: true, b: '1990-05-04' },
      { customer_id: 'c2', name: 'Bia', c: false, b: null },
    ]);
  });

  it('fails a file that lacks a required column, naming it, and still loads the other files', async () => {
    const bad = file('payments.csv', 'payment_id,occurred_at,method,amount\np1,2024-01-01,pix,10\n');
    const good = file('locations.csv', 'location_id,name\nl1,Centro\n');
    const s = await importFiles(t.engine.db, [bad, good]);
    expect(s.failedFiles).toBe(1);
    const f = s.files.find((x) => x.file === bad);
    expect(f?.error).toMatchObject({ code: 'BAD_INPUT', message: 'payments.csv: missing required column kind for table payments' });
    expect(await rows(`SELECT count(*)::INT n FROM payments`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT location_id FROM locations`)).toEqual([{ location_id: 'l1' }]);
    expect(await rows(`SELECT error FROM import_log WHERE file = '${bad}'`)).toEqual([{ error: f?.error?.message }]);
  });

  it('is idempotent: importing the same folder twice changes nothing', async () => {
    file('customers.csv', 'customer_id,name,created_at\nc1,Ana,2024-01-01T10:00:00Z\nc2,Bia,\n', 'f');
    file('sales.csv', 'sale_id,status,occurred_at,total_amount\ns1,completed,2024-01-02 10:00,10.5\ns2,no_show,2024-01-03 10:00,20\n', 'f');
    const dir = join(t.dir, 'f');
    await importFiles(t.engine.db, [dir]);
    const before = await rows(`SELECT * FROM sales ORDER BY sale_id`);
    const again = await importFiles(t.engine.db, [dir]);
    expect(again.tables).toEqual([
      { table: 'customers', loaded: 0, replaced: 0, unchanged: 2, rejected: 0 },
      { table: 'sales', loaded: 0, replaced: 0, unchanged: 2, rejected: 0 },
    ]);
    expect(await rows(`SELECT * FROM sales ORDER BY sale_id`)).toEqual(before);
    expect(await rows(`SELECT count(*)::INT n FROM customers`)).toEqual([{ n: 2 }]);
  });

  it('upserts: a newer row with the same id replaces the stored one; an older updated_at does not', async () => {
    await importFiles(t.engine.db, [file('sales.csv', 'sale_id,status,occurred_at,total_amount,updated_at\ns1,booked,2024-01-02,10,2024-01-01\ns2,booked,2024-01-02,10,2024-01-05\n', 'v1')]);
    const s = await importFiles(t.engine.db, [
      file('sales.csv', 'sale_id,status,occurred_at,total_amount,updated_at\ns1,completed,2024-01-02,12,2024-01-03\ns2,cancelled,2024-01-02,0,2024-01-04\ns3,completed,2024-01-02,5,\n', 'v2'),
    ]);
    expect(s.tables).toEqual([{ table: 'sales', loaded: 1, replaced: 1, unchanged: 1, rejected: 0 }]);
    expect(await rows(`SELECT sale_id, status, total_amount::VARCHAR t FROM sales ORDER BY sale_id`)).toEqual([
      { sale_id: 's1', status: 'completed', t: '12.00' },
      { sale_id: 's2', status: 'booked', t: '10.00' },
      { sale_id: 's3', status: 'completed', t: '5.00' },
    ]);
  });
});

describe('Parquet and XLSX import', () => {
  it('loads a Parquet file named after its table; rejects carry the row number', async () => {
    const p = join(t.dir, 'sale_lines.parquet');
    await t.engine.db.run(`COPY (SELECT * FROM (VALUES ('s1', 1, 'i1', 2.0, 10.0, 20.0), ('s1', 2, 'i2', -1.0, 5.0, -5.0), ('s2', 1, 'i1', 1.0, 10.0, 10.0))
      t(sale_id, line_no, item_id, quantity, unit_price, line_total)) TO '${p}' (FORMAT parquet)`);
    const s = await importFiles(t.engine.db, [p], { locale: 'en' });
    expect(s.tables).toEqual([{ table: 'sale_lines', loaded: 2, replaced: 0, unchanged: 0, rejected: 1 }]);
    expect(await rows(`SELECT line::INT line, "column", reason FROM import_rejects`)).toEqual([{ line: 2, column: 'quantity', reason: 'quantity: must not be negative' }]);
  });

  it('loads a workbook with one sheet per table; lines are sheet rows; other sheets are reported', async () => {
    const wb = new ExcelJS.Workbook();
    const sales = wb.addWorksheet('sales');
    sales.addRow(['sale_id', 'status', 'occurred_at', 'total_amount', 'gross_amount']);
    sales.addRow(['s1', 'completed', new Date(Date.UTC(2024, 2, 5, 14, 30)), 99.9, 99.9]);
    sales.addRow([]);
    sales.addRow(['s2', 'completed', 'not a date', 10, 10]);
    const customers = wb.addWorksheet('Customers');
    customers.addRow(['customer_id', 'name', 'birth_date']);
    customers.addRow(['c1', 'Ana Júlia', new Date(Date.UTC(1990, 4, 4))]);
    wb.addWorksheet('Notas').addRow(['instruções']);
    const p = join(t.dir, 'dados.xlsx');
    await wb.xlsx.writeFile(p);
    const s = await importFiles(t.engine.db, [p]);
    expect(s.files.map((f) => [f.sheet, f.tables[0]?.loaded ?? null, f.error?.code ?? null])).toEqual([
      ['sales', 1, null],
      ['Customers', 1, null],
      ['Notas', null, 'BAD_INPUT'],
    ]);
    expect(await rows(`SELECT strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') ts, total_amount::VARCHAR t FROM sales`)).toEqual([{ ts: '2024-03-05 17:30', t: '99.90' }]);
    expect(await rows(`SELECT name, birth_date::VARCHAR b FROM customers`)).toEqual([{ name: 'Ana Júlia', b: '1990-05-04' }]);
    expect(await rows(`SELECT file, line::INT line, "column" FROM import_rejects`)).toEqual([{ file: `${p}#sales`, line: 4, column: 'occurred_at' }]);
  });
});
