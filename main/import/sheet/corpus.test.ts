// The import corpus (main/import/corpus/): each realistic file imported with its suggested mapping gives the
// expected canonical rows; a second import changes nothing; rejects carry the sheet's line, column and a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { importFiles } from '../importFiles';

const CORPUS = join(__dirname, '..', 'corpus');
let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(() => t.close());

const q = <T = Record<string, unknown>>(sql: string) => t.engine.db.all<T>(sql);
const accept = (f: string) => importFiles(t.engine.db, [join(CORPUS, f)], { sheets: { acceptSuggested: true } });

describe('import corpus', () => {
  it('salon services report: customers, professionals, services, sales with their lines and payments; idempotent', async () => {
    const s = await accept('salao-atendimentos.csv');
    expect(s.failedFiles).toBe(0);
    expect(s.files[0]).toMatchObject({ mapping: 'sheet', rows: 6, dialect: { delimiter: ';', decimal: ',', encoding: 'utf-8' } });
    expect(s.tables.map((x) => [x.table, x.loaded, x.rejected])).toEqual([
      ['employees', 2, 0],
      ['customers', 4, 0],
      ['items', 6, 0],
      ['sales', 5, 0],
      ['sale_lines', 6, 0],
      ['payments', 4, 0],
    ]);
    const sales = await q(`SELECT strftime(timezone('America/Sao_Paulo', occurred_at), '%Y-%m-%d %H:%M') AS quando, c.name AS customer, e.name AS pro,
      status, total_amount::DOUBLE AS total, (SELECT string_agg(i.name, '+' ORDER BY l.line_no) FROM sale_lines l JOIN items i USING (item_id) WHERE l.sale_id = s.sale_id) AS lines,
      (SELECT string_agg(method || ' ' || amount, ',') FROM payments p WHERE p.sale_id = s.sale_id) AS paid
      FROM sales s LEFT JOIN customers c USING (customer_id) LEFT JOIN employees e USING (employee_id) ORDER BY quando`);
    expect(sales).toEqual([
      { quando: '2026-11-03 09:00', customer: 'Ana Souza', pro: 'Carla Lima', status: 'completed', total: 180, lines: 'Corte feminino+Escova', paid: 'pix 180.00' },
      { quando: '2026-11-03 10:30', customer: 'Bruna Alves', pro: 'Dani Rocha', status: 'completed', total: 45.5, lines: 'Manicure', paid: 'cash 45.50' },
      { quando: '2026-11-04 14:00', customer: 'Ana Souza', pro: 'Carla Lima', status: 'completed', total: 1250, lines: 'Coloração', paid: 'credit_card 1250.00' },
      { quando: '2026-11-04 15:00', customer: 'Célia Ramos', pro: 'Dani Rocha', status: 'cancelled', total: 50, lines: 'Pedicure', paid: null },
      { quando: '2026-11-05 00:00', customer: 'Bruna Alves', pro: 'Carla Lima', status: 'completed', total: 80, lines: 'Hidratação', paid: 'voucher 80.00' },
    ]);
    // Ana's two records (one with CPF, one with a bare phone) are one person by the identity rules.
    const ana = await q<{ n: bigint }>(`SELECT count(DISTINCT unified_id) AS n FROM customer_identity i JOIN customers c USING (customer_id) WHERE c.name = 'Ana Souza'`);
    expect(Number(ana[0].n)).toBe(1);
    const again = await accept('salao-atendimentos.csv');
    expect(again.tables.every((x) => x.loaded === 0 && x.replaced === 0 && x.unchanged > 0)).toBe(true);
  });

  it('client register in Windows-1252: customers only, birthdays with two-digit years', async () => {
    const s = await accept('salao-clientes.csv');
    expect(s.files[0].dialect?.encoding).toBe('latin-1');
    expect(await q(`SELECT customer_id, name, email, phone, document, gender, strftime(birth_date, '%Y-%m-%d') AS birth FROM customers ORDER BY customer_id`)).toEqual([
      { customer_id: 'sheet:101', name: 'Ana Souza', email: 'ana@exemplo.com.br', phone: '(11) 98765-4321', document: '123.456.789-09', gender: 'F', birth: '1990-04-15' },
      { customer_id: 'sheet:102', name: 'Bruna Alves', email: null, phone: '(21) 99876-5432', document: null, gender: 'F', birth: '1985-12-02' },
      { customer_id: 'sheet:103', name: 'João Pereira', email: 'joao@exemplo.com', phone: null, document: null, gender: 'M', birth: null },
    ]);
  });

  it('WooCommerce orders: statuses by meaning, shipping kept apart, dated by payment, payments for paid orders only', async () => {
    await accept('woo-pedidos.csv');
    expect(
      await q(`SELECT sale_id, status, strftime(timezone('America/Sao_Paulo', occurred_at), '%Y-%m-%d %H:%M') AS quando, gross_amount::DOUBLE AS gross,
        discount_amount::DOUBLE AS disc, shipping_amount::DOUBLE AS ship, total_amount::DOUBLE AS total FROM sales ORDER BY sale_id`),
    ).toEqual([
      { sale_id: 'sheet:1001', status: 'completed', quando: '2026-11-02 10:20', gross: 100, disc: 0, ship: 15, total: 115 },
      { sale_id: 'sheet:1002', status: 'completed', quando: '2026-11-02 11:00', gross: 100, disc: 10, ship: 0, total: 90 },
      { sale_id: 'sheet:1003', status: 'cancelled', quando: '2026-11-03 09:00', gross: 200, disc: 0, ship: 0, total: 200 },
    ]);
    expect(await q(`SELECT sale_id, method, kind, amount::DOUBLE AS amount FROM payments ORDER BY sale_id`)).toEqual([
      { sale_id: 'sheet:1001', method: 'pix', kind: 'payment', amount: 115 },
      { sale_id: 'sheet:1002', method: 'credit_card', kind: 'payment', amount: 90 },
    ]);
    expect((await q<{ name: string }>(`SELECT name FROM customers ORDER BY name`)).map((r) => r.name)).toEqual(['José Santos', 'Maria Silva']);
  });

  it('hostile file: every bad row rejected with its line and a plain reason, the rest loads', async () => {
    const s = await accept('hostil-misturado.csv');
    expect(s.failedFiles).toBe(0);
    expect(s.files[0].dialect?.encoding).toBe('latin-1');
    expect(await q(`SELECT c.name, s.total_amount::DOUBLE AS total FROM sales s JOIN customers c USING (customer_id) ORDER BY occurred_at`)).toEqual([
      { name: 'Lia', total: 1234.56 },
      { name: 'Ze "Bigode', total: 30 },
      { name: 'Noa', total: 25 },
    ]);
    // "(10.00)" is an estorno: a refund of its own, not a negative sale.
    expect(await q(`SELECT sale_id, method, kind, amount::DOUBLE AS amount FROM payments WHERE kind = 'refund'`)).toEqual([{ sale_id: null, method: 'cash', kind: 'refund', amount: 10 }]);
    const rej = await q<{ line: bigint; table: string; column: string | null; reason: string }>(`SELECT line, "table", "column", reason FROM import_rejects ORDER BY line, "table"`);
    expect(rej.map((r) => [Number(r.line), r.table, r.column])).toEqual([
      [5, 'sales', null],
      [6, 'sales', null],
      [7, 'payments', 'Data'],
      [7, 'sale_lines', 'sale_id'],
      [7, 'sales', 'Data'],
      [9, 'sale_lines', 'sale_id'],
      [9, 'sales', 'Valor'],
    ]);
    expect(rej[0].reason).toBe('a linha tem menos colunas que o cabeçalho (3 em vez de 5)');
    expect(rej[1].reason).toBe('a linha tem mais colunas que o cabeçalho (6 em vez de 5)');
    expect(rej.every((r) => !/Error|Expected Number|state machine/.test(r.reason))).toBe(true);
  });

  it("the owner's own Excel workbook: date cells, numbers and a serial-number date column, mapped like a CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Planilha1');
    ws.addRow(['Data', 'Cliente', 'Serviço', 'Profissional', 'Valor', 'Pagamento', 'Nascimento']);
    ws.addRow([new Date(Date.UTC(2026, 10, 3, 14, 30)), 'Ana Souza', 'Corte', 'Carla', 120.5, 'Pix', 32978]);
    ws.addRow([new Date(Date.UTC(2026, 10, 4)), 'Bruna Alves', 'Escova', 'Carla', 60, 'Cartão de débito', null]);
    const p = join(t.dir, 'minha-planilha.xlsx');
    await wb.xlsx.writeFile(p);
    const s = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true } });
    expect(s.files).toHaveLength(1);
    expect(s.files[0]).toMatchObject({ sheet: 'Planilha1', mapping: 'sheet' });
    expect(
      await q(`SELECT c.name, strftime(timezone('America/Sao_Paulo', s.occurred_at), '%Y-%m-%d %H:%M') AS quando, s.total_amount::DOUBLE AS total, p.method,
        strftime(c.birth_date, '%Y-%m-%d') AS birth FROM sales s JOIN customers c USING (customer_id) JOIN payments p USING (sale_id) ORDER BY quando`),
    ).toEqual([
      { name: 'Ana Souza', quando: '2026-11-03 14:30', total: 120.5, method: 'pix', birth: '1990-04-15' },
      { name: 'Bruna Alves', quando: '2026-11-04 00:00', total: 60, method: 'debit_card', birth: null },
    ]);
    const again = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true } });
    expect(again.tables.every((x) => x.loaded === 0 && x.replaced === 0)).toBe(true);
  });
});
