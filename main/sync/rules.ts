// What a synced row must satisfy before it reaches a canonical table (data-model.md): keys, enums, the total
// identity, non-negative quantities and amounts, sane dates. Each rule is a SQL predicate over the typed staging row.
import type { CanonicalTable } from '../../shared/types';

/** The id columns of each canonical table (rows are unique by these; upserts replace by them). */
export const TABLE_KEYS: Record<CanonicalTable, string[]> = {
  locations: ['location_id'],
  employees: ['employee_id'],
  customers: ['customer_id'],
  items: ['item_id'],
  sales: ['sale_id'],
  sale_lines: ['sale_id', 'line_no'],
  payments: ['payment_id'],
  loyalty_transactions: ['loyalty_txn_id'],
  campaigns: ['campaign_id'],
  campaign_events: ['event_id'],
  listing_snapshots: ['listing_id', 'observed_at'],
};

/** Parents before children, so lines and payments of a rejected sale are set aside with it. */
export const MERGE_ORDER: CanonicalTable[] = [
  'locations',
  'employees',
  'customers',
  'items',
  'sales',
  'sale_lines',
  'payments',
  'loyalty_transactions',
  'campaigns',
  'campaign_events',
  'listing_snapshots',
];

const MONEY_MAX = '100000000';
const dateOk = (c: string) => `(${c} IS NULL OR (${c} >= TIMESTAMPTZ '1990-01-01 00:00:00+00' AND ${c} < now() + INTERVAL 5 YEAR))`;
const inList = (c: string, values: string[]) => `${c} IN (${values.map((v) => `'${v}'`).join(', ')})`;
const money = (cols: string[]) => `NOT (${cols.map((c) => `coalesce(abs(${c}), 0) < ${MONEY_MAX}`).join(' AND ')})`;

/** [predicate that is TRUE for a bad row, reason]; required (bold) columns come from the table's NOT NULL columns. */
export const RULES: Partial<Record<CanonicalTable, [string, string][]>> = {
  sales: [
    [`NOT ${inList('status', ['booked', 'confirmed', 'completed', 'cancelled', 'no_show'])}`, 'unknown status'],
    [`kind IS NOT NULL AND NOT ${inList('kind', ['appointment', 'order'])}`, 'unknown kind'],
    [money(['gross_amount', 'discount_amount', 'tax_amount', 'shipping_amount', 'total_amount']), 'amount out of range'],
    [`${['gross_amount', 'discount_amount', 'tax_amount', 'shipping_amount', 'total_amount'].map((c) => `${c} < 0`).join(' OR ')}`, 'negative amount'],
    [`NOT ${dateOk('occurred_at')} OR NOT ${dateOk('created_at')}`, 'date out of range'],
    [
      `gross_amount IS NOT NULL AND abs(total_amount - (gross_amount - coalesce(discount_amount, 0) + coalesce(tax_amount, 0) + coalesce(shipping_amount, 0))) > 0.01`,
      'total_amount is not gross - discount + tax + shipping',
    ],
  ],
  sale_lines: [
    ['quantity < 0', 'negative quantity'],
    [money(['unit_price', 'discount_amount', 'line_total']), 'amount out of range'],
  ],
  payments: [
    [`NOT ${inList('method', ['cash', 'credit_card', 'debit_card', 'pix', 'boleto', 'wallet', 'voucher', 'other'])}`, 'unknown payment method'],
    [`NOT ${inList('kind', ['payment', 'refund'])}`, 'unknown payment kind'],
    ['amount < 0', 'negative amount'],
    [money(['amount', 'fee_amount']), 'amount out of range'],
    [`NOT ${dateOk('occurred_at')}`, 'date out of range'],
  ],
  loyalty_transactions: [[`NOT ${inList('kind', ['earned', 'redeemed', 'expired', 'adjusted'])}`, 'unknown loyalty kind']],
  items: [[`kind IS NOT NULL AND NOT ${inList('kind', ['service', 'product'])}`, 'unknown item kind']],
  employees: [['commission_rate < 0 OR commission_rate > 1', 'commission_rate outside 0..1']],
  campaigns: [[`channel IS NOT NULL AND NOT ${inList('channel', ['email', 'whatsapp', 'sms', 'instagram'])}`, 'unknown channel']],
  campaign_events: [
    [`NOT ${inList('event_type', ['sent', 'delivered', 'opened', 'clicked', 'converted'])}`, 'unknown event type'],
    [`NOT ${dateOk('occurred_at')}`, 'date out of range'],
  ],
  customers: [[`NOT ${dateOk('created_at')}`, 'date out of range']],
};
