// Mercado Livre payloads to canonical rows. An order's lines keep the list price (full_unit_price) as unit price
// and the promotion as line discount; sale_fee is per unit, so the order's fee is sum(sale_fee x quantity), plus the
// seller's part of the shipping cost. Fields as in "Gerenciar vendas" / "Manage sales"
// (https://developers.mercadolivre.com.br/en_us/manage-sales) and the pack guide (.../devsite/packs).
import { cents, isObject, joinName, money, moneyRaw, str } from '../map';
import type { SaleStatus } from '../statusMap';
import type { Page, Row } from '../types';
import { paymentMethodOf } from '../../model/paymentMethods';

export const P = 'ml';

export function paymentMethod(type: string, method: string): string {
  // The method names Pix and "pec" (cash at a lottery house) outright; otherwise the payment type says it.
  if (method === 'pix' || method === 'pec') return paymentMethodOf(method);
  return paymentMethodOf(type);
}

type Rec = Record<string, unknown>;

export interface MlOrderOptions {
  locationId: string | null;
  status(code: string): SaleStatus;
  /** The seller's shipping cost of this order (cents), already split so a shared shipment counts once. */
  shippingFee?: number | null;
}

/** A buyer's name: first and last name, else the nickname, else words a person can read (never a bare id). */
export function buyerName(b: Rec): string {
  return joinName(b.first_name, b.last_name) ?? str(b.nickname) ?? `Comprador Mercado Livre ${b.id}`;
}

export function mapOrder(o: Rec, opts: MlOrderOptions): { rows: Page['rows']; saleId: string } {
  const saleId = `${P}:${o.id}`;
  const items = (Array.isArray(o.order_items) ? o.order_items : []).filter(isObject);
  let gross = 0;
  let lineDiscounts = 0;
  let fee = 0;
  let bad = false;
  const lines: Row[] = items.map((it, i) => {
    const q = Number(it.quantity);
    const full = cents(it.full_unit_price ?? it.unit_price);
    const unit = typeof it.unit_price === 'number' ? it.unit_price : Number(it.unit_price);
    const item = isObject(it.item) ? it.item : {};
    if (full === null || !Number.isFinite(unit) || !Number.isFinite(q)) bad = true;
    const base = full === null ? 0 : Math.round(full * q);
    const total = Math.round(unit * q * 100);
    gross += base;
    lineDiscounts += base - total;
    fee += Math.round(Number(it.sale_fee ?? 0) * q * 100);
    return {
      sale_id: saleId,
      line_no: String(i + 1),
      item_id: str(item.id) ? `${P}:${item.id}` : null,
      employee_id: null,
      quantity: Number.isFinite(q) ? String(q) : str(it.quantity),
      unit_price: full === null ? str(it.full_unit_price) : money(full),
      discount_amount: money(base - total),
      line_total: Number.isFinite(unit) ? money(total) : str(it.unit_price),
      duration_min: null,
    };
  });
  const coupon = isObject(o.coupon) ? o.coupon : {};
  const discount = lineDiscounts + (cents(coupon.amount) ?? 0);
  const tax = cents(isObject(o.taxes) ? o.taxes.amount : null) ?? 0;
  const shipping = cents(o.shipping_cost) ?? 0;
  const buyer = isObject(o.buyer) ? o.buyer : null;
  const customerId = buyer && buyer.id !== undefined && buyer.id !== null ? `${P}:${buyer.id}` : null;
  const payments: Row[] = [];
  let feeGiven = false;
  for (const p of (Array.isArray(o.payments) ? o.payments : []).filter(isObject)) {
    const status = String(p.status);
    if (!['approved', 'refunded', 'partially_refunded', 'charged_back'].includes(status)) continue;
    const method = paymentMethod(String(p.payment_type ?? ''), String(p.payment_method_id ?? ''));
    // The order's fee goes on its first approved payment: per-unit sale_fee when the items carry it, plus the
    // seller's shipping cost.
    const ship = opts.shippingFee ?? 0;
    const saleFee = fee > 0 || items.some((it) => it.sale_fee !== undefined) ? fee : cents(p.marketplace_fee);
    const paymentFee = !feeGiven ? (saleFee === null && !ship ? null : money((saleFee ?? 0) + ship)) : null;
    feeGiven = true;
    payments.push({ payment_id: `${P}:${p.id}`, sale_id: saleId, occurred_at: str(p.date_approved) ?? str(p.date_created) ?? str(o.date_closed), method, kind: 'payment', amount: moneyRaw(p.total_paid_amount ?? p.transaction_amount), fee_amount: paymentFee });
    const refunded = cents(p.transaction_amount_refunded) ?? 0;
    if (refunded > 0) {
      payments.push({ payment_id: `${P}:${p.id}-refund`, sale_id: saleId, occurred_at: str(p.date_last_modified), method, kind: 'refund', amount: money(refunded), fee_amount: null });
    }
  }
  const status = opts.status(str(o.status) ?? '');
  const customers: Row[] = customerId
    ? [{ customer_id: customerId, name: buyerName(buyer!), email: null, phone: null, document: null, gender: null, birth_date: null, city: null, state: null, created_at: str(o.date_created), marketing_opt_in: null, source: P }]
    : [];
  return {
    saleId,
    rows: {
      sales: [
        {
          sale_id: saleId,
          source: P,
          kind: 'order',
          customer_id: customerId,
          location_id: opts.locationId,
          employee_id: null,
          status,
          created_at: str(o.date_created),
          occurred_at: str(o.date_closed) ?? str(o.date_created),
          gross_amount: bad ? 'invalid order items' : money(gross),
          discount_amount: money(discount),
          coupon_code: str(coupon.id),
          tax_amount: money(tax),
          shipping_amount: money(shipping),
          total_amount: money(gross - discount + tax + shipping),
          points_earned: null,
          points_redeemed: null,
          updated_at: str(o.last_updated),
        },
      ],
      sale_lines: lines,
      payments,
      customers,
    },
  };
}

/** A listing (multiget body) as an own item and a snapshot taken at `observedAt`; `against` = the own listing a competitor is followed against. */
export function mapListing(b: Rec, observedAt: string, ownSeller: string, against?: string): { item: Row | null; snapshot: Row } {
  const own = String(b.seller_id) === ownSeller;
  const id = `${P}:${b.id}`;
  return {
    item: own ? { item_id: id, name: str(b.title), kind: 'product', category: str(b.category_id), list_price: moneyRaw(b.original_price) ?? moneyRaw(b.price), cost: null, duration_min: null } : null,
    snapshot: {
      listing_id: id,
      item_id: own ? id : against ? `${P}:${against}` : null,
      seller_id: b.seller_id === undefined || b.seller_id === null ? null : `${P}:${b.seller_id}`,
      observed_at: observedAt,
      title: str(b.title),
      price: moneyRaw(b.price),
      original_price: moneyRaw(b.original_price),
      available_quantity: str(b.available_quantity),
      sold_quantity: str(b.sold_quantity),
      is_own: String(own),
    },
  };
}
