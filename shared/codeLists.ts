// Every closed list of codes a person may meet in a table, a chart or an export, with its pt-BR and en words: the
// data model's lists (shared/model) plus the analytics ones (RFM clusters, lifecycle, segments, channels). A report
// column names its list (`codes`), and the screen and every export say the word, never the code.
import { SEGMENT_LABELS } from './analytics';
import { ENUMS } from './model/enums';
import { RFM_CLUSTER_LABELS } from './rfm';
import type { LocalizedText } from './types';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

const fromModel = (list: readonly { code: string; label: LocalizedText }[]): Record<string, LocalizedText> =>
  Object.fromEntries(list.map((x) => [x.code, x.label]));

/** Where a row came from: the `source` of sales, customers and the other canonical tables. */
export const SOURCE_LABELS: Record<string, LocalizedText> = {
  salon: L('Salão', 'Salon'),
  woo: L('Loja online', 'Online store'),
  ml: L('Mercado Livre', 'Mercado Livre'),
  bling: L('Bling', 'Bling'),
  hubspot: L('HubSpot', 'HubSpot'),
  sheet: L('Planilha', 'Spreadsheet'),
  file: L('Arquivo', 'File'),
  demo: L('Demonstração', 'Demo'),
};

export const CODE_LISTS = {
  saleStatus: fromModel(ENUMS.saleStatus),
  saleKind: fromModel(ENUMS.saleKind),
  paymentMethod: fromModel(ENUMS.paymentMethod),
  paymentKind: fromModel(ENUMS.paymentKind),
  loyaltyKind: fromModel(ENUMS.loyaltyKind),
  campaignChannel: fromModel(ENUMS.campaignChannel),
  eventType: fromModel(ENUMS.eventType),
  itemKind: fromModel(ENUMS.itemKind),
  rfmCluster: RFM_CLUSTER_LABELS as Record<string, LocalizedText>,
  /** RFM migration: a customer scored this month but not last (entered) or last month but not this one (left). */
  migration: { ...RFM_CLUSTER_LABELS, entered: L('Entraram', 'Entered'), left: L('Saíram', 'Left') } as Record<string, LocalizedText>,
  lifecycle: {
    active: L('Ativo', 'Active'),
    recent: L('Recente', 'Recent'),
    dormant: L('Adormecido', 'Dormant'),
    inactive: L('Inativo', 'Inactive'),
  } as Record<string, LocalizedText>,
  segment: SEGMENT_LABELS as Record<string, LocalizedText>,
  source: SOURCE_LABELS,
  priorityLevel: { high: L('Alta', 'High'), medium: L('Média', 'Medium'), low: L('Baixa', 'Low') } as Record<string, LocalizedText>,
  /** A completed sale not (fully) paid: nothing received yet, or part of it. */
  paymentState: { unpaid: L('Não pago', 'Unpaid'), partial: L('Pago em parte', 'Partly paid') } as Record<string, LocalizedText>,
  gender: { F: L('Feminino', 'Female'), M: L('Masculino', 'Male'), O: L('Outro', 'Other') } as Record<string, LocalizedText>,
  forecastModel: {
    seasonal_naive: L('Repetir o último ciclo', 'Repeat the last cycle'),
    mstl_ets: L('Tendência e sazonalidade', 'Trend and seasonality'),
    ets: L('Suavização exponencial', 'Exponential smoothing'),
  } as Record<string, LocalizedText>,
} as const;

export type CodeListName = keyof typeof CODE_LISTS;

/** The word for a code of a list; a code the list does not know (a source's own status) is shown as it is. */
export function codeWord(list: CodeListName, code: string, locale: keyof LocalizedText): string {
  return CODE_LISTS[list][code]?.[locale] ?? code;
}
