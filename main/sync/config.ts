// Source settings (non-secret) with defaults per kind, and the `sources` table they live in.
import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind } from '../../shared/api/sync';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { checkBaseUrl } from './origin';
import type { SourceConfig } from './types';

const common = {
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(100).max(120_000).default(5000),
  maxAttempts: z.number().int().min(1).max(20).default(6),
  retryBaseMs: z.number().int().min(1).max(60_000).optional(),
  retryMaxMs: z.number().int().min(1).max(600_000).default(30_000),
  maxRetryAfterMs: z.number().int().min(0).max(3_600_000).default(120_000),
  /** Requests per second; 0 = no limit; absent = the source's default (Bling 3/s). */
  ratePerSec: z.number().min(0).max(1000).optional(),
  pageSize: z.number().int().min(1).max(1000).optional(),
  /** Streams (tables) read at the same time; the default is the source's own. */
  streamConcurrency: z.number().int().min(1).max(8).optional(),
  /** Rows gathered before a commit (each commit saves the cursor with the rows). */
  flushRows: z.number().int().min(1).max(1_000_000).default(10_000),
  /** Location given to every sale of a source that has no location of its own (an online shop). */
  locationId: z.string().max(200).nullable().default(null),
  /** Earliest business date read on a first sync of sources searched by date windows. */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2015-01-01'),
};

const saleStatus = z.enum(['booked', 'confirmed', 'completed', 'cancelled', 'no_show']);
/** Order statuses mapped by meaning (statusMap.ts): the user's own choices, "code=status", over the defaults. */
const statuses = {
  statusMap: z.array(z.string().regex(/^[^=]{1,60}=(booked|confirmed|completed|cancelled|no_show)$/)).max(500).default([]),
  /** A status neither a default, inherited nor mapped by the user (a source's new status) lands as this. */
  unknownStatus: saleStatus.default('confirmed'),
};

export const CONFIG_SCHEMAS: Record<SourceKind, z.ZodType<Record<string, unknown>>> = {
  supabase: z.object({ ...common }).strict(),
  woocommerce: z
    .object({
      ...common,
      /** "query" sends consumer_key/consumer_secret as parameters, for servers that strip the Authorization header. */
      authMode: z.enum(['header', 'query']).default('header'),
      /** Order meta key holding the gateway's fee (each gateway plugin names its own; WooCommerce documents none). */
      feeMetaKey: z.string().max(100).default('_transaction_fee'),
      ...statuses,
      costMetaKey: z.string().max(100).default('_wc_cog_cost'),
    })
    .strict(),
  bling: z
    .object({
      ...common,
      /** Whether an item's `desconto` is an amount or a percentage (unconfirmed in Bling's documentation). */
      itemDiscount: z.enum(['value', 'percent']).default('value'),
      /**
       * Bling documents parcelas as the payment plan (due date, amount, form), not as receipts: "on-completion" books
       * them as received on the day the order reaches a paid situação, "none" keeps payments out of Bling orders.
       */
      installments: z.enum(['on-completion', 'none']).default('on-completion'),
      /** Detail calls for contacts (e-mail, address, birth date are only on /contatos/{id}); false skips them. */
      contactDetails: z.boolean().default(true),
      ...statuses,
    })
    .strict(),
  mercadolivre: z
    .object({
      ...common,
      /** Seller id; read from /users/me when absent. */
      sellerId: z.string().max(40).nullable().default(null),
      /** Competitor listings followed in listing_snapshots: "MLB123" or "MLB123=MLB456" (followed against own listing MLB456). */
      trackedListings: z.array(z.string().regex(/^[A-Z]{3}\d+(=[A-Z]{3}\d+)?$/)).max(1000).default([]),
      redirectUri: z.string().max(500).default('https://localhost/painel/oauth'),
      /** The seller's shipping cost (/shipments/{id}/costs, senders) as a fee on the order's payment; false skips the call. */
      shippingCosts: z.boolean().default(true),
      ...statuses,
    })
    .strict(),
  hubspot: z
    .object({
      ...common,
      /** Deal property holding the e-mail campaign a won deal is credited to. */
      dealCampaignProperty: z.string().max(100).default('email_campaign_id'),
      /** Deal property with the buyer's e-mail, for deals without an associated contact. */
      dealEmailProperty: z.string().max(100).default('customer_email'),
      /** A BOUNCE event proves the e-mail was sent but not delivered: kept as "sent" (counted once per recipient) or skipped. */
      bounceAs: z.enum(['sent', 'skip']).default('sent'),
    })
    .strict(),
};

export const DEFAULT_NAMES: Record<SourceKind, string> = {
  supabase: 'Salão (agenda)',
  woocommerce: 'WooCommerce',
  bling: 'Bling',
  mercadolivre: 'Mercado Livre',
  hubspot: 'HubSpot',
};

export function parseSourceKind(name: string): SourceKind {
  const aliases: Record<string, SourceKind> = { salon: 'supabase', woo: 'woocommerce', ml: 'mercadolivre', hs: 'hubspot' };
  const k = (aliases[name] ?? name) as SourceKind;
  if (!SOURCE_KINDS.includes(k)) throw new AppError('BAD_INPUT', `unknown source "${name}"; one of ${SOURCE_KINDS.join(', ')}`);
  return k;
}

export function parseConfig(kind: SourceKind, raw: unknown): Record<string, unknown> {
  const r = CONFIG_SCHEMAS[kind].safeParse(raw ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AppError('BAD_INPUT', `invalid ${kind} setting ${i?.path.join('.') || ''}: ${i?.message ?? 'rejected'}`, r.error.issues);
  }
  return r.data;
}

interface SourceRow {
  source_id: string;
  kind: string;
  name: string | null;
  base_url: string | null;
  enabled: boolean;
  config: string | null;
}

/** Sources stored in the database (configured ones only). */
export async function loadSources(db: Db): Promise<SourceConfig[]> {
  const rows = await db.all<SourceRow>(`SELECT source_id, kind, name, base_url, enabled, config::VARCHAR AS config FROM sources ORDER BY source_id`);
  return rows
    .filter((r) => (SOURCE_KINDS as readonly string[]).includes(r.kind))
    .map((r) => {
      const kind = r.kind as SourceKind;
      let raw: unknown = {};
      try {
        raw = r.config ? JSON.parse(r.config) : {};
      } catch {
        raw = {};
      }
      const parsed = CONFIG_SCHEMAS[kind].safeParse(raw);
      return {
        sourceId: kind,
        kind,
        name: r.name ?? DEFAULT_NAMES[kind],
        baseUrl: r.base_url ?? '',
        enabled: r.enabled,
        config: parsed.success ? parsed.data : parseConfig(kind, {}),
      };
    });
}

/** Creates or updates a source row; config is merged into what is stored and validated. */
export async function upsertSource(
  db: Db,
  kind: SourceKind,
  patch: { name?: string; baseUrl?: string | null; enabled?: boolean; config?: Record<string, unknown> },
): Promise<void> {
  const existing = (await loadSources(db)).find((s) => s.sourceId === kind);
  const stored = existing ? (await db.all<{ c: string | null }>(`SELECT config::VARCHAR AS c FROM sources WHERE source_id = $1`, [kind]))[0]?.c : null;
  const merged = { ...(stored ? (JSON.parse(stored) as Record<string, unknown>) : {}), ...(patch.config ?? {}) };
  for (const [k, v] of Object.entries(merged)) if (v === null && patch.config && k in patch.config) delete merged[k];
  parseConfig(kind, merged);
  if (patch.baseUrl) checkBaseUrl(patch.baseUrl);
  await db.transaction(async (tx) => {
    if (existing) {
      await tx.run(`UPDATE sources SET name = $2, base_url = $3, enabled = $4, config = $5::JSON WHERE source_id = $1`, [
        kind,
        patch.name ?? existing.name,
        patch.baseUrl === undefined ? existing.baseUrl || null : patch.baseUrl,
        patch.enabled ?? existing.enabled,
        JSON.stringify(merged),
      ]);
    } else {
      await tx.run(`INSERT INTO sources (source_id, kind, name, base_url, enabled, config) VALUES ($1, $1, $2, $3, $4, $5::JSON)`, [
        kind,
        patch.name ?? DEFAULT_NAMES[kind],
        patch.baseUrl ?? null,
        patch.enabled ?? true,
        JSON.stringify(merged),
      ]);
    }
  });
}
