// Demo salon money: payments (Pix share growing, cards with fees, cash, split payments, booking deposits, refunds
// weeks later, deposits of cancellations returned) and the loyalty ledger (earned, redeemed, welcome bonus, expiry).
// Amounts are integer cents until they are written.
import type { Tx } from '../store/db';
import type { DemoParams } from './demoParams';

/** Card and Pix fees (cents) of a payment in cents. */
export const feeCentsSql = (method: string, cents: string) =>
  `CAST(round(${cents} * CASE ${method} WHEN 'credit_card' THEN 0.0319 WHEN 'debit_card' THEN 0.0139 WHEN 'pix' THEN 0.0075 ELSE 0 END) AS BIGINT)`;

export async function createSalonPayments(tx: Tx, p: DemoParams): Promise<void> {
  const endTs = `timezone('${p.tz}', CAST(DATE '${p.end}' + 1 AS TIMESTAMP))`;
  const prog = `((epoch(vat) - epoch(TIMESTAMP '${p.start}')) / (epoch(TIMESTAMP '${p.end}') - epoch(TIMESTAMP '${p.start}') + 1))`;
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_pay AS
WITH s AS (
  SELECT sno, status, created_at, vat + to_minutes(greatest(mins, 30)) AS paid_at, vat, total_c,
    deposit AND advance AND total_c >= 10000 AS dep, du(sno, 'pm') AS u, 0.28 + 0.17 * ${prog} AS pix
  FROM __demo_sales),
m AS (
  SELECT *, CASE WHEN dep THEN CAST(round(total_c * 0.3) AS BIGINT) ELSE 0 END AS dep_c,
    CASE WHEN u < pix THEN 'pix' WHEN u < pix + 0.31 THEN 'credit_card' WHEN u < pix + 0.52 THEN 'debit_card' WHEN u < 0.98 THEN 'cash' ELSE 'voucher' END AS m1
  FROM s),
r AS (
  SELECT *, du(sno, 'split') < 0.07 AND total_c - dep_c >= 6000 AS split,
    CAST(round((total_c - dep_c) * (0.3 + 0.4 * du(sno, 'sp')) / 100) * 100 AS BIGINT) AS part1_c
  FROM m)
SELECT sno, 'd' AS sfx, created_at + INTERVAL 5 MINUTE AS ts, 'pix' AS method, 'payment' AS kind, dep_c AS amount_c FROM r WHERE dep
UNION ALL SELECT sno, '1', paid_at, CASE WHEN split AND m1 IN ('credit_card', 'voucher') THEN 'cash' ELSE m1 END, 'payment',
  CASE WHEN split THEN part1_c ELSE total_c - dep_c END
  FROM r WHERE status = 'completed' AND total_c - dep_c > 0
UNION ALL SELECT sno, '2', paid_at + INTERVAL 1 MINUTE, 'credit_card', 'payment', total_c - dep_c - part1_c FROM r WHERE status = 'completed' AND split
UNION ALL SELECT sno, 'x', created_at + to_seconds(CAST((epoch(vat) - epoch(created_at)) * du(sno, 'cx') AS BIGINT)) + to_days(CAST(1 + floor(du(sno, 'cxd') * 3) AS INTEGER)),
  'pix', 'refund', dep_c FROM r WHERE dep AND status = 'cancelled'
UNION ALL SELECT sno, 'r', paid_at + to_days(CAST(7 + floor(du(sno, 'rfd') * 38) AS INTEGER)), CASE WHEN m1 IN ('cash', 'voucher') THEN 'pix' ELSE m1 END, 'refund',
  least(total_c, CAST(round(total_c * (0.3 + 0.7 * du(sno, 'rfa'))) AS BIGINT))
  FROM r WHERE status = 'completed' AND total_c > 0 AND du(sno, 'rf') < 0.012`);
  await tx.run(`INSERT INTO payments
SELECT 'salon:pg' || (1000000 + sno) || '-' || sfx, 'salon:' || (1000000 + sno), ts, method, kind, money(amount_c),
  CASE WHEN kind = 'payment' THEN money(${feeCentsSql('method', 'amount_c')}) END
FROM __demo_pay WHERE ts < least(${endTs}, ${p.aheadTs}) AND amount_c > 0`);
  await tx.run(`DROP TABLE __demo_pay`);
}

export async function createLoyalty(tx: Tx, p: DemoParams): Promise<void> {
  await tx.run(`INSERT INTO loyalty_transactions
SELECT 'salon:lt' || (1000000 + sno) || 'e', 'salon:' || (100000 + p), 'salon:' || (1000000 + sno), vat + INTERVAL 1 HOUR, 'earned', CAST(total_c // 100 AS INTEGER)
FROM __demo_sales WHERE member AND NOT anonymous AND status = 'completed' AND total_c >= 100
UNION ALL SELECT 'salon:lt' || (1000000 + sno) || 'r', 'salon:' || (100000 + p), 'salon:' || (1000000 + sno), vat, 'redeemed', -200
FROM __demo_sales WHERE member AND NOT anonymous AND redeem
UNION ALL SELECT 'salon:lta' || p, 'salon:' || (100000 + p), NULL, timezone('${p.tz}', CAST(first_day AS TIMESTAMP) + INTERVAL 20 HOUR), 'adjusted', 50
FROM __demo_salon_cust WHERE member AND du(p, 'adj') < 0.1 AND first_day <= DATE '${p.end}'`);
  // Points expire twelve months after a member's last movement.
  await tx.run(`INSERT INTO loyalty_transactions
SELECT 'salon:ltx' || substr(customer_id, 7), customer_id, NULL, last + INTERVAL 365 DAY, 'expired', -CAST(bal AS INTEGER)
FROM (SELECT customer_id, sum(points) AS bal, max(occurred_at) AS last FROM loyalty_transactions WHERE customer_id LIKE 'salon:%' GROUP BY customer_id)
WHERE bal > 0 AND last + INTERVAL 365 DAY < timezone('${p.tz}', CAST(DATE '${p.end}' AS TIMESTAMP))`);
}
