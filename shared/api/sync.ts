// sync.*: the business's sources (salon back end, WooCommerce, Bling, Mercado Livre, HubSpot), their settings and
// write-only credentials, sync runs as jobs, and each source's state for the app and `painel sync --status`.
import { z } from 'zod';
import { method } from './define';
import type { JobSnapshot } from '../events';

export const SOURCE_KINDS = ['supabase', 'woocommerce', 'bling', 'mercadolivre', 'hubspot'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type SourceState = 'never' | 'syncing' | 'ok' | 'failed' | 'offline';

export interface SyncSourceProgress {
  phase: string;
  pages: number;
  rows: number;
  rejected: number;
}

export interface SyncCredentialInfo {
  name: string;
  required: boolean;
  /** Whether a value is stored (the value itself never leaves the engine). */
  set: boolean;
  /** The environment variable read in CLI and browser mode. */
  envVar: string;
}

export interface SyncSourceInfo {
  sourceId: SourceKind;
  kind: SourceKind;
  name: string;
  baseUrl: string | null;
  enabled: boolean;
  /** A row exists in `sources` (set up by the user or by --base-url). */
  configured: boolean;
  config: Record<string, unknown>;
  credentials: SyncCredentialInfo[];
  state: SourceState;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Plain words, never a credential. */
  lastError: string | null;
  /** Rows pulled over all runs. */
  rowsPulled: number;
  /** Rows of the last run. */
  lastRunRows: number;
  /** Records of the last run that broke a rule and were set aside. */
  lastRunRejected: number;
  progress: SyncSourceProgress | null;
}

export interface SyncStatus {
  running: boolean;
  jobId: string | null;
  /** No network: scheduled syncs wait instead of failing again and again. */
  offline: boolean;
  everyMinutes: number;
  nextRunAt: string | null;
  sources: SyncSourceInfo[];
}

export interface SyncSourceResult {
  sourceId: SourceKind;
  state: 'ok' | 'failed' | 'offline' | 'cancelled';
  rows: number;
  rejected: number;
  requests: number;
  ms: number;
  error: string | null;
}

/** The result of a sync job. */
export interface SyncSummary {
  mode: 'full' | 'incremental';
  ok: boolean;
  sources: SyncSourceResult[];
  rows: number;
  ms: number;
}

export interface SyncReject {
  sourceId: string;
  stream: string;
  table: string | null;
  recordId: string | null;
  reason: string;
  rejectedAt: string;
}

/** One order status of a source and what it means in Painel (the status-mapping settings). */
export interface SyncStatusMeaning {
  /** The source's own code (a WooCommerce status, a Bling situação id, a Mercado Livre status). */
  code: string;
  /** The source's name for it (Bling lists situações by name); null when the source gives none. */
  name: string | null;
  /** The default situação a custom one was made from (Bling idHerdado), by name, or null. */
  inheritedName: string | null;
  /** What it counts as now: the user's choice, else the default or inherited meaning, else unknownStatus. */
  status: 'booked' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
  /** What it would count as without the user's choice. */
  defaultStatus: 'booked' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
  /** The user chose this meaning (a statusMap entry). */
  custom: boolean;
}

export interface SyncStatusMapping {
  sourceId: SourceKind;
  /** What a status nobody knows yet lands as. */
  unknownStatus: SyncStatusMeaning['status'];
  statuses: SyncStatusMeaning[];
}

const sourceKind = z.enum(SOURCE_KINDS);
const configValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(1000)]);

export const sync = {
  /** Every known source with its settings, which credentials are set (never their values) and its state. */
  'sync.sources': method<SyncSourceInfo[]>()(
    'Every known source with its settings, which credentials are set (never their values) and its state.',
    z.object({}).strict(),
  ),
  /** Sets up a source: base URL, settings, and write-only credentials (an empty string removes one). */
  'sync.configure': method<SyncSourceInfo>()(
    'Sets up a source: base URL, settings, and write-only credentials (an empty string removes one).',
    z
      .object({
        sourceId: sourceKind,
        name: z.string().min(1).max(100).optional(),
        baseUrl: z.string().url().max(500).nullable().optional(),
        enabled: z.boolean().optional(),
        config: z.record(z.string().max(60), configValue).optional(),
        /** Secret values by name (key, secret, token, clientId, clientSecret, code, refreshToken). */
        credentials: z.record(z.string().max(40), z.string().max(4000)).optional(),
      })
      .strict(),
  ),
  /** Starts a sync job for every enabled source (or one), incremental unless full is set. */
  'sync.start': method<JobSnapshot>()(
    'Starts a sync job for every enabled source (or one), incremental unless full is set.',
    z.object({ source: sourceKind.optional(), full: z.boolean().default(false) }).strict(),
  ),
  /** Per-source state (never, syncing, ok, failed, offline), last success, rows pulled, schedule. */
  'sync.status': method<SyncStatus>()('Per-source state (never, syncing, ok, failed, offline), last success, rows pulled, schedule.', z.object({}).strict()),
  /**
   * A source's order statuses (defaults, and those the source listed or sent, Bling situações with the default each
   * inherits) and what each counts as; change them with sync.configure config.statusMap ["code=status", ...].
   */
  'sync.statuses': method<SyncStatusMapping>()(
    "A source's order statuses and what each counts as (change them with sync.configure config.statusMap).",
    z.object({ sourceId: sourceKind }).strict(),
  ),
  /** Records the sources sent that broke a rule and were set aside, newest first. */
  'sync.rejects': method<SyncReject[]>()(
    'Records the sources sent that broke a rule and were set aside, newest first.',
    z.object({ source: sourceKind.optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
};
