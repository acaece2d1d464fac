// A small deterministic dataset for the simulators until (and beside) the demo generator: canonical rows for each
// source, written in SQL, shaped as each API can carry them (see each simulator's header for what that means).
import type { SimDataset } from '../simulators/dataset';
import { fixtureMarketplace } from './fixtureMarketplace';
import type { FixtureSize } from './fixtureTypes';

export type { FixtureSize } from './fixtureTypes';

const h = (expr: string, seed: number, salt: number) => `(hash(${expr}, ${seed}, ${salt}) % 1000000)::INTEGER`;

/** Salon (Supabase): locations, staff, services and products, appointments with lines, split payments, refunds, loyalty. */
async function salon(d: SimDataset, s: FixtureSize): Promise<void> {
  const r = (salt: number) => h('i', s.seed, salt);
  await d.run(`INSERT INTO locations SELECT 'salon:loc' || i, 'Unidade ' || ['Pinheiros', 'Moema', 'Centro'][i], ['São Paulo', 'São Paulo', 'Campinas'][i], 'SP', 'America/Sao_Paulo', NULL FROM (SELECT range::INTEGER AS i FROM range(1, 4)) t`);
  await d.run(`INSERT INTO employees SELECT 'salon:emp' || i, 'Profissional ' || ['Ana', 'Bárbara', 'Célia', 'Dênis', 'Élida', 'Fábio'][i], CASE WHEN i % 2 = 0 THEN 'cabeleireira' ELSE 'manicure' END,
    'salon:loc' || (1 + i % 3), (0.30 + (i % 3) * 0.05)::DECIMAL(6,4), DATE '2020-01-01' + i * 30, i <> 6, NULL FROM (SELECT range::INTEGER AS i FROM range(1, 7)) t`);
  await d.run(`INSERT INTO items SELECT 'salon:sv' || i, ['Corte feminino', 'Escova', 'Coloração', 'Manicure', 'Pedicure', 'Hidratação'][i], 'service', ['cabelo', 'cabelo', 'cabelo', 'unhas', 'unhas', 'tratamento'][i],
    [90.00, 55.00, 180.00, 35.00, 40.00, 120.00][i]::DECIMAL(18,2), NULL, [60, 40, 120, 40, 45, 50][i], NULL FROM (SELECT range::INTEGER AS i FROM range(1, 7)) t`);
  await d.run(`INSERT INTO items SELECT 'salon:pr' || i, ['Shampoo 300ml', 'Máscara 250g', 'Óleo capilar'][i], 'product', 'revenda', [49.90, 79.90, 65.50][i]::DECIMAL(18,2), [22.00, 35.50, 30.00][i]::DECIMAL(18,2), NULL, NULL FROM (SELECT range::INTEGER AS i FROM range(1, 4)) t`);
  await d.run(`INSERT INTO customers SELECT 'salon:c' || i, 'Cliente ' || ['João', 'Maria', 'Conceição', 'José', 'Ângela'][1 + i % 5] || ' ' || i,
    CASE WHEN i % 6 <> 0 THEN 'cliente' || i || '@exemplo.com.br' END, '+5511' || (900000000 + i)::VARCHAR, CASE WHEN i % 4 = 0 THEN lpad(i::VARCHAR, 11, '0') END,
    CASE i % 3 WHEN 0 THEN 'F' WHEN 1 THEN 'M' END, DATE '1970-01-01' + ${r(1)} % 15000, CASE WHEN i % 5 = 0 THEN 'Campinas' ELSE 'São Paulo' END, 'SP',
    TIMESTAMPTZ '2023-01-02 12:00:00+00' + to_seconds(i * 3607), i % 3 <> 0, 'salon', NULL FROM (SELECT range::INTEGER AS i FROM range(1, ${s.customers + 1})) t`);
  await d.run(`CREATE OR REPLACE TEMP TABLE fx_sales AS SELECT i,
      CASE WHEN ${r(2)} % 100 < 80 THEN 'completed' WHEN ${r(2)} % 100 < 88 THEN 'cancelled' WHEN ${r(2)} % 100 < 92 THEN 'no_show' WHEN ${r(2)} % 100 < 96 THEN 'confirmed' ELSE 'booked' END AS status,
      CASE WHEN i % 17 = 0 THEN NULL ELSE 'salon:c' || (1 + ${r(3)} % ${s.customers}) END AS customer_id,
      'salon:loc' || (1 + ${r(4)} % 3) AS location_id, 'salon:emp' || (1 + ${r(5)} % 6) AS employee_id,
      TIMESTAMPTZ '2024-01-01 11:00:00+00' + to_seconds(i * 1789) AS created_at,
      TIMESTAMPTZ '2024-01-03 12:00:00+00' + to_seconds(i * 1789 + ${r(6)} % 40 * 900) AS occurred_at,
      1 + ${r(7)} % 3 AS nlines
    FROM (SELECT range::INTEGER AS i FROM range(1, ${s.sales + 1})) t`);
  await d.run(`INSERT INTO sale_lines
    SELECT 'salon:a' || i, n, it.item_id, CASE WHEN n = 2 AND i % 3 = 0 THEN 'salon:emp' || (1 + (i + n) % 6) END,
      CASE WHEN it.kind = 'product' AND i % 4 = 0 THEN 2 ELSE 1 END::DECIMAL(18,3), it.list_price,
      CASE WHEN n = 1 AND i % 7 = 0 THEN 5.00 ELSE 0 END::DECIMAL(18,2),
      (it.list_price * CASE WHEN it.kind = 'product' AND i % 4 = 0 THEN 2 ELSE 1 END - CASE WHEN n = 1 AND i % 7 = 0 THEN 5.00 ELSE 0 END)::DECIMAL(18,2),
      it.duration_min, NULL
    FROM fx_sales, (SELECT range::INTEGER AS n FROM range(1, 4)) l, (SELECT item_id, kind, list_price, duration_min, row_number() OVER (ORDER BY item_id) - 1 AS k FROM items WHERE starts_with(item_id, 'salon:')) it
    WHERE n <= nlines AND it.k = (i * 3 + n * 5) % 9`);
  await d.run(`INSERT INTO sales SELECT 'salon:a' || f.i, 'salon', CASE WHEN f.i % 10 = 0 THEN 'order' ELSE 'appointment' END, f.customer_id, f.location_id, f.employee_id, f.status, f.created_at, f.occurred_at,
      g.gross, g.disc, CASE WHEN g.disc > 0 THEN 'VOLTA5' END, 0, 0, g.gross - g.disc,
      CASE WHEN f.status = 'completed' AND f.customer_id IS NOT NULL THEN floor(g.gross - g.disc)::INTEGER END, CASE WHEN f.i % 29 = 0 THEN 20 END,
      f.created_at + INTERVAL 3 DAY, NULL
    FROM fx_sales f JOIN (SELECT sale_id, sum(quantity * unit_price)::DECIMAL(18,2) AS gross, sum(discount_amount)::DECIMAL(18,2) AS disc FROM sale_lines GROUP BY sale_id) g ON g.sale_id = 'salon:a' || f.i`);
  // One payment per completed sale (a split in two every 11th), card fees, a refund weeks later every 23rd.
  await d.run(`INSERT INTO payments SELECT 'salon:pay' || i || '-1', 'salon:a' || i, f.occurred_at + INTERVAL 1 HOUR,
      ['pix', 'credit_card', 'debit_card', 'cash', 'voucher'][1 + ${h('i', s.seed, 8)} % 5],
      'payment', CASE WHEN i % 11 = 0 THEN round(s.total_amount / 2, 2) ELSE s.total_amount END, NULL, NULL
    FROM fx_sales f JOIN sales s ON s.sale_id = 'salon:a' || f.i WHERE f.status = 'completed'`);
  await d.run(`INSERT INTO payments SELECT 'salon:pay' || i || '-2', 'salon:a' || i, f.occurred_at + INTERVAL 1 HOUR, 'pix', 'payment', s.total_amount - round(s.total_amount / 2, 2), NULL, NULL
    FROM fx_sales f JOIN sales s ON s.sale_id = 'salon:a' || f.i WHERE f.status = 'completed' AND i % 11 = 0`);
  await d.run(`UPDATE payments SET fee_amount = round(amount * CASE method WHEN 'credit_card' THEN 0.0349 ELSE 0.0149 END, 2) WHERE starts_with(payment_id, 'salon:') AND method IN ('credit_card', 'debit_card')`);
  await d.run(`INSERT INTO payments SELECT 'salon:ref' || i, 'salon:a' || i, f.occurred_at + INTERVAL 20 DAY, 'pix', 'refund', 10.00, NULL, NULL FROM fx_sales f WHERE f.status = 'completed' AND i % 23 = 0`);
  await d.run(`INSERT INTO loyalty_transactions SELECT 'salon:lt' || substr(sale_id, 8), customer_id, sale_id, occurred_at, 'earned', points_earned, NULL FROM sales WHERE starts_with(sale_id, 'salon:') AND points_earned IS NOT NULL`);
  await d.run(`INSERT INTO loyalty_transactions SELECT 'salon:lr' || substr(sale_id, 8), customer_id, sale_id, occurred_at, 'redeemed', -points_redeemed, NULL FROM sales WHERE starts_with(sale_id, 'salon:') AND points_redeemed IS NOT NULL AND customer_id IS NOT NULL`);
  await d.run(`DROP TABLE fx_sales`);
}

/** Fills a simulator dataset with every source's rows (sizes per source scale from `customers` and `sales`). */
export async function buildFixture(d: SimDataset, size: Partial<FixtureSize> = {}, only?: string[]): Promise<void> {
  const s: FixtureSize = { customers: size.customers ?? 120, sales: size.sales ?? 400, seed: size.seed ?? 7 };
  if (!only || only.includes('salon')) await salon(d, s);
  await fixtureMarketplace(d, s, only);
  await d.initMods();
}
