// Fixtures for export tests and benchmarks: a small typed table with the awkward values exports must survive
// (accents, delimiters, quotes, line breaks, formula-like text, negatives, nulls), and canonical sales data.
import type { Db } from '../store/db';
import type { ExportSource } from './types';

export const FIXTURE_ROWS: [number, string | null, string, number, number, string, string, boolean | null][] = [
  [1, 'Ação São João', '1234.50', 3, 0.125, '2026-03-05', '2026-03-05T13:30:00Z', true],
  [2, '=SUM(A1:A9)', '-15.00', 1, 0.5, '2026-03-06', '2026-03-06T02:15:00Z', false],
  [3, 'vírgula, e "aspas"', '0.10', 0, 0, '2026-03-07', '2026-03-07T23:59:00Z', null],
  [4, 'linha\ndupla; ponto-e-vírgula', '999999.99', 12, 1, '2026-03-31', '2026-04-01T02:59:59Z', true],
  [5, '+55 11 99999-0000', '0.00', 5, 0.333333, '2026-02-28', '2026-02-28T12:00:00Z', false],
  [6, '-2+3', '10.01', 2, 0.05, '2026-01-01', '2026-01-01T03:00:00Z', true],
  [7, '@cmd', '1.99', 7, 0.99, '2026-12-31', '2026-12-31T12:00:00Z', false],
  [8, '\tTab', '5.00', 1, 0.2, '2026-06-15', '2026-06-15T15:00:00Z', true],
  [9, null, '7.77', 0, 0.1, '2026-06-16', '2026-06-16T15:00:00Z', null],
];

export async function createFixtureTable(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE export_fx (id INTEGER, name VARCHAR, amount DECIMAL(18,2), qty BIGINT, rate DOUBLE, day DATE, at_ts TIMESTAMPTZ, ok BOOLEAN)`);
  for (const r of FIXTURE_ROWS) await db.run(`INSERT INTO export_fx VALUES ($1, $2, CAST($3 AS DECIMAL(18,2)), $4, $5, CAST($6 AS DATE), CAST($7 AS TIMESTAMPTZ), $8)`, r);
}

export function fixtureSource(over: Partial<ExportSource> = {}): ExportSource {
  return {
    title: { 'pt-BR': 'Relatório de Ações e Promoções', en: 'Actions report' },
    sql: 'SELECT id, name, amount, qty, rate, day, at_ts, ok FROM export_fx ORDER BY id',
    params: [],
    columns: [
      { id: 'id', label: { 'pt-BR': 'Nº', en: 'No.' }, type: 'integer', total: 'count' },
      { id: 'name', label: { 'pt-BR': 'Descrição', en: 'Description' }, type: 'text', total: 'none' },
      { id: 'amount', label: { 'pt-BR': 'Valor (R$)', en: 'Amount' }, type: 'money', unit: 'currency', total: 'sum' },
      { id: 'qty', label: { 'pt-BR': 'Quantidade', en: 'Quantity' }, type: 'integer', total: 'sum' },
      { id: 'rate', label: { 'pt-BR': 'Taxa', en: 'Rate' }, type: 'percent', unit: 'percent', decimals: 1, total: 'avg' },
      { id: 'day', label: { 'pt-BR': 'Data', en: 'Date' }, type: 'date', total: 'none' },
      { id: 'at_ts', label: { 'pt-BR': 'Horário', en: 'Time' }, type: 'timestamp', total: 'none' },
      { id: 'ok', label: { 'pt-BR': 'Concluído', en: 'Done' }, type: 'boolean', total: 'none' },
    ],
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: [{ label: { 'pt-BR': 'Unidade', en: 'Location' }, value: 'Centro — São Paulo' }],
    ...over,
  };
}

/**
 * `n` completed sales with one line and one payment each, spread over `months` months before 2026-11-01, on
 * three employees and every payment method (built in SQL, deterministic).
 */
export async function createSalesData(db: Db, n: number, months = 12): Promise<void> {
  await db.run(`INSERT INTO employees VALUES ('e1', 'Ana Lúcia', 'cabeleireira', 'l1', 0.40, DATE '2024-01-10', true),
    ('e2', 'João Araújo', 'barbeiro', 'l1', 0.35, DATE '2024-02-01', true), ('e3', 'Márcia Conceição', 'manicure', 'l1', 0.50, DATE '2024-03-01', true)`);
  await db.run(`INSERT INTO items VALUES ('i1', 'Corte feminino', 'service', 'Cabelo', 120.00, NULL, 60),
    ('i2', 'Barba', 'service', 'Barba', 45.00, NULL, 30), ('i3', 'Xampu hidratação', 'product', 'Produtos', 59.90, 25.00, NULL)`);
  await db.run(`INSERT INTO locations VALUES ('l1', 'Centro', 'São Paulo', 'SP', 'America/Sao_Paulo')`);
  await db.run(`INSERT INTO sales
    SELECT 's' || i, CASE i % 5 WHEN 0 THEN 'woo' ELSE 'salon' END, CASE WHEN i % 5 = 0 THEN 'order' ELSE 'appointment' END,
      'c' || (i % 997), 'l1', 'e' || (1 + i % 3),
      CASE WHEN i % 23 = 0 THEN 'cancelled' WHEN i % 29 = 0 THEN 'no_show' ELSE 'completed' END,
      ts - INTERVAL 2 DAY, ts,
      g, d, NULL, 0, 0, g - d, 0, 0, ts
    FROM (SELECT i, TIMESTAMPTZ '2026-11-01 03:00:00+00' - to_seconds(CAST(1 + (i * 7919) % (${months} * 30 * 86400 - 7200) AS BIGINT)) AS ts,
      CAST(50 + (i * 37) % 400 + ((i * 13) % 100) / 100.0 AS DECIMAL(18,2)) AS g,
      CAST(CASE WHEN i % 7 = 0 THEN 5 ELSE 0 END AS DECIMAL(18,2)) AS d
      FROM range(1, ${n} + 1) r(i))`);
  await db.run(`INSERT INTO sale_lines
    SELECT sale_id, 1, CASE WHEN kind = 'order' THEN 'i3' WHEN gross_amount > 300 THEN 'i1' ELSE 'i2' END, employee_id, 1,
      gross_amount, discount_amount, total_amount, 60 FROM sales`);
  await db.run(`INSERT INTO payments
    SELECT 'p' || sale_id, sale_id, occurred_at + INTERVAL 5 MINUTE,
      ['cash', 'credit_card', 'debit_card', 'pix', 'voucher'][1 + (hash(sale_id) % 5)::INT], 'payment', total_amount,
      CASE WHEN (hash(sale_id) % 5) IN (1, 2) THEN round(total_amount * 0.03, 2) ELSE 0 END
    FROM sales WHERE status = 'completed'`);
  await db.run(`INSERT INTO payments
    SELECT 'r' || sale_id, sale_id, occurred_at + INTERVAL 3 DAY, 'pix', 'refund', round(total_amount / 2, 2), 0
    FROM sales WHERE status = 'completed' AND CAST(substr(sale_id, 2) AS BIGINT) % 41 = 0`);
}
