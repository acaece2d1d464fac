// Customer-analytics result types both sides agree on: RFM (scores, monthly history, migration matrix), marketing
// segments, campaign funnels, forecasts with backtests, customer value (BG/NBD + Gamma-Gamma) and cohorts.
import type { RfmCluster } from './rfm';
import type { LocalizedText, TablePage } from './types';

export interface RfmClusterSummary {
  cluster: RfmCluster;
  customers: number;
  /** Sum of monetary (exact decimal text). */
  monetary: string;
  avgRecency: number | null;
  avgFrequency: number | null;
}

export interface RfmParams {
  asOf: string;
  windowDays: number;
  frequencyMode: 'rank' | 'fixed';
  frequencyThresholds: number[];
}

export interface RfmResult extends RfmParams {
  /** Customers scored (at least one completed sale in the window). */
  customers: number;
  clusters: RfmClusterSummary[];
  /** Scored customers (customer_id, recency, frequency, monetary, r, f, m, cluster), paged. */
  page: TablePage;
  /** Whether the rows come from the stored monthly snapshot or were computed for a custom window. */
  source: 'snapshot' | 'live';
}

export interface RfmSnapshotInfo extends RfmParams {
  customers: number;
  builtAt: string;
}

export type MigrationFrom = RfmCluster | 'entered';
export type MigrationTo = RfmCluster | 'left';

export interface RfmMigration {
  month: string;
  asOf: string;
  previousAsOf: string;
  /** One row per previous cluster plus 'entered'; counts per current cluster plus 'left'. */
  rows: { from: MigrationFrom; counts: Record<MigrationTo, number>; total: number }[];
  previousSizes: Record<RfmCluster, number>;
  currentSizes: Record<RfmCluster, number>;
  entered: number;
  left: number;
  /** Customers scored in both months whose cluster did not change. */
  stayed: number;
}

export const SEGMENT_IDS = [
  'vip',
  'winback_high_value',
  'loyalty_champions',
  'birthdays',
  'discount_lovers',
  'new_customers',
  'frequent_visitors',
  'dormant_high_value',
  'seasonal',
  'referral_candidates',
] as const;
export type SegmentId = (typeof SEGMENT_IDS)[number];

/** The segments' names, the one place people read them (reports, Customer 360, contact lists). */
export const SEGMENT_LABELS: Record<SegmentId, LocalizedText> = {
  vip: { 'pt-BR': 'VIP', en: 'VIP' },
  winback_high_value: { 'pt-BR': 'Reconquista de alto valor', en: 'Win-back high value' },
  loyalty_champions: { 'pt-BR': 'Campeões de fidelidade', en: 'Loyalty champions' },
  birthdays: { 'pt-BR': 'Aniversariantes (este e próximo mês)', en: 'Birthdays (this and next month)' },
  discount_lovers: { 'pt-BR': 'Amantes de desconto', en: 'Discount lovers' },
  new_customers: { 'pt-BR': 'Clientes novos', en: 'New customers' },
  frequent_visitors: { 'pt-BR': 'Visitantes frequentes', en: 'Frequent visitors' },
  dormant_high_value: { 'pt-BR': 'Alto valor adormecidos', en: 'Dormant high value' },
  seasonal: { 'pt-BR': 'Clientes sazonais', en: 'Seasonal customers' },
  referral_candidates: { 'pt-BR': 'Candidatos a indicação', en: 'Referral candidates' },
};

export type CampaignChannel = 'whatsapp' | 'email' | 'sms' | 'instagram';

export interface SegmentSummary {
  id: SegmentId;
  label: LocalizedText;
  /** The documented rule over profile columns. */
  rule: LocalizedText;
  size: number;
  /** Members that may be contacted (marketing opt-in and a usable phone or e-mail). */
  contactable: number;
  /** Lifetime spend of the members (exact decimal text). */
  totalValue: string;
  /** totalValue / size, rounded to the cent. */
  avgValue: string;
  /** Members' spend / members' completed sales, rounded to the cent. */
  avgTicket: string;
  suggestion: {
    campaign: LocalizedText;
    channel: CampaignChannel;
    /** Estimated conversion rate (0..1): the segment's past campaigns shrunk towards the prior. */
    conversion: number;
    /**
     * What the estimate rests on: 'history' when the segment's own past campaigns outweigh the prior, 'shop' when the
     * prior is the shop's observed conversion (the segment's history is thin), 'default' when the shop has no
     * campaign history and the stated 1 % prior is used.
     */
    conversionSource: 'history' | 'shop' | 'default';
    /** The prior rate (0..1) for this segment and how many recipients of its own past campaigns were counted. */
    conversionPrior: number;
    conversionSent: number;
    timing: LocalizedText;
    /** Suggested budget (exact decimal text): a fixed setup cost plus a cost per member. */
    budget: string;
    expectedRevenue: string;
    /** (members x conversion x average ticket - budget) / budget as a ratio shown in percent; null when the budget is zero. */
    roi: number | null;
    /** 1 = do first (by expected profit). */
    priority: number;
    priorityLevel: 'high' | 'medium' | 'low';
  };
}

export interface SegmentsResult {
  asOf: string;
  segments: SegmentSummary[];
}

export interface SegmentMembersResult {
  segment: SegmentId;
  asOf: string;
  channel: 'any' | 'whatsapp' | 'email';
  page: TablePage;
}

export interface FunnelStep {
  step: 'sent' | 'delivered' | 'opened' | 'clicked' | 'converted';
  customers: number;
  /** Share of the previous step (null for sent or when the previous step is zero). */
  stepRate: number | null;
  /** Share of sent. */
  rateOfSent: number | null;
}

export interface CampaignFunnel {
  campaignId: string;
  name: string | null;
  channel: string | null;
  segmentId: string | null;
  startedAt: string | null;
  steps: FunnelStep[];
  revenue: string;
  cost: string;
  /** (revenue - cost) / cost as a ratio shown in percent; null when the cost is zero or unknown. */
  roi: number | null;
  /** The 7-day conversion window of the last send has not elapsed yet: the conversion rates can still rise. */
  provisional: boolean;
}

export interface OrderFunnelRow {
  month: string;
  created: number;
  paid: number;
  completed: number;
  paidRate: number | null;
  completedRate: number | null;
}

export interface CampaignFunnelsResult {
  campaigns: CampaignFunnel[];
  orders: OrderFunnelRow[];
}

export type ForecastModelId = 'seasonal_naive' | 'mstl_ets' | 'ets';

export interface BacktestScore {
  model: ForecastModelId;
  /** Mean absolute percentage error over days with revenue (percent). */
  mape: number | null;
  /** Symmetric MAPE (percent, 0-200). */
  smape: number | null;
  /** Mean absolute error relative to the in-sample seasonal naive error (below 1: better than repeating last season). */
  mase: number | null;
  /** Share of held-out actuals inside the 80 % and 95 % intervals (0..1). */
  coverage80: number | null;
  coverage95: number | null;
  origins: number;
}

export interface ForecastPoint {
  date: string;
  point: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** A holiday, eve or closed day of the calendar: its name, the factor applied to a normal day, the share closed. */
  special?: { label: LocalizedText; effect: number; closedShare: number } | null;
}

export interface ForecastResult {
  granularity: 'day' | 'month';
  horizon: number;
  /** Last business date (or month start) of the history used. */
  historyEnd: string | null;
  historyLength: number;
  seasonLength: number;
  /** The model whose forecast is shown. */
  model: ForecastModelId | null;
  /** The best model by backtest (may differ from `model` when it did not reach MASE < 1). */
  bestModel: ForecastModelId | null;
  backtest: BacktestScore[];
  /** Why the shown model was chosen, and any limits of the history (e.g. less than two seasonal cycles). */
  notes: LocalizedText[];
  history: { date: string; value: number }[];
  points: ForecastPoint[];
}

/** The one revenue forecast for the next 30 days (dashboard KPI and forecast page). */
export interface ForecastTotal {
  /** First and last day summed (the days after the last complete business day). */
  from: string | null;
  to: string | null;
  days: number;
  /** Sum of the daily point forecasts, to the cent; null when the history is too short to forecast. */
  total: number | null;
  model: ForecastModelId | null;
  historyEnd: string | null;
  backtest: BacktestScore[];
  notes: LocalizedText[];
  points: ForecastPoint[];
}

export interface CustomerValueModel {
  modelId: string;
  asOf: string;
  fittedAt: string;
  customers: number;
  repeatCustomers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLik: number; iterations: number; converged: boolean };
  gammaGamma: { p: number; q: number; v: number; logLik: number; iterations: number; converged: boolean } | null;
  fitMs: number;
  scoreMs: number;
  /** 'nbd' when the data identify no dropout: P(alive) = 1 and visits follow the NBD (see notes). */
  scoring: 'bgnbd' | 'nbd';
  /** The NBD fit, when the BG/NBD fit was degenerate and the NBD was fitted to decide. */
  nbd: { r: number; alpha: number; logLik: number | null } | null;
  /** Shown to the owner: why the model scores the way it does when a fit is degenerate. */
  notes: LocalizedText[];
}

export interface CustomerValueResult {
  model: CustomerValueModel | null;
  summary: { customers: number; expectedVisits90: number; expectedVisits365: number; expectedValue365: string; avgPAlive: number | null } | null;
  page: TablePage | null;
}

export interface CohortCell {
  monthsSince: number;
  customers: number;
  /** customers / cohort size. */
  retention: number;
  revenue: string;
}

export interface CohortRow {
  cohort: string;
  size: number;
  cells: CohortCell[];
}

export interface CohortsResult {
  from: string | null;
  to: string | null;
  cohorts: CohortRow[];
}

export interface Customer360 {
  customerId: string;
  /** Source records linked to this customer. */
  records: { customerId: string; name: string | null; email: string | null; phone: string | null; source: string | null; optIn: boolean | null }[];
  profile: {
    name: string | null;
    phoneE164: string | null;
    email: string | null;
    birthDate: string | null;
    optIn: boolean;
    firstVisit: string | null;
    lastVisit: string | null;
    visits: number;
    totalSpent: string;
    avgTicket: string | null;
  };
  /** items: the names of the sale's lines; location and employee by name (null: online / no professional). */
  sales: { saleId: string; date: string; status: string; kind: string | null; total: string; discount: string; coupon: string | null; source: string | null; items: string | null; location: string | null; employee: string | null }[];
  rfm: { asOf: string; recency: number; frequency: number; monetary: string; r: number; f: number; m: number; cluster: RfmCluster } | null;
  clusterHistory: { asOf: string; cluster: RfmCluster; r: number; f: number; m: number }[];
  /** repeatVisits: visit days after the first (the model's x); with none, BG/NBD cannot see dropout (P(alive) = 1). */
  value: { asOf: string; pAlive: number; churnRisk: number; expectedVisits90: number; expectedVisits365: number; expectedValue365: string; repeatVisits: number } | null;
  /** The customer-value model's notes (why it scores as it does when a fit is degenerate); empty when none. */
  valueNotes: LocalizedText[];
  loyalty: { balance: number; transactions: { date: string; kind: string; points: number; saleId: string | null }[] };
  campaigns: { campaignId: string; name: string | null; channel: string | null; events: { type: string; at: string; revenue: string | null }[] }[];
  segments: SegmentId[];
}
