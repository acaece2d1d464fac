// Words for the closed code lists of the data model (payment methods, statuses, kinds, lifecycle, RFM clusters,
// channels), so tables and charts say "Cartão de crédito" rather than credit_card. Unknown values pass through.
import { modelLabel } from '../../../shared/model';
import { RFM_CLUSTER_LABELS } from '../../../shared/rfm';
import type { Locale } from './format';

/** Codes outside the data model's lists (those come from shared/model). */
const CODES: Record<string, [string, string]> = {
  active: ['Ativo', 'Active'],
  recent: ['Recente', 'Recent'],
  dormant: ['Adormecido', 'Dormant'],
  inactive: ['Inativo', 'Inactive'],
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
  const m = modelLabel(value);
  if (m) return m[locale];
  const c = CODES[value];
  return c ? c[locale === 'pt-BR' ? 0 : 1] : value;
}
