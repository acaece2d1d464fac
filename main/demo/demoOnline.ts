// Demo online channels: the WooCommerce shop (Black Friday, Christmas and Mother's Day peaks, coupons, shipping,
// Pix/card/boleto with gateway fees, refunds) and Mercado Livre orders (marketplace fees) with daily listing snapshots.
import type { Tx } from '../store/db';
import { PRODUCTS, SERVICES } from './demoCatalog';
import { sqlList, weightedSlots, type DemoParams } from './demoParams';

const ONLINE_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.1, 1.2, 1.4, 1.3, 1.1, 1, 1, 1.1, 1.2, 1.4, 1.6, 1.6, 1.3, 0.8];
const ML_LISTINGS = 12;

function orderTargets(table: string, src: string, key: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table}_t AS
WITH o AS (SELECT c.${key}, c.p, k FROM ${src} c, LATERAL unnest(generate_series(1, least(c.norders, 12))) u(k)),
t AS (SELECT o.*, du3(${key}, k, 'od') AS target FROM o)
SELECT * FROM t`;
}

/** Order days and times from the materialized targets (a table, so the planner picks an ASOF merge, not a loop). */
function orderDays(p: DemoParams, table: string, key: string): string {
  const hours = sqlList(weightedSlots(ONLINE_HOURS.map((_, h) => h), ONLINE_HOURS, 200));
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT t.${key}, t.p, t.k, d.d, d.black_friday,
  timezone('${p.tz}', CAST(d.d AS TIMESTAMP) + to_minutes(CAST(pick(${hours}, du3(t.${key}, t.k, 'oh')) * 60 + floor(du3(t.${key}, t.k, 'om') * 60) AS BIGINT))) AS created_at
FROM ${table}_t t ASOF JOIN (SELECT * FROM __demo_days WHERE wo > 0) d ON t.target >= d.co`;
}

export async function createWooOrders(tx: Tx, p: DemoParams): Promise<void> {
  const ns = SERVICES.length;
  // Nothing online happens after the demo was made (the end of its last day, or now during it).
  const endTs = p.aheadTs;
  await tx.run(orderTargets('__demo_woo_t', '__demo_woo_cust', 'i'));
  await tx.run(orderDays(p, '__demo_woo_t', 'i'));
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_woo_orders AS
SELECT row_number() OVER (ORDER BY created_at, i, k) AS wno, *,
  CASE WHEN du3(i, k, 'ws') < 0.05 THEN 'cancelled' WHEN created_at > ${endTs} - INTERVAL 2 DAY AND du3(i, k, 'wp') < 0.4 THEN 'booked' ELSE 'completed' END AS status,
  CASE WHEN du3(i, k, 'wm') < 0.45 THEN 'pix' WHEN du3(i, k, 'wm') < 0.9 THEN 'credit_card' ELSE 'boleto' END AS method,
  CASE WHEN du3(i, k, 'wm') < 0.45 THEN to_minutes(CAST(2 + floor(du3(i, k, 'pd') * 8) AS BIGINT)) WHEN du3(i, k, 'wm') < 0.9 THEN INTERVAL 1 MINUTE
    ELSE to_days(CAST(1 + floor(du3(i, k, 'pd') * 3) AS INTEGER)) END AS pay_delay,
  CASE WHEN d BETWEEN black_friday - 3 AND black_friday + 3 AND du3(i, k, 'wc') < 0.6 THEN 'BLACKFRIDAY25'
    WHEN k = 1 AND du3(i, k, 'wc') < 0.3 THEN 'PRIMEIRACOMPRA' WHEN du3(i, k, 'wc') < 0.05 THEN 'VOLTE10' END AS coupon
FROM __demo_woo_t`);
  const prd = sqlList(weightedSlots(PRODUCTS.map((_, i) => i + 1), PRODUCTS.map((x) => x.wf + x.wm), 200));
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_woo_lines AS
WITH l AS (
  SELECT o.wno, o.d, CASE WHEN o.coupon = 'BLACKFRIDAY25' THEN 0.25 WHEN o.coupon IS NULL THEN 0 ELSE 0.10 END AS pct, ln,
    CAST(pick(${prd}, du3(o.wno, ln, 'wi')) AS INTEGER) AS k
  FROM __demo_woo_orders o, LATERAL unnest(generate_series(1, 1 + CAST(du(o.wno, 'l1') < 0.45 AS INTEGER) + CAST(du(o.wno, 'l2') < 0.15 AS INTEGER) + CAST(du(o.wno, 'l3') < 0.05 AS INTEGER))) u(ln)),
pr AS (
  SELECT l.*, CAST((floor(i.price / pow(1.07, (DATE '${p.end}' - l.d) / 365.0)) + 0.9) * 100 AS BIGINT) AS unit_c,
    CASE WHEN du3(l.wno, l.ln, 'wq') < 0.8 THEN 1 WHEN du3(l.wno, l.ln, 'wq') < 0.95 THEN 2 ELSE 3 END AS qty
  FROM l JOIN __demo_items i ON i.ino = ${ns} + l.k)
SELECT *, CAST(round(qty * unit_c * pct) AS BIGINT) AS disc_c FROM pr`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_woo_sales AS
SELECT o.* REPLACE (CASE WHEN o.status = 'completed' AND o.created_at + pay_delay >= ${endTs} THEN 'booked' ELSE o.status END AS status), a.gross_c, a.disc_c, a.first_c,
  CASE WHEN a.gross_c - a.disc_c >= 19900 THEN 0 ELSE list_element([1990, 2490, 2990], 1 + CAST(floor(du(o.wno, 'sh') * 3) AS INTEGER)) END AS ship_c
FROM __demo_woo_orders o JOIN (
  SELECT wno, CAST(sum(qty * unit_c) AS BIGINT) AS gross_c, CAST(sum(disc_c) AS BIGINT) AS disc_c, arg_min(qty * unit_c - disc_c, ln) AS first_c
  FROM __demo_woo_lines GROUP BY wno) a USING (wno)`);
  await tx.run(`INSERT INTO sales
SELECT 'woo:' || (10000 + wno), 'woo', 'order', 'woo:' || (2000 + i), NULL, NULL,
  -- An order paid back in full is "refunded" in WooCommerce, which means cancelled (it keeps its payment and refund).
  CASE WHEN status = 'completed' AND du(wno, 'rf') < 0.025
    AND created_at + pay_delay + to_days(CAST(5 + floor(du(wno, 'rd') * 16) AS INTEGER)) < ${endTs} THEN 'cancelled' ELSE status END, created_at,
  CASE WHEN status = 'completed' THEN created_at + pay_delay ELSE created_at END, money(gross_c), money(disc_c), coupon, 0, money(ship_c), money(gross_c - disc_c + ship_c),
  NULL, NULL, CASE WHEN status = 'completed' THEN created_at + pay_delay ELSE created_at END
FROM __demo_woo_sales`);
  await tx.run(`INSERT INTO sale_lines
SELECT 'woo:' || (10000 + wno), ln, 'woo:' || (500 + k), NULL, qty, money(unit_c), money(disc_c), money(qty * unit_c - disc_c), NULL FROM __demo_woo_lines`);
  await tx.run(`INSERT INTO payments
SELECT * FROM (
  SELECT 'woo:' || (10000 + wno) || ':payment' AS payment_id, 'woo:' || (10000 + wno) AS sale_id, created_at + pay_delay AS occurred_at, method, 'payment' AS kind,
    money(gross_c - disc_c + ship_c) AS amount,
    money(CASE method WHEN 'pix' THEN round((gross_c - disc_c + ship_c) * 0.0099) WHEN 'credit_card' THEN round((gross_c - disc_c + ship_c) * 0.0499) ELSE 349 END) AS fee_amount
  FROM __demo_woo_sales WHERE status = 'completed'
  UNION ALL
  SELECT 'woo:' || (10000 + wno) || ':refund', 'woo:' || (10000 + wno), created_at + pay_delay + to_days(CAST(5 + floor(du(wno, 'rd') * 16) AS INTEGER)),
    CASE WHEN method = 'boleto' THEN 'pix' ELSE method END, 'refund',
    money(CASE WHEN du(wno, 'rf') < 0.025 THEN gross_c - disc_c + ship_c ELSE first_c END), NULL
  FROM __demo_woo_sales WHERE status = 'completed' AND du(wno, 'rf') < 0.04)
WHERE occurred_at < ${endTs}`);
}

export async function createMercadoLivre(tx: Tx, p: DemoParams): Promise<void> {
  const ns = SERVICES.length;
  // Nothing online happens after the demo was made (the end of its last day, or now during it).
  const endTs = p.aheadTs;
  await tx.run(orderTargets('__demo_ml_orders', '__demo_ml_cust', 'j'));
  await tx.run(orderDays(p, '__demo_ml_orders', 'j'));
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_ml_lines AS
SELECT o.*, row_number() OVER (ORDER BY o.created_at, o.j, o.k) AS mno
FROM __demo_ml_orders o`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_ml_items AS
SELECT m.mno, m.j, m.created_at, m.d, ln, CAST(1 + floor(du3(m.mno, ln, 'mi') * ${ML_LISTINGS}) AS INTEGER) AS k,
  CASE WHEN du3(m.mno, ln, 'mq') < 0.85 THEN 1 ELSE 2 END AS qty
FROM __demo_ml_lines m, LATERAL unnest(generate_series(1, 1 + CAST(du(m.mno, 'ml2') < 0.1 AS INTEGER))) u(ln)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_ml_priced AS
SELECT x.*, CAST((floor(i.price * 1.12 / pow(1.07, (DATE '${p.end}' - x.d) / 365.0)) + 0.9) * 100 AS BIGINT) AS unit_c
FROM __demo_ml_items x JOIN __demo_items i ON i.ino = ${ns} + x.k`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_ml_sales AS
SELECT mno, any_value(j) AS j, any_value(created_at) AS created_at, CAST(sum(qty * unit_c) AS BIGINT) AS total_c,
  CAST(round(sum(qty * unit_c) * 0.13) + sum(CASE WHEN unit_c < 7900 THEN 625 * qty ELSE 0 END) AS BIGINT) AS fee_c,
  CASE WHEN du(mno, 'mst') < 0.07 THEN 'cancelled' WHEN any_value(created_at) + to_minutes(CAST(1 + floor(du(mno, 'mpd') * 30) AS BIGINT)) >= ${endTs} THEN 'confirmed'
    ELSE 'completed' END AS status,
  CASE WHEN du(mno, 'mpm') < 0.3 THEN 'wallet' WHEN du(mno, 'mpm') < 0.9 THEN 'credit_card' ELSE 'pix' END AS method,
  to_minutes(CAST(1 + floor(du(mno, 'mpd') * 30) AS BIGINT)) AS pay_delay
FROM __demo_ml_priced GROUP BY mno`);
  const id = `'ml:' || (2000004000000000 + mno * 17)`;
  await tx.run(`INSERT INTO sales
SELECT ${id}, 'ml', 'order', 'ml:' || (300000000 + j * 7), NULL, NULL, status, created_at,
  CASE WHEN status = 'completed' THEN created_at + pay_delay ELSE created_at END, money(total_c), 0, NULL, 0, 0, money(total_c), NULL, NULL, created_at + pay_delay
FROM __demo_ml_sales`);
  await tx.run(`INSERT INTO sale_lines
SELECT ${id}, ln, 'ml:MLB' || (3012345600 + k * 37), NULL, qty, money(unit_c), 0, money(qty * unit_c), NULL FROM __demo_ml_priced`);
  await tx.run(`INSERT INTO payments
SELECT ${id} || ':payment', ${id}, created_at + pay_delay, method, 'payment', money(total_c), money(fee_c) FROM __demo_ml_sales WHERE status = 'completed' AND created_at + pay_delay < ${endTs}`);
}

/** Daily snapshots of the shop's own Mercado Livre listings and two competitors each; own sold counts follow the orders. */
export async function createListingSnapshots(tx: Tx, p: DemoParams): Promise<void> {
  const ns = SERVICES.length;
  await tx.run(`INSERT INTO listing_snapshots
WITH l AS (SELECT k, c FROM range(1, ${ML_LISTINGS + 1}) a(k), range(0, 3) b(c)),
d AS (SELECT d, black_friday, d - DATE '${p.start}' AS n FROM __demo_days WHERE d <= DATE '${p.end}'),
sold AS (SELECT k, d, sum(qty) AS units FROM __demo_ml_priced JOIN __demo_ml_sales USING (mno) WHERE status = 'completed' GROUP BY ALL),
g AS (
  SELECT l.k, l.c, d.d, d.n, d.black_friday, coalesce(sold.units, 0) AS units,
    floor(i.price * 1.12 / pow(1.07, (DATE '${p.end}' - d.d) / 365.0)) + 0.9 AS base, i.name
  FROM l CROSS JOIN d JOIN __demo_items i ON i.ino = ${ns} + l.k LEFT JOIN sold ON sold.k = l.k AND sold.d = d.d AND l.c = 0),
q AS (
  SELECT *, CASE WHEN c = 0 THEN base ELSE round(base * (0.86 + 0.22 * du3(k, c, 'cp')) + 0.3 * (du3(k, c, n // 7) - 0.5), 1) - 0.1 END AS full_price,
    (d BETWEEN black_friday - 3 AND black_friday + 3) OR du3(k, c, n // 7 + 100000) < 0.12 AS promo,
    sum(units) OVER (PARTITION BY k, c ORDER BY d) AS cum
  FROM g)
SELECT CASE WHEN c = 0 THEN 'ml:MLB' || (3012345600 + k * 37) ELSE 'ml:MLB' || (4100000000 + k * 1000 + c) END,
  'ml:MLB' || (3012345600 + k * 37), CASE WHEN c = 0 THEN 'ml:98765432' ELSE 'ml:' || (55000000 + k * 7 + c) END,
  timezone('${p.tz}', CAST(d AS TIMESTAMP) + INTERVAL 6 HOUR),
  CASE WHEN c = 0 THEN name || ' - Studio Bela' ELSE name || CASE c WHEN 1 THEN ' - Original' ELSE ' Profissional' END END,
  CAST(CASE WHEN promo THEN round(full_price * 0.85, 1) - 0.1 ELSE full_price END AS DECIMAL(18,2)),
  CAST(CASE WHEN promo THEN full_price END AS DECIMAL(18,2)),
  CAST(CASE WHEN c = 0 THEN 30 + (n * 3 + k * 17) % 150 ELSE 10 + (n * 7 + k * 31 + c * 13) % 400 END AS INTEGER),
  CAST(CASE WHEN c = 0 THEN 40 + cum ELSE 100 + floor(n * (0.5 + 3 * du3(k, c, 'cr'))) END AS INTEGER),
  c = 0
FROM q`);
}
