// Deterministic synthetic customers and sales generated in DuckDB SQL (hash-based randomness), for the
// analytics benchmarks: each customer buys at a personal rate until a personal dropout, like real salon clients.
import type { Db } from '../../store/db';

export interface SyntheticOptions {
  customers: number;
  /** Last business date of the data, 'YYYY-MM-DD'. */
  endDate: string;
  /** Days of history before endDate. */
  spanDays: number;
  seed?: number;
}

/** A uniform in [0, 1) from a row number and a salt. */
const u = (expr: string, salt: number) => `((hash(${expr}, ${salt}) % 1000000007)::DOUBLE / 1000000007.0)`;

export async function generateSyntheticSales(db: Db, o: SyntheticOptions): Promise<{ customers: number; sales: number }> {
  const seed = o.seed ?? 1;
  const s = (k: number) => seed * 1000 + k;
  await db.transaction(async (tx) => {
    await tx.run(`
      CREATE OR REPLACE TEMP TABLE syn_c AS
      SELECT i,
        floor(${u('i', s(1))} * ${o.spanDays})::INTEGER AS first_day,
        -- visit rate per day: lognormal around one visit every ~40 days
        exp(ln(1.0 / 40) + 0.8 * sqrt(-2 * ln(${u('i', s(2))} + 1e-12)) * cos(2 * pi() * ${u('i', s(3))})) AS lam,
        -- visits before dropping out: geometric with a personal dropout probability
        1 + floor(ln(${u('i', s(4))} + 1e-12) / ln(1 - (0.03 + 0.3 * ${u('i', s(5))})))::INTEGER AS max_visits
      FROM range(${o.customers}) t(i)`);
    await tx.run(`
      INSERT INTO customers
      SELECT 'c' || i, 'Cliente ' || i,
        CASE WHEN ${u('i', s(6))} < 0.8 THEN 'cliente' || i || '@exemplo.com.br' END,
        CASE WHEN ${u('i', s(7))} < 0.5 THEN '(11) 9' || lpad(((i * 7919) % 100000000)::VARCHAR, 8, '0')
             WHEN ${u('i', s(7))} < 0.8 THEN '+55 21 9' || lpad(((i * 104729) % 100000000)::VARCHAR, 8, '0')
             WHEN ${u('i', s(7))} < 0.95 THEN '31 3' || lpad(((i * 31) % 10000000)::VARCHAR, 7, '0') END,
        NULL, CASE WHEN ${u('i', s(8))} < 0.8 THEN 'F' ELSE 'M' END,
        DATE '1960-01-01' + floor(${u('i', s(9))} * 16000)::INTEGER, 'São Paulo', 'SP',
        timezone(getvariable('biz_tz'), (DATE '${o.endDate}' - ${o.spanDays} + first_day)::TIMESTAMP + INTERVAL 9 HOUR),
        ${u('i', s(10))} < 0.7, 'salon'
      FROM syn_c`);
    await tx.run(`
      INSERT INTO sales
      SELECT 'sale-' || i || '-' || j, 'salon', 'appointment', 'c' || i, 'loc1', 'emp' || (hash(i, j) % 12),
        CASE WHEN ${u('i * 1000 + j', s(11))} < 0.92 THEN 'completed' WHEN ${u('i * 1000 + j', s(11))} < 0.96 THEN 'cancelled' ELSE 'no_show' END,
        ts - INTERVAL 3 DAY, ts, amount + disc, disc, CASE WHEN disc > 0 THEN 'PROMO10' END, 0, 0, amount, 0, 0, ts
      FROM (
        SELECT i, j,
          timezone(getvariable('biz_tz'), (DATE '${o.endDate}' - ${o.spanDays} + day)::TIMESTAMP
            + to_minutes((9 * 60 + floor(${u('i * 1000 + j', s(12))} * 600))::BIGINT)) AS ts,
          round(40 + 160 * ${u('i * 1000 + j', s(13))} * (1 + ${u('i', s(14))}), 2)::DECIMAL(18,2) AS amount,
          CASE WHEN ${u('i * 1000 + j', s(15))} < 0.15 THEN 10.00 ELSE 0 END::DECIMAL(18,2) AS disc
        FROM (
          SELECT i, j, (first_day + floor((j + 0.8 * (${u('i * 1000 + j', s(16))} - 0.5) * (j > 0)::INTEGER) / lam))::INTEGER AS day
          FROM syn_c, LATERAL (SELECT unnest(range(least(max_visits, 400))) AS j)
        ) WHERE day < ${o.spanDays}
      )`);
    tx.touched('customers', 'sales');
  });
  const [c] = await db.all<{ c: number; s: number }>(`SELECT (SELECT count(*) FROM customers)::DOUBLE AS c, (SELECT count(*) FROM sales)::DOUBLE AS s`);
  await db.run(`DROP TABLE IF EXISTS syn_c`);
  return { customers: c.c, sales: c.s };
}
