// Shop exports: a WooCommerce orders CSV (one row per item) and a Bling "vendas" CSV (pt-BR, Latin-1), written from
// their documented columns, land in the canonical tables with prefixed ids and consistent totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { importFiles } from '../importFiles';
import type { ImportSummary } from '../../../shared/api/import';

const WOO_HEADER =
  'order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,cart_discount,order_discount,discount_total,order_total,refunded_total,order_currency,payment_method,shipping_method,customer_id,billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,billing_address_1,billing_postcode,billing_city,billing_state,billing_country,billing_cpf,item_id,item_product_id,item_name,item_sku,item_quantity,item_subtotal,item_subtotal_tax,item_total,item_total_tax,item_refunded,coupon_items,order_notes';
const WOO_ROWS = [
  '1001,1001,2024-11-29 10:15:00,completed,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,249.80,0.00,BRL,pix,Frete grátis,12,Maria,Conceição,,MARIA.C@Example.com,(11) 98765-4321,"Rua A, 1",01000-000,São Paulo,SP,BR,529.982.247-25,1,501,Shampoo profissional,SH-300,2,179.80,0.00,149.80,0.00,0.00,code:BLACKFRIDAY25;amount:50.00,',
  '1001,1001,2024-11-29 10:15:00,completed,0.00,0.00,0.00,0.00,0.00,50.00,0.00,50.00,249.80,0.00,BRL,pix,Frete grátis,12,Maria,Conceição,,MARIA.C@Example.com,(11) 98765-4321,"Rua A, 1",01000-000,São Paulo,SP,BR,529.982.247-25,2,502,Condicionador,CD-300,1,120.00,0.00,100.00,0.00,0.00,code:BLACKFRIDAY25;amount:50.00,',
  '1002,1002,2024-11-30 21:40:00,processing,24.90,0.00,0.00,0.00,0.00,0.00,0.00,0.00,94.80,0.00,BRL,woo-mercado-pago-credit,PAC,0,João,Silva,,joao@x.com,11 91234-5678,"Rua B, 2",02000-000,Santos,SP,BR,,3,503,"Máscara ""reparadora"" 250 g",MS-250,1,69.90,0.00,69.90,0.00,0.00,,"Entregar\nà tarde"',
  '1003,1003,2024-12-01 08:00:00,cancelled,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,59.90,0.00,BRL,boleto,PAC,12,Maria,Conceição,,maria.c@example.com,,,,São Paulo,SP,BR,,4,504,Kit manicure,KM-1,1,59.90,0.00,59.90,0.00,0.00,,',
  '1004,1004,2024-12-02 09:30:00,refunded,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,89.90,89.90,BRL,stripe,Retirada,12,Maria,Conceição,,maria.c@example.com,,,,São Paulo,SP,BR,,5,501,Shampoo profissional,SH-300,1,89.90,0.00,89.90,0.00,0.00,,',
  '1005,1005,2024-12-03 09:30:00,completed,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,abc,0.00,BRL,pix,Retirada,12,Maria,Conceição,,maria.c@example.com,,,,São Paulo,SP,BR,,6,501,Shampoo profissional,SH-300,1,89.90,0.00,89.90,0.00,0.00,,',
];
const BLING =
  'Número;Data;Nome do contato;CPF/CNPJ;E-mail;Telefone;Situação;Código;Descrição;Quantidade;Valor unitário;Desconto;Frete;Total;Forma de pagamento;Vendedor\n' +
  '3021;05/03/2024;João Conceição;390.533.447-05;;(21) 99876-5432;Atendido;SH-300;Shampoo profissional;2;89,90;10,00;15,00;279,70;Pix;Ana\n' +
  '3021;05/03/2024;João Conceição;390.533.447-05;;(21) 99876-5432;Atendido;CD-300;Condicionador;1;94,90;10,00;15,00;279,70;Pix;Ana\n' +
  '3022;06/03/2024;Lúcia Araújo;;lucia@x.com.br;;Cancelado;KM-1;Kit manicure;1;59,90;0,00;0,00;59,90;Cartão de crédito;Ana\n' +
  '3023;07/03/2024;Lúcia Araújo;;lucia@x.com.br;;Em aberto;KM-1;Kit manicure;1;59,90;0,00;0,00;59,90;Boleto;Ana\n';

let t: TestEngine;
let woo: ImportSummary;
let bling: ImportSummary;
beforeAll(async () => {
  t = await openTestEngine();
  const wp = join(t.dir, 'pedidos-woocommerce.csv');
  writeFileSync(wp, [WOO_HEADER, ...WOO_ROWS].join('\r\n') + '\r\n');
  const bp = join(t.dir, 'vendas_bling.csv');
  writeFileSync(bp, Buffer.from(BLING, 'latin1'));
  woo = await importFiles(t.engine.db, [wp]);
  bling = await importFiles(t.engine.db, [bp]);
});
afterAll(() => t.close());

const all = <T = Record<string, unknown>>(sql: string) => t.engine.db.all<T>(sql);

describe('WooCommerce orders export', () => {
  it('is recognised by its header and maps orders, lines, items, customers and payments', () => {
    expect(woo.files[0].mapping).toBe('woocommerce-orders');
    expect(woo.files[0].unknownColumns).toContain('billing_postcode');
    const byTable = Object.fromEntries(woo.tables.map((x) => [x.table, x]));
    expect(byTable.sales).toMatchObject({ loaded: 4, rejected: 1 });
    // The line of the rejected order is set aside with it.
    expect(byTable.sale_lines).toMatchObject({ loaded: 5, rejected: 1 });
    expect(byTable.customers.loaded).toBe(2);
  });

  it('keeps woo: ids, maps statuses, derives gross from the totals and keeps the coupon', async () => {
    const sales = await all<Record<string, string>>(
      `SELECT sale_id, status, customer_id, gross_amount::VARCHAR g, discount_amount::VARCHAR d, shipping_amount::VARCHAR s, total_amount::VARCHAR t, coupon_code FROM sales WHERE source = 'woo' ORDER BY sale_id`,
    );
    expect(sales).toEqual([
      { sale_id: 'woo:1001', status: 'completed', customer_id: 'woo:12', g: '299.80', d: '50.00', s: '0.00', t: '249.80', coupon_code: 'BLACKFRIDAY25' },
      { sale_id: 'woo:1002', status: 'completed', customer_id: 'woo:guest:joao@x.com', g: '69.90', d: '0.00', s: '24.90', t: '94.80', coupon_code: null },
      { sale_id: 'woo:1003', status: 'cancelled', customer_id: 'woo:12', g: '59.90', d: '0.00', s: '0.00', t: '59.90', coupon_code: null },
      { sale_id: 'woo:1004', status: 'cancelled', customer_id: 'woo:12', g: '89.90', d: '0.00', s: '0.00', t: '89.90', coupon_code: null },
    ]);
    const lines = await all(`SELECT sale_id, line_no, item_id, quantity::INT q, line_total::VARCHAR lt FROM sale_lines WHERE sale_id = 'woo:1001' ORDER BY line_no`);
    expect(lines).toEqual([
      { sale_id: 'woo:1001', line_no: 1, item_id: 'woo:501', q: 2, lt: '149.80' },
      { sale_id: 'woo:1001', line_no: 2, item_id: 'woo:502', q: 1, lt: '100.00' },
    ]);
    expect(await all(`SELECT name FROM items WHERE item_id = 'woo:503'`)).toEqual([{ name: 'Máscara "reparadora" 250 g' }]);
  });

  it('records the payment of paid orders and the refund of refunded ones', async () => {
    const pays = await all(`SELECT payment_id, method, kind, amount::VARCHAR a FROM payments WHERE payment_id LIKE 'woo:%' ORDER BY payment_id`);
    expect(pays).toEqual([
      { payment_id: 'woo:1001:payment', method: 'pix', kind: 'payment', a: '249.80' },
      { payment_id: 'woo:1002:payment', method: 'credit_card', kind: 'payment', a: '94.80' },
      { payment_id: 'woo:1004:payment', method: 'credit_card', kind: 'payment', a: '89.90' },
      { payment_id: 'woo:1004:refund', method: 'credit_card', kind: 'refund', a: '89.90' },
    ]);
  });

  it('rejects an order with an unreadable total on the line where it starts (quoted newlines counted)', async () => {
    expect(await all(`SELECT "table", line::INT line, "column", value FROM import_rejects WHERE file LIKE '%woocommerce%' ORDER BY line, "table" DESC`)).toEqual([
      { table: 'sales', line: 8, column: 'total_amount', value: 'abc' },
      { table: 'sale_lines', line: 8, column: 'sale_id', value: 'woo:1005' },
      { table: 'payments', line: 8, column: 'amount', value: 'abc' },
    ]);
  });
});

describe('Bling vendas export', () => {
  it('is recognised from pt-BR headers in Latin-1 with decimal commas', () => {
    expect(bling.files[0].mapping).toBe('bling-vendas');
    expect(bling.files[0].dialect).toEqual({ delimiter: ';', decimal: ',', encoding: 'latin-1' });
    expect(bling.files[0].unknownColumns).toEqual(['Vendedor']);
  });

  it('maps orders with bling: ids, situação to status, lines that add up to gross minus discount', async () => {
    const sales = await all(
      `SELECT sale_id, status, customer_id, gross_amount::VARCHAR g, discount_amount::VARCHAR d, shipping_amount::VARCHAR s, total_amount::VARCHAR t FROM sales WHERE source = 'bling' ORDER BY sale_id`,
    );
    expect(sales).toEqual([
      { sale_id: 'bling:3021', status: 'completed', customer_id: 'bling:doc:39053344705', g: '274.70', d: '10.00', s: '15.00', t: '279.70' },
      { sale_id: 'bling:3022', status: 'cancelled', customer_id: 'bling:email:lucia@x.com.br', g: '59.90', d: '0.00', s: '0.00', t: '59.90' },
      { sale_id: 'bling:3023', status: 'confirmed', customer_id: 'bling:email:lucia@x.com.br', g: '59.90', d: '0.00', s: '0.00', t: '59.90' },
    ]);
    expect(await all(`SELECT sum(line_total)::VARCHAR s FROM sale_lines WHERE sale_id = 'bling:3021'`)).toEqual([{ s: '274.70' }]);
    expect(await all(`SELECT name FROM customers WHERE customer_id = 'bling:doc:39053344705'`)).toEqual([{ name: 'João Conceição' }]);
    expect(await all(`SELECT payment_id, method, amount::VARCHAR a FROM payments WHERE payment_id LIKE 'bling:%'`)).toEqual([
      { payment_id: 'bling:3021:payment', method: 'pix', a: '279.70' },
    ]);
  });

  it('re-importing the same exports changes nothing', async () => {
    const again = await importFiles(t.engine.db, [woo.files[0].file, bling.files[0].file]);
    expect(again.tables.every((x) => x.loaded === 0 && x.replaced === 0)).toBe(true);
  });
});
