// Fixture rows for the online sources: a WooCommerce shop (registered and guest buyers, refunds), a Bling ERP,
// Mercado Livre orders and listings, and HubSpot contacts, campaigns and events — each shaped as its API carries it.
import type { SimDataset } from '../simulators/dataset';
import type { FixtureSize, OrdersOptions } from './fixtureTypes';
import { fixtureCrm } from './fixtureCrm';

const h = (expr: string, seed: number, salt: number) => `(hash(${expr}, ${seed}, ${salt}) % 1000000)::INTEGER`;
const range = (a: string | number, b: string | number, v = 'i') => `(SELECT range::INTEGER AS ${v} FROM range(${a}, ${b}))`;
const FIRST = `['Ana', 'Bruno', 'Cecília', 'Davi', 'Érica', 'Fábio', 'Gisele', 'Hélio', 'Íris', 'João']`;
const LAST = `['Silva', 'Souza Lima', 'Conceição', 'Araújo', 'Pereira', 'Gonçalves']`;

/** Orders shaped as one source carries them: integer quantities, one payment at the paid time, refunds later. */
async function orders(d: SimDataset, s: FixtureSize, o: OrdersOptions): Promise<void> {
  const r = (salt: number) => h('i', s.seed + o.firstId, salt);
  const P = o.prefix;
  const items = `(SELECT item_id, list_price, row_number() OVER (ORDER BY item_id) - 1 AS k, count(*) OVER () AS cnt FROM items WHERE starts_with(item_id, '${P}:'))`;
  const day = (ts: string) => (o.localMidnight ? `timezone(getvariable('biz_tz'), date_trunc('day', timezone(getvariable('biz_tz'), ${ts})))` : ts);
  await d.run(`CREATE OR REPLACE TEMP TABLE fx_o AS SELECT i, ${o.firstId} + i AS id,
      CASE WHEN ${r(1)} % 100 < 75 THEN 'completed' WHEN ${r(1)} % 100 < 83 THEN 'confirmed' WHEN ${r(1)} % 100 < 90 THEN 'booked' ELSE 'cancelled' END AS status,
      ${o.customer} AS customer_id,
      ${day(`TIMESTAMPTZ '2024-02-01 13:00:00+00' + to_seconds(i * 2111)`)} AS created_at, 1 + ${r(3)} % 3 AS nlines
    FROM ${range(1, o.n + 1)} t`);
  await d.run(`INSERT INTO sale_lines SELECT '${P}:' || id, n, it.item_id, NULL, (1 + (i + n) % 3)::DECIMAL(18,3), it.list_price,
      CASE WHEN n = 1 AND i % 5 = 0 THEN 4.50 ELSE 0 END::DECIMAL(18,2), (it.list_price * (1 + (i + n) % 3) - CASE WHEN n = 1 AND i % 5 = 0 THEN 4.50 ELSE 0 END)::DECIMAL(18,2), NULL, NULL
    FROM fx_o, ${range(1, 4, 'n')} l, ${items} it WHERE n <= nlines AND it.k = (i * 7 + n * 3) % it.cnt`);
  await d.run(`INSERT INTO sales SELECT '${P}:' || f.id, '${P}', 'order', f.customer_id, ${o.location ? `'${o.location}'` : 'NULL'}, NULL, f.status, f.created_at,
      CASE WHEN f.status IN ('completed', 'confirmed') THEN ${day(`f.created_at + to_seconds(600 + i % 50 * 60)`)} ELSE f.created_at END,
      g.gross, g.disc, CASE WHEN g.disc > 0 THEN 'PROMO' || (f.i % 3) END, ${o.shipping ? `CASE WHEN f.i % 4 = 0 THEN 3.15 ELSE 0 END` : '0'},
      ${o.shipping ? `CASE WHEN f.i % 3 = 0 THEN 19.90 ELSE 0 END` : '0'}, 0, NULL, NULL, NULL, NULL
    FROM fx_o f JOIN (SELECT sale_id, sum(quantity * unit_price)::DECIMAL(18,2) AS gross, sum(discount_amount)::DECIMAL(18,2) AS disc FROM sale_lines GROUP BY sale_id) g ON g.sale_id = '${P}:' || f.id`);
  await d.run(`UPDATE sales SET total_amount = gross_amount - discount_amount + tax_amount + shipping_amount WHERE starts_with(sale_id, '${P}:')`);
}

async function woo(d: SimDataset, s: FixtureSize): Promise<void> {
  const n = Math.max(10, Math.floor(s.customers / 2));
  const r = (salt: number) => h('i', s.seed, salt);
  await d.run(`INSERT INTO items SELECT 'woo:' || (200 + i), ['Kit cachos', 'Sérum reparador', 'Escova secadora', 'Tônico', 'Vale-presente', 'Prancha', 'Touca térmica', 'Perfume capilar'][i],
      CASE WHEN i = 5 THEN 'service' ELSE 'product' END, ['kits', 'tratamento', 'aparelhos', 'tratamento', 'presentes', 'aparelhos', 'acessórios', 'perfumaria'][i],
      [129.90, 89.00, 249.00, 45.50, 100.00, 319.99, 39.90, 74.25][i]::DECIMAL(18,2), CASE WHEN i % 2 = 0 THEN [60.00, 40.00, 120.00, 20.00, 0, 150.00, 15.00, 30.00][i] END::DECIMAL(18,2), NULL, NULL
    FROM ${range(1, 9)} t`);
  await d.run(`INSERT INTO customers SELECT 'woo:' || (500 + i), ${FIRST}[1 + i % 10] || ' ' || ${LAST}[1 + i % 6], 'compra' || i || '@loja.com.br', '(11) 9' || (8000 + i) || '-' || (1000 + i),
      CASE WHEN i % 3 = 0 THEN lpad((i * 7919)::VARCHAR, 11, '0') END, CASE WHEN i % 2 = 0 THEN 'F' END, CASE WHEN i % 4 = 0 THEN DATE '1985-01-01' + ${r(11)} % 9000 END,
      'Santos', 'SP', TIMESTAMPTZ '2023-06-01 10:00:00+00' + to_seconds(i * 5003), CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false END, 'woo', NULL
    FROM ${range(1, n + 1)} t`);
  // Guests: the e-mail (or phone digits) is their id; several buy twice, one has only a phone.
  await d.run(`INSERT INTO customers SELECT 'woo:guest:' || CASE WHEN i = 1 THEN '11955550001' ELSE 'visitante' || i || '@email.com' END, 'Visitante ' || ${LAST}[1 + i % 6],
      CASE WHEN i = 1 THEN NULL ELSE 'visitante' || i || '@email.com' END, CASE WHEN i = 1 THEN '11955550001' END, NULL, NULL, NULL, 'Recife', 'PE', NULL, NULL, 'woo', NULL
    FROM ${range(1, 9)} t`);
  await orders(d, s, {
    prefix: 'woo',
    n: Math.max(20, Math.floor(s.sales / 2)),
    firstId: 1000,
    customer: `CASE WHEN ${r(2)} % 10 < 7 THEN 'woo:' || (501 + ${r(4)} % ${n}) WHEN ${r(2)} % 10 < 9 THEN 'woo:guest:' || CASE WHEN i % 8 = 0 THEN '11955550001' ELSE 'visitante' || (1 + i % 8) || '@email.com' END END`,
    location: 'salon:loc1',
    shipping: true,
    localMidnight: false,
  });
  await d.run(`UPDATE customers c SET created_at = (SELECT min(created_at) FROM sales s WHERE s.customer_id = c.customer_id) WHERE starts_with(customer_id, 'woo:guest:')`);
  await d.run(`DELETE FROM customers c WHERE starts_with(customer_id, 'woo:guest:') AND created_at IS NULL`);
  await d.run(`INSERT INTO payments SELECT sale_id, sale_id, occurred_at, ['pix', 'credit_card', 'boleto', 'wallet', 'debit_card'][1 + (hash(sale_id) % 5)::INTEGER], 'payment', total_amount, NULL, NULL
    FROM sales WHERE starts_with(sale_id, 'woo:') AND status IN ('completed', 'confirmed')`);
  await d.run(`UPDATE payments SET fee_amount = round(amount * 0.0399, 2) WHERE starts_with(payment_id, 'woo:') AND method = 'credit_card'`);
  await d.run(`INSERT INTO payments SELECT 'woo:' || (50000 + substr(sale_id, 5)::INTEGER), sale_id, s.occurred_at + INTERVAL 15 DAY, p.method, 'refund',
      CASE WHEN substr(sale_id, 5)::INTEGER % 2 = 0 THEN s.total_amount ELSE least(20.00, s.total_amount) END, NULL, NULL
    FROM sales s JOIN payments p USING (sale_id) WHERE starts_with(sale_id, 'woo:') AND s.status = 'completed' AND substr(sale_id, 5)::INTEGER % 13 = 0`);
}

export async function fixtureMarketplace(d: SimDataset, s: FixtureSize, only?: string[]): Promise<void> {
  if (!only || only.includes('woo')) await woo(d, s);
  await fixtureCrm(d, s, only, orders);
}

