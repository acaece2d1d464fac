// Fixture rows for Bling (contacts, products, orders with installments), Mercado Livre (buyers, listings, orders
// with fees and refunds, competitor snapshots) and HubSpot (contacts, e-mail campaigns, events, won deals).
import type { SimDataset } from '../simulators/dataset';
import type { FixtureSize, OrdersFn } from './fixtureTypes';

const h = (expr: string, seed: number, salt: number) => `(hash(${expr}, ${seed}, ${salt}) % 1000000)::INTEGER`;
const range = (a: string | number, b: string | number) => `(SELECT range::INTEGER AS i FROM range(${a}, ${b}))`;
const NAMES = `['Luíza Prado', 'Otávio Nunes', 'Sônia Melo', 'Caio Brandão', 'Lúcia Reis', 'Márcio Teles', 'Nádia Costa', 'Renê Dias']`;

async function bling(d: SimDataset, s: FixtureSize, orders: OrdersFn): Promise<void> {
  const n = Math.max(8, Math.floor(s.customers / 4));
  await d.run(`INSERT INTO customers SELECT 'bling:' || (7000 + i), ${NAMES}[1 + i % 8] || ' ' || i, CASE WHEN i % 3 <> 0 THEN 'erp' || i || '@empresa.com.br' END,
      '(19) 9' || (7000 + i) || '-0000', CASE WHEN i % 2 = 0 THEN lpad((i * 104729)::VARCHAR, 11, '0') END, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
      CASE WHEN i % 3 = 0 THEN DATE '1990-03-01' + i END, 'Campinas', 'SP', NULL, NULL, 'bling', NULL FROM ${range(1, n + 1)} t`);
  await d.run(`INSERT INTO items SELECT 'bling:' || (300 + i), ['Secador 2000W', 'Tesoura fio navalha', 'Cadeira hidráulica', 'Kit manicure', 'Instalação de cadeira', 'Toalhas (dúzia)'][i],
      CASE WHEN i = 5 THEN 'service' ELSE 'product' END, ['aparelhos', 'ferramentas', 'mobiliário', 'ferramentas', 'serviços', 'enxoval'][i],
      [389.90, 149.00, 1299.00, 59.90, 150.00, 89.40][i]::DECIMAL(18,2), [210.00, 70.00, 800.00, 25.00, NULL, 41.00][i]::DECIMAL(18,2), NULL, NULL FROM ${range(1, 7)} t`);
  await orders(d, s, {
    prefix: 'bling',
    n: Math.max(12, Math.floor(s.sales / 4)),
    firstId: 9000,
    customer: `'bling:' || (7001 + ${h('i', s.seed, 31)} % ${n})`,
    location: null,
    shipping: true,
    localMidnight: true,
  });
  // Installments: one, or two halves for every fifth order.
  await d.run(`INSERT INTO payments SELECT 'bling:' || (80000 + 2 * substr(sale_id, 7)::INTEGER), sale_id, occurred_at, ['pix', 'boleto', 'credit_card', 'cash'][1 + (hash(sale_id) % 4)::INTEGER], 'payment',
      CASE WHEN substr(sale_id, 7)::INTEGER % 5 = 0 THEN round(total_amount / 2, 2) ELSE total_amount END, NULL, NULL
    FROM sales WHERE starts_with(sale_id, 'bling:') AND status IN ('completed', 'confirmed')`);
  await d.run(`INSERT INTO payments SELECT 'bling:' || (80001 + 2 * substr(sale_id, 7)::INTEGER), sale_id, occurred_at + INTERVAL 30 DAY, 'boleto', 'payment', total_amount - round(total_amount / 2, 2), NULL, NULL
    FROM sales WHERE starts_with(sale_id, 'bling:') AND status IN ('completed', 'confirmed') AND substr(sale_id, 7)::INTEGER % 5 = 0`);
}

async function mercadoLivre(d: SimDataset, s: FixtureSize, orders: OrdersFn): Promise<void> {
  const n = Math.max(8, Math.floor(s.customers / 3));
  await d.run(`INSERT INTO items SELECT 'ml:MLB' || (1000000 + i), ['Escova alisadora', 'Kit progressiva', 'Secador profissional', 'Máscara matizadora', 'Pente de carbono', 'Chapinha titânio'][i], 'product',
      'MLB' || (1240 + i % 3), [199.90, 259.00, 489.90, 62.50, 19.99, 349.00][i]::DECIMAL(18,2), NULL, NULL, NULL FROM ${range(1, 7)} t`);
  await d.run(`INSERT INTO listing_snapshots SELECT item_id, item_id, 'ml:123456789', TIMESTAMPTZ '2024-05-30 12:00:00+00', name,
      CASE WHEN i % 2 = 0 THEN round(list_price * 0.9, 2) ELSE list_price END, CASE WHEN i % 2 = 0 THEN list_price END, 10 * i, 3 * i + 1, true, NULL
    FROM (SELECT *, row_number() OVER (ORDER BY item_id)::INTEGER AS i FROM items WHERE starts_with(item_id, 'ml:'))`);
  // Competitors: an older snapshot and the current one (the API shows the current).
  await d.run(`INSERT INTO listing_snapshots SELECT 'ml:MLB' || (2000000 + i), NULL, 'ml:' || (99990 + i), TIMESTAMPTZ '2024-05-30 12:00:00+00' - to_days(k * 7), 'Concorrente ' || i,
      (150 + i * 10 - k)::DECIMAL(18,2), CASE WHEN i % 2 = 1 THEN (190 + i * 10)::DECIMAL(18,2) END, 5 + i, 40 * i + k, false, NULL FROM ${range(1, 5)} t, (SELECT range::INTEGER AS k FROM range(0, 2)) kk`);
  await d.run(`INSERT INTO customers SELECT 'ml:' || (40000 + i), ${NAMES}[1 + i % 8] || ' ML', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'ml', NULL FROM ${range(1, n + 1)} t`);
  await orders(d, s, {
    prefix: 'ml',
    n: Math.max(16, Math.floor(s.sales / 3)),
    firstId: 2000000000,
    customer: `'ml:' || (40001 + ${h('i', s.seed, 41)} % ${n})`,
    location: null,
    shipping: true,
    localMidnight: false,
  });
  await d.run(`UPDATE customers c SET created_at = (SELECT min(created_at) FROM sales s WHERE s.customer_id = c.customer_id) WHERE starts_with(customer_id, 'ml:')`);
  await d.run(`DELETE FROM customers WHERE starts_with(customer_id, 'ml:') AND created_at IS NULL`);
  await d.run(`INSERT INTO payments SELECT 'ml:' || (3000000000 + substr(sale_id, 4)::BIGINT), sale_id, occurred_at, ['pix', 'credit_card', 'wallet', 'boleto'][1 + (hash(sale_id) % 4)::INTEGER], 'payment',
      total_amount, round(total_amount * 0.16, 2), NULL FROM sales WHERE starts_with(sale_id, 'ml:') AND status IN ('completed', 'confirmed')`);
  await d.run(`INSERT INTO payments SELECT payment_id || '-refund', sale_id, occurred_at + INTERVAL 10 DAY, method, 'refund', least(25.00, amount), NULL, NULL
    FROM payments WHERE starts_with(payment_id, 'ml:') AND kind = 'payment' AND substr(sale_id, 4)::BIGINT % 7 = 0`);
}

async function hubspot(d: SimDataset, s: FixtureSize): Promise<void> {
  const n = Math.max(10, Math.floor(s.customers / 3));
  await d.run(`INSERT INTO customers SELECT 'hubspot:' || (9000 + i), ${NAMES}[1 + i % 8] || ' Contato', 'contato' || i || '@crm.com.br', CASE WHEN i % 2 = 0 THEN '+55 21 9' || (6000 + i) || '-1234' END,
      CASE WHEN i % 5 = 0 THEN lpad((i * 7727)::VARCHAR, 11, '0') END, CASE WHEN i % 3 = 0 THEN 'F' END, CASE WHEN i % 4 = 0 THEN DATE '1992-07-01' + i END, 'Rio de Janeiro', 'RJ',
      TIMESTAMPTZ '2023-03-01 09:00:00.250+00' + to_seconds(i * 7211), CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false END, 'hubspot', NULL FROM ${range(1, n + 1)} t`);
  await d.run(`INSERT INTO campaigns SELECT 'hubspot:' || (600 + i), ['Dia das Mães', 'Black Friday', 'Volta às aulas', 'Natal'][i], 'email', NULL, TIMESTAMPTZ '2024-01-10 13:00:00+00' + to_days(i * 40), NULL, NULL FROM ${range(1, 5)} t`);
  await d.run(`INSERT INTO campaign_events SELECT 'hubspot:e' || c.k || '-' || p.i || '-' || e.j, 'hubspot:' || (600 + c.k), 'hubspot:' || (9000 + p.i), ['sent', 'delivered', 'opened', 'clicked'][e.j],
      c.started_at + to_seconds(p.i * 60 + e.j * 1800), NULL, NULL
    FROM (SELECT *, row_number() OVER (ORDER BY campaign_id)::INTEGER AS k FROM campaigns WHERE starts_with(campaign_id, 'hubspot:')) c, ${range(1, n + 1)} p, (SELECT range::INTEGER AS j FROM range(1, 5)) e
    WHERE (p.i + c.k) % 3 <> 0 AND e.j <= 1 + (hash(p.i, c.k) % 4)::INTEGER`);
  await d.run(`INSERT INTO campaign_events SELECT 'hubspot:deal:' || (70000 + row_number() OVER (ORDER BY event_id)), campaign_id, customer_id, 'converted', occurred_at + INTERVAL 2 DAY,
      (120 + (hash(event_id) % 300)::INTEGER)::DECIMAL(18,2) + 0.90, NULL FROM campaign_events WHERE starts_with(event_id, 'hubspot:e') AND event_type = 'clicked' AND hash(event_id) % 2 = 0`);
}

export async function fixtureCrm(d: SimDataset, s: FixtureSize, only: string[] | undefined, orders: OrdersFn): Promise<void> {
  if (!only || only.includes('bling')) await bling(d, s, orders);
  if (!only || only.includes('ml')) await mercadoLivre(d, s, orders);
  if (!only || only.includes('hubspot')) await hubspot(d, s);
}
