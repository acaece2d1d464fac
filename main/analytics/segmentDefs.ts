// The ten marketing segments: each a documented boolean rule over profile columns (profiles.ts) as of D, with
// a campaign suggestion (channel, relative response, cost, timing) used for budget, ROI and priority.
import { SEGMENT_LABELS, type CampaignChannel, type SegmentId } from '../../shared/analytics';
import type { LocalizedText } from '../../shared/types';

export interface SegmentDef {
  id: SegmentId;
  label: LocalizedText;
  rule: LocalizedText;
  /** SQL predicate over profile columns (as_of is the profile's as-of date). */
  sql: string;
  campaign: LocalizedText;
  channel: CampaignChannel;
  /**
   * How well this segment answers a campaign, relative to the others (only the ratios between segments count: the
   * level comes from the shop's own campaigns, see segments.ts).
   */
  defaultConversion: number;
  /** Setup cost (creative, offer design) in the business currency. */
  fixedCost: number;
  /** Cost per member (message fee, discount or gift). */
  costPerMember: number;
  timing: LocalizedText;
  /** Other segment ids past campaigns may carry for this audience (e.g. the RFM cluster it is built on). */
  aliases?: string[];
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

export const SEGMENTS: SegmentDef[] = [
  {
    id: 'vip',
    label: SEGMENT_LABELS.vip,
    rule: L('Gasto nos últimos 365 dias no top 5% dos clientes ativos (>= percentil 95) e ao menos 2 visitas no período.', 'Spend in the last 365 days in the top 5% of active customers (>= 95th percentile) and at least 2 visits in that time.'),
    sql: `visits_365 >= 2 AND spent_365 >= vip_threshold`,
    campaign: L('Convite exclusivo: pré-venda de novidades e horário preferencial', 'Exclusive invitation: early access to new services and priority booking'),
    channel: 'whatsapp',
    defaultConversion: 0.3,
    fixedCost: 100,
    costPerMember: 15,
    timing: L('Início do mês, antes da agenda lotar', 'Start of the month, before the calendar fills up'),
  },
  {
    id: 'winback_high_value',
    label: SEGMENT_LABELS.winback_high_value,
    rule: L('Grupo RFM Em Risco ou Hibernando com M >= 4 (gastavam muito e estão se afastando).', 'RFM cluster At risk or Hibernating with M >= 4 (big spenders drifting away).'),
    sql: `cluster IN ('at_risk', 'hibernating') AND m >= 4`,
    campaign: L('"Sentimos sua falta": cupom de retorno de 15% válido por 30 dias', '"We miss you": 15% comeback coupon valid for 30 days'),
    channel: 'whatsapp',
    defaultConversion: 0.12,
    fixedCost: 80,
    costPerMember: 8,
    timing: L('Agora; lembrete 14 dias depois para quem não voltou', 'Now; reminder 14 days later to those who have not come back'),
    aliases: ['at_risk', 'hibernating'],
  },
  {
    id: 'loyalty_champions',
    label: SEGMENT_LABELS.loyalty_champions,
    rule: L('Grupo RFM Campeões (R >= 4 e F >= 4).', 'RFM cluster Champions (R >= 4 and F >= 4).'),
    sql: `cluster = 'champions'`,
    campaign: L('Pontos em dobro no programa de fidelidade e brinde surpresa', 'Double loyalty points and a surprise gift'),
    channel: 'whatsapp',
    defaultConversion: 0.35,
    fixedCost: 50,
    costPerMember: 10,
    timing: L('Contínuo; reforço em datas comemorativas', 'Ongoing; boost around holidays'),
    aliases: ['champions'],
  },
  {
    id: 'birthdays',
    label: SEGMENT_LABELS.birthdays,
    rule: L('Data de nascimento no mês de D ou no mês seguinte.', 'Birth date in the month of D or the next month.'),
    sql: `month(birth_date) IN (month(as_of), month(as_of + INTERVAL 1 MONTH))`,
    campaign: L('Presente de aniversário: 20% em um serviço no mês do aniversário', 'Birthday gift: 20% off one service in the birthday month'),
    channel: 'whatsapp',
    defaultConversion: 0.2,
    fixedCost: 30,
    costPerMember: 6,
    timing: L('Uma semana antes do aniversário', 'One week before the birthday'),
  },
  {
    id: 'discount_lovers',
    label: SEGMENT_LABELS.discount_lovers,
    rule: L('Ao menos 3 visitas e metade ou mais delas com desconto ou cupom.', 'At least 3 visits, half or more of them with a discount or coupon.'),
    sql: `visits >= 3 AND discounted_visits * 2 >= visits`,
    campaign: L('Cupom relâmpago para dias de agenda vazia', 'Flash coupon for slow days'),
    channel: 'email',
    defaultConversion: 0.15,
    fixedCost: 30,
    costPerMember: 5,
    timing: L('Terça e quarta-feira, dias de menor movimento', 'Tuesdays and Wednesdays, the slowest days'),
  },
  {
    id: 'new_customers',
    label: SEGMENT_LABELS.new_customers,
    rule: L('Primeira venda concluída nos últimos 30 dias até D.', 'First completed sale in the 30 days up to D.'),
    sql: `first_visit > as_of - 30`,
    campaign: L('Boas-vindas: 10% na segunda visita', 'Welcome: 10% off the second visit'),
    channel: 'whatsapp',
    defaultConversion: 0.25,
    fixedCost: 20,
    costPerMember: 5,
    timing: L('7 dias após a primeira visita', '7 days after the first visit'),
  },
  {
    id: 'frequent_visitors',
    label: SEGMENT_LABELS.frequent_visitors,
    rule: L('3 ou mais visitas nos últimos 90 dias.', '3 or more visits in the last 90 days.'),
    sql: `visits_90 >= 3`,
    campaign: L('Pacote mensal com preço fechado', 'Monthly package at a fixed price'),
    channel: 'whatsapp',
    defaultConversion: 0.2,
    fixedCost: 50,
    costPerMember: 5,
    timing: L('Na próxima visita e no início do mês', 'At the next visit and at the start of the month'),
  },
  {
    id: 'dormant_high_value',
    label: SEGMENT_LABELS.dormant_high_value,
    rule: L('Gasto total no top 25% (>= percentil 75), ao menos 2 visitas e sem visitas há 180 a 729 dias.', 'Lifetime spend in the top 25% (>= 75th percentile), at least 2 visits and no visit for 180 to 729 days.'),
    sql: `visits >= 2 AND total_spent >= high_value_threshold AND days_since_last BETWEEN 180 AND 729`,
    campaign: L('Ligação pessoal da equipe com oferta de retorno', 'Personal call from the team with a comeback offer'),
    channel: 'whatsapp',
    defaultConversion: 0.08,
    fixedCost: 50,
    costPerMember: 12,
    timing: L('Agora, antes de virarem inativos', 'Now, before they become inactive'),
  },
  {
    id: 'seasonal',
    label: SEGMENT_LABELS.seasonal,
    rule: L('Compras em 2 ou mais anos, ao menos 3 visitas, metade ou mais no mesmo mês do ano, e esse mês é o próximo ou o seguinte.', 'Purchases in 2 or more years, at least 3 visits, half or more in the same calendar month, and that month is next month or the one after.'),
    sql: `year(last_visit) > year(first_visit) AND visits >= 3 AND peak_visits * 2 >= visits AND peak_month IN (month(as_of + INTERVAL 1 MONTH), month(as_of + INTERVAL 2 MONTH))`,
    campaign: L('Lembrete de temporada com agendamento antecipado', 'Season reminder with early booking'),
    channel: 'email',
    defaultConversion: 0.25,
    fixedCost: 30,
    costPerMember: 4,
    timing: L('Duas semanas antes do mês de pico do cliente', 'Two weeks before the customer’s peak month'),
  },
  {
    id: 'referral_candidates',
    label: SEGMENT_LABELS.referral_candidates,
    rule: L('Grupo RFM Campeões ou Fiéis, 4 ou mais visitas, cliente há 180 dias ou mais e nenhuma falta nos últimos 365 dias.', 'RFM cluster Champions or Loyal, 4 or more visits, customer for 180 days or more and no no-show in the last 365 days.'),
    sql: `cluster IN ('champions', 'loyal') AND visits >= 4 AND first_visit <= as_of - 180 AND no_shows_365 = 0`,
    campaign: L('Indique uma amiga: as duas ganham R$ 30 no próximo serviço', 'Refer a friend: both get R$ 30 off the next service'),
    channel: 'whatsapp',
    defaultConversion: 0.1,
    fixedCost: 50,
    costPerMember: 3,
    timing: L('Logo após uma visita bem avaliada', 'Right after a well-rated visit'),
  },
];

export function segmentDef(id: SegmentId): SegmentDef {
  const d = SEGMENTS.find((s) => s.id === id);
  if (!d) throw new Error(`unknown segment ${id}`);
  return d;
}
