// Contract tests: the vendors' documented example payloads (documented.ts, each cited there) through each connector's
// mapping and into a real DuckDB through the staging checks. WooCommerce REST API v3 "Orders" / "Order refunds";
// Bling API v3 pedidos/vendas, contatos, situacoes (https://developer.bling.com.br/referencia, as bling-erp-api-js
// keeps the examples); Mercado Livre "Manage sales" and "Shopping cart orders"; HubSpot "Pipelines" and Email Events.
import { describe, expect, it } from 'vitest';
import { Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { mapContato, mapPedido } from '../bling/map';
import { eventTypeOf, isWonDeal, wonStagesOf } from '../hubspot/connector';
import { buyerName, mapOrder as mapMlOrder } from '../mercadolivre/map';
import { Batch, commitBatch } from '../stage';
import { statusMapper } from '../statusMap';
import type { Page } from '../types';
import { mapOrder as mapWooOrder } from '../woocommerce/map';
import { BLING_CONTATO, BLING_CONTATOS, BLING_MODULOS, BLING_PEDIDO, BLING_SITUACAO, HUBSPOT_BOUNCE, HUBSPOT_PIPELINES, ML_ORDER, WOO_ORDER_727, WOO_REFUND_726 } from './documented';

/** Stages one mapped page as a sync would and returns what landed and what was set aside, with the reason. */
async function land(rows: Page['rows']) {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  const b = new Batch();
  b.add({ rows, cursor: null });
  await db.transaction(async (tx) => {
    await commitBatch(tx, b, { sourceId: 'contract', stream: 'orders', sweepTable: null });
  });
  const sales = await db.all<Record<string, unknown>>(
    `SELECT sale_id, status, gross_amount::VARCHAR g, discount_amount::VARCHAR d, tax_amount::VARCHAR t, shipping_amount::VARCHAR s, total_amount::VARCHAR total FROM sales`,
  );
  const payments = await db.all<Record<string, unknown>>(`SELECT payment_id, kind, method, amount::VARCHAR a, fee_amount::VARCHAR f, strftime(timezone('UTC', occurred_at), '%Y-%m-%dT%H:%M:%S') AS "at" FROM payments ORDER BY payment_id`);
  const rejects = await db.all<{ table: string; reason: string }>(`SELECT "table", reason FROM sync_rejects ORDER BY 1`);
  db.close();
  return { sales, payments, rejects };
}

const woo = (o: Record<string, unknown>, refunds: { id: unknown; date_created_gmt: unknown; amount: unknown }[] = []) =>
  mapWooOrder(o, refunds, { locationId: null, feeKey: '_transaction_fee', status: statusMapper('woocommerce', {}) }).rows;

describe('WooCommerce: the documented order 727', () => {
  it('lands whole: gross is the lines, tax and shipping apart, paid by bank transfer at date_paid', async () => {
    const r = await land(woo(WOO_ORDER_727));
    expect(r.rejects).toEqual([]);
    expect(r.sales).toEqual([{ sale_id: 'woo:727', status: 'completed', g: '18.00', d: '0.00', t: '1.35', s: '10.00', total: '29.35' }]);
    expect(r.payments).toEqual([{ payment_id: 'woo:727', kind: 'payment', method: 'other', a: '29.35', f: null, at: '2017-03-22T19:28:08' }]);
  });

  it('"processing" is paid; a negative fee line is a discount, a positive one stays in gross; the Pagar.me Pix id is Pix', async () => {
    const o = {
      ...WOO_ORDER_727,
      status: 'processing',
      date_completed: null,
      date_completed_gmt: null,
      payment_method: 'woo-pagarme-payments-pix',
      payment_method_title: 'Pix',
      fee_lines: [
        { id: 320, name: 'Desconto Pix', tax_class: '', tax_status: 'none', total: '-1.80', total_tax: '0.00', taxes: [], meta_data: [] },
        { id: 321, name: 'Embalagem para presente', tax_class: '', tax_status: 'none', total: '3.00', total_tax: '0.00', taxes: [], meta_data: [] },
      ],
      total: '30.55',
    };
    const r = await land(woo(o));
    expect(r.rejects).toEqual([]);
    expect(r.sales).toEqual([{ sale_id: 'woo:727', status: 'completed', g: '21.00', d: '1.80', t: '1.35', s: '10.00', total: '30.55' }]);
    expect(r.payments).toEqual([{ payment_id: 'woo:727', kind: 'payment', method: 'pix', a: '30.55', f: null, at: '2017-03-22T19:28:08' }]);
  });

  it('completed by hand without date_paid still has its payment, dated by completion', async () => {
    const r = await land(woo({ ...WOO_ORDER_727, date_paid: null, date_paid_gmt: null }));
    expect(r.payments).toEqual([{ payment_id: 'woo:727', kind: 'payment', method: 'other', a: '29.35', f: null, at: '2017-03-22T19:30:35' }]);
  });

  it('"refunded" is cancelled, keeping the payment and the documented refund 726 as a refund', async () => {
    const r = await land(woo({ ...WOO_ORDER_727, status: 'refunded', refunds: [{ id: 726, reason: '', total: '-10.00' }] }, [WOO_REFUND_726]));
    expect(r.sales[0]).toMatchObject({ status: 'cancelled' });
    expect(r.payments).toEqual([
      { payment_id: 'woo:726', kind: 'refund', method: 'other', a: '10.00', f: null, at: '2017-03-21T20:07:11' },
      { payment_id: 'woo:727', kind: 'payment', method: 'other', a: '29.35', f: null, at: '2017-03-22T19:28:08' },
    ]);
  });
});

describe('Bling: the documented pedido, contatos and situações', () => {
  // The account's own situação 12345678 (the example's id) made from "Atendido" (9), as /situacoes/modulos/{id} lists it.
  const known = [{ code: '12345678', name: 'Pago no site', inherited: '9' }];
  const opts = (k = known) => ({ locationId: null, itemDiscount: 'value', installments: 'on-completion', status: statusMapper('bling', {}, k) });

  it('maps every money field: outrasDespesas in gross, desconto, frete, taxas as the payment fee, the seller on sale and line', () => {
    const m = mapPedido(BLING_PEDIDO.data, new Map([['12345678', 'pix']]), opts());
    const sale = m.rows.sales![0];
    expect(sale).toMatchObject({ sale_id: 'bling:12345678', status: 'completed', gross_amount: '12.00', discount_amount: '15.45', shipping_amount: '20.00', total_amount: '12.00', employee_id: 'bling:vendedor:12345678' });
    expect(m.rows.sale_lines![0]).toMatchObject({ employee_id: 'bling:vendedor:12345678', unit_price: '4.90', discount_amount: '2.00', line_total: '2.90' });
    // Parcelas are a plan: received on the day the order reached its paid situação (dataSaida), not on the due date.
    expect(m.rows.payments).toEqual([{ payment_id: 'bling:12345678', sale_id: 'bling:12345678', occurred_at: '2023-01-12 00:00:00', method: 'pix', kind: 'payment', amount: '123.45', fee_amount: '10.99' }]);
  });

  it('the example itself does not add up (12 is not 10 + 2 - 15.45 + 20): it is set aside with that reason, nothing folded into tax', async () => {
    const r = await land(mapPedido(BLING_PEDIDO.data, new Map(), opts()).rows);
    expect(r.sales).toEqual([]);
    expect(r.rejects.map((x) => x.reason).filter((x) => /^valor total 12\.00 não é bruto - desconto \+ impostos \+ frete = /.test(x))).toHaveLength(1);
  });

  it('a situação nobody mapped is not rejected: it takes the unknownStatus setting and books no payment', () => {
    const m = mapPedido(BLING_PEDIDO.data, new Map(), opts([]));
    expect(m.rows.sales![0].status).toBe('confirmed');
    expect(m.rows.payments).toEqual([]);
    const user = mapPedido(BLING_PEDIDO.data, new Map(), { ...opts([]), status: statusMapper('bling', { statusMap: ['12345678=cancelled'] }, []) });
    expect(user.rows.sales![0].status).toBe('cancelled');
  });

  it('the contatos list has no e-mail; the detail brings e-mail, birth date, gender and city', () => {
    expect(mapContato(BLING_CONTATOS.data[0])).toMatchObject({ customer_id: 'bling:12345678', email: null, birth_date: null, phone: '(54) 99999-8888' });
    expect(mapContato({ ...BLING_CONTATOS.data[0], ...BLING_CONTATO.data })).toMatchObject({ email: 'contato@email.com', birth_date: '1990-08-24', gender: 'M', city: 'Bento Gonçalves', state: 'RS' });
  });

  it('the sales module and the default situação 9 read as documented', () => {
    expect(BLING_MODULOS.data[0]).toMatchObject({ nome: 'Vendas', descricao: 'Pedidos de Venda' });
    // The documented example names id 9 "Em aberto"; Painel's default for 9 is "Atendido" (completed), so an account
    // whose 9 means something else says so in the status-mapping settings.
    expect(statusMapper('bling', {}, [{ code: String(BLING_SITUACAO.data.id), name: BLING_SITUACAO.data.nome, inherited: null }])('9')).toBe('completed');
    expect(statusMapper('bling', { statusMap: ['9=booked'] }, [])('9')).toBe('booked');
  });
});

describe('Mercado Livre: the documented order', () => {
  const map = (o: Record<string, unknown>, shippingFee: number | null = null) => mapMlOrder(o, { locationId: null, status: statusMapper('mercadolivre', {}), shippingFee }).rows;

  it('lands whole: paid is completed, the buyer named, the seller shipping cost as the payment fee', async () => {
    const rows = map(ML_ORDER, 1790);
    expect(rows.customers![0]).toMatchObject({ customer_id: 'ml:123456789', name: 'Comprador de testes da Silva' });
    const r = await land(rows);
    expect(r.rejects).toEqual([]);
    expect(r.sales).toEqual([{ sale_id: 'ml:2000003508419013', status: 'completed', g: '499.00', d: '0.00', t: '0.00', s: '0.00', total: '499.00' }]);
    expect(r.payments).toEqual([{ payment_id: 'ml:596707837', kind: 'payment', method: 'other', a: '499.00', f: '17.90', at: '2013-05-27T14:04:07' }]);
  });

  it('a buyer without a name gets the nickname, and without that a readable name', () => {
    expect(buyerName({ id: 7, nickname: 'LOJA_FULANO' })).toBe('LOJA_FULANO');
    expect(buyerName({ id: 7 })).toBe('Comprador Mercado Livre 7');
  });
});

describe('HubSpot: documented pipelines and e-mail events', () => {
  it('won stages come from the pipelines (custom numeric ids too); hs_is_closed_won also counts', () => {
    const won = wonStagesOf(HUBSPOT_PIPELINES);
    expect([...won].sort()).toEqual(['14912347', 'closedwon']);
    expect(isWonDeal({ dealstage: '14912347', pipeline: '14912345' }, won)).toBe(true);
    expect(isWonDeal({ dealstage: '14912346', pipeline: '14912345' }, won)).toBe(false);
    expect(isWonDeal({ dealstage: '99999', hs_is_closed_won: 'true' }, won)).toBe(true);
  });

  it('BOUNCE is kept as a send (the bounceAs setting can skip it)', () => {
    expect(eventTypeOf(HUBSPOT_BOUNCE.type, 'sent')).toBe('sent');
    expect(eventTypeOf(HUBSPOT_BOUNCE.type, 'skip')).toBeNull();
    expect(eventTypeOf('DROPPED', 'sent')).toBeNull();
  });
});
