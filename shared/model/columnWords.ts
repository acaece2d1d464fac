// The canonical columns in words, so a rejected row's reason, the import page and the Tables page say "Valor total"
// rather than total_amount. A name means the same thing in every table but for the few a table says otherwise
// (a payment's occurred_at is the payment's date); an unknown column keeps its name.
import type { Words } from './text';

const W = (pt: string, en: string): Words => ({ 'pt-BR': pt, en });

export const COLUMN_WORDS: Record<string, Words> = {
  location_id: W('código da unidade', 'location id'),
  name: W('nome', 'name'),
  city: W('cidade', 'city'),
  state: W('estado', 'state'),
  timezone: W('fuso horário', 'time zone'),
  employee_id: W('código do profissional', 'professional id'),
  role: W('função', 'role'),
  commission_rate: W('percentual de comissão', 'commission rate'),
  hired_at: W('data de contratação', 'hire date'),
  active: W('ativo', 'active'),
  customer_id: W('código do cliente', 'customer id'),
  email: W('e-mail', 'e-mail'),
  phone: W('telefone', 'phone'),
  document: W('CPF/CNPJ', 'CPF/CNPJ'),
  gender: W('gênero', 'gender'),
  birth_date: W('data de nascimento', 'birth date'),
  created_at: W('data de criação', 'created at'),
  marketing_opt_in: W('aceita marketing', 'marketing opt-in'),
  source: W('origem', 'source'),
  item_id: W('código do item', 'item id'),
  kind: W('tipo', 'kind'),
  category: W('categoria', 'category'),
  list_price: W('preço de tabela', 'list price'),
  cost: W('custo', 'cost'),
  duration_min: W('duração (min)', 'duration (min)'),
  sale_id: W('código da venda', 'sale id'),
  status: W('situação', 'status'),
  occurred_at: W('data da venda', 'sale date'),
  gross_amount: W('valor bruto', 'gross amount'),
  discount_amount: W('desconto', 'discount'),
  coupon_code: W('cupom', 'coupon'),
  tax_amount: W('impostos', 'tax'),
  shipping_amount: W('frete', 'shipping'),
  total_amount: W('valor total', 'total amount'),
  points_earned: W('pontos ganhos', 'points earned'),
  points_redeemed: W('pontos resgatados', 'points redeemed'),
  updated_at: W('data de atualização', 'updated at'),
  line_no: W('número da linha', 'line number'),
  quantity: W('quantidade', 'quantity'),
  unit_price: W('preço unitário', 'unit price'),
  line_total: W('total da linha', 'line total'),
  payment_id: W('código do pagamento', 'payment id'),
  method: W('forma de pagamento', 'payment method'),
  amount: W('valor', 'amount'),
  fee_amount: W('taxa', 'fee'),
  loyalty_txn_id: W('código do lançamento de pontos', 'points entry id'),
  points: W('pontos', 'points'),
  campaign_id: W('código da campanha', 'campaign id'),
  channel: W('canal', 'channel'),
  segment_id: W('segmento', 'segment'),
  started_at: W('início', 'start'),
  budget: W('orçamento', 'budget'),
  event_id: W('código do evento', 'event id'),
  event_type: W('tipo de evento', 'event type'),
  revenue_amount: W('receita', 'revenue'),
  listing_id: W('código do anúncio', 'listing id'),
  seller_id: W('código do vendedor', 'seller id'),
  observed_at: W('data da observação', 'observed at'),
  title: W('título', 'title'),
  price: W('preço', 'price'),
  original_price: W('preço original', 'original price'),
  available_quantity: W('estoque', 'stock'),
  sold_quantity: W('quantidade vendida', 'quantity sold'),
  is_own: W('anúncio próprio', 'own listing'),
};

/** Where a table's column means more than its name says everywhere else. */
const TABLE_COLUMN_WORDS: Record<string, Record<string, Words>> = {
  payments: { occurred_at: W('data do pagamento', 'payment date'), kind: W('tipo de lançamento', 'entry kind') },
  loyalty_transactions: { occurred_at: W('data do lançamento', 'entry date'), kind: W('tipo de lançamento', 'entry kind') },
  campaign_events: { occurred_at: W('data do evento', 'event date') },
  campaigns: { started_at: W('início da campanha', 'campaign start') },
  items: { kind: W('serviço ou produto', 'service or product') },
  sales: { kind: W('tipo de venda', 'sale kind') },
};

/** A canonical column in words (in its table, when given); an unknown column keeps its name. */
export function columnWord(name: string, locale: keyof Words, table?: string): string {
  return (table ? TABLE_COLUMN_WORDS[table]?.[name] : undefined)?.[locale] ?? COLUMN_WORDS[name]?.[locale] ?? name;
}

/** A column's header: its words with a capital first letter ("Código do item"). */
export function columnHeader(name: string, locale: keyof Words, table?: string): string {
  const known = (table && TABLE_COLUMN_WORDS[table]?.[name]) || COLUMN_WORDS[name];
  const w = columnWord(name, locale, table);
  return known ? w.charAt(0).toLocaleUpperCase(locale) + w.slice(1) : w;
}
