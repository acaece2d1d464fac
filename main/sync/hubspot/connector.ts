// HubSpot: contacts and deals (a full list walk first, then POST search by last-modified date with a moving lower
// bound, which also stays under the 10,000-results cap of one search), e-mail campaigns and e-mail events.
// Contacts become customers; SENT/DELIVERED/OPEN/CLICK events become campaign_events joined to customers by
// e-mail; a won deal credited to an e-mail campaign is its "converted" event with the deal amount as revenue. Won
// means hs_is_closed_won, or a stage the deal pipelines (/crm/v3/pipelines/deals) mark closed with probability 1, so
// custom pipelines with numeric stage ids count. BOUNCE proves a send that was not delivered: kept as "sent".
// References: HubSpot CRM API "Pipelines" (https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/guide),
// "Deals" (https://developers.hubspot.com/docs/guides/api/crm/objects/deals), Email Events API
// (https://legacydocs.hubspot.com/docs/methods/email/email_events_overview).
import { AppError } from '../../store/errors';
import { badRecord, fromEpochMs, fromLocal, isObject, joinName, mapLimit, moneyRaw, str } from '../map';
import type { Connector, Page, Reject, Row, StreamContext } from '../types';

const P = 'hubspot';
const CONTACT_PROPS = ['firstname', 'lastname', 'email', 'phone', 'city', 'state', 'cpf', 'gender', 'date_of_birth', 'hs_marketable_status', 'createdate', 'lastmodifieddate'];
const EVENT: Record<string, string> = { SENT: 'sent', DELIVERED: 'delivered', OPEN: 'opened', CLICK: 'clicked', BOUNCE: 'sent' };
type Rec = Record<string, unknown>;
type Mapped = Omit<Page, 'cursor'>;

type CrmCursor = { mode: 'list'; after: string | null; startedAt: number } | { mode: 'search'; since: number };

const props = (r: Rec): Rec => (isObject(r.properties) ? r.properties : {});

/** Contacts or deals: list walk (stable id cursor) on a first or full sync, then search by modification time. */
function crmStream(kind: 'contacts' | 'deals', modProp: string, properties: (ctx: StreamContext) => string[], map: (recs: Rec[], ctx: StreamContext, listed: boolean) => Promise<Mapped>) {
  return async function* pages(ctx: StreamContext, cursor: unknown): AsyncGenerator<Page> {
    const c = cursor as CrmCursor | null;
    if (!c || ctx.full || c.mode === 'list') {
      const resume = c?.mode === 'list' && !ctx.full;
      const startedAt = resume ? c.startedAt : ctx.startedAt.getTime();
      let after: string | null = resume ? c.after : null;
      for (;;) {
        const query = { limit: Math.min(100, (ctx.source.config.pageSize as number | undefined) ?? 100), properties: properties(ctx).join(','), after: after ?? undefined, archived: 'false', associations: kind === 'deals' ? 'contacts' : undefined };
        const body = (await ctx.http.request<Rec>({ path: `/crm/v3/objects/${kind}`, query })).body;
        if (!isObject(body) || !Array.isArray(body.results)) throw new AppError('SOURCE', `HubSpot ${kind} list did not answer with results`);
        const next = isObject(body.paging) && isObject(body.paging.next) ? str(body.paging.next.after) : null;
        ctx.phase(`list ${after ?? 0}`);
        yield { ...(await map(body.results as Rec[], ctx, true)), cursor: next ? { mode: 'list', after: next, startedAt } : { mode: 'search', since: startedAt } };
        if (!next) return;
        after = next;
      }
    }
    let since = c.since - ctx.overlapMs;
    let best = c.since;
    let after = 0;
    for (;;) {
      const json = {
        filterGroups: [{ filters: [{ propertyName: modProp, operator: 'GTE', value: String(since) }] }],
        sorts: [{ propertyName: modProp, direction: 'ASCENDING' }],
        properties: properties(ctx),
        limit: Math.min(200, (ctx.source.config.pageSize as number | undefined) ?? 200),
        after: after ? String(after) : undefined,
      };
      const body = (await ctx.http.request<Rec>({ method: 'POST', path: `/crm/v3/objects/${kind}/search`, json })).body;
      if (!isObject(body) || !Array.isArray(body.results)) throw new AppError('SOURCE', `HubSpot ${kind} search did not answer with results`);
      const recs = body.results as Rec[];
      if (!recs.length) return;
      const top = Math.max(...recs.map((r) => Date.parse(String(props(r)[modProp] ?? r.updatedAt))).filter((n) => !Number.isNaN(n)));
      if (Number.isFinite(top) && top > best) best = top;
      ctx.phase(new Date(best).toISOString().slice(0, 10));
      yield { ...(await map(recs, ctx, false)), cursor: { mode: 'search', since: best } };
      if (!(isObject(body.paging) && isObject(body.paging.next))) return;
      // Move the date filter forward instead of paging deep; page only through a run of equal timestamps.
      if (Number.isFinite(top) && top > since) {
        since = top;
        after = 0;
      } else after += recs.length;
    }
  };
}

async function mapContacts(recs: Rec[]): Promise<Mapped> {
  const rejects: Reject[] = [];
  const customers: Row[] = [];
  for (const r of recs) {
    if (!isObject(r) || !str(r.id)) {
      rejects.push(badRecord('customers', r, 'contact without id'));
      continue;
    }
    const p = props(r);
    const mkt = str(p.hs_marketable_status);
    customers.push({
      customer_id: `${P}:${r.id}`,
      name: joinName(p.firstname, p.lastname),
      email: str(p.email),
      phone: str(p.phone),
      document: str(p.cpf),
      gender: str(p.gender),
      birth_date: str(p.date_of_birth),
      city: str(p.city),
      state: str(p.state),
      created_at: str(p.createdate) ?? str(r.createdAt),
      marketing_opt_in: mkt === null ? null : String(mkt === 'true'),
      source: P,
    });
  }
  return { rows: { customers }, rejects };
}

/** Stage ids that mean won: closed with probability 1 in the account's deal pipelines (default ones included). */
async function wonStages(ctx: StreamContext): Promise<Set<string>> {
  return wonStagesOf((await ctx.http.request<Rec>({ path: '/crm/v3/pipelines/deals' })).body);
}

/** Won stage ids of a GET /crm/v3/pipelines/deals body. */
export function wonStagesOf(body: unknown): Set<string> {
  const won = new Set<string>(['closedwon']);
  for (const p of isObject(body) && Array.isArray(body.results) ? body.results.filter(isObject) : []) {
    for (const st of Array.isArray(p.stages) ? p.stages.filter(isObject) : []) {
      const m = isObject(st.metadata) ? st.metadata : {};
      if (String(m.isClosed) === 'true' && Number(m.probability) === 1 && str(st.id)) won.add(String(st.id));
    }
  }
  return won;
}

/** A deal is won when HubSpot says so (hs_is_closed_won) or its stage is a won stage of its pipeline. */
export function isWonDeal(p: Rec, won: Set<string>): boolean {
  return p.hs_is_closed_won === 'true' || p.hs_is_closed_won === true || won.has(String(p.dealstage ?? ''));
}

/** An e-mail event type as a campaign event type, or null when it is not one (bounceAs: keep BOUNCE as sent or skip). */
export function eventTypeOf(type: unknown, bounceAs: unknown): string | null {
  if (type === 'BOUNCE' && bounceAs === 'skip') return null;
  return EVENT[String(type)] ?? null;
}

async function mapDeals(recs: Rec[], ctx: StreamContext, listed: boolean, won: Set<string>): Promise<Mapped> {
  const campaignProp = String(ctx.source.config.dealCampaignProperty ?? 'email_campaign_id');
  const emailProp = String(ctx.source.config.dealEmailProperty ?? 'customer_email');
  const good = recs.filter((r) => isObject(r) && str(r.id));
  const rejects = recs.filter((r) => !(isObject(r) && str(r.id))).map((r) => badRecord('campaign_events', r, 'deal without id'));
  const contactOf = new Map<string, string>();
  if (listed) {
    for (const d of good) {
      const a = isObject(d.associations) && isObject(d.associations.contacts) && Array.isArray(d.associations.contacts.results) ? d.associations.contacts.results : [];
      if (isObject(a[0]) && str(a[0].id)) contactOf.set(String(d.id), String(a[0].id));
    }
  } else if (good.length) {
    const body = (await ctx.http.request<Rec>({ method: 'POST', path: '/crm/v4/associations/deals/contacts/batch/read', json: { inputs: good.map((d) => ({ id: String(d.id) })) } })).body;
    for (const r of isObject(body) && Array.isArray(body.results) ? body.results : []) {
      if (isObject(r) && isObject(r.from) && Array.isArray(r.to) && isObject(r.to[0])) contactOf.set(String(r.from.id), String(r.to[0].toObjectId));
    }
  }
  const events: Row[] = [];
  const gone: string[] = [];
  for (const d of good) {
    const p = props(d);
    const campaign = str(p[campaignProp]);
    const id = `${P}:deal:${d.id}`;
    if (!isWonDeal(p, won) || !campaign) {
      gone.push(id);
      continue;
    }
    const contact = contactOf.get(String(d.id));
    events.push({
      event_id: id,
      campaign_id: `${P}:${campaign}`,
      customer_id: contact ? `${P}:${contact}` : null,
      _email: contact ? null : (str(p[emailProp])?.toLowerCase() ?? null),
      event_type: 'converted',
      occurred_at: str(p.closedate),
      revenue_amount: moneyRaw(p.amount),
    });
  }
  return { rows: { campaign_events: events }, deletes: { campaign_events: gone }, rejects };
}

/** Deals mapped with the won stages read once per run (pipelines change rarely; a run sees one version). */
function dealMapper() {
  let won: Promise<Set<string>> | null = null;
  let runStart: Date | null = null;
  return async (recs: Rec[], ctx: StreamContext, listed: boolean) => {
    if (!won || runStart !== ctx.startedAt) {
      runStart = ctx.startedAt;
      won = wonStages(ctx);
    }
    return mapDeals(recs, ctx, listed, await won);
  };
}

async function* campaigns(ctx: StreamContext): AsyncGenerator<Page> {
  const ids: string[] = [];
  for (let offset: string | null = '0'; offset !== null; ) {
    const body: unknown = (await ctx.http.request<Rec>({ path: '/email/public/v1/campaigns/by-id', query: { limit: 1000, offset } })).body;
    if (!isObject(body) || !Array.isArray(body.campaigns)) throw new AppError('SOURCE', 'HubSpot campaigns list did not answer with campaigns');
    for (const c of body.campaigns) if (isObject(c) && c.id !== undefined) ids.push(String(c.id));
    offset = body.hasMore ? str(body.offset) : null;
  }
  ctx.phase(`${ids.length} campaigns`);
  const details = await mapLimit(ids, 4, async (id) => (await ctx.http.request<Rec>({ path: `/email/public/v1/campaigns/${encodeURIComponent(id)}`, accept: [404] })).body);
  const rows: Row[] = [];
  details.forEach((d, i) => {
    if (!isObject(d) || d.id === undefined) return;
    rows.push({ campaign_id: `${P}:${ids[i]}`, name: str(d.name) ?? str(d.subject), channel: 'email', segment_id: null, started_at: fromEpochMs(d.lastProcessingStartedAt), budget: null });
  });
  yield { rows: { campaigns: rows }, cursor: {} };
}

async function* events(ctx: StreamContext, cursor: unknown): AsyncGenerator<Page> {
  const stored = (cursor as { since?: number } | null)?.since ?? null;
  const start = stored !== null && !ctx.full ? stored - ctx.overlapMs : fromLocal(String(ctx.source.config.since ?? '2015-01-01'), ctx.timezone);
  let best = ctx.full ? null : stored;
  let offset: string | null = null;
  for (;;) {
    const query: Record<string, string | number | undefined> = { startTimestamp: start, endTimestamp: ctx.startedAt.getTime(), limit: Math.min(1000, (ctx.source.config.pageSize as number | undefined) ?? 1000), offset: offset ?? undefined };
    const body: unknown = (await ctx.http.request<Rec>({ path: '/email/public/v1/events', query })).body;
    if (!isObject(body) || !Array.isArray(body.events)) throw new AppError('SOURCE', 'HubSpot e-mail events did not answer with events');
    const rows: Row[] = [];
    const rejects: Reject[] = [];
    for (const e of body.events) {
      if (!isObject(e) || !str(e.id)) {
        rejects.push(badRecord('campaign_events', e, 'event without id'));
        continue;
      }
      const type = eventTypeOf(e.type, ctx.source.config.bounceAs);
      if (!type) continue; // PROCESSED, DROPPED, DEFERRED...: not campaign events of the data model
      if (typeof e.created === 'number' && (best === null || e.created > best)) best = e.created;
      rows.push({
        event_id: `${P}:${e.id}`,
        campaign_id: e.emailCampaignId === undefined || e.emailCampaignId === null ? null : `${P}:${e.emailCampaignId}`,
        customer_id: null,
        _email: str(e.recipient)?.toLowerCase() ?? null,
        event_type: type,
        occurred_at: fromEpochMs(e.created),
        revenue_amount: null,
      });
    }
    offset = body.hasMore ? str(body.offset) : null;
    ctx.phase(best ? new Date(best).toISOString().slice(0, 10) : '');
    yield { rows: { campaign_events: rows }, rejects, cursor: { since: best } };
    if (!offset) return;
  }
}

/**
 * Events joined to customers by recipient e-mail: the HubSpot contact first, else any customer with that address
 * (a salon or shop customer the CRM mails).
 */
const RECIPIENT_MATCH = `SELECT r.event_id, coalesce(min(c.customer_id) FILTER (WHERE starts_with(c.customer_id, '${P}:')), min(c.customer_id)) AS cid
  FROM (SELECT event_id, _email AS email FROM {events} WHERE _email IS NOT NULL) r JOIN customers c ON lower(c.email) = r.email GROUP BY r.event_id`;

/** Keeps each staged event's recipient and joins it to a customer now (a later run may find a better one). */
const RECIPIENT_SQL = [
  `DELETE FROM sync_event_emails WHERE event_id IN (SELECT event_id FROM new_campaign_events)`,
  `INSERT INTO sync_event_emails SELECT event_id, _email FROM new_campaign_events WHERE _email IS NOT NULL`,
  `UPDATE new_campaign_events n SET customer_id = m.cid FROM (${RECIPIENT_MATCH.replace('{events}', 'new_campaign_events')}) m WHERE m.event_id = n.event_id`,
];

/** After every source of a run: the best customer for each event may have arrived from another source meanwhile. */
async function linkRecipients(tx: import('../../store/db').Tx): Promise<string[]> {
  const best = `(${RECIPIENT_MATCH.replace('{events}', '(SELECT event_id, email AS _email FROM sync_event_emails)')}) m`;
  const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${best} JOIN campaign_events e USING (event_id) WHERE e.customer_id IS DISTINCT FROM m.cid`);
  if (!n) return [];
  await tx.run(`UPDATE campaign_events e SET customer_id = m.cid FROM ${best} WHERE m.event_id = e.event_id AND e.customer_id IS DISTINCT FROM m.cid`);
  return ['campaign_events'];
}

export const hubspotConnector: Connector = {
  afterRun: linkRecipients,
  kind: 'hubspot',
  prefix: P,
  defaultBaseUrl: 'https://api.hubapi.com',
  secrets: [{ name: 'token', required: true }],
  auth: { type: 'headers', headers: (secret) => ({ Authorization: `Bearer ${secret('token')}` }) },
  defaults: { ratePerSec: 10, retryBaseMs: 1000, streamConcurrency: 2 },
  errorMessage: (b) => (isObject(b) && typeof b.message === 'string' ? `${b.message}${typeof b.policyName === 'string' ? ` (${b.policyName})` : typeof b.category === 'string' ? ` (${b.category})` : ''}` : null),
  streams: [
    { name: 'contacts', pages: crmStream('contacts', 'lastmodifieddate', () => CONTACT_PROPS, mapContacts), sweep: { table: 'customers', key: 'customer_id' } },
    { name: 'campaigns', pages: (ctx) => campaigns(ctx) },
    {
      name: 'email_events',
      pages: events,
      // Joined to customers by e-mail: the HubSpot contact first, else any customer with that address.
      afterStage: { campaign_events: RECIPIENT_SQL },
    },
    {
      name: 'deals',
      pages: crmStream('deals', 'hs_lastmodifieddate', (ctx) => [
          'dealname',
          'amount',
          'closedate',
          'dealstage',
          'pipeline',
          'hs_is_closed_won',
          'createdate',
          'hs_lastmodifieddate',
          String(ctx.source.config.dealCampaignProperty ?? 'email_campaign_id'),
          String(ctx.source.config.dealEmailProperty ?? 'customer_email'),
        ],
        dealMapper(),
      ),
      afterStage: { campaign_events: RECIPIENT_SQL },
    },
  ],
};
