// The canonical tables of specs/data-model.md as import rules: column types, required columns, keys, allowed values.
import type { CanonicalTable } from '../../shared/types';

export type ColumnKind = 'id' | 'text' | 'money' | 'rate' | 'qty' | 'int' | 'date' | 'ts' | 'bool';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  required?: boolean;
  /** Closed set of allowed values (compared lower-case, stored lower-case). */
  values?: readonly string[];
  /** Smallest allowed value for numbers. */
  min?: number;
  /** Largest allowed value for numbers. */
  max?: number;
}

export interface TableSpec {
  name: CanonicalTable;
  columns: ColumnSpec[];
  /** The columns that identify a row (upsert key, duplicate check). */
  key: string[];
}

export const SALE_STATUSES = ['booked', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export const PAYMENT_METHODS = ['cash', 'credit_card', 'debit_card', 'pix', 'boleto', 'wallet', 'voucher', 'other'] as const;

const id = (name: string, required = false): ColumnSpec => ({ name, kind: 'id', required });
const text = (name: string): ColumnSpec => ({ name, kind: 'text' });
const money = (name: string, required = false, min?: number): ColumnSpec => ({ name, kind: 'money', required, min });
const ts = (name: string, required = false): ColumnSpec => ({ name, kind: 'ts', required });

export const TABLE_SPECS: Record<CanonicalTable, TableSpec> = {
  locations: { name: 'locations', key: ['location_id'], columns: [id('location_id', true), text('name'), text('city'), text('state'), text('timezone')] },
  employees: {
    name: 'employees',
    key: ['employee_id'],
    columns: [
      id('employee_id', true),
      text('name'),
      text('role'),
      id('location_id'),
      { name: 'commission_rate', kind: 'rate', min: 0, max: 1 },
      { name: 'hired_at', kind: 'date' },
      { name: 'active', kind: 'bool' },
    ],
  },
  customers: {
    name: 'customers',
    key: ['customer_id'],
    columns: [
      id('customer_id', true),
      text('name'),
      text('email'),
      text('phone'),
      text('document'),
      text('gender'),
      { name: 'birth_date', kind: 'date' },
      text('city'),
      text('state'),
      ts('created_at'),
      { name: 'marketing_opt_in', kind: 'bool' },
      text('source'),
    ],
  },
  items: {
    name: 'items',
    key: ['item_id'],
    columns: [
      id('item_id', true),
      text('name'),
      { name: 'kind', kind: 'text', values: ['service', 'product'] },
      text('category'),
      money('list_price'),
      money('cost'),
      { name: 'duration_min', kind: 'int', min: 0 },
    ],
  },
  sales: {
    name: 'sales',
    key: ['sale_id'],
    columns: [
      id('sale_id', true),
      text('source'),
      { name: 'kind', kind: 'text', values: ['appointment', 'order'] },
      id('customer_id'),
      id('location_id'),
      id('employee_id'),
      { name: 'status', kind: 'text', required: true, values: SALE_STATUSES },
      ts('created_at'),
      ts('occurred_at', true),
      money('gross_amount'),
      money('discount_amount'),
      text('coupon_code'),
      money('tax_amount'),
      money('shipping_amount'),
      money('total_amount', true),
      { name: 'points_earned', kind: 'int' },
      { name: 'points_redeemed', kind: 'int' },
      ts('updated_at'),
    ],
  },
  sale_lines: {
    name: 'sale_lines',
    key: ['sale_id', 'line_no'],
    columns: [
      id('sale_id', true),
      { name: 'line_no', kind: 'int', required: true },
      id('item_id', true),
      id('employee_id'),
      { name: 'quantity', kind: 'qty', min: 0 },
      money('unit_price'),
      money('discount_amount'),
      money('line_total'),
      { name: 'duration_min', kind: 'int', min: 0 },
    ],
  },
  payments: {
    name: 'payments',
    key: ['payment_id'],
    columns: [
      id('payment_id', true),
      id('sale_id'),
      ts('occurred_at', true),
      { name: 'method', kind: 'text', required: true, values: PAYMENT_METHODS },
      { name: 'kind', kind: 'text', required: true, values: ['payment', 'refund'] },
      money('amount', true, 0),
      money('fee_amount'),
    ],
  },
  loyalty_transactions: {
    name: 'loyalty_transactions',
    key: ['loyalty_txn_id'],
    columns: [
      id('loyalty_txn_id', true),
      id('customer_id', true),
      id('sale_id'),
      ts('occurred_at', true),
      { name: 'kind', kind: 'text', required: true, values: ['earned', 'redeemed', 'expired', 'adjusted'] },
      { name: 'points', kind: 'int', required: true },
    ],
  },
  campaigns: {
    name: 'campaigns',
    key: ['campaign_id'],
    columns: [
      id('campaign_id', true),
      text('name'),
      { name: 'channel', kind: 'text', values: ['email', 'whatsapp', 'sms', 'instagram'] },
      id('segment_id'),
      ts('started_at'),
      money('budget'),
    ],
  },
  campaign_events: {
    name: 'campaign_events',
    key: ['event_id'],
    columns: [
      id('event_id', true),
      id('campaign_id', true),
      id('customer_id'),
      { name: 'event_type', kind: 'text', required: true, values: ['sent', 'delivered', 'opened', 'clicked', 'converted'] },
      ts('occurred_at', true),
      money('revenue_amount'),
    ],
  },
  listing_snapshots: {
    name: 'listing_snapshots',
    key: ['listing_id', 'observed_at'],
    columns: [
      id('listing_id', true),
      id('item_id'),
      id('seller_id'),
      ts('observed_at', true),
      text('title'),
      money('price'),
      money('original_price'),
      { name: 'available_quantity', kind: 'int' },
      { name: 'sold_quantity', kind: 'int' },
      { name: 'is_own', kind: 'bool' },
    ],
  },
};

/** A header as written in a file, reduced to the canonical column form: lower case, no accents, words joined by _. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The canonical table a file or sheet name stands for (sales.csv, Sales, "sale lines" -> sale_lines), or null. */
export function tableForName(name: string): CanonicalTable | null {
  const n = normalizeHeader(name);
  return (n in TABLE_SPECS ? n : null) as CanonicalTable | null;
}
