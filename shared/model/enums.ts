// The closed code lists of the canonical data model (specs/data-model.md) with their pt-BR and en words. Pure data,
// no Node and no DOM: the engine's model (main/model) builds its schema and rules on it, the renderer labels with it.
import type { Words as LocalizedText } from './text';

export interface EnumValue<C extends string = string> {
  code: C;
  label: LocalizedText;
}

const v = <C extends string>(code: C, pt: string, en: string): EnumValue<C> => ({ code, label: { 'pt-BR': pt, en } });

export const SALE_STATUS_VALUES = [
  v('booked', 'Agendado', 'Booked'),
  v('confirmed', 'Confirmado', 'Confirmed'),
  v('completed', 'Concluído', 'Completed'),
  v('cancelled', 'Cancelado', 'Cancelled'),
  v('no_show', 'Falta', 'No-show'),
] as const;

export const SALE_KIND_VALUES = [v('appointment', 'Atendimento', 'Appointment'), v('order', 'Pedido', 'Order')] as const;

export const PAYMENT_METHOD_VALUES = [
  v('cash', 'Dinheiro', 'Cash'),
  v('credit_card', 'Cartão de crédito', 'Credit card'),
  v('debit_card', 'Cartão de débito', 'Debit card'),
  v('pix', 'Pix', 'Pix'),
  v('boleto', 'Boleto', 'Boleto'),
  v('wallet', 'Carteira digital', 'Digital wallet'),
  v('voucher', 'Vale', 'Voucher'),
  v('other', 'Outros', 'Other'),
] as const;

export const PAYMENT_KIND_VALUES = [v('payment', 'Pagamento', 'Payment'), v('refund', 'Devolução', 'Refund')] as const;

export const LOYALTY_KIND_VALUES = [
  v('earned', 'Ganhos', 'Earned'),
  v('redeemed', 'Resgatados', 'Redeemed'),
  v('expired', 'Expirados', 'Expired'),
  v('adjusted', 'Ajustados', 'Adjusted'),
] as const;

export const CAMPAIGN_CHANNEL_VALUES = [
  v('email', 'E-mail', 'E-mail'),
  v('whatsapp', 'WhatsApp', 'WhatsApp'),
  v('sms', 'SMS', 'SMS'),
  v('instagram', 'Instagram', 'Instagram'),
] as const;

export const EVENT_TYPE_VALUES = [
  v('sent', 'Enviado', 'Sent'),
  v('delivered', 'Entregue', 'Delivered'),
  v('opened', 'Aberto', 'Opened'),
  v('clicked', 'Clicado', 'Clicked'),
  v('converted', 'Convertido', 'Converted'),
] as const;

export const ITEM_KIND_VALUES = [v('service', 'Serviço', 'Service'), v('product', 'Produto', 'Product')] as const;

/** Every closed list of the model by name; a column refers to its list by this name. */
export const ENUMS = {
  saleStatus: SALE_STATUS_VALUES,
  saleKind: SALE_KIND_VALUES,
  paymentMethod: PAYMENT_METHOD_VALUES,
  paymentKind: PAYMENT_KIND_VALUES,
  loyaltyKind: LOYALTY_KIND_VALUES,
  campaignChannel: CAMPAIGN_CHANNEL_VALUES,
  eventType: EVENT_TYPE_VALUES,
  itemKind: ITEM_KIND_VALUES,
} as const;
export type EnumName = keyof typeof ENUMS;

const codes = <T extends readonly EnumValue[]>(list: T) => list.map((x) => x.code) as { [K in keyof T]: T[K] extends EnumValue<infer C> ? C : never };

export const SALE_STATUSES = codes(SALE_STATUS_VALUES);
export type SaleStatus = (typeof SALE_STATUSES)[number];
export const SALE_KINDS = codes(SALE_KIND_VALUES);
export type SaleKind = (typeof SALE_KINDS)[number];
export const PAYMENT_METHODS = codes(PAYMENT_METHOD_VALUES);
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_KINDS = codes(PAYMENT_KIND_VALUES);
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const LOYALTY_KINDS = codes(LOYALTY_KIND_VALUES);
export const CAMPAIGN_CHANNELS = codes(CAMPAIGN_CHANNEL_VALUES);
export const EVENT_TYPES = codes(EVENT_TYPE_VALUES);
export const ITEM_KINDS = codes(ITEM_KIND_VALUES);

/** The codes of one list. */
export function enumCodes(name: EnumName): readonly string[] {
  return ENUMS[name].map((x) => x.code);
}

const LABELS = new Map<string, LocalizedText>();
for (const list of Object.values(ENUMS)) for (const x of list) if (!LABELS.has(x.code)) LABELS.set(x.code, x.label);

/** The words for a code of any model list (the same code means the same thing in every list), or undefined. */
export function modelLabel(code: string): LocalizedText | undefined {
  return LABELS.get(code);
}
