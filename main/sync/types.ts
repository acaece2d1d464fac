// The connector contract: a connector knows only its API and turns a cursor into pages of canonical rows; the
// runner (runner.ts) owns HTTP reliability, staging, merging and saving cursors.
import type { CanonicalTable } from '../../shared/types';
import type { SourceKind } from '../../shared/api/sync';
import type { SourceHttp } from './http';
import type { KnownStatus } from './statusMap';

/** A canonical row as text-ish values; the runner casts and validates them in SQL (staging), not in JS. */
export type Row = Record<string, string | number | boolean | null | undefined>;

/** A record the connector could not map (missing id, broken structure); stored in sync_rejects, never fatal. */
export interface Reject {
  table?: CanonicalTable;
  recordId?: string | null;
  reason: string;
  /** A short excerpt of the record (never headers or credentials). */
  excerpt?: string;
}

export interface Page {
  /** Canonical rows by table; extra columns starting with `_` are staging-only helpers. */
  rows: Partial<Record<CanonicalTable, Row[]>>;
  /** Child tables replaced as a whole for these parent sale ids (lines and payments arrive with their order). */
  replaceChildren?: Partial<Record<'sale_lines' | 'payments', string[]>>;
  /** Rows to delete by id (a deal that is no longer won, a record the source removed). */
  deletes?: Partial<Record<CanonicalTable, string[]>>;
  rejects?: Reject[];
  /** The stream's cursor once this page is saved: stored in the same transaction as the rows. */
  cursor: unknown;
  /** Nothing after this page in this run (the runner also stops when the generator ends). */
  done?: boolean;
  /** What the source said about itself, saved with the page: its order statuses, orders bought together. */
  facts?: PageFacts;
}

export interface PageFacts {
  statuses?: KnownStatus[];
  /** A sale and the group it was bought in (a Mercado Livre pack). */
  groups?: { saleId: string; groupId: string }[];
}

export interface SourceConfig {
  sourceId: SourceKind;
  kind: SourceKind;
  name: string;
  baseUrl: string;
  enabled: boolean;
  /** Non-secret settings, validated per kind (config.ts). */
  config: Record<string, unknown>;
}

export interface StreamContext {
  source: SourceConfig;
  http: SourceHttp;
  /** Re-read window before a stored cursor (setting sync.overlapMinutes). */
  overlapMs: number;
  /** A full re-read: cursors ignored, deletion sweep at the end. */
  full: boolean;
  /** When this run started; incremental windows end here. */
  startedAt: Date;
  /** Business time zone (sources with local times, such as Bling, are read in it). */
  timezone: string;
  signal: AbortSignal;
  /** Reports a phase for progress lines (e.g. "orders 2025-03"). */
  phase(text: string): void;
  /** The source's order statuses saved by earlier runs (Bling situações with what each inherits). */
  statuses: KnownStatus[];
}

export interface Stream {
  name: string;
  /** Yields pages from the stored cursor (null on a first or full sync). */
  pages(ctx: StreamContext, cursor: unknown): AsyncIterable<Page>;
  /**
   * Sources that hard-delete: on a full sync every id seen is recorded with the pages, and at the end rows of this
   * table with the source's prefix that were not seen are deleted (children of deleted sales go with them).
   */
  sweep?: { table: CanonicalTable; key: string; where?: string };
  /** Columns that keep the earliest stored value (first-seen dates derived from orders). */
  keepEarliest?: Partial<Record<CanonicalTable, string[]>>;
  /** SQL run on the staged `new_<table>` before the merge (e.g. resolve a customer by e-mail). */
  afterStage?: Partial<Record<CanonicalTable, string[]>>;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
}

/** How a source authenticates; the runner applies it to every request and refreshes OAuth tokens one at a time. */
export type AuthSpec =
  | {
      type: 'headers';
      headers: (secret: (name: string) => string, config: Record<string, unknown>) => Record<string, string>;
      query?: (secret: (name: string) => string, config: Record<string, unknown>) => Record<string, string>;
    }
  | {
      type: 'oauth';
      /** Exchanges an authorization code or a refresh token for new tokens (POST to the source's token endpoint). */
      grant: (http: SourceHttp, grant: { code?: string; refreshToken?: string }, secret: (name: string) => string, config: Record<string, unknown>) => Promise<TokenSet>;
    };

export interface Connector {
  kind: SourceKind;
  /** Id prefix of every canonical row this source writes, e.g. "woo" for "woo:123". */
  prefix: string;
  defaultBaseUrl: string | null;
  /** Secret names (stored as `<sourceId>.<name>`), the required ones first. */
  secrets: { name: string; required: boolean }[];
  auth: AuthSpec;
  streams: Stream[];
  /** Source defaults for the runner (rate limit, backoff base). */
  defaults?: { ratePerSec?: number; retryBaseMs?: number; streamConcurrency?: number };
  /** Set-based work after every source of a run finished (joins that depend on other sources' rows). */
  afterRun?: (tx: import('../store/db').Tx) => Promise<string[]>;
  /** Plain words for a source error body ({ code, message } shapes differ per API). */
  errorMessage(body: unknown): string | null;
}
