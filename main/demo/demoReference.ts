// Demo reference data and the calendar: locations, staff with commission rates, services and products, and the
// day weights (weekday, December, Mother's Day, Black Friday, growth) that give sales their seasonality.
import type { Tx } from '../store/db';
import { FEMALE_NAMES, LOCATIONS, MALE_NAMES, PRODUCTS, ROLES, SERVICES, SURNAMES } from './demoCatalog';
import { pickFrom, sqlList, sqlStr, type DemoParams } from './demoParams';

const SALON_WEEKDAY = [0.5, 0.55, 0.85, 0.9, 1.05, 1.3, 1.5];
const ONLINE_WEEKDAY = [0.85, 1.05, 1, 1, 1, 0.95, 0.8];

/** __demo_days: every day from start to end + 14 with normalized cumulative weights for salon and online sales. */
export async function createCalendar(tx: Tx, p: DemoParams): Promise<void> {
  const open = p.openingHours.map((h, i) => (h ? SALON_WEEKDAY[i] : 0));
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_days AS
WITH d AS (SELECT CAST(x AS DATE) AS d FROM generate_series(DATE '${p.start}', DATE '${p.end}' + 14, INTERVAL 1 DAY) t(x)),
f AS (SELECT d, dayofweek(d) AS dow, month(d) AS m, day(d) AS dd, (d - DATE '${p.start}') / 365.0 AS yrs,
  make_date(year(d), 5, 1) + CAST((7 - dayofweek(make_date(year(d), 5, 1))) % 7 + 7 AS INTEGER) AS mothers,
  make_date(year(d), 11, 30) - CAST((dayofweek(make_date(year(d), 11, 30)) + 2) % 7 AS INTEGER) AS black_friday
  FROM d),
w AS (SELECT d, dow, m, dd, mothers, black_friday,
  list_element(${sqlList(open)}, dow + 1) * (1 + 0.12 * yrs) * (0.9 + 0.2 * du(epoch(d), 'dn')) * CASE
    WHEN (m = 12 AND dd IN (25, 31)) OR (m = 1 AND dd = 1) THEN 0
    WHEN m = 12 AND dd <= 23 THEN 1.3 + 0.5 * dd / 23 WHEN m = 12 AND dd = 24 THEN 0.7 WHEN m = 12 THEN 1.05
    WHEN d BETWEEN mothers - 6 AND mothers - 1 THEN 1.7
    WHEN m = 6 AND dd BETWEEN 8 AND 12 THEN 1.2
    WHEN m = 1 THEN 0.82 WHEN m = 2 THEN 0.9 ELSE 1 END AS ws,
  list_element(${sqlList(ONLINE_WEEKDAY)}, dow + 1) * (1 + 0.25 * yrs) * (0.85 + 0.3 * du(epoch(d), 'do')) * CASE
    WHEN d = black_friday THEN 5 WHEN d BETWEEN black_friday - 3 AND black_friday + 3 THEN 2.2
    WHEN m = 12 AND dd <= 20 THEN 1.7 WHEN m = 12 AND dd <= 24 THEN 1.2
    WHEN d BETWEEN mothers - 14 AND mothers - 3 THEN 1.8 ELSE 1 END AS wo
  FROM f)
SELECT d, dow, mothers, black_friday, ws, wo,
  -- Epoch seconds of the day's local midnight, by the offset in force at noon: times of day are added to it.
  CAST(epoch(timezone('${p.tz}', CAST(d AS TIMESTAMP) + INTERVAL 12 HOUR)) AS BIGINT) - 43200 AS utc0,
  (sum(ws) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) - ws) / sum(ws) OVER () AS cs,
  sum(ws) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) / sum(ws) OVER () AS ce,
  (sum(wo) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) - wo) / sum(wo) FILTER (WHERE d <= DATE '${p.end}') OVER () AS co
FROM w`);
}

/** Staff per location by role (same at every location): count of each role and where its numbers start. */
export function staffLayout(p: DemoParams): { perLoc: number; counts: number[]; bases: number[] } {
  const staffPerLoc = Math.max(8, Math.round(p.salon / p.locations / 900));
  const counts = ROLES.map((r) => Math.max(1, Math.round(staffPerLoc * r.share)));
  const bases = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
  return { perLoc: counts.reduce((a, b) => a + b, 0), counts, bases };
}

/** Locations, staff and the catalogue (salon services and products, the WooCommerce shop, Mercado Livre listings). */
export async function createReference(tx: Tx, p: DemoParams): Promise<void> {
  const locs = LOCATIONS.slice(0, p.locations);
  await tx.run(`INSERT INTO locations SELECT * FROM (VALUES ${locs
    .map((l) => `('salon:${l.code}', ${sqlStr(l.name)}, ${sqlStr(l.city)}, ${sqlStr(l.state)}, ${sqlStr(l.timezone)})`)
    .join(', ')})`);
  const staff = staffLayout(p);
  // eno = (loc - 1) * perLoc + base of the role + idx: the same arithmetic picks a professional for each service.
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_emp AS
SELECT (l.loc - 1) * ${staff.perLoc} + list_element(${sqlList(staff.bases)}, r.ri) + i.idx AS eno, l.loc, r.ri, r.role, i.idx, r.rmin, r.rmax
FROM range(1, ${p.locations + 1}) l(loc),
  (VALUES ${ROLES.map((r, i) => `(${i + 1}, ${sqlStr(r.role)}, ${r.rateMin}, ${r.rateMax})`).join(', ')}) r(ri, role, rmin, rmax),
  LATERAL range(1, list_element(${sqlList(staff.counts)}, r.ri) + 1) i(idx)`);
  await tx.run(`INSERT INTO employees
SELECT 'salon:e' || (1000 + eno),
  ${pickFrom([FEMALE_NAMES, MALE_NAMES], `CAST(role = 'barbeiro' AS INTEGER)`, `du(eno, 'efn')`)}
    || ' ' || pick(${sqlList(SURNAMES)}, du(eno, 'esn')),
  role, 'salon:' || list_element(${sqlList(locs.map((l) => l.code))}, loc),
  CAST(round((rmin + (rmax - rmin) * du(eno, 'rate')) * 20) / 20 AS DECIMAL(6,4)),
  DATE '${p.start}' - CAST(floor(du(eno, 'hire') * 1500) AS INTEGER) + CAST(CASE WHEN du(eno, 'new') < 0.15 THEN floor(du(eno, 'newd') * ${p.months * 28}) ELSE 0 END AS INTEGER),
  du(eno, 'act') >= 0.08
FROM __demo_emp`);
  const items = [...SERVICES, ...PRODUCTS];
  const ns = SERVICES.length;
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_items AS
SELECT * FROM (VALUES ${items
    .map(
      (it, i) =>
        `(${i + 1}, 'salon:${i < ns ? 's' : 'p'}${String(i + 1).padStart(3, '0')}', ${sqlStr(it.name)}, '${i < ns ? 'service' : 'product'}', ${sqlStr(it.category)}, ${it.price}, ${it.minutes ?? 'NULL'}, ${it.role ? sqlStr(it.role) : 'NULL'})`,
    )
    .join(', ')}) t(ino, item_id, name, kind, category, price, minutes, role)`);
  await tx.run(`INSERT INTO items
SELECT item_id, name, kind, category, CAST(price AS DECIMAL(18,2)),
  CAST(CASE WHEN kind = 'product' THEN round(price * 0.45, 2) ELSE round(price * 0.12, 2) END AS DECIMAL(18,2)), minutes
FROM __demo_items
UNION ALL SELECT 'woo:' || (500 + ino - ${ns}), name, 'product', category, CAST(price AS DECIMAL(18,2)), CAST(round(price * 0.45, 2) AS DECIMAL(18,2)), NULL
FROM __demo_items WHERE kind = 'product'
UNION ALL SELECT 'ml:MLB' || (3012345600 + (ino - ${ns}) * 37), name || ' - Studio Bela', 'product', category,
  CAST(floor(price * 1.12) + 0.9 AS DECIMAL(18,2)), CAST(round(price * 0.45, 2) AS DECIMAL(18,2)), NULL
FROM __demo_items WHERE kind = 'product' AND ino - ${ns} <= 12`);
}
