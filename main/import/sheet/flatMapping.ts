// A flat sheet (one row per sale or per sale line) split by a mapping into customers, items, employees, sales,
// sale_lines and payments, as SQL over the whole staged file. Ids are derived from the content (names, phones,
// the sale's date and customer), so the same file imported twice gives the same ids and changes nothing.
import type { CanonicalTable } from '../../../shared/types';
import type { DecimalMark } from '../../model/convert';
import { paymentMethodSql } from '../../model/paymentMethods';
import { LINE_COLUMN } from '../xlsxSheets';
import type { SheetMapping } from './fields';
import { cellSql, dateSql, dateTimeSql, decimalSql, digitsSql, nameKeySql, yesNoSql, type DateOrder } from './values';

export interface FlatOptions {
  mapping: SheetMapping;
  /** Column names of the raw table, in order (the mapping refers to them). */
  header: string[];
  dec: DecimalMark;
  dateOrder: DateOrder;
  /** SELECT giving __r (row ordinal) and the raw columns c0..cN as text. */
  raw: string;
  /** Names of the temporary tables the parsed rows and the sales are kept in. */
  temp: { l: string; s2: string };
}

export interface FlatSql {
  /** Statements that materialise the parsed rows and the sales (run first, in order). */
  prepare: string[];
  /** Each canonical table as a SELECT giving __r and text columns named like the table's columns. */
  tables: [CanonicalTable, string][];
}

/** Sales statuses written in salon and shop systems, by meaning. */
export function sheetStatusSql(st: string): string {
  const x = `lower(strip_accents(coalesce(${st}, '')))`;
  return `CASE WHEN ${st} IS NULL THEN 'completed'
    WHEN regexp_matches(${x}, 'cancel') THEN 'cancelled'
    WHEN regexp_matches(${x}, 'falt|nao compareceu|no.?show|ausente') THEN 'no_show'
    WHEN regexp_matches(${x}, 'confirmad|confirmed') THEN 'confirmed'
    WHEN regexp_matches(${x}, 'agendad|reservad|booked|pendente|pending|aguardando') THEN 'booked'
    WHEN regexp_matches(${x}, 'conclu|finaliz|pago|paga|atendid|realizad|fechad|complet|paid|done|ok|processing|processando|faturad|entregue') THEN 'completed'
    WHEN regexp_matches(${x}, 'fail|malsucedid|recusad') THEN 'cancelled'
    WHEN regexp_matches(${x}, 'on.hold|aguard') THEN 'booked'
    ELSE ${st} END`;
}

const short = (x: string) => `left(md5(${x}), 16)`;

/** The statements that split a flat sheet into canonical tables. */
export function flatTables(o: FlatOptions): FlatSql {
  const m = o.mapping;
  const has = (f: string) => Boolean(m[f]) && o.header.includes(m[f]);
  const col = (f: string) => (has(f) ? cellSql(`c${o.header.indexOf(m[f])}`) : 'NULL::VARCHAR');
  const b = `SELECT __r,
    ${col('sale.id')} AS sid,
    ${has('sale.paidDate') ? `coalesce(${dateTimeSql(col('sale.paidDate'), o.dateOrder)}, ${dateTimeSql(col('sale.date'), o.dateOrder, has('sale.time') ? col('sale.time') : undefined)})` : dateTimeSql(col('sale.date'), o.dateOrder, has('sale.time') ? col('sale.time') : undefined)} AS dt,
    TRY_CAST(${decimalSql(col('sale.shipping'), o.dec)} AS DECIMAL(18,2)) AS ship,
    ${col('sale.status')} AS st,
    TRY_CAST(${decimalSql(col('sale.total'), o.dec)} AS DECIMAL(18,2)) AS total, ${decimalSql(col('sale.total'), o.dec)} AS total_t,
    TRY_CAST(${decimalSql(col('sale.discount'), o.dec)} AS DECIMAL(18,2)) AS disc, ${decimalSql(col('sale.discount'), o.dec)} AS disc_t,
    ${col('line.item')} AS iname, ${col('line.itemKind')} AS ikind, ${col('line.category')} AS icat,
    coalesce(TRY_CAST(${decimalSql(col('line.quantity'), o.dec)} AS DECIMAL(18,3)), 1) AS qty, ${decimalSql(col('line.quantity'), o.dec)} AS qty_t,
    TRY_CAST(${decimalSql(col('line.unitPrice'), o.dec)} AS DECIMAL(18,2)) AS unit, ${decimalSql(col('line.unitPrice'), o.dec)} AS unit_t,
    TRY_CAST(${decimalSql(col('line.total'), o.dec)} AS DECIMAL(18,2)) AS ltot, ${decimalSql(col('line.total'), o.dec)} AS ltot_t,
    ${col('employee.name')} AS ename,
    ${col('customer.id')} AS cid, nullif(concat_ws(' ', ${col('customer.name')}, ${col('customer.lastName')}), '') AS cname, ${col('customer.phone')} AS phone, lower(${col('customer.email')}) AS email,
    ${col('customer.document')} AS doc, ${dateSql(col('customer.birthDate'), o.dateOrder)} AS birth, ${col('customer.gender')} AS gender,
    ${col('customer.city')} AS city, ${col('customer.state')} AS state, ${yesNoSql(col('customer.optIn'))} AS optin,
    ${col('payment.method')} AS pm, TRY_CAST(${decimalSql(col('payment.amount'), o.dec)} AS DECIMAL(18,2)) AS paid, ROWTEXT AS rowtext
  FROM ${o.raw}`;
  const custKey = has('customer.id')
    ? `CASE WHEN cid IS NOT NULL THEN 'sheet:' || cid END`
    : `'sheet:c:' || ${short(`coalesce('cpf:' || ${digitsSql('doc')}, 'tel:' || right(${digitsSql('phone')}, 11), 'email:' || email, 'nome:' || ${nameKeySql('cname')})`)}`;
  const empKey = `CASE WHEN ename IS NOT NULL THEN 'sheet:e:' || ${short(nameKeySql('ename'))} END`;
  const itemKey = `CASE WHEN iname IS NOT NULL THEN 'sheet:i:' || ${short(nameKeySql('iname'))} END`;
  // Without a sale number, a sale is the rows of one customer at one date-time; anonymous rows are sales of their
  // own, told apart by their content and, for identical rows, by their order among them.
  const rowText = `concat_ws('|', ${o.header.flatMap((h, i) => (h === LINE_COLUMN ? [] : [`c${i}`])).join(', ')})`;
  const saleKey = has('sale.id')
    ? `'sheet:' || sid`
    : `'sheet:s:' || ${short(`CASE WHEN ck IS NOT NULL THEN concat_ws('|', dt, ck) ELSE concat_ws('|', dt, rowtext, dupno) END`)}`;
  const perSale = has('sale.id'); // sale-level columns repeat on every line of a numbered sale
  // The parsed rows (l) and the sales (s2) are materialised once; every table reads them.
  const prepare = [
    `CREATE TEMP TABLE ${o.temp.l} AS WITH b0 AS (${b.replace('ROWTEXT', rowText)}), b1 AS (SELECT *, ${custKey} AS ck, ${empKey} AS ek, ${itemKey} AS ik FROM b0),
  d AS (SELECT *, NULL::BIGINT AS dupno FROM b1 WHERE ck IS NOT NULL
    UNION ALL SELECT *, row_number() OVER (PARTITION BY dt, rowtext ORDER BY __r) AS dupno FROM b1 WHERE ck IS NULL),
  l AS (SELECT * EXCLUDE (rowtext, dupno), ${saleKey} AS sk,
    coalesce(ltot, unit * qty) AS lt, coalesce(unit, round(ltot / nullif(qty, 0), 2)) AS up FROM d) SELECT * FROM l`,
    `CREATE TEMP TABLE ${o.temp.s2} AS WITH s AS (SELECT sk, min(__r) AS __r, arg_min(dt, __r) AS dt, arg_min(st, __r) AS st, arg_min(ck, __r) AS ck, arg_min(ek, __r) AS ek,
    ${perSale ? 'arg_min(total, __r)' : 'sum(total)'} AS total, ${perSale ? 'arg_min(disc, __r)' : 'sum(disc)'} AS disc, ${perSale ? 'arg_min(ship, __r)' : 'sum(ship)'} AS ship, sum(lt) AS lines,
    count(*) FILTER (WHERE (total IS NULL AND total_t IS NOT NULL) OR (ltot IS NULL AND ltot_t IS NOT NULL) OR (unit IS NULL AND unit_t IS NOT NULL)) AS bad_total,
    arg_min(CASE WHEN total IS NULL AND total_t IS NOT NULL THEN total_t WHEN ltot IS NULL AND ltot_t IS NOT NULL THEN ltot_t WHEN unit IS NULL THEN unit_t END, __r)
      FILTER (WHERE (total IS NULL AND total_t IS NOT NULL) OR (ltot IS NULL AND ltot_t IS NOT NULL) OR (unit IS NULL AND unit_t IS NOT NULL)) AS total_t,
    count(DISTINCT pm) AS methods FROM ${o.temp.l} GROUP BY sk),
  s2 AS (SELECT *, CASE WHEN bad_total > 0 THEN NULL ELSE coalesce(total, lines - coalesce(disc, 0)) END AS amount FROM s) SELECT * FROM s2`,
  ];
  const ctes = has('sale.date') ? `WITH l AS (SELECT * FROM ${o.temp.l}), s2 AS (SELECT * FROM ${o.temp.s2})` : `WITH l AS (SELECT * FROM ${o.temp.l})`;
  const tables: [CanonicalTable, string][] = [];
  const customers = (createdAt: string) => `${ctes} SELECT min(__r) AS __r, ck AS customer_id, arg_min(cname, __r) AS name, arg_min(email, __r) AS email,
    arg_min(phone, __r) AS phone, arg_min(doc, __r) AS document, arg_min(gender, __r) AS gender, arg_min(birth, __r) AS birth_date,
    arg_min(city, __r) AS city, arg_min(state, __r) AS state, ${createdAt} AS created_at, arg_min(optin, __r) AS marketing_opt_in, 'sheet' AS source
    FROM l WHERE ck IS NOT NULL GROUP BY ck`;
  // A client list (no sale date mapped): customers only.
  if (!has('sale.date')) return { prepare: prepare.slice(0, 1), tables: [['customers', customers('NULL')]] };
  if (has('employee.name')) {
    tables.push(['employees', `${ctes} SELECT min(__r) AS __r, ek AS employee_id, arg_min(ename, __r) AS name, NULL AS role, NULL AS location_id,
      NULL AS commission_rate, NULL AS hired_at, 'true' AS active FROM l WHERE ek IS NOT NULL GROUP BY ek`]);
  }
  tables.push(['customers', customers('CAST(min(TRY_CAST(dt AS TIMESTAMPTZ)) AS VARCHAR)')]);
  if (has('line.item')) {
    const kind = `CASE WHEN regexp_matches(lower(strip_accents(coalesce(arg_min(ikind, __r), ''))), 'prod') THEN 'product'
      WHEN regexp_matches(lower(strip_accents(coalesce(arg_min(ikind, __r), ''))), 'serv') THEN 'service'
      ELSE ${has('employee.name') ? "'service'" : "'product'"} END`;
    tables.push(['items', `${ctes} SELECT min(__r) AS __r, ik AS item_id, arg_min(iname, __r) AS name, ${kind} AS kind, arg_min(icat, __r) AS category,
      CAST(arg_max(up, __r) AS VARCHAR) AS list_price, NULL AS cost, NULL AS duration_min FROM l WHERE ik IS NOT NULL GROUP BY ik`]);
  }
  tables.push(['sales', `${ctes} SELECT __r, sk AS sale_id, 'sheet' AS source, ${has('employee.name') ? "'appointment'" : "'order'"} AS kind,
    ck AS customer_id, NULL AS location_id, ek AS employee_id, ${sheetStatusSql('st')} AS status, NULL AS created_at, dt AS occurred_at,
    CAST(amount + coalesce(disc, 0) - coalesce(ship, 0) AS VARCHAR) AS gross_amount, CAST(disc AS VARCHAR) AS discount_amount, NULL AS coupon_code,
    NULL AS tax_amount, CAST(ship AS VARCHAR) AS shipping_amount, coalesce(CAST(amount AS VARCHAR), total_t) AS total_amount,
    NULL AS points_earned, NULL AS points_redeemed, NULL AS updated_at FROM s2 WHERE NOT coalesce(amount < 0, false)`]);
  if (has('line.item')) {
    tables.push(['sale_lines', `${ctes} SELECT __r, sk AS sale_id, CAST(row_number() OVER (PARTITION BY sk ORDER BY __r) AS VARCHAR) AS line_no,
      ik AS item_id, ek AS employee_id, coalesce(qty_t, '1') AS quantity, coalesce(CAST(up AS VARCHAR), unit_t) AS unit_price, NULL AS discount_amount,
      coalesce(CAST(lt AS VARCHAR), ltot_t) AS line_total, NULL AS duration_min FROM l
      WHERE ik IS NOT NULL AND sk NOT IN (SELECT sk FROM s2 WHERE amount < 0)`]);
  }
  // One payment per sale and method: the amounts paid when the sheet has them, else the sale's total (one method)
  // or its lines (several methods). Completed sales only. A row with a negative amount (an "estorno") is no sale:
  // it is a refund of its own, dated by its row.
  tables.push(['payments', `${ctes}, p AS (SELECT l.sk, coalesce(l.pm, '') AS pmk, min(l.__r) AS __r, arg_min(l.pm, l.__r) AS pm, sum(l.paid) AS paid,
      sum(l.lt) AS lt, any_value(s2.amount) AS amount, any_value(s2.methods) AS methods, any_value(s2.dt) AS dt, any_value(s2.st) AS st
      FROM l JOIN s2 USING (sk) GROUP BY l.sk, coalesce(l.pm, '')),
    pa AS (SELECT *, coalesce(paid, CASE WHEN methods <= 1 THEN amount ELSE lt END) AS amt FROM p)
    SELECT __r, sk || ':p' || CASE WHEN methods > 1 THEN ':' || ${short('pmk')} ELSE '' END AS payment_id,
      CASE WHEN amount < 0 THEN NULL ELSE sk END AS sale_id, dt AS occurred_at,
      ${paymentMethodSql('pm')} AS method, CASE WHEN amt < 0 THEN 'refund' ELSE 'payment' END AS kind, CAST(abs(amt) AS VARCHAR) AS amount,
      NULL AS fee_amount FROM pa WHERE ${sheetStatusSql('st')} = 'completed' AND amt IS NOT NULL AND amt <> 0`]);
  return { prepare, tables };
}
