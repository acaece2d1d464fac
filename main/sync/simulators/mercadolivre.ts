// Mercado Livre (MLB): OAuth2 with rotating single-use refresh tokens, /users/me, /orders/search by
// order.date_last_updated with offset/limit (50 max) and paging.total, /users/{id}/items/search (scan + scroll_id
// past 1,000), /items?ids= multiget (20 max, each { code, body }), and { message, error, status, cause } errors.
// What an order carries: integer quantities, list vs sale unit prices, sale_fee per unit, payments with refunds;
// no buyer e-mail or phone. The dataset is normalised to that on load.
// Payloads follow Mercado Livre's "Gerenciar vendas" / "Manage sales" (https://developers.mercadolivre.com.br/en_us/manage-sales:
// the order JSON), "Packs" (https://developers.mercadolibre.com.ar/devsite/packs: pack_id, one shipment for the cart)
// and "Custos de envio" (https://developers.mercadolivre.com.br/en_us/mercado-envios-shipping-costs-and-quotes:
// /shipments/{id}/costs, what receiver and senders pay). Quirks kept: orders of one cart share a pack_id and a
// shipment, part of the seller's cost is shipping (senders[].cost, not in sale_fee), some buyers show only a nickname,
// and date filters are written 2015-07-01T00:00:00.000-00:00.
import type { Params } from '../../store/db';
import { isoLocalMillis, type SimDataset } from './dataset';
import { OAuthState, type OAuthCredentials } from './oauth';
import { bearer, SimServer, type SimRequest, type SimResponse } from './server';
import { applyMutation, numericNextId, type MutateOp, type Simulator } from './simulator';

const P = 'ml';
const nat = (c: string) => `regexp_replace(${c}, '^${P}:', '')`;
export const ML_PAY: Record<string, [string, string]> = {
  pix: ['bank_transfer', 'pix'],
  credit_card: ['credit_card', 'visa'],
  debit_card: ['debit_card', 'debvisa'],
  boleto: ['ticket', 'bolbradesco'],
  cash: ['ticket', 'pec'],
  wallet: ['account_money', 'account_money'],
  voucher: ['prepaid_card', 'gift_card'],
  other: ['digital_currency', 'consumer_credits'],
};
/** The first order id of the cart an order belongs to (same buyer, same day, more than one order), else NULL. */
const PACK_FIRST = `(SELECT CASE WHEN count(*) > 1 THEN min(TRY_CAST(${nat('t.sale_id')} AS BIGINT)) END FROM sales t
  WHERE starts_with(t.sale_id, '${P}:') AND t.customer_id = s.customer_id AND date_trunc('day', t.created_at) = date_trunc('day', s.created_at))`;

/** The seller's shipping cost inside an order's fee: 30% of it on every other order that is not in a cart. */
function shippingPart(orderId: number, pack: number | null, fee: number | undefined): number {
  return pack === null && fee !== undefined && fee >= 10 && orderId % 2 === 0 ? Math.round(fee * 30) / 100 : 0;
}

const STATUS: Record<string, string> = { booked: 'payment_required', confirmed: 'payment_in_process', completed: 'paid', cancelled: 'cancelled', no_show: 'cancelled' };

async function normalise(d: SimDataset): Promise<{ locationId: string | null; sellerId: string }> {
  const w = `starts_with(sale_id, '${P}:')`;
  const locs = await d.all<{ l: string | null }>(`SELECT DISTINCT location_id AS l FROM sales WHERE ${w}`);
  const loc = locs.length === 1 ? locs[0].l : null;
  await d.run(`UPDATE sale_lines SET employee_id = NULL, duration_min = NULL, quantity = round(quantity) WHERE ${w}`);
  await d.run(`UPDATE sales s SET kind = 'order', source = '${P}', employee_id = NULL, points_earned = NULL, points_redeemed = NULL, location_id = $1, updated_at = date_trunc('millisecond', _mod),
      status = CASE status WHEN 'no_show' THEN 'cancelled' ELSE status END,
      gross_amount = coalesce((SELECT sum(quantity * unit_price) FROM sale_lines l WHERE l.sale_id = s.sale_id), 0),
      created_at = date_trunc('millisecond', created_at), occurred_at = date_trunc('millisecond', occurred_at) WHERE ${w}`, [loc]);
  await d.run(`UPDATE sales SET total_amount = gross_amount - coalesce(discount_amount, 0) + coalesce(tax_amount, 0) + coalesce(shipping_amount, 0) WHERE ${w}`);
  await d.run(`UPDATE sales SET _mod = updated_at WHERE ${w}`);
  // Payment ids are numbers at Mercado Pago; other ids get numbers (refund rows are rebuilt below).
  await d.run(`UPDATE payments p SET payment_id = '${P}:' || (8000000000000000 + r.n) FROM
      (SELECT payment_id, row_number() OVER (ORDER BY payment_id) AS n FROM payments WHERE ${w} AND kind = 'payment' AND TRY_CAST(${nat('payment_id')} AS BIGINT) IS NULL) r
    WHERE p.payment_id = r.payment_id`);
  // Fees live on the first payment; a payment's refunds become one "<payment>-refund" row dated by the last one.
  await d.run(`UPDATE payments p SET fee_amount = NULL WHERE ${w} AND (kind = 'refund' OR payment_id <> (SELECT min(payment_id) FROM payments q WHERE q.sale_id = p.sale_id AND q.kind = 'payment'))`);
  await d.run(`CREATE OR REPLACE TEMP TABLE ml_ref AS SELECT r.sale_id, min(p.payment_id) || '-refund' AS id, sum(r.amount) AS amount, max(r.occurred_at) AS ref_at, min(p.method) AS method
    FROM payments r JOIN payments p ON p.sale_id = r.sale_id AND p.kind = 'payment' WHERE starts_with(r.sale_id, '${P}:') AND r.kind = 'refund' GROUP BY r.sale_id`);
  await d.run(`DELETE FROM payments WHERE ${w} AND kind = 'refund'`);
  await d.run(`INSERT INTO payments SELECT id, sale_id, date_trunc('millisecond', ref_at), method, 'refund', amount, NULL, ref_at FROM ml_ref`);
  await d.run(`UPDATE payments SET occurred_at = date_trunc('millisecond', occurred_at) WHERE ${w}`);
  // Every fifth buyer has no first or last name on the order: only the nickname names them.
  await d.run(`UPDATE customers SET name = 'COMPRADOR' || ${nat('customer_id')} WHERE starts_with(customer_id, '${P}:') AND TRY_CAST(${nat('customer_id')} AS BIGINT) % 5 = 0`);
  await d.run(`UPDATE customers c SET name = c.name, email = NULL, phone = NULL, document = NULL, gender = NULL, birth_date = NULL, city = NULL, state = NULL, marketing_opt_in = NULL, source = '${P}',
      created_at = (SELECT min(created_at) FROM sales s WHERE s.customer_id = c.customer_id) WHERE starts_with(customer_id, '${P}:')`);
  const sellers = await d.all<{ s: string }>(`SELECT DISTINCT seller_id AS s FROM listing_snapshots WHERE is_own AND starts_with(listing_id, '${P}:')`);
  const sellerId = sellers[0]?.s ?? `${P}:123456789`;
  // Each listing's latest snapshot is what the API shows; own listings are the items (name = title).
  await d.run(`DELETE FROM listing_snapshots l WHERE starts_with(listing_id, '${P}:') AND observed_at < (SELECT max(observed_at) FROM listing_snapshots m WHERE m.listing_id = l.listing_id)`);
  await d.run(`UPDATE listing_snapshots SET seller_id = $1, item_id = listing_id WHERE starts_with(listing_id, '${P}:') AND is_own`, [sellerId]);
  // A competitor's item_id is the own listing it is followed against (set per tracked listing in the settings).
  await d.run(`UPDATE listing_snapshots l SET item_id = NULL WHERE starts_with(listing_id, '${P}:') AND NOT is_own AND NOT EXISTS (SELECT 1 FROM listing_snapshots o WHERE o.is_own AND o.listing_id = l.item_id)`);
  await d.run(`UPDATE items i SET kind = 'product', cost = NULL, duration_min = NULL, name = coalesce(l.title, i.name), list_price = coalesce(l.original_price, l.price, i.list_price)
    FROM listing_snapshots l WHERE l.listing_id = i.item_id AND starts_with(i.item_id, '${P}:')`);
  await d.run(`UPDATE listing_snapshots l SET title = i.name FROM items i WHERE i.item_id = l.listing_id AND l.is_own`);
  return { locationId: loc, sellerId };
}

export async function createMercadoLivreSimulator(data: SimDataset, creds: OAuthCredentials = { clientId: 'ml-app', clientSecret: 'ml-secret', refreshToken: 'TG-ml-rt-0', code: 'TG-ml-code-0' }): Promise<Simulator> {
  const { locationId, sellerId } = await normalise(data);
  const sellerNum = sellerId.slice(P.length + 1);
  const fail = (status: number, error: string, message: string): SimResponse => ({ status, body: { message, error, status, cause: [] } });
  const auth = (req: SimRequest): SimResponse | null => {
    const r = oauth.check(bearer(req));
    return r === 'ok' ? null : fail(401, r === 'expired' ? 'expired_token' : 'invalid_token', r === 'expired' ? 'expired_token' : 'invalid access token');
  };

  async function search(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    if (req.query.get('seller') !== sellerNum) return fail(403, 'forbidden', 'Invalid caller.id');
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Number(req.query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) return fail(400, 'bad_request', 'Invalid limit. Max value is 50');
    const from = req.query.get('order.date_last_updated.from');
    const to = req.query.get('order.date_last_updated.to');
    const params: unknown[] = [];
    const where = [`starts_with(sale_id, '${P}:')`];
    if (from) where.push(`_mod >= CAST($${params.push(from)} AS TIMESTAMPTZ)`);
    if (to) where.push(`_mod <= CAST($${params.push(to)} AS TIMESTAMPTZ)`);
    const sql = `FROM sales WHERE ${where.join(' AND ')}`;
    if (server.shiftPoint('orders')) {
      const [first] = await data.all<{ id: string }>(`SELECT sale_id AS id ${sql} ORDER BY created_at, sale_id LIMIT 1`, params as Params);
      if (first) await data.touch('sales', first.id, '');
    }
    const ids = await data.all<{ id: string }>(`SELECT sale_id AS id ${sql} ORDER BY created_at, sale_id LIMIT ${limit} OFFSET ${offset}`, params as Params);
    const [{ n }] = await data.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n ${sql}`, params as Params);
    return { body: { query: '', results: await renderOrders(ids.map((i) => i.id)), sort: { id: 'date_asc', name: 'Date ascending' }, available_sorts: [], filters: [], paging: { total: n, offset, limit } } };
  }

  /** /shipments/{id}/costs: what the buyer (receiver) and the seller (senders) pay for one shipment. */
  async function costs(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const orderId = Number(req.params.id) - 40000000000;
    const [row] = await data.all<{ fee: number | null; ship: number | null; buyer: string | null; pack_first: number | null }>(
      `SELECT (SELECT fee_amount::DOUBLE FROM payments p WHERE p.sale_id = s.sale_id AND p.kind = 'payment' AND fee_amount IS NOT NULL ORDER BY payment_id LIMIT 1) AS fee,
        s.shipping_amount::DOUBLE AS ship, ${nat('s.customer_id')} AS buyer, ${PACK_FIRST} AS pack_first FROM sales s WHERE s.sale_id = $1`,
      [`${P}:${orderId}`],
    );
    if (!row) return fail(404, 'not_found', 'Shipment not found');
    const cost = shippingPart(orderId, row.pack_first === null ? null : Number(row.pack_first), row.fee ?? undefined);
    return {
      body: {
        receiver: { user_id: row.buyer === null ? null : Number(row.buyer), cost: row.ship ?? 0, compensation: 0, save: 0, discounts: [] },
        senders: [{ user_id: Number(sellerNum), cost, compensation: 0, save: 0, discounts: [] }],
        gross_amount: (row.ship ?? 0) + cost,
      },
    };
  }

  async function renderOrders(ids: string[]): Promise<unknown[]> {
    if (!ids.length) return [];
    const p = [JSON.stringify(ids)];
    const IN = `IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`;
    const sales = await data.all<Record<string, unknown>>(
      `SELECT s.sale_id, ${nat('s.sale_id')} AS id, s.status, ${isoLocalMillis('s.created_at')} AS dc, ${isoLocalMillis('s.occurred_at')} AS dcl, ${isoLocalMillis('s._mod')} AS lu,
        s.total_amount::DOUBLE AS total, s.shipping_amount::DOUBLE AS ship, s.tax_amount::DOUBLE AS tax, s.coupon_code,
        (s.discount_amount - coalesce((SELECT sum(discount_amount) FROM sale_lines l WHERE l.sale_id = s.sale_id), 0))::DOUBLE AS coupon, ${nat('s.customer_id')} AS buyer, c.name,
        ${PACK_FIRST} AS pack_first
       FROM sales s LEFT JOIN customers c ON c.customer_id = s.customer_id WHERE s.sale_id ${IN}`,
      p,
    );
    const lines = await data.all<Record<string, unknown>>(
      `SELECT l.sale_id, l.line_no, ${nat('l.item_id')} AS item, i.name, i.category, l.quantity::DOUBLE AS q, l.unit_price::DOUBLE AS full, l.line_total::DOUBLE AS total
       FROM sale_lines l LEFT JOIN items i USING (item_id) WHERE l.sale_id ${IN} ORDER BY l.sale_id, l.line_no`,
      p,
    );
    const pays = await data.all<Record<string, unknown>>(
      `SELECT sale_id, ${nat('payment_id')} AS id, kind, method, amount::DOUBLE AS amount, fee_amount::DOUBLE AS fee, ${isoLocalMillis('occurred_at')} AS at FROM payments WHERE sale_id ${IN} ORDER BY payment_id`,
      p,
    );
    const group = <T extends Record<string, unknown>>(xs: T[]) => xs.reduce((m, x) => m.set(x.sale_id, [...(m.get(x.sale_id) ?? []), x]), new Map<unknown, T[]>());
    const L = group(lines);
    const Y = group(pays);
    const S = new Map(sales.map((s) => [s.sale_id, s]));
    return ids.map((sid) => {
      const s = S.get(sid)!;
      const ps = Y.get(sid) ?? [];
      const fee = ps.find((x) => x.kind === 'payment' && x.fee !== null)?.fee as number | undefined;
      const ls = L.get(sid) ?? [];
      const nameless = s.buyer !== null && Number(s.buyer) % 5 === 0;
      const [first = '', ...rest] = nameless ? [''] : String(s.name ?? '').split(' ');
      const pack = s.pack_first === null || s.pack_first === undefined ? null : Number(s.pack_first);
      const shipFee = shippingPart(Number(s.id), pack, fee);
      const order: Record<string, unknown> = {
        id: Number(s.id),
        status: STATUS[String(s.status)] ?? 'cancelled',
        date_created: s.dc,
        date_closed: s.dcl,
        last_updated: s.lu,
        currency_id: 'BRL',
        total_amount: ls.reduce((a, l) => a + Number(l.total), 0),
        paid_amount: s.total,
        shipping_cost: s.ship,
        taxes: { amount: s.tax, currency_id: 'BRL', id: null },
        coupon: { id: s.coupon_code ?? null, amount: s.coupon },
        buyer: s.buyer === null ? null : { id: Number(s.buyer), nickname: `COMPRADOR${s.buyer}`, ...(nameless ? {} : { first_name: first, last_name: rest.join(' ') }) },
        seller: { id: Number(sellerNum) },
        pack_id: pack === null ? null : 2000000000000000 + pack,
        shipping: { id: 40000000000 + (pack ?? Number(s.id)) },
        tags: pack === null ? ['paid', 'not_delivered'] : ['pack_order', 'paid', 'not_delivered'],
        order_items: ls.map((l, i) => ({
          item: { id: l.item, title: l.name ?? '', category_id: l.category ?? null, seller_sku: null },
          quantity: Number(l.q),
          unit_price: Number(l.total) / Number(l.q),
          full_unit_price: l.full,
          sale_fee: i === 0 && fee !== undefined ? (fee - shipFee) / Number(l.q) : 0,
          currency_id: 'BRL',
        })),
        payments: ps
          .filter((x) => x.kind === 'payment')
          .map((x) => {
            const refund = ps.find((r) => r.kind === 'refund' && r.id === `${x.id}-refund`);
            const [type, method] = ML_PAY[String(x.method)] ?? ML_PAY.other;
            return {
              id: Number(x.id),
              payment_type: type,
              payment_method_id: method,
              status: refund && Number(refund.amount) >= Number(x.amount) ? 'refunded' : 'approved',
              transaction_amount: x.amount,
              total_paid_amount: x.amount,
              marketplace_fee: x.fee,
              shipping_cost: 0,
              date_created: x.at,
              date_approved: x.at,
              date_last_modified: refund ? refund.at : x.at,
              transaction_amount_refunded: refund ? refund.amount : 0,
              currency_id: 'BRL',
            };
          }),
      };
      if (server.isBad(String(sid))) {
        order.date_created = 'ontem';
        order.order_items = [{ item: { id: null }, quantity: -3, unit_price: 'abc' }];
      }
      return order;
    });
  }

  const LISTINGS = `SELECT ${nat('listing_id')} AS id, title, price::DOUBLE AS price, original_price::DOUBLE AS original_price, available_quantity, sold_quantity, ${nat('seller_id')} AS seller, is_own,
      (SELECT category FROM items i WHERE i.item_id = l.listing_id) AS category FROM listing_snapshots l WHERE starts_with(listing_id, '${P}:')`;

  async function ownItems(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    if (req.params.id !== sellerNum) return fail(403, 'forbidden', 'Invalid caller.id');
    const own = (await data.all<{ id: string }>(`SELECT id FROM (${LISTINGS}) v WHERE is_own ORDER BY id`)).map((r) => r.id);
    const limit = Math.min(100, Number(req.query.get('limit') ?? 50));
    if (req.query.get('search_type') === 'scan') {
      const scroll = req.query.get('scroll_id');
      const pos = scroll ? JSON.parse(Buffer.from(scroll, 'base64url').toString('utf8')) as { pos: number; exp: number } : { pos: 0, exp: Date.now() + 300_000 };
      if (pos.exp < Date.now()) return fail(400, 'bad_request', 'scroll_id expired');
      const results = own.slice(pos.pos, pos.pos + limit);
      return { body: { seller_id: sellerNum, results, paging: { total: own.length, limit }, scroll_id: Buffer.from(JSON.stringify({ pos: pos.pos + limit, exp: pos.exp })).toString('base64url') } };
    }
    const offset = Number(req.query.get('offset') ?? 0);
    if (offset + limit > 1000) return fail(400, 'bad_request', 'offset + limit must be lower than 1000; use search_type=scan');
    return { body: { seller_id: sellerNum, results: own.slice(offset, offset + limit), paging: { total: own.length, offset, limit } } };
  }

  async function multiget(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length > 20) return fail(400, 'bad_request', 'ids param max size is 20');
    const rows = await data.all<Record<string, unknown>>(`SELECT * FROM (${LISTINGS}) v WHERE id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify(ids)]);
    const by = new Map(rows.map((r) => [r.id, r]));
    return {
      body: ids.map((id) => {
        const r = by.get(id);
        if (!r) return { code: 404, body: { message: `Item with id ${id} not found`, error: 'not_found', status: 404, cause: [] } };
        return {
          code: 200,
          body: { id, title: r.title, price: r.price, original_price: r.original_price, available_quantity: r.available_quantity, sold_quantity: r.sold_quantity, seller_id: Number(r.seller), category_id: r.category, status: 'active', currency_id: 'BRL' },
        };
      }),
    };
  }

  const server: SimServer = new SimServer({
    name: 'mercadolivre',
    basePath: '',
    routes: [
      {
        method: 'POST',
        pattern: '/oauth/token',
        handler: (req) => {
          const r = oauth.grant((req.body ?? {}) as Record<string, string>, req.headers.authorization);
          return r.ok ? { body: { ...r.body, token_type: 'bearer', user_id: Number(sellerNum) } } : fail(r.status, r.error, r.message);
        },
      },
      { method: 'GET', pattern: '/users/me', handler: (req) => auth(req) ?? { body: { id: Number(sellerNum), nickname: 'LOJA_PAINEL', site_id: 'MLB' } } },
      { method: 'GET', pattern: '/orders/search', handler: search },
      { method: 'GET', pattern: '/shipments/:id/costs', handler: costs },
      { method: 'GET', pattern: '/users/:id/items/search', handler: ownItems },
      { method: 'GET', pattern: '/items', handler: multiget },
    ],
    errorBody: (status, message, code) => ({ message, error: code, status, cause: [] }),
    control: (op) => sim.mutate(op as MutateOp),
  });
  const oauth = new OAuthState(server, creds);
  const next = numericNextId(data, P);
  const competitors = (
    await data.all<{ id: string }>(`SELECT ${nat('listing_id')} || coalesce('=' || ${nat('item_id')}, '') AS id FROM listing_snapshots WHERE starts_with(listing_id, '${P}:') AND NOT is_own ORDER BY 1`)
  ).map((r) => r.id);
  const sim: Simulator & { oauth: OAuthState } = {
    kind: 'mercadolivre',
    prefix: P,
    data,
    server,
    oauth,
    credentials: { clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken: creds.refreshToken },
    config: { sellerId: sellerNum, trackedListings: competitors, ...(locationId ? { locationId } : {}) },
    tables: ['customers', 'items', 'sales', 'sale_lines', 'payments', 'listing_snapshots'],
    volatile: { listing_snapshots: ['observed_at'] },
    listen: (port) => server.listen(port),
    mutate: async (op) => {
      const r = await applyMutation(data, op, next, async (saleId) => {
        const [p] = await data.all<{ id: string }>(`SELECT min(payment_id) AS id FROM payments WHERE sale_id = $1 AND kind = 'payment'`, [saleId]);
        return `${p?.id ?? `${P}:0`}-refund`;
      });
      await normalise(data);
      return r;
    },
    close: () => server.close(),
  };
  return sim;
}
