// WooCommerce payloads to canonical rows: orders (with lines, the payment, refunds and guest buyers), customers
// and products. Money arrives as 2-decimal strings, refund totals negative, *_gmt dates in UTC without a zone.
// Fields as documented in the WooCommerce REST API v3 reference, "Orders" (order properties, fee_lines, refunds):
// https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties
import { cents, isObject, joinName, money, moneyRaw, str, utcNaive } from '../map';
import type { SaleStatus } from '../statusMap';
import type { Page, Row } from '../types';
import { paymentMethodOf } from '../../model/paymentMethods';

export const P = 'woo';

function meta(rec: Record<string, unknown>, key: string): string | null {
  const list = Array.isArray(rec.meta_data) ? rec.meta_data : [];
  const m = list.find((x) => isObject(x) && x.key === key) as Record<string, unknown> | undefined;
  return m ? str(m.value) : null;
}

/** dd/mm/yyyy (Brazilian checkout fields) or ISO to YYYY-MM-DD. */
function birth(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s;
}

function personFields(b: Record<string, unknown>) {
  return { phone: str(b.phone), document: str(b.cpf) ?? str(b.cnpj), gender: str(b.sex), birth_date: birth(b.birthdate), city: str(b.city), state: str(b.state) };
}

/** A guest's customer id: by e-mail, else by phone digits (the identity step links it to other records). */
export function guestId(billing: Record<string, unknown>): string | null {
  const email = str(billing.email)?.toLowerCase();
  if (email) return `${P}:guest:${email}`;
  const phone = str(billing.phone)?.replace(/\D/g, '');
  return phone ? `${P}:guest:${phone}` : null;
}

export function mapCustomer(c: Record<string, unknown>): Row {
  const b = isObject(c.billing) ? c.billing : {};
  const optIn = meta(c, 'marketing_opt_in');
  return {
    customer_id: `${P}:${c.id}`,
    name: joinName(c.first_name, c.last_name) ?? joinName(b.first_name, b.last_name),
    email: str(c.email) ?? str(b.email),
    ...personFields(b),
    created_at: utcNaive(c.date_created_gmt),
    marketing_opt_in: optIn === null ? null : String(optIn === 'yes' || optIn === '1' || optIn === 'true'),
    source: P,
  };
}

export function mapProduct(p: Record<string, unknown>, costKey: string): Row {
  const cats = Array.isArray(p.categories) ? p.categories : [];
  return {
    item_id: `${P}:${p.id}`,
    name: str(p.name),
    kind: p.virtual === true ? 'service' : 'product',
    category: isObject(cats[0]) ? str(cats[0].name) : null,
    list_price: moneyRaw(p.regular_price) ?? moneyRaw(p.price),
    cost: moneyRaw(meta(p, costKey)),
    duration_min: null,
  };
}

export interface WooRefund {
  id: unknown;
  date_created_gmt: unknown;
  amount: unknown;
}

export interface WooOrderOptions {
  locationId: string | null;
  feeKey: string;
  /** Order status to canonical status (statusMap.ts, with the user's settings). */
  status(code: string): SaleStatus;
}

export function mapOrder(o: Record<string, unknown>, refunds: WooRefund[], opts: WooOrderOptions): { rows: Page['rows']; saleId: string } {
  const saleId = `${P}:${o.id}`;
  const billing = isObject(o.billing) ? o.billing : {};
  const cid = Number(o.customer_id ?? 0);
  const guest = cid > 0 ? null : guestId(billing);
  const customers: Row[] = guest
    ? [{ customer_id: guest, name: joinName(billing.first_name, billing.last_name), email: str(billing.email), ...personFields(billing), created_at: utcNaive(o.date_created_gmt), marketing_opt_in: null, source: P }]
    : [];
  const total = cents(o.total);
  // fee_lines: a negative fee ("Desconto Pix") lowers the price, so it is a discount; a positive one (a surcharge)
  // stays in gross. Their taxes are already in total_tax.
  const fees = (Array.isArray(o.fee_lines) ? o.fee_lines : []).filter(isObject).map((f) => cents(f.total) ?? 0);
  const feeDiscount = fees.filter((f) => f < 0).reduce((a, f) => a - f, 0);
  const discount = (cents(o.discount_total) ?? 0) + feeDiscount;
  const tax = cents(o.total_tax) ?? 0;
  const shipping = cents(o.shipping_total) ?? 0;
  const lines: Row[] = (Array.isArray(o.line_items) ? o.line_items : []).filter(isObject).map((l, i) => {
    const qty = Number(l.quantity);
    const sub = cents(l.subtotal);
    const tot = cents(l.total);
    const unit = sub !== null && qty > 0 ? money(Math.round(sub / qty)) : moneyRaw(l.price);
    return {
      sale_id: saleId,
      line_no: String(i + 1),
      item_id: Number(l.product_id) > 0 ? `${P}:${l.product_id}` : null,
      employee_id: null,
      quantity: Number.isFinite(qty) ? String(qty) : str(l.quantity),
      unit_price: unit,
      discount_amount: sub !== null && tot !== null ? money(sub - tot) : null,
      line_total: tot !== null ? money(tot) : str(l.total),
      duration_min: null,
    };
  });
  const status = opts.status(str(o.status) ?? '');
  // Paid orders are dated by payment; an order marked completed by hand has no date_paid, so its completion (or its
  // last change) stands for it, and it still gets its payment row.
  const paidAt = utcNaive(o.date_paid_gmt) ?? (status === 'completed' ? (utcNaive(o.date_completed_gmt) ?? utcNaive(o.date_modified_gmt)) : null);
  const occurred = paidAt ?? utcNaive(o.date_created_gmt);
  const gateway = str(o.payment_method) ?? '';
  const method = paymentMethodOf(gateway || str(o.payment_method_title));
  const payments: Row[] = [];
  if (paidAt) {
    payments.push({ payment_id: saleId, sale_id: saleId, occurred_at: occurred, method, kind: 'payment', amount: total === null ? str(o.total) : money(total), fee_amount: moneyRaw(meta(o, opts.feeKey)) });
  }
  for (const r of refunds) {
    const a = cents(r.amount);
    payments.push({ payment_id: `${P}:${r.id}`, sale_id: saleId, occurred_at: utcNaive(r.date_created_gmt), method, kind: 'refund', amount: a === null ? str(r.amount) : money(Math.abs(a)), fee_amount: null });
  }
  const coupons = (Array.isArray(o.coupon_lines) ? o.coupon_lines : []).filter(isObject).map((c) => str(c.code)).filter(Boolean);
  const rows: Page['rows'] = {
    sales: [
      {
        sale_id: saleId,
        source: P,
        kind: 'order',
        customer_id: cid > 0 ? `${P}:${cid}` : guest,
        location_id: opts.locationId,
        employee_id: null,
        status,
        created_at: utcNaive(o.date_created_gmt),
        occurred_at: occurred,
        // Woo has no gross field: gross is what the identity total = gross - discount + tax + shipping leaves (lines
        // after coupons, plus positive fees, plus the negative fees moved to discount).
        gross_amount: total === null ? null : money(total + discount - tax - shipping),
        discount_amount: money(discount),
        coupon_code: coupons.length ? coupons.join(',') : null,
        tax_amount: money(tax),
        shipping_amount: money(shipping),
        total_amount: total === null ? str(o.total) : money(total),
        points_earned: null,
        points_redeemed: null,
        updated_at: utcNaive(o.date_modified_gmt),
      },
    ],
    sale_lines: lines,
    payments,
    customers,
  };
  return { rows, saleId };
}
