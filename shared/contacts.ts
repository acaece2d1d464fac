// Contact lists (who to call on WhatsApp) and monthly goals: list ids, message placeholders and the values the
// engine returns for them. Shared so the renderer names lists and placeholders exactly as the engine reads them.
import { SEGMENT_IDS, SEGMENT_LABELS, type SegmentId } from './analytics';
import { RFM_CLUSTERS, RFM_CLUSTER_LABELS, type RfmCluster } from './rfm';
import type { LocalizedText, TablePage } from './types';

/** Lists that are not a segment or an RFM cluster. */
export const SPECIAL_LISTS = ['birthdays_week', 'birthdays_month', 'lapsed'] as const;
export type SpecialList = (typeof SPECIAL_LISTS)[number];

/** Every contact list: `segment:<id>`, `cluster:<id>` or a special list. */
export const CONTACT_LISTS = [...SEGMENT_IDS.map((s) => `segment:${s}` as const), ...RFM_CLUSTERS.map((c) => `cluster:${c}` as const), ...SPECIAL_LISTS] as const;
export type ContactListId = (typeof CONTACT_LISTS)[number];

export const SPECIAL_LIST_LABELS: Record<SpecialList, LocalizedText> = {
  birthdays_week: { 'pt-BR': 'Aniversariantes da semana', en: 'Birthdays this week' },
  birthdays_month: { 'pt-BR': 'Aniversariantes do mês', en: 'Birthdays this month' },
  lapsed: { 'pt-BR': 'Não voltaram no prazo de costume', en: 'Did not come back when they usually do' },
};

export function parseContactList(id: ContactListId): { kind: 'segment'; id: SegmentId } | { kind: 'cluster'; id: RfmCluster } | { kind: 'special'; id: SpecialList } {
  if (id.startsWith('segment:')) return { kind: 'segment', id: id.slice(8) as SegmentId };
  if (id.startsWith('cluster:')) return { kind: 'cluster', id: id.slice(8) as RfmCluster };
  return { kind: 'special', id: id as SpecialList };
}

/** A list's name in both languages. */
export function contactListLabel(id: ContactListId): LocalizedText {
  const p = parseContactList(id);
  if (p.kind === 'segment') return SEGMENT_LABELS[p.id];
  if (p.kind === 'cluster') return { 'pt-BR': `Grupo RFM ${RFM_CLUSTER_LABELS[p.id]['pt-BR']}`, en: `RFM cluster ${RFM_CLUSTER_LABELS[p.id].en}` };
  return SPECIAL_LIST_LABELS[p.id];
}

/** Placeholders of a message template, in pt-BR; the en words ({name}, {service}, {professional}) mean the same. */
export const TEMPLATE_PLACEHOLDERS = ['{nome}', '{servico}', '{profissional}'] as const;
/** Longest message template accepted (WhatsApp links stay well under browsers' URL limits). */
export const TEMPLATE_MAX = 1000;

export interface ContactListSummary {
  /** Opted-in customers on the list. */
  members: number;
  /** Of them, with a valid phone (a WhatsApp link). */
  withPhone: number;
  /** Of them, without a valid phone (no link). */
  withoutPhone: number;
  /** Customers matching the list who did not opt in to marketing (left out). */
  notOptedIn: number;
  /** Members already marked contacted for this list this month. */
  contacted: number;
}

export interface ContactListResult {
  list: ContactListId;
  label: LocalizedText;
  asOf: string;
  /** The template used (the one given, or the list's default in the business language). */
  template: string;
  defaultTemplate: string;
  /** The campaign suggestion the default message comes from. */
  campaign: LocalizedText;
  /** The campaign this list's contacts are recorded in this month. */
  campaignId: string;
  summary: ContactListSummary;
  page: TablePage;
}

export interface MarkContactedResult {
  campaignId: string;
  /** Newly recorded as contacted. */
  marked: number;
  /** Already recorded for this campaign (not counted again). */
  already: number;
  /** Asked for but not on the list with a valid phone. */
  skipped: number;
}

export const GOAL_SCOPES = ['location', 'employee'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

export interface GoalRow {
  scope: GoalScope;
  scopeId: string;
  name: string;
  /** Exact decimal text, or null when no goal is set. */
  revenueGoal: string | null;
  servicesGoal: number | null;
}

export interface GoalsResult {
  month: string;
  rows: GoalRow[];
}

export interface GoalProgressRow extends GoalRow {
  /** Revenue so far in the month (exact decimal text). */
  revenue: string;
  services: number;
  /** revenue / goal (null without a goal). */
  revenueProgress: number | null;
  servicesProgress: number | null;
  /** Expected at the month end (null when the forecast has too little history). */
  revenueProjection: string | null;
  servicesProjection: number | null;
}

export interface GoalProgressResult {
  month: string;
  /** Last business date with sales counted (the forecast's history end, or the month end). */
  historyEnd: string | null;
  /** Whether the projection uses the forecast (false: the month is over or the forecast is unavailable). */
  projected: boolean;
  /** Why there is no projection, when there is none. */
  note: LocalizedText | null;
  rows: GoalProgressRow[];
}
