// Demo people and their customer records in three sources: the salon system, the WooCommerce shop and Mercado
// Livre. Some people appear in several sources with differently written e-mails, phones and names (identity work).
import type { Tx } from '../store/db';
import { EMAIL_DOMAINS, FEMALE_NAMES, LOCATIONS, MALE_NAMES, ONLINE_CITIES, SURNAMES } from './demoCatalog';
import { pickFrom, sqlList, weightedSlots, type DemoParams } from './demoParams';

function cpfDigitsSql(base: string): string {
  const d = (i: number) => `CAST(substr(${base}, ${i}, 1) AS INTEGER)`;
  const d10 = `((${Array.from({ length: 9 }, (_, i) => `${d(i + 1)} * ${10 - i}`).join(' + ')}) * 10 % 11 % 10)`;
  const d11 = `((${Array.from({ length: 9 }, (_, i) => `${d(i + 1)} * ${11 - i}`).join(' + ')} + ${d10} * 2) * 10 % 11 % 10)`;
  return `${base} || CAST(${d10} AS VARCHAR) || CAST(${d11} AS VARCHAR)`;
}

/** __demo_people: one row per person with every attribute any source may show. */
export async function createPeople(tx: Tx, p: DemoParams): Promise<void> {
  const locs = LOCATIONS.slice(0, p.locations);
  const locSlots = weightedSlots(
    locs.map((_, i) => i + 1),
    locs.map((l) => l.weight),
    200,
  );
  const domains = weightedSlots(
    EMAIL_DOMAINS.map((d) => d[0]),
    EMAIL_DOMAINS.map((d) => d[1]),
    100,
  );
  const total = p.salon + p.woo + p.ml;
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_people AS
WITH b AS (
  SELECT p, CASE WHEN du(p, 'g') < 0.82 THEN 'F' ELSE 'M' END AS gender,
    CAST(pick(${sqlList(locSlots)}, du(p, 'home')) AS INTEGER) AS home,
    CAST(1 + floor(du(p, 'oc') * ${ONLINE_CITIES.length}) AS INTEGER) AS oc,
    lpad(CAST((p * 7919 + 123457) % 1000000000 AS VARCHAR), 9, '0') AS cpf9
  FROM range(1, ${total + 1}) t(p)),
n AS (
  SELECT *,
    ${pickFrom([FEMALE_NAMES, MALE_NAMES], `CAST(gender = 'M' AS INTEGER)`, `pow(du(p, 'fn'), 1.3)`)} AS first,
    pick(${sqlList(SURNAMES)}, pow(du(p, 's1'), 1.4)) AS s1,
    pick(${sqlList(SURNAMES)}, du(p, 's2')) AS s2_any, du(p, 's2x') < 0.5 AS has_s2
  FROM b)
SELECT p, gender, home, oc, first, concat_ws(' ', first, CASE WHEN has_s2 THEN s2_any END, s1) AS name,
  CASE CAST(floor(du(p, 'ef') * 3) AS INTEGER) WHEN 0 THEN lower(strip_accents(first)) || '.' || lower(strip_accents(s1))
    WHEN 1 THEN lower(strip_accents(first)) || lower(strip_accents(s1)) ELSE lower(strip_accents(first)) || '_' || lower(left(strip_accents(s1), 1)) END
    || CAST(p AS VARCHAR) || '@' || pick(${sqlList(domains)}, du(p, 'dom')) AS email,
  du(p, 'hasmail') < 0.8 AS salon_email,
  CASE WHEN p <= ${p.salon} THEN list_element(${sqlList(locs.map((l) => l.ddd))}, home) ELSE list_element(${sqlList(ONLINE_CITIES.map((c) => c[2]))}, oc) END AS ddd,
  lpad(CAST((p * 48271 + 1234567) % 100000000 AS VARCHAR), 8, '0') AS phone8,
  ${cpfDigitsSql('cpf9')} AS cpf,
  CASE WHEN du(p, 'hasbd') < 0.85 THEN DATE '${p.end}' - CAST(floor(365.25 * (18 + 52 * pow(du(p, 'age'), 1.6))) AS INTEGER) END AS birth_date,
  du(p, 'optin') < 0.65 AS opt_in
FROM n`);
}

/** Customer records of the three sources, and __demo_salon_cust with each salon customer's visiting pattern. */
export async function createCustomers(tx: Tx, p: DemoParams): Promise<void> {
  const locs = LOCATIONS.slice(0, p.locations);
  const span = `(DATE '${p.end}' - DATE '${p.start}')`;
  // Dropout: each customer has a yearly hazard of leaving (8 % to 128 %, about 40 % of customers a year on average),
  // so after each visit they leave with probability 1 - exp(-hazard x gap) and the visits before leaving are
  // geometric; about a third of brand-new customers never come back after the first visit. The last day follows
  // from the visits and the customer's usual gap; customers whose last day falls after the end are still active.
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_salon_cust AS
SELECT p, gender, home, birth_date, salon_email, opt_in, existing, first_day,
  least(DATE '${p.end}' + 14, first_day + CAST(floor((visits_before_leaving - 1 + du(p, 'lf')) * gap) AS INTEGER)) AS last_day,
  gap, member
FROM (SELECT *,
  CASE WHEN NOT existing AND du(p, 'once') < 0.33 THEN 1
    ELSE 1 + CAST(least(1000, floor(ln(1 - du(p, 'nv')) / (-(0.08 + 1.2 * pow(du(p, 'pd'), 1.5)) * gap / 365))) AS INTEGER) END AS visits_before_leaving
FROM (SELECT *,
  CASE WHEN du(p, 'cls') < 0.2 THEN 44 WHEN du(p, 'cls') < 0.55 THEN 97 ELSE 210 END * (0.7 + 0.7 * du(p, 'ij')) AS gap,
  du(p, 'member') < 0.4 AS member
FROM (SELECT *, du(p, 'ex') < 0.55 AS existing,
  CASE WHEN du(p, 'ex') < 0.55 THEN DATE '${p.start}' ELSE DATE '${p.start}' + CAST(floor(pow(du(p, 'fd'), 0.85) * ${span}) AS INTEGER) END AS first_day
  FROM __demo_people WHERE p <= ${p.salon})))`);
  await tx.run(`INSERT INTO customers
SELECT 'salon:' || (100000 + c.p), pp.name, CASE WHEN c.salon_email THEN pp.email END,
  CASE WHEN du(c.p, 'hasph') < 0.93 THEN '(' || pp.ddd || ') 9' || left(pp.phone8, 4) || '-' || right(pp.phone8, 4) END,
  CASE WHEN du(c.p, 'hascpf') < 0.45 THEN substr(pp.cpf, 1, 3) || '.' || substr(pp.cpf, 4, 3) || '.' || substr(pp.cpf, 7, 3) || '-' || substr(pp.cpf, 10, 2) END,
  c.gender, c.birth_date, list_element(${sqlList(locs.map((l) => l.city))}, c.home), list_element(${sqlList(locs.map((l) => l.state))}, c.home),
  CASE WHEN c.existing THEN timezone('${p.tz}', CAST(DATE '${p.start}' - CAST(1 + floor(du(c.p, 'old') * 1400) AS INTEGER) AS TIMESTAMP) + INTERVAL 10 HOUR)
    ELSE timezone('${p.tz}', CAST(c.first_day AS TIMESTAMP) + INTERVAL 9 HOUR + to_minutes(CAST(floor(du(c.p, 'cm') * 600) AS BIGINT))) END,
  c.opt_in, 'salon'
FROM __demo_salon_cust c JOIN __demo_people pp USING (p)`);
  // WooCommerce accounts: 45% belong to salon customers (same person, e-mail in other case, phone in other format).
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_woo_cust AS
SELECT i, CASE WHEN du(i, 'wsp') < 0.45 THEN 1 + CAST(floor(du(i, 'wpp') * ${p.salon}) AS BIGINT) ELSE ${p.salon} + i END AS p,
  1 + CAST(floor(-ln(1 - du(i, 'wn')) * 1.4) AS INTEGER) AS norders
FROM range(1, ${p.woo + 1}) t(i)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE __demo_ml_cust AS
SELECT j, CASE WHEN du(j, 'msp') < 0.2 THEN 1 + CAST(floor(du(j, 'mpp') * ${p.salon}) AS BIGINT) ELSE ${p.salon + p.woo} + j END AS p,
  1 + CAST(du(j, 'mn1') < 0.25 AS INTEGER) + CAST(du(j, 'mn2') < 0.05 AS INTEGER) AS norders
FROM range(1, ${p.ml + 1}) t(j)`);
}

/** Customer rows of online accounts, created when their first order was placed (__demo_woo_orders / __demo_ml_orders). */
export async function insertOnlineCustomers(tx: Tx, _p: DemoParams): Promise<void> {
  await tx.run(`INSERT INTO customers
SELECT 'woo:' || (2000 + w.i),
  CASE WHEN du(w.i, 'wacc') < 0.3 THEN strip_accents(pp.name) ELSE pp.name END,
  CASE WHEN du(w.i, 'wcase') < 0.35 THEN upper(left(pp.email, 1)) || substr(pp.email, 2) WHEN du(w.i, 'wcase') < 0.45 THEN upper(pp.email) ELSE pp.email END,
  CASE WHEN du(w.i, 'wph') < 0.5 THEN '+55 ' || pp.ddd || ' 9' || left(pp.phone8, 4) || '-' || right(pp.phone8, 4) ELSE pp.ddd || '9' || pp.phone8 END,
  CASE WHEN du(w.i, 'wcpf') < 0.7 THEN pp.cpf END, pp.gender, NULL,
  list_element(${sqlList(ONLINE_CITIES.map((c) => c[0]))}, pp.oc), list_element(${sqlList(ONLINE_CITIES.map((c) => c[1]))}, pp.oc),
  o.first_at - to_minutes(CAST(floor(du(w.i, 'wreg') * 20) AS BIGINT)), pp.opt_in, 'woo'
FROM __demo_woo_cust w JOIN __demo_people pp USING (p) JOIN (SELECT i, min(created_at) AS first_at FROM __demo_woo_orders GROUP BY i) o USING (i)`);
  await tx.run(`INSERT INTO customers
SELECT 'ml:' || (300000000 + m.j * 7), pp.first || ' ' || split_part(pp.name, ' ', -1), NULL, NULL,
  CASE WHEN du(m.j, 'mcpf') < 0.6 THEN pp.cpf END, NULL, NULL,
  list_element(${sqlList(ONLINE_CITIES.map((c) => c[0]))}, pp.oc), list_element(${sqlList(ONLINE_CITIES.map((c) => c[1]))}, pp.oc),
  o.first_at, NULL, 'ml'
FROM __demo_ml_cust m JOIN __demo_people pp USING (p) JOIN (SELECT j, min(created_at) AS first_at FROM __demo_ml_orders GROUP BY j) o USING (j)`);
}
