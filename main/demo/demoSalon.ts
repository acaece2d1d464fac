// Demo salon appointments: visits spread over each customer's active months through the seasonal calendar, times
// inside opening hours with daily peaks, services by the customer's profile and usual professional, coupons and
// loyalty redemptions; then their lines and sales rows.
import type { Tx } from '../store/db';
import { LOCATIONS, PRODUCTS, ROLES, SERVICES } from './demoCatalog';
import { staffLayout } from './demoReference';
import { pickFrom, sqlList, weightedSlots, type DemoParams } from './demoParams';

const HOUR_PROFILE: Record<number, number> = { 7: 0.4, 8: 0.7, 9: 0.95, 10: 1.3, 11: 1.3, 12: 0.8, 13: 0.8, 14: 1, 15: 1.05, 16: 1.15, 17: 1.35, 18: 1.4, 19: 1.1, 20: 0.8, 21: 0.5 };

/** Per weekday, 240 start minutes (from midnight) weighted by the hour profile, inside opening hours. */
export function salonStartMinutes(openingHours: DemoParams['openingHours']): number[][] {
  return openingHours.map((h, dow) => {
    if (!h) return Array.from({ length: 240 }, () => 600);
    const [oh, om] = h.open.split(':').map(Number);
    const [ch, cm] = h.close.split(':').map(Number);
    const slots: number[] = [];
    const weights: number[] = [];
    for (let m = oh * 60 + om; m <= ch * 60 + cm - 45; m += 15) {
      const hour = Math.floor(m / 60);
      slots.push(m);
      weights.push((HOUR_PROFILE[hour] ?? 0.5) * (dow === 6 && hour < 13 ? 1.3 : 1));
    }
    return slots.length ? weightedSlots(slots, weights, 240) : Array.from({ length: 240 }, () => oh * 60 + om);
  });
}

/** __demo_sales0: one row per appointment with every attribute decided. */
export async function createVisits(tx: Tx, p: DemoParams): Promise<void> {
  // One flat list (weekday * 240 + slot): nested list literals are copied per row and are slow.
  const flat = `[${salonStartMinutes(p.openingHours).flat().join(',')}]`;
  const endTs = `timezone('${p.tz}', CAST(DATE '${p.end}' + 1 AS TIMESTAMP))`;
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_v0 AS
WITH k AS (
  SELECT c.p, c.gender, c.home, c.birth_date, c.member, fs.cs AS c0, le.ce AS c1,
    least(99, greatest(1, CAST(round((least(c.last_day, DATE '${p.end}' + 14) - c.first_day + 1) / c.gap * (0.75 + 0.5 * du(c.p, 'kv'))) AS INTEGER))) AS nvis
  FROM __demo_salon_cust c JOIN __demo_days fs ON fs.d = c.first_day JOIN __demo_days le ON le.d = least(c.last_day, DATE '${p.end}' + 14))
SELECT p, j, gender, home, birth_date, member, c0 + (j - 1 + du3(p, j, 't')) / nvis * (c1 - c0) AS target
FROM k, LATERAL range(1, nvis + 1) u(j)`);
  // Materialized first: over an unnest the planner underestimates the rows and would loop instead of an ASOF merge.
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_v0 AS
SELECT v.p, v.j, v.gender, v.home, v.birth_date, v.member, d.d, d.dow, d.mothers, d.utc0
FROM __demo_v0 v ASOF JOIN (SELECT * FROM __demo_days WHERE ws > 0) d ON v.target >= d.cs`);
  // A sale's number is its customer's number and visit ordinal (at most 99 visits), so no global sort is needed.
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_sales0 AS
WITH t AS (
  SELECT *, to_timestamp(utc0 + 60 * list_element(${flat}, dow * 240 + 1 + CAST(floor(du3(p, j, 'h') * 240) AS INTEGER))) AS vat,
    CASE WHEN du3(p, j, 'ld') < 0.35 THEN to_minutes(CAST(10 + floor(du3(p, j, 'lm') * 230) AS BIGINT))
      ELSE to_minutes(CAST(1440 * (1 + floor(pow(du3(p, j, 'lm'), 2) * 30)) AS BIGINT)) END AS lead
  FROM __demo_v0),
v AS (
  SELECT p, j, gender, member, d, vat, vat - lead AS created_at, lead >= INTERVAL 1 DAY AS advance,
    CASE WHEN du3(p, j, 'lo') < 0.92 THEN home ELSE 1 + CAST(floor(du3(p, j, 'lo2') * ${p.locations}) AS INTEGER) END AS loc,
    CASE WHEN vat >= ${p.aheadTs} THEN CASE WHEN du3(p, j, 'st') < 0.6 THEN 'confirmed' ELSE 'booked' END
      WHEN du3(p, j, 'st') < 0.08 THEN 'cancelled' WHEN du3(p, j, 'st') < 0.12 THEN 'no_show' ELSE 'completed' END AS status,
    CASE WHEN du3(p, j, 'ns') < 0.6 THEN 1 WHEN du3(p, j, 'ns') < 0.88 THEN 2 WHEN du3(p, j, 'ns') < 0.98 THEN 3 ELSE 4 END AS nsvc,
    du3(p, j, 'pr') < 0.14 AS product,
    CASE WHEN du3(p, j, 'cp') < CASE WHEN month(d) = month(birth_date) THEN 0.3 ELSE 0.06 END THEN
      CASE WHEN month(d) = 12 THEN 'NATAL15' WHEN d BETWEEN mothers - 14 AND mothers THEN 'MAES20'
        WHEN month(d) = month(birth_date) THEN 'ANIVER10' WHEN j = 1 THEN 'BEMVINDA10' ELSE 'VOLTE10' END END AS coupon,
    member AND j >= 6 AND du3(p, j, 'rd') < 0.05 AS redeem,
    du3(p, j, 'dep') < 0.12 AS deposit,
    du3(p, j, 'anon') < 0.02 AS anonymous,
    lead
  FROM t)
SELECT p * 100 + j AS sno, * EXCLUDE (lead) REPLACE (redeem AND status = 'completed' AS redeem),
  CASE WHEN coupon IS NULL THEN 0 WHEN coupon = 'NATAL15' THEN 0.15 WHEN coupon = 'MAES20' THEN 0.20 ELSE 0.10 END AS pct
FROM v
-- what has happened, and what was booked before the cut: later today any booking made by then, later days those
-- made at least a day ahead
WHERE vat < ${p.aheadTs} OR (created_at < ${p.aheadTs} AND (lead >= INTERVAL 1 DAY OR vat < ${endTs}))`);
}

/** __demo_lines (one per service or product) and the salon rows of sale_lines and sales. */
export async function createSalonSales(tx: Tx, p: DemoParams): Promise<void> {
  const ns = SERVICES.length;
  const svc = (w: 'wf' | 'wm') => weightedSlots(SERVICES.map((_, i) => i + 1), SERVICES.map((s) => s[w]), 400);
  const prd = (w: 'wf' | 'wm') => weightedSlots(PRODUCTS.map((_, i) => ns + i + 1), PRODUCTS.map((s) => s[w]), 400);
  const locs = LOCATIONS.slice(0, p.locations);
  // Item attributes and the professional are list lookups and arithmetic, not joins: this runs once per line.
  const items = [...SERVICES, ...PRODUCTS];
  const roleIdx = (r: string | null) => (r ? ROLES.findIndex((x) => x.role === r) + 1 : 0);
  const staff = staffLayout(p);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_lines AS
WITH l AS (
  SELECT s.sno, s.p, s.loc, s.pct, s.redeem, ln, pow(1.07, (DATE '${p.end}' - s.d) / 365.0) AS defl,
    ${pickFrom([svc('wf'), svc('wm'), prd('wf'), prd('wm')], `2 * CAST(ln > s.nsvc AS INTEGER) + CAST(s.gender <> 'F' AS INTEGER)`, `du3(s.sno, ln, 'it')`)} AS ino
  FROM __demo_sales0 s, LATERAL unnest(generate_series(1, s.nsvc + CAST(s.product AND s.status = 'completed' AS INTEGER))) u(ln)),
r AS (
  -- Constant lists are looked up here, outside any CASE (inside one they would be copied for every row).
  SELECT l.*, list_element(${sqlList(items.map((x) => roleIdx(x.role)))}, ino) AS ri, list_element(${sqlList(items.map((x) => x.price))}, ino) AS price,
    list_element(${sqlList(items.map((x) => x.minutes ?? 0))}, ino) AS minutes
  FROM l),
e AS (SELECT r.*, list_element(${sqlList(staff.bases)}, ri) AS rbase, list_element(${sqlList(staff.counts)}, ri) AS rcount FROM r),
pr AS (
  -- Plain arithmetic (the optimizer may inline the lookups above into these expressions, so no CASE around them):
  -- products (role 0) get no professional because their role base is NULL.
  SELECT sno, ln, ino, pct, redeem, minutes,
    (loc - 1) * ${staff.perLoc} + rbase + 1
      + CAST(CASE WHEN du3(p, ri, 'fav') < 0.75 THEN hash(${p.seed}, p, ri) ELSE hash(${p.seed}, sno, ln) END % rcount AS INTEGER) AS eno,
    CAST(100 * (round(price / defl) * CAST(ino <= ${ns} AS INTEGER) + (floor(price / defl) + 0.9) * CAST(ino > ${ns} AS INTEGER)) AS BIGINT) AS unit_c,
    1 + CAST(ino > ${ns} AND du3(sno, ln, 'q') < 0.15 AS INTEGER) AS qty
  FROM e)
SELECT sno, ln, ino, eno, CASE WHEN minutes > 0 THEN minutes END AS minutes, qty, unit_c,
  CAST(round(qty * unit_c * pct) AS BIGINT) + CASE WHEN redeem AND ln = 1 THEN 1000 ELSE 0 END AS disc_c
FROM pr`);
  await tx.run(`INSERT INTO sale_lines
SELECT 'salon:' || (1000000 + sno), ln, list_element(${sqlList(items.map((_, k) => `salon:${k < ns ? 's' : 'p'}${String(k + 1).padStart(3, '0')}`))}, ino),
  CASE WHEN eno IS NOT NULL THEN 'salon:e' || (1000 + eno) END, qty, money(unit_c), money(disc_c), money(qty * unit_c - disc_c), minutes
FROM __demo_lines`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_sales AS
SELECT s.*, a.gross_c, a.disc_c, a.gross_c - a.disc_c AS total_c, a.eno, a.mins
FROM __demo_sales0 s JOIN (
  SELECT sno, CAST(sum(qty * unit_c) AS BIGINT) AS gross_c, CAST(sum(disc_c) AS BIGINT) AS disc_c, arg_min(eno, ln) AS eno,
    CAST(sum(coalesce(minutes, 0)) AS BIGINT) AS mins
  FROM __demo_lines GROUP BY sno
) a USING (sno)`);
  // Temp tables live in memory: free the per-line and per-visit ones as soon as they are consumed.
  for (const t of ['__demo_lines', '__demo_sales0', '__demo_v0']) await tx.run(`DROP TABLE ${t}`);
  await tx.run(`INSERT INTO sales
SELECT 'salon:' || (1000000 + sno), 'salon', 'appointment', CASE WHEN NOT anonymous THEN 'salon:' || (100000 + p) END,
  'salon:' || list_element(${sqlList(locs.map((l) => l.code))}, loc), CASE WHEN eno IS NOT NULL THEN 'salon:e' || (1000 + eno) END,
  status, created_at, vat, money(gross_c), money(disc_c), coupon, 0, 0, money(total_c),
  CASE WHEN member AND NOT anonymous AND status = 'completed' THEN CAST(total_c // 100 AS INTEGER) WHEN member AND NOT anonymous THEN 0 END,
  CASE WHEN member AND NOT anonymous THEN CASE WHEN redeem THEN 200 ELSE 0 END END,
  CASE WHEN status IN ('booked', 'confirmed') THEN created_at ELSE vat + to_minutes(CAST(greatest(mins, 30) AS BIGINT)) END
FROM __demo_sales`);
}
