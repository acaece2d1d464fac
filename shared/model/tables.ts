// The canonical tables of specs/data-model.md as data: columns in stored order, value kinds, required columns, closed
// lists, bounds and keys, with the tables' pt-BR/en names. Pure data (no Node): main/model derives the DDL, the
// staging casts and the validation rules from it; import, sync, exports and the renderer read it.
import type { Words as LocalizedText } from './text';
import type { EnumName } from './enums';

/** How a value is written and stored: ids and text are VARCHAR, money DECIMAL(18,2), ts TIMESTAMPTZ, etc. */
export type ColumnKind = 'id' | 'text' | 'money' | 'rate' | 'qty' | 'int' | 'date' | 'ts' | 'bool';

export interface ModelColumn {
  name: string;
  kind: ColumnKind;
  /** Required (bold in the spec): NOT NULL in the table, and a row without it is rejected. */
  required?: boolean;
  /** Closed list of allowed codes (stored lower case). */
  values?: EnumName;
  /** Smallest allowed value for numbers. */
  min?: number;
  /** Largest allowed value for numbers. */
  max?: number;
  /** The migration that added the column (2 when omitted: the canonical tables' first migration). */
  since?: number;
}

export interface ModelTable {
  name: string;
  label: LocalizedText;
  columns: readonly ModelColumn[];
  /** The columns that identify a row (upsert key, duplicate check). */
  key: readonly string[];
}

const id = (name: string, required = false): ModelColumn => ({ name, kind: 'id', required });
const text = (name: string): ModelColumn => ({ name, kind: 'text' });
const money = (name: string, required = false, min?: number): ModelColumn => ({ name, kind: 'money', required, min });
const ts = (name: string, required = false): ModelColumn => ({ name, kind: 'ts', required });
const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

/** In load order: parents before children (lines and payments of a rejected sale are set aside with it). */
export const MODEL_TABLES = [
  { name: 'locations', label: L('Unidades', 'Locations'), key: ['location_id'], columns: [id('location_id', true), text('name'), text('city'), text('state'), text('timezone')] },
  {
    name: 'employees',
    label: L('Profissionais', 'Employees'),
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
  {
    name: 'customers',
    label: L('Clientes', 'Customers'),
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
  {
    name: 'items',
    label: L('Itens', 'Items'),
    key: ['item_id'],
    columns: [
      id('item_id', true),
      text('name'),
      { name: 'kind', kind: 'text', values: 'itemKind' },
      text('category'),
      money('list_price'),
      money('cost'),
      { name: 'duration_min', kind: 'int', min: 0 },
    ],
  },
  {
    name: 'sales',
    label: L('Vendas', 'Sales'),
    key: ['sale_id'],
    columns: [
      id('sale_id', true),
      text('source'),
      { name: 'kind', kind: 'text', values: 'saleKind' },
      id('customer_id'),
      id('location_id'),
      id('employee_id'),
      { name: 'status', kind: 'text', required: true, values: 'saleStatus' },
      ts('created_at'),
      ts('occurred_at', true),
      money('gross_amount', false, 0),
      money('discount_amount', false, 0),
      text('coupon_code'),
      money('tax_amount', false, 0),
      money('shipping_amount', false, 0),
      money('total_amount', true, 0),
      { name: 'points_earned', kind: 'int' },
      { name: 'points_redeemed', kind: 'int' },
      ts('updated_at'),
    ],
  },
  {
    name: 'sale_lines',
    label: L('Linhas de venda', 'Sale lines'),
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
  {
    name: 'payments',
    label: L('Pagamentos', 'Payments'),
    key: ['payment_id'],
    columns: [
      id('payment_id', true),
      id('sale_id'),
      ts('occurred_at', true),
      { name: 'method', kind: 'text', required: true, values: 'paymentMethod' },
      { name: 'kind', kind: 'text', required: true, values: 'paymentKind' },
      money('amount', true, 0),
      money('fee_amount'),
    ],
  },
  {
    name: 'loyalty_transactions',
    label: L('Fidelidade', 'Loyalty transactions'),
    key: ['loyalty_txn_id'],
    columns: [
      id('loyalty_txn_id', true),
      id('customer_id', true),
      id('sale_id'),
      ts('occurred_at', true),
      { name: 'kind', kind: 'text', required: true, values: 'loyaltyKind' },
      { name: 'points', kind: 'int', required: true },
    ],
  },
  {
    name: 'campaigns',
    label: L('Campanhas', 'Campaigns'),
    key: ['campaign_id'],
    columns: [id('campaign_id', true), text('name'), { name: 'channel', kind: 'text', values: 'campaignChannel' }, id('segment_id'), ts('started_at'), money('budget')],
  },
  {
    name: 'campaign_events',
    label: L('Eventos de campanha', 'Campaign events'),
    key: ['event_id'],
    columns: [
      id('event_id', true),
      id('campaign_id', true),
      id('customer_id'),
      { name: 'event_type', kind: 'text', required: true, values: 'eventType' },
      ts('occurred_at', true),
      money('revenue_amount'),
    ],
  },
  {
    name: 'listing_snapshots',
    label: L('Anúncios', 'Listing snapshots'),
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
] as const satisfies readonly ModelTable[];

export type CanonicalTable = (typeof MODEL_TABLES)[number]['name'];
type Names<T extends readonly { name: string }[]> = { readonly [K in keyof T]: T[K]['name'] };
/** The canonical table names in load order (a tuple, so schemas can enumerate them). */
export const CANONICAL_TABLES = MODEL_TABLES.map((t) => t.name) as unknown as Names<typeof MODEL_TABLES>;

const BY_NAME = new Map<string, ModelTable>(MODEL_TABLES.map((t) => [t.name, t]));

/** The model of one canonical table. */
export function modelTable(name: CanonicalTable): ModelTable {
  return BY_NAME.get(name)!;
}

export function isCanonicalTable(name: string): name is CanonicalTable {
  return BY_NAME.has(name);
}
