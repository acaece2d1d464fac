// Words for the closed code lists of the data model (payment methods, statuses, kinds, lifecycle, RFM clusters,
// channels), so tables and charts say "Cartão de crédito" rather than credit_card. Unknown values pass through.
import { RFM_CLUSTER_LABELS } from '../../../shared/rfm';
import type { Locale } from './format';

const CODES: Record<string, [string, string]> = {
  cash: ['Dinheiro', 'Cash'],
  credit_card: ['Cartão de crédito', 'Credit card'],
  debit_card: ['Cartão de débito', 'Debit card'],
  pix: ['Pix', 'Pix'],
  boleto: ['Boleto', 'Boleto'],
  wallet: ['Carteira digital', 'Digital wallet'],
  voucher: ['Vale', 'Voucher'],
  other: ['Outro', 'Other'],
  booked: ['Agendado', 'Booked'],
  confirmed: ['Confirmado', 'Confirmed'],
  completed: ['Concluído', 'Completed'],
  cancelled: ['Cancelado', 'Cancelled'],
  no_show: ['Falta', 'No-show'],
  service: ['Serviço', 'Service'],
  product: ['Produto', 'Product'],
  appointment: ['Atendimento', 'Appointment'],
  order: ['Pedido', 'Order'],
  payment: ['Pagamento', 'Payment'],
  refund: ['Devolução', 'Refund'],
  active: ['Ativo', 'Active'],
  recent: ['Recente', 'Recent'],
  dormant: ['Adormecido', 'Dormant'],
  inactive: ['Inativo', 'Inactive'],
  email: ['E-mail', 'E-mail'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  sms: ['SMS', 'SMS'],
  instagram: ['Instagram', 'Instagram'],
  entered: ['Entraram', 'Entered'],
  left: ['Saíram', 'Left'],
};

const SEGMENTS: Record<string, [string, string]> = {
  vip: ['VIP', 'VIP'],
  winback_high_value: ['Reconquistar alto valor', 'Win back high value'],
  loyalty_champions: ['Campeões de fidelidade', 'Loyalty champions'],
  birthdays: ['Aniversariantes', 'Birthdays'],
  discount_lovers: ['Amantes de desconto', 'Discount lovers'],
  new_customers: ['Clientes novos', 'New customers'],
  frequent_visitors: ['Visitantes frequentes', 'Frequent visitors'],
  dormant_high_value: ['Alto valor adormecido', 'Dormant high value'],
  seasonal: ['Sazonais', 'Seasonal'],
  referral_candidates: ['Candidatos a indicação', 'Referral candidates'],
};

export function segmentLabel(locale: Locale, id: string): string {
  const s = SEGMENTS[id];
  return s ? s[locale === 'pt-BR' ? 0 : 1] : id;
}

/** Only columns that hold such codes are translated (a customer named "Pix" stays "Pix"). */
const CODE_COLUMN = /(^|_)(method|status|kind|lifecycle|cluster|channel|event_type|from|to)$/;

export function isCodeColumn(id: string | undefined): boolean {
  return !!id && CODE_COLUMN.test(id);
}

export function codeLabel(locale: Locale, value: string): string {
  const rfm = (RFM_CLUSTER_LABELS as Record<string, { 'pt-BR': string; en: string }>)[value];
  if (rfm) return rfm[locale];
  const c = CODES[value];
  return c ? c[locale === 'pt-BR' ? 0 : 1] : value;
}
