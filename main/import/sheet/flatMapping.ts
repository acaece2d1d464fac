// A flat sheet (one row per sale or per sale line) split by a mapping into customers, items, employees, sales,
// sale_lines and payments, as SQL over the whole file. Ids are derived from the content (names, phones, the sale's
// date and customer), so the same file imported twice gives the same ids and changes nothing.
import type { CanonicalTable } from '../../../shared/types';
import type { DecimalMark } from '../../model/convert';
import { lit, q } from '../../model/convert';
import { paymentMethodSql } from '../../model/paymentMethods';
import type { SheetMapping } from './fields';
import { cellSql, dateSql, dateTimeSql, numberSql, yesNoSql, type DateOrder } from './values';
import { keyPlan, type KeyPlan } from './flatKeys';

export interface FlatOptions {
  mapping: SheetMapping;
  /** Column names of the file, in order (the mapping refers to them). */
  header: string[];
  dec: DecimalMark;
  dateOrder: DateOrder;
  /** The file's rows: a FROM item giving the columns c0..cN as text, in the file's order. */
  from: string;
  /** Index of the column holding each row's line in the sheet (XLSX), or -1 (the row's place in the file). */
  lineIdx: number;
  /** The format most sale dates are written in (sampleDateFormat), tried first. */
  dateFormat?: string | null;
  /** Names of the temporary tables the parsed rows (l), the sales (s2) and the payment words (pm) are kept in. */
  temp: { l: string; s2: string; pm: string };
}

export interface FlatSql {
  /** Reads and parses the file into `parsed` in one pass: a projection, so rows keep the file's order. */
  parse: string;
  /** The table the parse fills (its first rowid is the `base` of prepare). */
  parsed: string;
  /**
   * Statements run next, given the first rowid of `parsed`: the keys of customers, professionals and items, each
   * made once per distinct value and joined to the rows (temp.l, with its ordinal __r); sale ids of anonymous rows;
   * the sales; the payment words.
   */
  prepare: (base: bigint) => string[];
  /** The key dictionaries, dropped once every table is loaded. */
  temps: string[];
  /** Each canonical table as a SELECT giving __r and text columns named like the table's columns. */
  tables: () => [CanonicalTable, string][];
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
const MONEY = ['sale.total', 'sale.discount', 'sale.shipping', 'line.quantity', 'line.unitPrice', 'line.total', 'payment.amount'];

/** The statements that split a flat sheet into canonical tables. */
export function flatTables(o: FlatOptions): FlatSql {
  const m = o.mapping;
  const has = (f: string) => Boolean(m[f]) && o.header.includes(m[f]);
  // Each mapped cell is cleaned once (layer 1), parsed once (layer 2), projected once (layer 3); keys follow (4, 5).
  const cell = (f: string) => (has(f) ? q(`f:${f}`) : 'NULL::VARCHAR');
  const num = (f: string) => (has(f) ? q(`n:${f}`) : 'NULL::DECIMAL(18,4)');
  const bad = (f: string) => (has(f) ? `CASE WHEN ${num(f)} IS NULL THEN ${cell(f)} END` : 'NULL::VARCHAR');
  const mapped = Object.keys(m).filter(has);
  const anonymous = !has('sale.id');
  const rawCols = o.header.flatMap((_, i) => (i === o.lineIdx ? [] : [`c${i}`]));
  const line = o.lineIdx >= 0 ? [`TRY_CAST(c${o.lineIdx} AS BIGINT) AS __r`] : [];
  const l1 = [...line, ...mapped.map((f) => `${cellSql(`c${o.header.indexOf(m[f])}`)} AS ${q(`f:${f}`)}`), ...(anonymous ? rawCols : [])];
  const date = dateTimeSql(cell('sale.date'), o.dateOrder, has('sale.time') ? cell('sale.time') : undefined, o.dateFormat);
  const l2 = [
    ...(o.lineIdx >= 0 ? ['__r'] : []),
    ...(anonymous ? rawCols : []),
    ...mapped.map((f) => cell(f)),
    ...MONEY.filter(has).map((f) => `${numberSql(cell(f), o.dec)} AS ${q(`n:${f}`)}`),
    `${has('sale.paidDate') ? `coalesce(${dateTimeSql(cell('sale.paidDate'), o.dateOrder)}, ${date})` : date} AS dt`,
    // A cell is never '' (blank cells are NULL), so a name without a last name column is the cell itself.
    has('customer.lastName') ? `nullif(concat_ws(' ', ${cell('customer.name')}, ${cell('customer.lastName')}), '') AS cname` : `${cell('customer.name')} AS cname`,
    `lower(${cell('customer.email')}) AS email`,
  ];
  const d2 = (f: string) => `CAST(${num(f)} AS DECIMAL(18,2))`;
  const qty = `coalesce(CAST(${num('line.quantity')} AS DECIMAL(18,3)), 1)`;
  // Layer 3: [name, expression, the fields it reads, its constant when it is one]. A column none of whose fields is
  // mapped holds one constant (mostly NULL) on every row: it is not stored, the rows' views add it (P, L) and an
  // aggregate over it is that constant.
  const NULLTEXT = 'NULL::VARCHAR';
  const cols: [string, string, string[], string?][] = [
    ['dt', 'dt', ['sale.date', 'sale.paidDate'], NULLTEXT],
    ['st', cell('sale.status'), ['sale.status']],
    ['total', d2('sale.total'), ['sale.total']],
    ['total_t', bad('sale.total'), ['sale.total']],
    ['disc', d2('sale.discount'), ['sale.discount']],
    ['ship', d2('sale.shipping'), ['sale.shipping']],
    ['iname', cell('line.item'), ['line.item']],
    ['ikind', cell('line.itemKind'), ['line.itemKind']],
    ['icat', cell('line.category'), ['line.category']],
    ['qty', qty, ['line.quantity']],
    // The text the lines carry: the number as read, or the cell that is not one (so its reject shows it).
    ['qty_t', `coalesce(${bad('line.quantity')}, CAST(${num('line.quantity')} AS VARCHAR))`, ['line.quantity']],
    ['unit_t', bad('line.unitPrice'), ['line.unitPrice']],
    ['ltot_t', bad('line.total'), ['line.total']],
    ['lt', `coalesce(${d2('line.total')}, ${d2('line.unitPrice')} * ${qty})`, ['line.total', 'line.unitPrice']],
    ['up', `coalesce(${d2('line.unitPrice')}, round(${d2('line.total')} / nullif(${qty}, 0), 2))`, ['line.unitPrice', 'line.total']],
    ['ename', cell('employee.name'), ['employee.name']],
    ['cname', 'cname', ['customer.name', 'customer.lastName'], NULLTEXT],
    ['phone', cell('customer.phone'), ['customer.phone']],
    ['email', 'email', ['customer.email'], NULLTEXT],
    ['doc', cell('customer.document'), ['customer.document']],
    ['birth', dateSql(cell('customer.birthDate'), o.dateOrder), ['customer.birthDate']],
    ['gender', cell('customer.gender'), ['customer.gender']],
    ['city', cell('customer.city'), ['customer.city']],
    ['state', cell('customer.state'), ['customer.state']],
    ['optin', yesNoSql(cell('customer.optIn')), ['customer.optIn']],
    ['pm', cell('payment.method'), ['payment.method']],
    ['paid', d2('payment.amount'), ['payment.amount']],
  ];
  const consts = new Map(cols.filter(([, , fields]) => !fields.some(has)).map(([name, expr, , c]) => [name, c ?? expr]));
  const stored = cols.filter(([name]) => !consts.has(name));
  const withConsts = (table: string, rowid = false) => {
    const extra = [...(rowid ? ['rowid AS __rowid'] : []), ...[...consts].map(([n, c]) => `${c} AS ${n}`)];
    return extra.length ? `(SELECT *, ${extra.join(', ')} FROM ${table})` : table;
  };
  const mayLackCustomer = has('customer.id')
    ? `${cell('customer.id')} IS NULL`
    : `${consts.has('email') ? 'true' : 'email IS NULL'} AND ${consts.has('cname') ? 'true' : `(cname IS NULL OR strip_accents(cname) = '')`}`;
  const l3 = [
    ...(o.lineIdx >= 0 ? ['__r'] : []),
    ...stored.map(([name, expr]) => (expr === name ? name : `${expr} AS ${name}`)),
    ...(has('customer.id') ? [`${cell('customer.id')} AS cid`] : []),
    // A row that may come out without a customer key keeps its whole text, which tells anonymous sales apart (layer
    // 5). A cheap test that never misses one: a row with an id, an e-mail or a name with letters surely has a key.
    ...(anonymous ? [`CASE WHEN ${mayLackCustomer} THEN concat_ws('|', ${rawCols.join(', ')}) END AS rowtext`] : [cell('sale.id')]),
  ];
  const parsed = `${o.temp.l}_p`;
  const parse = `CREATE TEMP TABLE ${parsed} AS SELECT ${l3.join(', ')} FROM (SELECT ${l2.join(', ')} FROM (SELECT ${l1.join(', ')} FROM ${o.from}))`;

  // Layer 4, keys: worked out once per distinct value (flatKeys.ts) and joined to the rows, which take their ordinal
  // (__r) here, so nothing after depends on the row order of a join.
  const P = withConsts(parsed, true);
  const k = keyPlan({ base: o.temp.l, parsed, consts, customerId: has('customer.id') });
  const custKey = k.custKey;
  // Layer 5: the sale id. Without a sale number, a sale is the rows of one customer at one date-time; anonymous rows
  // are sales of their own, told apart by their content and, for identical rows, by their order among them (set next).
  const sk = anonymous ? `CASE WHEN ${custKey} IS NOT NULL THEN 'sheet:s:' || ${short(`concat_ws('|', p.dt, ${custKey})`)} END` : `'sheet:' || p.${cell('sale.id')}`;
  const rowtext = anonymous ? [`CASE WHEN ${custKey} IS NULL THEN p.rowtext END AS rowtext`] : [];
  const dropped = ['__rowid', ...(anonymous ? ['rowtext'] : [cell('sale.id')]), ...(has('customer.id') ? ['cid'] : []), ...consts.keys()];
  const ordinal = (base: bigint) => (o.lineIdx >= 0 ? [] : [`p.__rowid - ${base} + 1 AS __r`]);
  const keyed = (base: bigint) => `CREATE TEMP TABLE ${o.temp.l} AS SELECT ${[...ordinal(base), `p.* EXCLUDE (${dropped.join(', ')})`, ...k.ids, `${sk} AS sk`, ...rowtext].join(', ')}
  FROM ${P} p ${k.joins.join(' ')}`;

  const L = withConsts(o.temp.l);
  const agg = (fn: string, x: string) => consts.get(x) ?? `${fn}(${x}${fn.startsWith('arg_') ? ', __r' : ''})`;
  const perSale = has('sale.id'); // sale-level columns repeat on every line of a numbered sale
  const first = (x: string) => agg(perSale ? 'arg_min' : 'sum', x);
  const status = has('sale.status')
    ? `LEFT JOIN (SELECT st, ${sheetStatusSql('st')} AS stc FROM (SELECT DISTINCT st FROM s)) sm ON sm.st IS NOT DISTINCT FROM s.st`
    : '';
  const prepare = (base: bigint) => [
    ...k.create,
    keyed(base),
    `DROP TABLE ${parsed}`,
    ...(anonymous
      ? [
          `UPDATE ${o.temp.l} SET sk = 'sheet:s:' || ${short(`concat_ws('|', d.dt, d.rowtext, d.dupno)`)}
  FROM (SELECT __r AS r, dt, rowtext, row_number() OVER (PARTITION BY dt, rowtext ORDER BY __r) AS dupno FROM ${L} WHERE cn IS NULL) d
  WHERE ${o.temp.l}.__r = d.r`,
        ]
      : []),
    `CREATE TEMP TABLE ${o.temp.s2} AS WITH s AS ${status ? 'MATERIALIZED ' : ''}(SELECT sk, min(__r) AS __r, arg_min(dt, __r) AS dt, ${agg('arg_min', 'st')} AS st, arg_min(cn, __r) AS cn, arg_min(en, __r) AS en,
    ${first('total')} AS total, ${first('disc')} AS disc, ${first('ship')} AS ship, sum(lt) AS lines,
    count(*) FILTER (WHERE total_t IS NOT NULL OR ltot_t IS NOT NULL OR unit_t IS NOT NULL) AS bad_total,
    arg_min(coalesce(total_t, ltot_t, unit_t), __r) FILTER (WHERE total_t IS NOT NULL OR ltot_t IS NOT NULL OR unit_t IS NOT NULL) AS total_t,
    count(DISTINCT pm) AS methods FROM ${L} GROUP BY sk)
  SELECT s.*, ${k.keys.c ? 'kc.ck' : NULLTEXT} AS ck, ${k.keys.e ? 'ke.ek' : NULLTEXT} AS ek,
    CASE WHEN bad_total > 0 THEN NULL ELSE coalesce(total, lines - coalesce(disc, 0)) END AS amount, ${status ? 'sm.stc' : `'completed'`} AS stc FROM s ${status}
    ${k.keys.c ? `LEFT JOIN ${k.keys.c} kc ON kc.cn = s.cn` : ''} ${k.keys.e ? `LEFT JOIN ${k.keys.e} ke ON ke.en = s.en` : ''}`,
    // Payment words are few: each is read once, not once per row.
    `CREATE TEMP TABLE ${o.temp.pm} AS SELECT pm, ${paymentMethodSql('pm')} AS method FROM (SELECT DISTINCT pm FROM ${L})`,
  ];
  const tables = () => tableSelects(o, has, L, agg, k.keys);
  return { parse, parsed, prepare, tables, temps: k.tables };
}

/**
 * Tables whose rows tableSelects makes one per key: grouped by it (employees, customers, items, sales) or numbered
 * within their sale (sale_lines). Payments are not: a sale's rows with and without a method word share one id.
 */
export const UNIQUE_KEYS: ReadonlySet<CanonicalTable> = new Set(['employees', 'customers', 'items', 'sales', 'sale_lines']);

/** Each canonical table read from the parsed rows (l) and the sales (s2). */
function tableSelects(o: FlatOptions, has: (f: string) => boolean, L: string, agg: (fn: string, x: string) => string, keys: KeyPlan['keys']): [CanonicalTable, string][] {
  const first = (x: string) => agg('arg_min', x);
  const ctes = has('sale.date') ? `WITH l AS (SELECT * FROM ${L}), s2 AS (SELECT * FROM ${o.temp.s2})` : `WITH l AS (SELECT * FROM ${L})`;
  const tables: [CanonicalTable, string][] = [];
  // Customers' first date: the earliest of their rows' dates, read in the business time zone.
  // Rows are grouped by their key's number; the key itself is joined back to the groups.
  const byKey = (n: string, key: string, as: string, table: string | null, select: string) =>
    table
      ? `${ctes} SELECT g.* EXCLUDE (${n}), k.${key} AS ${as} FROM (SELECT ${n}, ${select} FROM l WHERE ${n} IS NOT NULL GROUP BY ${n}) g JOIN ${table} k USING (${n})`
      : `${ctes} SELECT NULL::VARCHAR AS ${as}, ${select} FROM l WHERE false`;
  const customers = (createdAt: string) => byKey('cn', 'ck', 'customer_id', keys.c, `min(__r) AS __r, ${first('cname')} AS name, ${first('email')} AS email,
    ${first('phone')} AS phone, ${first('doc')} AS document, ${first('gender')} AS gender, ${first('birth')} AS birth_date,
    ${first('city')} AS city, ${first('state')} AS state, ${createdAt} AS created_at, ${first('optin')} AS marketing_opt_in, 'sheet' AS source`);
  // A client list (no sale date mapped): customers only.
  if (!has('sale.date')) return [['customers', customers('NULL')]];
  if (has('employee.name')) {
    tables.push(['employees', byKey('en', 'ek', 'employee_id', keys.e, `min(__r) AS __r, arg_min(ename, __r) AS name, NULL AS role, NULL AS location_id,
      NULL AS commission_rate, NULL AS hired_at, 'true' AS active`)]);
  }
  tables.push(['customers', customers('CAST(min(TRY_CAST(dt AS TIMESTAMPTZ)) AS VARCHAR)')]);
  if (has('line.item')) {
    const kind = `CASE WHEN regexp_matches(lower(strip_accents(coalesce(${first('ikind')}, ''))), 'prod') THEN 'product'
      WHEN regexp_matches(lower(strip_accents(coalesce(${first('ikind')}, ''))), 'serv') THEN 'service'
      ELSE ${has('employee.name') ? "'service'" : "'product'"} END`;
    tables.push(['items', byKey('itn', 'ik', 'item_id', keys.i, `min(__r) AS __r, arg_min(iname, __r) AS name, ${kind} AS kind, ${first('icat')} AS category,
      CAST(arg_max(up, __r) AS VARCHAR) AS list_price, NULL AS cost, NULL AS duration_min`)]);
  }
  tables.push(['sales', `${ctes} SELECT __r, sk AS sale_id, 'sheet' AS source, ${has('employee.name') ? "'appointment'" : "'order'"} AS kind,
    ck AS customer_id, NULL AS location_id, ek AS employee_id, stc AS status, NULL AS created_at, dt AS occurred_at,
    CAST(amount + coalesce(disc, 0) - coalesce(ship, 0) AS VARCHAR) AS gross_amount, CAST(disc AS VARCHAR) AS discount_amount, NULL AS coupon_code,
    NULL AS tax_amount, CAST(ship AS VARCHAR) AS shipping_amount, coalesce(CAST(amount AS VARCHAR), total_t) AS total_amount,
    NULL AS points_earned, NULL AS points_redeemed, NULL AS updated_at FROM s2 WHERE NOT coalesce(amount < 0, false)`]);
  if (has('line.item')) {
    // Lines are numbered over (row, sale) alone and joined back by row: the numbering sorts two columns, not the
    // line's every value. Sale ids share their first bytes ('sheet:s:'): partitioned by their hash first, they sort
    // on a distinct prefix.
    const lines = `FROM ${L} WHERE itn IS NOT NULL AND sk NOT IN (SELECT sk FROM ${o.temp.s2} WHERE amount < 0)`;
    tables.push(['sale_lines', `SELECT l.__r, sk AS sale_id, CAST(n.line_no AS VARCHAR) AS line_no,
      ki.ik AS item_id, ${keys.e ? 'ke.ek' : 'NULL::VARCHAR'} AS employee_id, coalesce(qty_t, '1') AS quantity, coalesce(CAST(up AS VARCHAR), unit_t) AS unit_price, NULL AS discount_amount,
      coalesce(CAST(lt AS VARCHAR), ltot_t) AS line_total, NULL AS duration_min
      FROM (SELECT * ${lines}) l JOIN (SELECT __r, row_number() OVER (PARTITION BY hash(sk), sk ORDER BY __r) AS line_no ${lines}) n ON n.__r = l.__r
      LEFT JOIN ${keys.i} ki ON ki.itn = l.itn ${keys.e ? `LEFT JOIN ${keys.e} ke ON ke.en = l.en` : ''}`]);
  }
  // One payment per sale and method: the amounts paid when the sheet has them, else the sale's total (one method)
  // or its lines (several methods). Completed sales only. A row with a negative amount (an "estorno") is no sale:
  // it is a refund of its own, dated by its row.
  // The rows are summed per sale and method first, so only those sums meet the sales.
  tables.push(['payments', `${ctes}, p AS (SELECT g.*, s2.amount, s2.methods, s2.dt FROM (SELECT sk, coalesce(pm, '') AS pmk, min(__r) AS __r, arg_min(pm, __r) AS pm,
      ${agg('sum', 'paid')} AS paid, sum(lt) AS lt FROM l GROUP BY sk, coalesce(pm, '')) g JOIN s2 USING (sk) WHERE s2.stc = 'completed'),
    pa AS (SELECT *, coalesce(paid, CASE WHEN methods <= 1 THEN amount ELSE lt END) AS amt FROM p)
    SELECT __r, sk || ':p' || CASE WHEN methods > 1 THEN ':' || ${short('pmk')} ELSE '' END AS payment_id,
      CASE WHEN amount < 0 THEN NULL ELSE sk END AS sale_id, dt AS occurred_at,
      coalesce(w.method, ${lit('other')}) AS method, CASE WHEN amt < 0 THEN 'refund' ELSE 'payment' END AS kind, CAST(abs(amt) AS VARCHAR) AS amount,
      NULL AS fee_amount FROM pa LEFT JOIN ${o.temp.pm} w ON w.pm IS NOT DISTINCT FROM pa.pm WHERE amt IS NOT NULL AND amt <> 0`]);
  return tables;
}
