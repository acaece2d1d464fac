// The salon back end as Supabase/PostgREST serves it: /rest/v1/<table>, `apikey` header, limit/offset or Range,
// Content-Range, count=exact (206, 416 PGRST103 past the end), 1,000-row cap, keyset filters on updated_at/id,
// embedded bookings, and { code, message, details, hint } errors.
import { randomUUID } from 'node:crypto';
import type { Params } from '../../store/db';
import { SimDataset, isoUtcMicros } from './dataset';
import { SimServer, type SimRequest, type SimResponse } from './server';
import { applyMutation, type MutateOp, type Simulator } from './simulator';

const P = 'salon';
const strip = (c: string) => `CASE WHEN starts_with(${c}, '${P}:') THEN substr(${c}, ${P.length + 2}) ELSE ${c} END`;
const MAX_ROWS = 1000;

/** Native tables as SELECTs over the canonical rows: id, _mod (the change time filtered on) and the API's columns. */
const VIEWS: Record<string, string> = {
  locations: `SELECT ${strip('location_id')} AS id, name, city, state, timezone, _mod, location_id AS _cid FROM locations WHERE starts_with(location_id, '${P}:')`,
  employees: `SELECT ${strip('employee_id')} AS id, name AS full_name, role, ${strip('location_id')} AS location_id, commission_rate,
    strftime(hired_at, '%Y-%m-%d') AS hired_on, active, _mod, employee_id AS _cid FROM employees WHERE starts_with(employee_id, '${P}:')`,
  profiles: `SELECT ${strip('customer_id')} AS id, 'customer' AS role, name AS full_name, email, phone, document AS cpf, gender, strftime(birth_date, '%Y-%m-%d') AS birth_date,
      city, state, ${isoUtcMicros('created_at')} AS created_at, marketing_opt_in, _mod, customer_id AS _cid FROM customers WHERE starts_with(customer_id, '${P}:')
    UNION ALL
    SELECT 'staff-' || ${strip('employee_id')}, 'staff', name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, _mod, 'staff:' || employee_id FROM employees WHERE starts_with(employee_id, '${P}:')`,
  services: `SELECT ${strip('item_id')} AS id, name, kind, category, list_price AS price, cost, duration_min, _mod, item_id AS _cid FROM items WHERE starts_with(item_id, '${P}:')`,
  appointments: `SELECT ${strip('sale_id')} AS id, ${strip('customer_id')} AS customer_id, ${strip('location_id')} AS location_id, ${strip('employee_id')} AS employee_id,
    CASE status WHEN 'booked' THEN 'pending' WHEN 'cancelled' THEN 'canceled' ELSE status END AS status, kind,
    ${isoUtcMicros('created_at')} AS created_at, ${isoUtcMicros('occurred_at')} AS starts_at, gross_amount, discount_amount,
    coupon_code, tax_amount, shipping_amount, total_amount, points_earned, points_redeemed, _mod, sale_id AS _cid
    FROM sales WHERE starts_with(sale_id, '${P}:')`,
  payments: `SELECT ${strip('payment_id')} AS id, ${strip('sale_id')} AS appointment_id, ${isoUtcMicros('occurred_at')} AS paid_at,
    CASE method WHEN 'cash' THEN 'dinheiro' WHEN 'credit_card' THEN 'credito' WHEN 'debit_card' THEN 'debito' WHEN 'wallet' THEN 'carteira' WHEN 'voucher' THEN 'vale' WHEN 'other' THEN 'outro' ELSE method END AS method,
    kind, amount, fee_amount AS fee, _mod, payment_id AS _cid FROM payments WHERE starts_with(payment_id, '${P}:')`,
  loyalty_transactions: `SELECT ${strip('loyalty_txn_id')} AS id, ${strip('customer_id')} AS profile_id, ${strip('sale_id')} AS appointment_id, ${isoUtcMicros('occurred_at')} AS created_at,
    kind, points, _mod, loyalty_txn_id AS _cid FROM loyalty_transactions WHERE starts_with(loyalty_txn_id, '${P}:')`,
};
/** Each page's lines, embedded as PostgREST does for select=*,bookings(*). */
const BOOKINGS = `SELECT l.sale_id AS _bid, list({'id': ${strip('l.sale_id')} || '-' || l.line_no, 'appointment_id': ${strip('l.sale_id')}, 'position': l.line_no,
    'service_id': ${strip('l.item_id')}, 'employee_id': ${strip('l.employee_id')}, 'quantity': l.quantity, 'unit_price': l.unit_price, 'discount': l.discount_amount,
    'total': l.line_total, 'duration_min': l.duration_min} ORDER BY l.line_no) AS bookings
  FROM sale_lines l WHERE l.sale_id IN (SELECT _cid FROM p) GROUP BY l.sale_id`;
const CANON_OF: Record<string, string> = { profiles: 'customers', services: 'items', appointments: 'sales' };

type Cond = { sql: string; params: unknown[] };

/** PostgREST filters we serve: col=op.value (eq, neq, gt, gte, lt, lte) and or=(...) with nested and(...). */
function parseFilter(col: string, expr: string, params: unknown[]): string {
  const m = /^(eq|neq|gt|gte|lt|lte)\.(.*)$/.exec(expr);
  if (!m) throw new Error(`unsupported filter ${col}=${expr}`);
  const op = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[m[1] as 'eq'];
  let v = m[2];
  if (v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  params.push(v);
  if (col === 'updated_at') return `_mod ${op} $${params.length}::TIMESTAMPTZ`;
  if (!/^[a-z_]+$/.test(col)) throw new Error(`bad column ${col}`);
  return `CAST("${col}" AS VARCHAR) ${op} $${params.length}`;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseLogic(kind: 'or' | 'and', inner: string, params: unknown[]): string {
  const parts = splitTop(inner).map((p) => {
    const nested = /^(and|or)\((.*)\)$/.exec(p);
    if (nested) return `(${parseLogic(nested[1] as 'or', nested[2], params)})`;
    const dot = p.indexOf('.');
    return parseFilter(p.slice(0, dot), p.slice(dot + 1), params);
  });
  return parts.join(kind === 'or' ? ' OR ' : ' AND ');
}

function conditions(q: URLSearchParams): Cond {
  const params: unknown[] = [];
  const where: string[] = [];
  for (const [k, v] of q) {
    if (['select', 'order', 'limit', 'offset'].includes(k)) continue;
    if (k === 'or' || k === 'and') {
      const m = /^\((.*)\)$/.exec(v);
      if (!m) throw new Error(`bad ${k} filter`);
      where.push(`(${parseLogic(k, m[1], params)})`);
    } else where.push(parseFilter(k, v, params));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export async function createSupabaseSimulator(data: SimDataset, key = 'sim-supabase-anon-key'): Promise<Simulator> {
  await data.run(`UPDATE sales SET updated_at = _mod WHERE starts_with(sale_id, '${P}:') AND (updated_at IS NULL OR updated_at <> _mod)`);

  const err = (status: number, code: string, message: string, hint: string | null = null): SimResponse => ({ status, body: { code, message, details: null, hint } });

  async function list(table: string, req: SimRequest): Promise<SimResponse> {
    if (req.headers.apikey !== key) return err(401, 'PGRST301', 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
    const view = VIEWS[table];
    if (!view) return err(404, '42P01', `relation "public.${table}" does not exist`);
    let offset = Number(req.query.get('offset') ?? 0);
    let limit = Math.min(MAX_ROWS, Number(req.query.get('limit') ?? MAX_ROWS));
    const range = typeof req.headers.range === 'string' ? /^(\d+)-(\d+)$/.exec(req.headers.range) : null;
    if (range) {
      offset = Number(range[1]);
      limit = Math.min(MAX_ROWS, Number(range[2]) - offset + 1);
    }
    if (!Number.isInteger(offset) || !Number.isInteger(limit) || offset < 0 || limit < 0) return err(400, 'PGRST103', 'Requested range not satisfiable');
    const order = req.query.get('order') ?? 'id.asc';
    if (!/^[a-z_]+\.(asc|desc)(,[a-z_]+\.(asc|desc))*$/.test(order)) return err(400, 'PGRST100', `"failed to parse order (${order})"`);
    const orderSql = order
      .split(',')
      .map((o) => o.replace(/^updated_at\./, '_mod.').replace('.', ' '))
      .join(', ');
    let cond: Cond;
    try {
      cond = conditions(req.query);
    } catch (e) {
      return err(400, 'PGRST100', e instanceof Error ? e.message : 'bad filter');
    }
    if (server.shiftPoint(table)) {
      const [first] = await data.all<{ id: string }>(`SELECT id FROM (${view}) v ${table === 'profiles' ? "WHERE role = 'customer'" : ''} ORDER BY _mod, id LIMIT 1`);
      const canon = CANON_OF[table] ?? table;
      if (first) await data.touch(canon as 'sales', `${P}:${first.id}`, '');
    }
    let total: number | null = null;
    if (/count=exact/.test(String(req.headers.prefer ?? ''))) {
      total = Number((await data.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM (${view}) v ${cond.sql}`, cond.params as Params))[0].n);
      if (offset > 0 && offset >= total) return { ...err(416, 'PGRST103', 'Requested range not satisfiable', null), headers: { 'Content-Range': `*/${total}` } };
    }
    const embed = table === 'appointments' && /bookings\(\*\)/.test(req.query.get('select') ?? '');
    // The page's keys first (only the columns filtered and sorted on are computed), then its rows, written as JSON
    // by DuckDB itself (exact decimals as JSON numbers, like PostgREST).
    const [page] = await data.all<{ n: number; body: string }>(
      `WITH k AS (SELECT _cid FROM (${view}) v ${cond.sql} ORDER BY ${orderSql} LIMIT ${limit} OFFSET ${offset}),
       p0 AS (SELECT * FROM (${view}) v WHERE _cid IN (SELECT _cid FROM k)),
       p AS (SELECT *, row_number() OVER (ORDER BY ${orderSql}) AS _o FROM p0),
       b AS (${embed ? BOOKINGS : `SELECT NULL::VARCHAR AS _bid, NULL::INTEGER AS bookings WHERE false`})
       SELECT count(*)::INTEGER AS n, coalesce(string_agg(json_merge_patch(to_json(x), '{"_o":null}')::VARCHAR, ',' ORDER BY x._o), '') AS body
       FROM (SELECT p.* EXCLUDE (_mod, _cid), ${isoUtcMicros('p._mod')} AS updated_at ${embed ? ', coalesce(b.bookings, []) AS bookings' : ''}
             FROM p ${embed ? 'LEFT JOIN b ON b._bid = p._cid' : ''}) x`,
      cond.params as Params,
    );
    let body: string | unknown[] = `[${page.body}]`;
    const bad = server.faults.badRecords.filter((id) => id.startsWith(`${P}:a`) && table === 'appointments').map((id) => id.slice(P.length + 1));
    if (bad.length) {
      body = (JSON.parse(body) as Record<string, unknown>[]).map((r) => (bad.includes(String(r.id)) ? { ...r, total_amount: '12,34abc', starts_at: '31/02/2024 25:00' } : r));
    }
    const end = offset + page.n - 1;
    const headers = { 'Content-Range': `${page.n ? `${offset}-${end}` : '*'}/${total ?? '*'}` };
    return { status: total !== null && page.n && end + 1 < total ? 206 : 200, headers, body };
  }

  const server: SimServer = new SimServer({
    name: 'supabase',
    basePath: '/rest/v1',
    routes: [{ method: 'GET', pattern: '/:table', handler: (req) => list(req.params.table, req) }],
    errorBody: (_s, message, code) => ({ code, message, details: null, hint: null }),
    control: (op) => sim.mutate(op as MutateOp),
  });

  const sim: Simulator = {
    kind: 'supabase',
    prefix: P,
    data,
    server,
    credentials: { key },
    config: {},
    tables: ['locations', 'employees', 'customers', 'items', 'sales', 'sale_lines', 'payments', 'loyalty_transactions'],
    volatile: {},
    listen: (port) => server.listen(port),
    mutate: (op) =>
      applyMutation(
        data,
        op,
        async () => `${P}:${randomUUID()}`,
        async () => `${P}:${randomUUID()}`,
      ),
    close: () => server.close(),
  };
  return sim;
}
