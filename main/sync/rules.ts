// What a synced row must satisfy before it reaches a canonical table (data-model.md): keys, enums, the total
// identity, non-negative quantities and amounts, sane dates. Each rule is a SQL predicate over the typed staging row.
import { CAMPAIGN_CHANNELS, EVENT_TYPES, ITEM_KINDS, LOYALTY_KINDS, PAYMENT_KINDS, PAYMENT_METHODS, SALE_KINDS, SALE_STATUSES } from '../../shared/model';
import type { CanonicalTable } from '../model/schema';

export { MERGE_ORDER, TABLE_KEYS } from '../model/schema';

const MONEY_MAX = '100000000';
const dateOk = (c: string) => `(${c} IS NULL OR (${c} >= TIMESTAMPTZ '1990-01-01 00:00:00+00' AND ${c} < now() + INTERVAL 5 YEAR))`;
const inList = (c: string, values: readonly string[]) => `${c} IN (${values.map((v) => `'${v}'`).join(', ')})`;
const money = (cols: string[]) => `NOT (${cols.map((c) => `coalesce(abs(${c}), 0) < ${MONEY_MAX}`).join(' AND ')})`;

/** [predicate that is TRUE for a bad row, reason]; required (bold) columns come from the table's NOT NULL columns. */
export const RULES: Partial<Record<CanonicalTable, [string, string][]>> = {
  sales: [
    [`NOT ${inList('status', SALE_STATUSES)}`, 'unknown status'],
    [`kind IS NOT NULL AND NOT ${inList('kind', SALE_KINDS)}`, 'unknown kind'],
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
    [`NOT ${inList('method', PAYMENT_METHODS)}`, 'unknown payment method'],
    [`NOT ${inList('kind', PAYMENT_KINDS)}`, 'unknown payment kind'],
    ['amount < 0', 'negative amount'],
    [money(['amount', 'fee_amount']), 'amount out of range'],
    [`NOT ${dateOk('occurred_at')}`, 'date out of range'],
  ],
  loyalty_transactions: [[`NOT ${inList('kind', LOYALTY_KINDS)}`, 'unknown loyalty kind']],
  items: [[`kind IS NOT NULL AND NOT ${inList('kind', ITEM_KINDS)}`, 'unknown item kind']],
  employees: [['commission_rate < 0 OR commission_rate > 1', 'commission_rate outside 0..1']],
  campaigns: [[`channel IS NOT NULL AND NOT ${inList('channel', CAMPAIGN_CHANNELS)}`, 'unknown channel']],
  campaign_events: [
    [`NOT ${inList('event_type', EVENT_TYPES)}`, 'unknown event type'],
    [`NOT ${dateOk('occurred_at')}`, 'date out of range'],
  ],
  customers: [[`NOT ${dateOk('created_at')}`, 'date out of range']],
};
