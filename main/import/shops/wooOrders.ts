// WooCommerce orders CSV export (one row per line item, as written by the usual order-export plugins; one row per
// order also works) mapped by header names to sales, sale_lines, items, customers and payments with woo: ids.
import { paymentMethodSql } from '../../model/paymentMethods';
import { timestampExpr } from '../../model/convert';
import type { ShopColumns, ShopMapping } from './shopColumns';

const ORDER_ID = ['order_id', 'order_number', 'id'];
const TOTAL = ['order_total', 'total'];
/** Header groups that must all be present for a file to be read as a WooCommerce orders export. */
export const WOO_SIGNATURE = [['order_id', 'order_number'], ['order_total'], ['order_date', 'date_created', 'status', 'order_status']];

export function wooStatusSql(st: string): string {
  return `CASE regexp_replace(lower(strip_accents(${st})), '^wc-', '')
    WHEN 'completed' THEN 'completed' WHEN 'concluido' THEN 'completed' WHEN 'processing' THEN 'completed' WHEN 'processando' THEN 'completed'
    WHEN 'refunded' THEN 'cancelled' WHEN 'reembolsado' THEN 'cancelled'
    WHEN 'cancelled' THEN 'cancelled' WHEN 'cancelado' THEN 'cancelled' WHEN 'failed' THEN 'cancelled' WHEN 'malsucedido' THEN 'cancelled'
    WHEN 'pending' THEN 'booked' WHEN 'pendente' THEN 'booked' WHEN 'pagamento pendente' THEN 'booked'
    WHEN 'on-hold' THEN 'confirmed' WHEN 'aguardando' THEN 'confirmed'
    ELSE ${st} END`;
}


export function wooOrdersMapping(c: ShopColumns, raw: string, file: string): ShopMapping {
  c.need(TOTAL, file);
  const b = `SELECT __r,
    ${c.need(ORDER_ID, file)} AS oid,
    ${c.need(['status', 'order_status'], file)} AS st,
    ${c.need(['order_date', 'date_created', 'date', 'order_created'], file)} AS odate,
    ${c.text(['paid_date', 'date_paid', 'completed_date', 'date_completed'])} AS paid,
    ${c.text(['date_modified', 'modified_date', 'order_modified'])} AS modified,
    ${c.numText(TOTAL)} AS total_t,
    ${c.num(TOTAL)} AS total,
    ${c.numText(['discount_total', 'cart_discount', 'order_discount', 'discount'])} AS disc_t,
    ${c.num(['discount_total', 'cart_discount', 'order_discount', 'discount'])} AS disc,
    ${c.numText(['shipping_total', 'order_shipping', 'shipping'])} AS ship_t,
    ${c.num(['shipping_total', 'order_shipping', 'shipping'])} AS ship,
    ${c.numText(['tax_total', 'order_tax', 'total_tax', 'tax'])} AS tax_t,
    ${c.num(['tax_total', 'order_tax', 'total_tax', 'tax'])} AS tax,
    ${c.num(['refunded_total', 'order_refunded', 'refunded'])} AS refunded,
    ${c.num(['fee_total', 'order_fees', 'fees'])} AS fee,
    ${c.text(['payment_method', 'payment_method_title'])} AS pm,
    ${c.text(['customer_id', 'customer_user'])} AS cust,
    ${c.text(['billing_email', 'customer_email', 'email'])} AS email,
    ${c.text(['billing_phone', 'phone'])} AS phone,
    ${c.text(['billing_first_name', 'first_name'])} AS first_name,
    ${c.text(['billing_last_name', 'last_name'])} AS last_name,
    ${c.text(['billing_cpf', 'cpf', 'billing_cnpj', 'document'])} AS doc,
    ${c.text(['billing_city', 'city'])} AS city,
    ${c.text(['billing_state', 'state'])} AS state,
    ${c.text(['coupon_code', 'coupons', 'coupon_items', 'coupon'])} AS coupon,
    ${c.text(['item_product_id', 'product_id'])} AS prod,
    ${c.text(['item_sku', 'sku'])} AS sku,
    ${c.text(['item_name', 'product_name', 'item'])} AS iname,
    ${c.numText(['item_quantity', 'quantity', 'qty'])} AS qty_t,
    ${c.num(['item_quantity', 'quantity', 'qty'])} AS qty,
    ${c.num(['item_subtotal', 'line_subtotal'])} AS isub,
    ${c.num(['item_total', 'line_total'])} AS itot
  FROM ${raw}`;
  const hasItems = c.find(['item_name', 'product_name', 'item', 'item_sku', 'sku', 'item_product_id', 'product_id']) !== null;
  const custKey = `CASE WHEN cust IS NOT NULL AND cust <> '0' THEN 'woo:' || cust
    WHEN email IS NOT NULL THEN 'woo:guest:' || lower(email)
    WHEN phone IS NOT NULL THEN 'woo:guest:' || regexp_replace(phone, '\\D', '', 'g') END`;
  const itemKey = `'woo:' || coalesce(prod, 'sku:' || sku, 'name:' || left(md5(lower(iname)), 12))`;
  const ctes = `WITH b AS (${b}), o AS (SELECT * FROM b WHERE __r IN (SELECT min(__r) FROM b GROUP BY oid))`;
  // fee_total: a negative fee ("Desconto Pix") is a discount, a positive one a surcharge inside gross; refunded and
  // cancelled orders that were paid keep their payment, and the refund is its own row.
  const tables: ShopMapping['tables'] = [
    [
      'sales',
      `${ctes} SELECT __r, 'woo:' || oid AS sale_id, 'woo' AS source, 'order' AS kind, ${custKey} AS customer_id,
        NULL AS location_id, NULL AS employee_id, ${wooStatusSql('st')} AS status, odate AS created_at, coalesce(paid, odate) AS occurred_at,
        CAST(total + coalesce(disc, 0) - coalesce(ship, 0) - coalesce(tax, 0) + greatest(-coalesce(fee, 0), 0) AS VARCHAR) AS gross_amount,
        CASE WHEN coalesce(fee, 0) < 0 THEN CAST(coalesce(disc, 0) - fee AS VARCHAR) ELSE disc_t END AS discount_amount,
        nullif(regexp_extract(coupon, '(code:)?([^;|,]+)', 2), '') AS coupon_code, tax_t AS tax_amount, ship_t AS shipping_amount,
        total_t AS total_amount, NULL AS points_earned, NULL AS points_redeemed, modified AS updated_at
      FROM o`,
    ],
    [
      'customers',
      `${ctes}, k AS (SELECT *, ${custKey} AS ck FROM b)
      SELECT min(__r) AS __r, ck AS customer_id, nullif(trim(concat_ws(' ', arg_max(first_name, __r), arg_max(last_name, __r))), '') AS name,
        arg_max(email, __r) AS email, arg_max(phone, __r) AS phone, arg_max(doc, __r) AS document, NULL AS gender, NULL AS birth_date,
        arg_max(city, __r) AS city, arg_max(state, __r) AS state, CAST(min(${timestampExpr('odate')}) AS VARCHAR) AS created_at,
        NULL AS marketing_opt_in, 'woo' AS source
      FROM k WHERE ck IS NOT NULL GROUP BY ck`,
    ],
    [
      'payments',
      `${ctes} SELECT __r, 'woo:' || oid || ':payment' AS payment_id, 'woo:' || oid AS sale_id, coalesce(paid, odate) AS occurred_at,
        ${paymentMethodSql('pm')} AS method, 'payment' AS kind, total_t AS amount, NULL AS fee_amount
      FROM o WHERE ${wooStatusSql('st')} = 'completed' OR paid IS NOT NULL OR abs(coalesce(refunded, 0)) > 0
      UNION ALL
      SELECT __r, 'woo:' || oid || ':refund', 'woo:' || oid, coalesce(modified, paid, odate), ${paymentMethodSql('pm')}, 'refund',
        CAST(abs(refunded) AS VARCHAR), NULL
      FROM o WHERE abs(refunded) > 0`,
    ],
  ];
  if (hasItems) {
    tables.push(
      [
        'items',
        `${ctes} SELECT min(__r) AS __r, ${itemKey} AS item_id, arg_max(iname, __r) AS name, 'product' AS kind, NULL AS category,
          CAST(arg_max(round(isub / nullif(qty, 0), 2), __r) AS VARCHAR) AS list_price, NULL AS cost, NULL AS duration_min
        FROM b WHERE coalesce(prod, sku, iname) IS NOT NULL GROUP BY ${itemKey}`,
      ],
      [
        'sale_lines',
        `${ctes} SELECT __r, 'woo:' || oid AS sale_id, CAST(row_number() OVER (PARTITION BY oid ORDER BY __r) AS VARCHAR) AS line_no,
          ${itemKey} AS item_id, NULL AS employee_id, qty_t AS quantity, CAST(round(isub / nullif(qty, 0), 2) AS VARCHAR) AS unit_price,
          CAST(isub - itot AS VARCHAR) AS discount_amount, CAST(itot AS VARCHAR) AS line_total, NULL AS duration_min
        FROM b WHERE coalesce(prod, sku, iname) IS NOT NULL`,
      ],
    );
  }
  return { tables };
}
