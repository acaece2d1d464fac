// WooCommerce REST v3 as a shop serves it: /wp-json/wc/v3/{orders,customers,products,orders/<id>/refunds}, Basic
// auth or consumer_key/consumer_secret parameters, page/per_page (max 100, 101+ is a 400), X-WP-Total(Pages) and
// Link headers, modified_after (exclusive, whole seconds), money as 2-decimal strings, *_gmt dates without zone.
// What an order can carry: one payment (the order total, paid at date_paid), refunds, integer quantities, no staff;
// the dataset is normalised to that on load (see normalise()), so a full sync must equal these tables exactly.
// Payloads follow the WooCommerce REST API v3 reference, "Orders" and "Order refunds"
// (https://woocommerce.github.io/woocommerce-rest-api-docs/#orders, source: woocommerce/woocommerce-rest-api-docs,
// source/includes/wp-api-v3/_orders.md and _order-refunds.md) field for field, with what real Brazilian shops send:
// paid orders still "processing", orders completed by hand without date_paid, the gateway ids of the Brazilian
// plugins (Pagar.me, Mercado Pago, PagBank, Cielo, Rede, Getnet, Pix por Piggly), a "Desconto Pix" negative fee line,
// failed and refunded orders, and /orders/<id>/refunds paged 10 at a time unless per_page says otherwise.
import type { Params } from '../../store/db';
import { gmtSeconds, type SimDataset } from './dataset';
import { SimServer, type SimRequest, type SimResponse } from './server';
import { applyMutation, numericNextId, type MutateOp, type Simulator } from './simulator';

const P = 'woo';
/** Canonical method -> the gateways a Brazilian shop has for it ([id, title]); an order's id picks one. */
export const WOO_METHOD: Record<string, [string, string][]> = {
  pix: [
    ['woo-pagarme-payments-pix', 'Pix (Pagar.me)'],
    ['wc_piggly_pix_gateway', 'Pix'],
    ['woo-mercado-pago-pix', 'Pix (Mercado Pago)'],
    ['rm-pagbank-pix', 'PagBank Pix'],
  ],
  credit_card: [
    ['woo-pagarme-payments-credit_card', 'Cartão de crédito (Pagar.me)'],
    ['woo-mercado-pago-custom', 'Cartão de crédito (Mercado Pago)'],
    ['rm-pagbank-cc', 'PagBank Cartão de Crédito'],
    ['cielo_credit', 'Cielo - Cartão de crédito'],
    ['rede_credit', 'Rede - Cartão de crédito'],
    ['getnet-creditcard', 'Getnet Cartão de Crédito'],
  ],
  debit_card: [
    ['rede_debit', 'Rede - Cartão de débito'],
    ['cielo_debit', 'Cielo - Cartão de débito'],
  ],
  boleto: [
    ['woo-pagarme-payments-billet', 'Boleto (Pagar.me)'],
    ['woo-mercado-pago-ticket', 'Boleto (Mercado Pago)'],
    ['getnet-billet', 'Getnet Boleto'],
  ],
  cash: [['cod', 'Pagamento na entrega']],
  wallet: [
    ['woo-mercado-pago-basic', 'Mercado Pago'],
    ['rm-pagbank-redirect', 'PagBank'],
  ],
  voucher: [['gift_card', 'Vale-presente']],
  other: [['bacs', 'Transferência bancária']],
};
const gatewayFor = (method: string, id: number): [string, string] => {
  const list = WOO_METHOD[method] ?? WOO_METHOD.other;
  return list[id % list.length];
};

const nat = (col: string) => `regexp_replace(${col}, '^${P}:', '')`;
const num = (col: string) => `TRY_CAST(${nat(col)} AS BIGINT)`;

async function normalise(d: SimDataset): Promise<string | null> {
  const w = `starts_with(sale_id, '${P}:')`;
  // A completed order is paid (WooCommerce books a payment for processing and completed orders); one paid back in
  // full is "refunded", which means cancelled.
  await d.run(`INSERT INTO payments SELECT s.sale_id, s.sale_id, s.occurred_at, 'other', 'payment', s.total_amount, NULL, s._mod FROM sales s
    WHERE ${w} AND s.status = 'completed' AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.sale_id AND p.kind = 'payment')`);
  await d.run(`UPDATE sales s SET status = 'cancelled' WHERE ${w} AND status = 'completed'
    AND (SELECT sum(amount) FROM payments p WHERE p.sale_id = s.sale_id AND p.kind = 'refund') >= s.total_amount`);
  await d.run(`UPDATE sale_lines SET employee_id = NULL, duration_min = NULL, quantity = round(quantity) WHERE ${w}`);
  const locs = await d.all<{ l: string | null }>(`SELECT DISTINCT location_id AS l FROM sales WHERE ${w}`);
  const loc = locs.length === 1 ? locs[0].l : null;
  await d.run(`UPDATE sales SET kind = 'order', source = '${P}', employee_id = NULL, points_earned = NULL, points_redeemed = NULL, location_id = $1,
    status = CASE status WHEN 'no_show' THEN 'cancelled' ELSE status END WHERE ${w}`, [loc]);
  await d.run(`DELETE FROM payments p WHERE ${w} AND kind = 'payment' AND payment_id <> (SELECT min(payment_id) FROM payments q WHERE q.sale_id = p.sale_id AND q.kind = 'payment')`);
  await d.run(`UPDATE payments p SET payment_id = p.sale_id, amount = s.total_amount, occurred_at = s.occurred_at FROM sales s WHERE s.sale_id = p.sale_id AND p.kind = 'payment' AND starts_with(p.sale_id, '${P}:')`);
  await d.run(`UPDATE sales s SET occurred_at = created_at WHERE ${w} AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.sale_id AND p.kind = 'payment')`);
  // Refunds are WordPress posts with numeric ids like orders: other ids are numbered after the highest one.
  await d.run(`UPDATE payments p SET payment_id = '${P}:' || (b.top + r.n) FROM
      (SELECT payment_id, row_number() OVER (ORDER BY payment_id) AS n FROM payments WHERE ${w} AND kind = 'refund' AND ${num('payment_id')} IS NULL) r,
      (SELECT coalesce(max(x), 0) + 1000 AS top FROM (SELECT ${num('sale_id')} AS x FROM sales WHERE ${w} UNION ALL SELECT ${num('payment_id')} FROM payments WHERE ${w})) b
    WHERE p.payment_id = r.payment_id`);
  await d.run(`UPDATE payments r SET fee_amount = NULL, method = coalesce((SELECT method FROM payments p WHERE p.sale_id = r.sale_id AND p.kind = 'payment'), 'other') WHERE starts_with(r.sale_id, '${P}:') AND r.kind = 'refund'`);
  for (const [t, cols] of [
    ['sales', ['created_at', 'occurred_at', '_mod']],
    ['payments', ['occurred_at']],
    ['customers', ['created_at']],
  ] as const) {
    const key = t === 'sales' ? 'sale_id' : t === 'payments' ? 'payment_id' : 'customer_id';
    await d.run(`UPDATE ${t} SET ${cols.map((c) => `${c} = date_trunc('second', ${c})`).join(', ')} WHERE starts_with(${key}, '${P}:')`);
  }
  await d.run(`UPDATE sales SET updated_at = _mod WHERE ${w}`);
  await d.run(`UPDATE customers c SET created_at = (SELECT min(created_at) FROM sales s WHERE s.customer_id = c.customer_id), marketing_opt_in = NULL, source = '${P}'
    WHERE starts_with(customer_id, '${P}:guest:')`);
  await d.run(`UPDATE customers SET source = '${P}' WHERE starts_with(customer_id, '${P}:')`);
  await d.run(`UPDATE items SET duration_min = NULL WHERE starts_with(item_id, '${P}:')`);
  return loc;
}

const split = (name: string) => [name.split(' ')[0] ?? '', name.split(' ').slice(1).join(' ')];

export async function createWooSimulator(data: SimDataset, creds = { key: 'ck_simulated_0001', secret: 'cs_simulated_0001' }): Promise<Simulator> {
  const locationId = await normalise(data);
  const err = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): SimResponse => ({ status, body: { code, message, data: { status, ...extra } } });

  function authorized(req: SimRequest): boolean {
    const h = req.headers.authorization;
    if (typeof h === 'string' && h.startsWith('Basic ')) {
      const [k, s] = Buffer.from(h.slice(6), 'base64').toString('utf8').split(':');
      return k === creds.key && s === creds.secret;
    }
    return req.query.get('consumer_key') === creds.key && req.query.get('consumer_secret') === creds.secret;
  }

  /** Shared list handling: auth, page/per_page validation, modified_after, totals and Link headers. */
  async function list(req: SimRequest, endpoint: string, from: string, orderCols: Record<string, string>, render: (rows: Record<string, unknown>[]) => Promise<unknown[]>): Promise<SimResponse> {
    if (!authorized(req)) return err(401, 'woocommerce_rest_cannot_view', 'Desculpe, não é possível listar recursos.');
    const page = Number(req.query.get('page') ?? 1);
    const perPage = Number(req.query.get('per_page') ?? 10);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return err(400, 'rest_invalid_param', 'Parâmetro(s) inválido(s): per_page', { params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } });
    if (!Number.isInteger(page) || page < 1) return err(400, 'rest_invalid_param', 'Parâmetro(s) inválido(s): page', { params: { page: 'page must be greater than or equal to 1' } });
    const params: unknown[] = [];
    let where = '';
    const after = req.query.get('modified_after');
    if (after) {
      const gmt = req.query.get('dates_are_gmt') === 'true' || req.query.get('dates_are_gmt') === '1';
      params.push(gmt && !/[zZ]|[+-]\d\d:?\d\d$/.test(after) ? `${after}Z` : after);
      where = `WHERE _mod > TRY_CAST($1 AS TIMESTAMPTZ)`;
    }
    const orderby = orderCols[req.query.get('orderby') ?? 'date'] ?? orderCols.date;
    const dir = req.query.get('order') === 'asc' ? 'ASC' : 'DESC';
    if (server.shiftPoint(endpoint)) {
      const [first] = await data.all<{ cid: string; t: string }>(`SELECT cid, t FROM (${from}) v ${where} ORDER BY ${orderby} ${dir}, id ${dir} LIMIT 1`, params as Params);
      if (first) await data.touch(first.t as 'sales', first.cid, '');
    }
    const rows = await data.all<Record<string, unknown>>(`SELECT * FROM (${from}) v ${where} ORDER BY ${orderby} ${dir}, id ${dir} LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`, params as Params);
    const [{ n }] = await data.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM (${from}) v ${where}`, params as Params);
    const pages = Math.ceil(n / perPage);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(req.query);
      q.set('page', String(p));
      q.delete('consumer_key');
      q.delete('consumer_secret');
      return `<${server.baseUrl}${req.path}?${q}>; rel="${rel}"`;
    };
    const links = [page > 1 ? link(page - 1, 'prev') : null, page < pages ? link(page + 1, 'next') : null].filter(Boolean).join(', ');
    return { body: await render(rows), headers: { 'X-WP-Total': String(n), 'X-WP-TotalPages': String(pages), ...(links ? { Link: links } : {}) } };
  }

  const ORDERS = `SELECT ${num('sale_id')} AS id, sale_id AS cid, 'sales' AS t, _mod, created_at FROM sales WHERE starts_with(sale_id, '${P}:')`;
  const CUSTOMERS = `SELECT ${num('customer_id')} AS id, customer_id AS cid, 'customers' AS t, _mod, created_at, name FROM customers WHERE starts_with(customer_id, '${P}:') AND NOT starts_with(customer_id, '${P}:guest:')`;
  const PRODUCTS = `SELECT ${num('item_id')} AS id, item_id AS cid, 'items' AS t, _mod, name FROM items WHERE starts_with(item_id, '${P}:')`;

  const customerJson = (c: Record<string, unknown> | undefined) => {
    const [first, last] = split(String(c?.name ?? ''));
    return {
      first_name: first,
      last_name: last,
      email: c?.email ?? '',
      phone: c?.phone ?? '',
      city: c?.city ?? '',
      state: c?.state ?? '',
      country: 'BR',
      cpf: c?.document ?? '',
      birthdate: c?.birth ?? '',
      sex: c?.gender ?? '',
    };
  };

  async function renderOrders(rows: Record<string, unknown>[]): Promise<unknown[]> {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.cid));
    const inIds = `IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`;
    const sales = await data.all<Record<string, unknown>>(
      `SELECT s.*, ${gmtSeconds('s.created_at')} AS c_gmt, ${gmtSeconds('s.occurred_at')} AS o_gmt, ${gmtSeconds('s._mod')} AS m_gmt,
        s.total_amount::VARCHAR AS total, s.discount_amount::VARCHAR AS disc, s.tax_amount::VARCHAR AS tax, s.shipping_amount::VARCHAR AS ship,
        c.name, c.email, c.phone, c.city, c.state, c.document, c.gender, strftime(c.birth_date, '%d/%m/%Y') AS birth
       FROM sales s LEFT JOIN customers c ON c.customer_id = s.customer_id WHERE s.sale_id ${inIds}`,
      [ids],
    );
    const lines = await data.all<Record<string, unknown>>(
      `SELECT l.sale_id, l.line_no, ${num('l.item_id')} AS product_id, i.name, i.item_id, l.quantity::DOUBLE AS qty, (l.quantity * l.unit_price)::DECIMAL(18,2)::VARCHAR AS subtotal, l.line_total::VARCHAR AS total
       FROM sale_lines l LEFT JOIN items i ON i.item_id = l.item_id WHERE l.sale_id ${inIds} ORDER BY l.sale_id, l.line_no`,
      [ids],
    );
    const pays = await data.all<Record<string, unknown>>(
      `SELECT sale_id, ${num('payment_id')} AS id, kind, method, amount::VARCHAR AS amount, fee_amount::VARCHAR AS fee, ${gmtSeconds('occurred_at')} AS at FROM payments WHERE sale_id ${inIds} ORDER BY payment_id`,
      [ids],
    );
    const by = <T extends Record<string, unknown>>(list: T[]) => {
      const m = new Map<unknown, T[]>();
      for (const x of list) m.set(x.sale_id, [...(m.get(x.sale_id) ?? []), x]);
      return m;
    };
    const L = by(lines);
    const Y = by(pays);
    const S = new Map(sales.map((s) => [s.sale_id, s]));
    return rows.map((r) => {
      const s = S.get(r.cid)!;
      const pay = (Y.get(r.cid) ?? []).find((p) => p.kind === 'payment');
      const refunds = (Y.get(r.cid) ?? []).filter((p) => p.kind === 'refund');
      const refunded = refunds.reduce((a, p) => a + Number(p.amount), 0);
      const cust = String(s.customer_id ?? '');
      const oid = Number(r.id);
      const [method, title] = gatewayFor(String(pay?.method ?? 'other'), oid);
      const status =
        s.status === 'completed'
          ? oid % 3 === 1
            ? 'processing'
            : 'completed'
          : s.status === 'cancelled'
            ? refunds.length && refunded >= Number(s.total)
              ? 'refunded'
              : !pay && oid % 4 === 0
                ? 'failed'
                : 'cancelled'
            : ({ booked: 'pending', confirmed: 'on-hold' } as Record<string, string>)[String(s.status)];
      // An order completed by hand (cash on delivery, a manual order) has no date_paid: only date_completed.
      const byHand = status === 'completed' && oid % 7 === 0;
      // A cash-price discount ("Desconto Pix", "Desconto à vista") is a negative fee line, as the plugins add it; with a
      // coupon too, the discount is shared between the coupon (discount_total) and the fee line.
      const disc = Math.round(Number(s.disc ?? 0) * 100);
      const feeCents = disc > 0 && (pay?.method === 'pix' || oid % 5 === 0) ? (s.coupon_code ? Math.floor(disc / 2) : disc) : 0;
      const cents2 = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
      const order: Record<string, unknown> = {
        id: oid,
        parent_id: 0,
        number: String(oid),
        order_key: `wc_order_${oid.toString(36)}`,
        created_via: 'checkout',
        version: '9.4.2',
        status,
        currency: 'BRL',
        date_created: null,
        date_created_gmt: s.c_gmt,
        date_modified_gmt: s.m_gmt,
        discount_total: feeCents ? cents2(disc - feeCents) : (s.disc ?? '0.00'),
        discount_tax: '0.00',
        shipping_total: s.ship ?? '0.00',
        shipping_tax: '0.00',
        cart_tax: s.tax ?? '0.00',
        total_tax: s.tax ?? '0.00',
        total: s.total,
        prices_include_tax: false,
        date_paid_gmt: pay && !byHand ? s.o_gmt : null,
        date_completed_gmt: status === 'completed' ? s.o_gmt : null,
        fee_lines: feeCents
          ? [{ id: oid * 100 + 99, name: pay?.method === 'pix' ? 'Desconto Pix' : 'Desconto à vista', tax_class: '', tax_status: 'none', total: `-${cents2(feeCents)}`, total_tax: '0.00', taxes: [], meta_data: [] }]
          : [],
        shipping_lines: Number(s.ship ?? 0) > 0 ? [{ id: oid * 100 + 98, method_title: 'Correios - SEDEX', method_id: 'correios-sedex', total: s.ship, total_tax: '0.00', taxes: [], meta_data: [] }] : [],
        customer_id: cust.startsWith(`${P}:`) && !cust.startsWith(`${P}:guest:`) ? Number(cust.slice(P.length + 1)) : 0,
        billing: customerJson(s.customer_id ? s : undefined),
        payment_method: pay ? method : '',
        payment_method_title: pay ? title : '',
        transaction_id: pay ? `tx-${r.id}` : '',
        customer_note: '',
        coupon_lines: s.coupon_code ? String(s.coupon_code).split(',').map((code, i) => ({ id: i + 1, code, discount: '0.00' })) : [],
        line_items: (L.get(r.cid) ?? []).map((l) => ({
          id: Number(r.id) * 100 + Number(l.line_no),
          name: l.name ?? '',
          product_id: Number(l.product_id ?? 0),
          quantity: Number(l.qty),
          subtotal: l.subtotal,
          total: l.total,
          price: Number(l.qty) ? Number(l.total) / Number(l.qty) : 0,
        })),
        refunds: refunds.map((p) => ({ id: Number(p.id), reason: '', total: `-${p.amount}` })),
        meta_data: pay?.fee ? [{ id: 1, key: '_transaction_fee', value: pay.fee }] : [],
      };
      if (server.isBad(String(r.cid))) {
        order.total = 'R$ 12,34';
        order.date_created_gmt = '2024-13-45T99:00:00';
      }
      return order;
    });
  }

  async function renderCustomers(rows: Record<string, unknown>[]): Promise<unknown[]> {
    if (!rows.length) return [];
    const cs = await data.all<Record<string, unknown>>(
      `SELECT *, ${gmtSeconds('created_at')} AS c_gmt, strftime(birth_date, '%d/%m/%Y') AS birth FROM customers WHERE customer_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
      [JSON.stringify(rows.map((r) => r.cid))],
    );
    const C = new Map(cs.map((c) => [c.customer_id, c]));
    return rows.map((r) => {
      const c = C.get(r.cid)!;
      const b = customerJson(c);
      return {
        id: Number(r.id),
        date_created_gmt: c.c_gmt,
        email: c.email ?? '',
        first_name: b.first_name,
        last_name: b.last_name,
        username: `cliente${r.id}`,
        billing: b,
        meta_data: c.marketing_opt_in === null ? [] : [{ id: 1, key: 'marketing_opt_in', value: c.marketing_opt_in ? 'yes' : 'no' }],
      };
    });
  }

  async function renderProducts(rows: Record<string, unknown>[]): Promise<unknown[]> {
    if (!rows.length) return [];
    const items = await data.all<Record<string, unknown>>(
      `SELECT *, list_price::VARCHAR AS price, cost::VARCHAR AS c, ${gmtSeconds('_mod')} AS m_gmt FROM items WHERE item_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
      [JSON.stringify(rows.map((r) => r.cid))],
    );
    const I = new Map(items.map((i) => [i.item_id, i]));
    return rows.map((r) => {
      const i = I.get(r.cid)!;
      return {
        id: Number(r.id),
        name: i.name ?? '',
        sku: `SKU-${r.id}`,
        type: 'simple',
        virtual: i.kind === 'service',
        regular_price: i.price ?? '',
        price: i.price ?? '',
        date_modified_gmt: i.m_gmt,
        categories: i.category ? [{ id: 1, name: i.category, slug: String(i.category).toLowerCase() }] : [],
        meta_data: i.c ? [{ id: 1, key: '_wc_cog_cost', value: i.c }] : [],
      };
    });
  }

  async function refunds(req: SimRequest): Promise<SimResponse> {
    if (!authorized(req)) return err(401, 'woocommerce_rest_cannot_view', 'Desculpe, não é possível listar recursos.');
    // Paged like every collection: per_page defaults to 10 (max 100), page from 1.
    const perPage = Number(req.query.get('per_page') ?? 10);
    const page = Number(req.query.get('page') ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100 || !Number.isInteger(page) || page < 1) {
      return err(400, 'rest_invalid_param', 'Parâmetro(s) inválido(s): per_page', { params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } });
    }
    const saleId = `${P}:${req.params.id}`;
    const found = await data.all<Record<string, unknown>>(
      `SELECT ${num('p.payment_id')} AS id, ${gmtSeconds('p.occurred_at')} AS at, p.amount::VARCHAR AS amount FROM sales s
       LEFT JOIN payments p ON p.sale_id = s.sale_id AND p.kind = 'refund' WHERE s.sale_id = $1 ORDER BY p.payment_id DESC`,
      [saleId],
    );
    if (!found.length) return err(404, 'woocommerce_rest_shop_order_invalid_id', 'ID inválido.');
    const rs = found.filter((x) => x.id !== null).slice((page - 1) * perPage, page * perPage);
    return { body: rs.map((x) => ({ id: Number(x.id), date_created_gmt: x.at, amount: x.amount, reason: '', refunded_by: 1, refunded_payment: true, line_items: [] })) };
  }

  const orderCols = { date: 'created_at', modified: '_mod', id: 'id' };
  const server: SimServer = new SimServer({
    name: 'woocommerce',
    basePath: '/wp-json/wc/v3',
    routes: [
      { method: 'GET', pattern: '/orders', handler: (req) => list(req, 'orders', ORDERS, orderCols, renderOrders) },
      { method: 'GET', pattern: '/orders/:id/refunds', handler: refunds },
      { method: 'GET', pattern: '/customers', handler: (req) => list(req, 'customers', CUSTOMERS, { date: 'created_at', registered_date: 'created_at', id: 'id', name: 'name' }, renderCustomers) },
      { method: 'GET', pattern: '/products', handler: (req) => list(req, 'products', PRODUCTS, { date: '_mod', modified: '_mod', id: 'id', title: 'name' }, renderProducts) },
    ],
    errorBody: (status, message, code) => ({ code: `woocommerce_rest_${code}`, message, data: { status } }),
    control: (op) => sim.mutate(op as MutateOp),
  });
  const next = numericNextId(data, P);
  const sim: Simulator = {
    kind: 'woocommerce',
    prefix: P,
    data,
    server,
    credentials: { ...creds },
    config: locationId ? { locationId } : {},
    tables: ['customers', 'items', 'sales', 'sale_lines', 'payments'],
    volatile: {},
    listen: (port) => server.listen(port),
    mutate: async (op) => {
      const r = await applyMutation(data, op, next, () => next('payments'));
      if (op.op === 'clone' || op.op === 'refund' || op.op === 'churn') await normalise(data);
      return r;
    },
    close: () => server.close(),
  };
  return sim;
}
