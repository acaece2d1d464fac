// HubSpot: private-app Bearer token; CRM v3 contacts and deals (list with `after` cursors, limit <= 100; POST search
// by last-modified date, limit <= 200, at most 10,000 results per search), v4 deal-to-contact associations, and
// the v1 e-mail API (campaigns, events paged by hasMore + offset). Errors { status, message, category } and 429s
// naming policyName. Won deals credited to an e-mail campaign are the canonical "converted" events.
// Payloads follow HubSpot's CRM "Deals" and "Pipelines" guides (https://developers.hubspot.com/docs/guides/api/crm/objects/deals,
// https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/guide: pipelines with stages whose metadata says
// isClosed and probability) and the Email Events API (https://legacydocs.hubspot.com/docs/methods/email/email_events_overview).
// Quirks kept: won deals in a custom pipeline with numeric stage ids, some without hs_is_closed_won, and sends that
// bounced reported as BOUNCE instead of SENT.
import type { Params } from '../../store/db';
import type { SimDataset } from './dataset';
import { bearer, SimServer, type SimRequest, type SimResponse } from './server';
import { applyMutation, numericNextId, type MutateOp, type Simulator } from './simulator';

const P = 'hubspot';
const nat = (c: string) => `regexp_replace(${c}, '^${P}:', '')`;
const isoMs = (c: string) => `strftime(timezone('UTC', ${c}), '%Y-%m-%dT%H:%M:%S.%gZ')`;
const epochMs = (c: string) => `epoch_ms(${c})`;
const TYPE: Record<string, string> = { sent: 'SENT', delivered: 'DELIVERED', opened: 'OPEN', clicked: 'CLICK' };
const SEARCH_CAP = 10_000;
const CUSTOM_PIPELINE = '7340018';
const CUSTOM_WON = '7340023';
const stage = (id: string, label: string, order: number, probability: string, closed: boolean) => ({
  id,
  label,
  displayOrder: order,
  metadata: { isClosed: String(closed), probability },
  createdAt: '2023-03-01T12:00:00.000Z',
  updatedAt: '2023-03-01T12:00:00.000Z',
  archived: false,
});
/** GET /crm/v3/pipelines/deals: the default sales pipeline and a custom one, as the Pipelines guide shows them. */
export const HUBSPOT_PIPELINES = {
  results: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '2023-03-01T12:00:00.000Z',
      updatedAt: '2023-03-01T12:00:00.000Z',
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', 0, '0.2', false),
        stage('qualifiedtobuy', 'Qualified To Buy', 1, '0.4', false),
        stage('contractsent', 'Contract Sent', 2, '0.9', false),
        stage('closedwon', 'Closed Won', 3, '1.0', true),
        stage('closedlost', 'Closed Lost', 4, '0.0', true),
      ],
    },
    {
      id: CUSTOM_PIPELINE,
      label: 'Vendas do salão',
      displayOrder: 1,
      archived: false,
      createdAt: '2024-05-10T12:00:00.000Z',
      updatedAt: '2024-05-10T12:00:00.000Z',
      stages: [
        stage('7340019', 'Orçamento enviado', 0, '0.3', false),
        stage('7340021', 'Agendado', 1, '0.7', false),
        stage(CUSTOM_WON, 'Pago', 2, '1.0', true),
        stage('7340024', 'Desistiu', 3, '0.0', true),
      ],
    },
  ],
};

async function normalise(d: SimDataset): Promise<void> {
  const ms = (t: string, cols: string[], key: string) => d.run(`UPDATE ${t} SET ${cols.map((c) => `${c} = date_trunc('millisecond', ${c})`).join(', ')} WHERE starts_with(${key}, '${P}:')`);
  await ms('customers', ['created_at', '_mod'], 'customer_id');
  await d.run(`UPDATE customers SET source = '${P}' WHERE starts_with(customer_id, '${P}:')`);
  // The e-mail API carries e-mail campaigns only (no budget or segment); other channels are not HubSpot's to serve.
  await d.run(`DELETE FROM campaign_events WHERE starts_with(event_id, '${P}:') AND campaign_id IN (SELECT campaign_id FROM campaigns WHERE channel IS DISTINCT FROM 'email')`);
  await d.run(`DELETE FROM campaigns WHERE starts_with(campaign_id, '${P}:') AND channel IS DISTINCT FROM 'email'`);
  await d.run(`UPDATE campaigns SET segment_id = NULL, budget = NULL WHERE starts_with(campaign_id, '${P}:')`);
  // Conversions are won deals (numeric ids); e-mail events reach a customer through the recipient's address.
  await d.run(`UPDATE campaign_events e SET event_id = '${P}:deal:' || (700000 + r.n) FROM
      (SELECT event_id, row_number() OVER (ORDER BY event_id) AS n FROM campaign_events WHERE starts_with(event_id, '${P}:') AND event_type = 'converted' AND NOT regexp_matches(event_id, '^${P}:deal:[0-9]+$')) r
    WHERE e.event_id = r.event_id`);
  await d.run(`UPDATE campaign_events e SET customer_id = NULL WHERE starts_with(event_id, '${P}:') AND NOT starts_with(coalesce(customer_id, ''), '${P}:')
    AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = e.customer_id AND c.email IS NOT NULL)`);
  await ms('campaigns', ['started_at', '_mod'], 'campaign_id');
  await ms('campaign_events', ['occurred_at', '_mod'], 'event_id');
  await d.run(`UPDATE campaign_events SET revenue_amount = NULL WHERE starts_with(event_id, '${P}:') AND event_type <> 'converted'`);
}

export async function createHubSpotSimulator(data: SimDataset, token = 'pat-na1-simulated-0001'): Promise<Simulator> {
  await normalise(data);
  const fail = (status: number, category: string, message: string): SimResponse => ({ status, body: { status: 'error', message, correlationId: '00000000-0000-4000-8000-000000000000', category } });
  const auth = (req: SimRequest) => (bearer(req) === token ? null : fail(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 and private app authentication.'));

  const CONTACTS = `SELECT ${nat('customer_id')}::BIGINT AS id, customer_id AS cid, 'customers' AS t, _mod, name, email, phone, city, state, document, gender, strftime(birth_date, '%Y-%m-%d') AS birth,
      marketing_opt_in, ${isoMs('created_at')} AS created, ${isoMs('_mod')} AS modified FROM customers WHERE starts_with(customer_id, '${P}:')`;
  const DEALS = `SELECT regexp_replace(event_id, '^${P}:deal:', '')::BIGINT AS id, event_id AS cid, 'campaign_events' AS t, _mod, revenue_amount::VARCHAR AS amount, ${isoMs('occurred_at')} AS closed,
      ${isoMs('_mod')} AS modified, ${nat('campaign_id')} AS campaign, CASE WHEN starts_with(customer_id, '${P}:') THEN ${nat('customer_id')} END AS contact,
      CASE WHEN NOT starts_with(customer_id, '${P}:') THEN (SELECT email FROM customers c WHERE c.customer_id = e.customer_id) END AS email
      FROM campaign_events e WHERE starts_with(event_id, '${P}:deal:')`;

  const contactProps = (r: Record<string, unknown>) => {
    const [first = '', ...rest] = String(r.name ?? '').split(' ');
    return {
      firstname: r.name === null ? null : first,
      lastname: r.name === null ? null : rest.join(' '),
      email: r.email,
      phone: r.phone,
      city: r.city,
      state: r.state,
      cpf: r.document,
      gender: r.gender,
      date_of_birth: r.birth,
      hs_marketable_status: r.marketing_opt_in === null ? null : String(r.marketing_opt_in),
      createdate: r.created,
      lastmodifieddate: r.modified,
      hs_object_id: String(r.id),
    };
  };
  const dealProps = (r: Record<string, unknown>) => ({
    dealname: `Venda ${r.id}`,
    amount: r.amount,
    closedate: r.closed,
    // One deal in three is in the default pipeline; the others in the salon's own pipeline, with numeric stage ids.
    dealstage: Number(r.id) % 3 === 2 ? 'closedwon' : CUSTOM_WON,
    pipeline: Number(r.id) % 3 === 2 ? 'default' : CUSTOM_PIPELINE,
    ...(Number(r.id) % 3 === 0 ? {} : { hs_is_closed_won: 'true' }),
    createdate: r.closed,
    hs_lastmodifieddate: r.modified,
    email_campaign_id: r.campaign,
    // Deals of people who are not CRM contacts (salon customers) carry their e-mail in a custom property.
    customer_email: r.email ?? null,
    hs_object_id: String(r.id),
  });
  const obj = (r: Record<string, unknown>, props: Record<string, unknown>, wanted: string[] | null) => {
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (!wanted || wanted.includes(k) || k === 'hs_object_id' || k === 'createdate' || k.endsWith('lastmodifieddate')) properties[k] = v;
    const out: Record<string, unknown> = { id: String(r.id), properties, createdAt: props.createdate, updatedAt: r.modified, archived: false };
    if (server.isBad(String(r.cid))) {
      properties.createdate = 'ontem à tarde';
      properties.amount = 'muito';
      properties.email_campaign_id = null;
      out.properties = properties;
    }
    return out;
  };

  async function listObjects(req: SimRequest, kind: 'contacts' | 'deals'): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const limit = Number(req.query.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'VALIDATION_ERROR', 'limit must be between 1 and 100');
    const after = req.query.get('after');
    const view = kind === 'contacts' ? CONTACTS : DEALS;
    if (server.shiftPoint(kind)) {
      const [first] = await data.all<{ cid: string; t: string }>(`SELECT cid, t FROM (${view}) v ORDER BY id LIMIT 1`);
      if (first) await data.touch(first.t as 'customers', first.cid, '');
    }
    const rows = await data.all<Record<string, unknown>>(`SELECT * FROM (${view}) v ${after ? 'WHERE id > $1::BIGINT' : ''} ORDER BY id LIMIT ${limit + 1}`, after ? [after] : []);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const wanted = req.query.get('properties')?.split(',') ?? null;
    const results = page.map((r) => {
      const o = obj(r, kind === 'contacts' ? contactProps(r) : dealProps(r), wanted);
      if (kind === 'deals' && (req.query.get('associations') ?? '').includes('contacts')) o.associations = { contacts: { results: r.contact ? [{ id: String(r.contact), type: 'deal_to_contact' }] : [] } };
      return o;
    });
    const last = page[page.length - 1];
    return { body: { results, ...(more && last ? { paging: { next: { after: String(last.id), link: `${server.baseUrl}/crm/v3/objects/${kind}?after=${last.id}` } } } : {}) } };
  }

  async function searchObjects(req: SimRequest, kind: 'contacts' | 'deals'): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const b = (req.body ?? {}) as { filterGroups?: { filters?: { propertyName: string; operator: string; value: string }[] }[]; limit?: number; after?: string; properties?: string[] };
    const limit = b.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fail(400, 'VALIDATION_ERROR', 'limit must be between 1 and 200');
    const offset = Number(b.after ?? 0);
    if (offset + limit > SEARCH_CAP) return fail(400, 'VALIDATION_ERROR', `There was a problem with the request: paging past ${SEARCH_CAP} results is not allowed`);
    const view = kind === 'contacts' ? CONTACTS : DEALS;
    const params: unknown[] = [];
    const where: string[] = [];
    for (const f of b.filterGroups?.[0]?.filters ?? []) {
      if (!['lastmodifieddate', 'hs_lastmodifieddate'].includes(f.propertyName)) return fail(400, 'VALIDATION_ERROR', `unsupported filter property ${f.propertyName}`);
      const op = { GTE: '>=', GT: '>', LTE: '<=', LT: '<', EQ: '=' }[f.operator];
      if (!op) return fail(400, 'VALIDATION_ERROR', `unsupported operator ${f.operator}`);
      params.push(Number(f.value));
      where.push(`epoch_ms(_mod) ${op} $${params.length}::BIGINT`);
    }
    const sql = `FROM (${view}) v ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    if (server.shiftPoint(`${kind}-search`)) {
      const [first] = await data.all<{ cid: string; t: string }>(`SELECT cid, t ${sql} ORDER BY _mod, id LIMIT 1`, params as Params);
      if (first) await data.touch(first.t as 'customers', first.cid, '');
    }
    const rows = await data.all<Record<string, unknown>>(`SELECT * ${sql} ORDER BY _mod, id LIMIT ${limit} OFFSET ${offset}`, params as Params);
    const [{ n }] = await data.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n ${sql}`, params as Params);
    const results = rows.map((r) => obj(r, kind === 'contacts' ? contactProps(r) : dealProps(r), b.properties ?? null));
    return { body: { total: n, results, ...(offset + rows.length < n ? { paging: { next: { after: String(offset + rows.length) } } } : {}) } };
  }

  async function associations(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const ids = ((req.body as { inputs?: { id: string }[] })?.inputs ?? []).map((i) => i.id);
    const rows = await data.all<{ id: number; contact: string | null }>(`SELECT id::DOUBLE AS id, contact FROM (${DEALS}) v WHERE id::VARCHAR IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify(ids)]);
    return {
      body: {
        status: 'COMPLETE',
        results: rows.filter((r) => r.contact).map((r) => ({ from: { id: String(r.id) }, to: [{ toObjectId: Number(r.contact), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }] })),
      },
    };
  }

  async function campaignsById(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Math.min(1000, Number(req.query.get('limit') ?? 100));
    const rows = await data.all<{ id: string; m: number }>(`SELECT ${nat('campaign_id')} AS id, ${epochMs('_mod')}::DOUBLE AS m FROM campaigns WHERE starts_with(campaign_id, '${P}:') ORDER BY 1 LIMIT ${limit + 1} OFFSET ${offset}`);
    return { body: { campaigns: rows.slice(0, limit).map((r) => ({ id: Number(r.id), appId: 113, appName: 'Batch', lastUpdatedTime: r.m })), hasMore: rows.length > limit, offset: String(offset + Math.min(limit, rows.length)) } };
  }

  async function campaign(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const [c] = await data.all<Record<string, unknown>>(`SELECT name, ${epochMs('started_at')}::DOUBLE AS s FROM campaigns WHERE campaign_id = $1`, [`${P}:${req.params.id}`]);
    if (!c) return fail(404, 'OBJECT_NOT_FOUND', 'campaign not found');
    return { body: { id: Number(req.params.id), appId: 113, appName: 'Batch', name: c.name, subject: c.name, type: 'BATCH_EMAIL', lastProcessingStartedAt: c.s, lastProcessingFinishedAt: c.s, counters: {} } };
  }

  async function events(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const limit = Math.min(1000, Number(req.query.get('limit') ?? 100));
    const params: unknown[] = [];
    const where = [`starts_with(e.event_id, '${P}:')`, `NOT starts_with(e.event_id, '${P}:deal:')`];
    const start = req.query.get('startTimestamp');
    const end = req.query.get('endTimestamp');
    if (start) where.push(`epoch_ms(e.occurred_at) >= $${params.push(Number(start))}::BIGINT`);
    if (end) where.push(`epoch_ms(e.occurred_at) <= $${params.push(Number(end))}::BIGINT`);
    const off = req.query.get('offset');
    if (off) {
      const [t, id] = Buffer.from(off, 'base64url').toString('utf8').split('|');
      where.push(`(epoch_ms(e.occurred_at), e.event_id) > ($${params.push(Number(t))}::BIGINT, $${params.push(id)})`);
    }
    const rows = await data.all<Record<string, unknown>>(
      `SELECT e.event_id, ${nat('e.event_id')} AS id, e.event_type, epoch_ms(e.occurred_at)::DOUBLE AS created, ${nat('e.campaign_id')} AS campaign, c.email
       FROM campaign_events e LEFT JOIN customers c USING (customer_id) WHERE ${where.join(' AND ')} ORDER BY epoch_ms(e.occurred_at), e.event_id LIMIT ${limit + 1}`,
      params as Params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      body: {
        events: page.map((r) => ({
          id: r.id,
          // A send that bounced is reported as BOUNCE (after PROCESSED), not as SENT: every fourth one here.
          type: r.event_type === 'sent' && [...String(r.id)].reduce((a, c) => a + c.charCodeAt(0), 0) % 4 === 0 ? 'BOUNCE' : (TYPE[String(r.event_type)] ?? 'PROCESSED'),
          created: server.isBad(String(r.event_id)) ? 'ontem' : r.created,
          recipient: r.email ?? '',
          emailCampaignId: Number(r.campaign),
          appId: 113,
          portalId: 62515,
        })),
        hasMore: rows.length > limit,
        offset: last ? Buffer.from(`${last.created}|${last.event_id}`).toString('base64url') : (off ?? ''),
      },
    };
  }

  const server: SimServer = new SimServer({
    name: 'hubspot',
    basePath: '',
    routes: [
      { method: 'GET', pattern: '/crm/v3/objects/contacts', handler: (r) => listObjects(r, 'contacts') },
      { method: 'POST', pattern: '/crm/v3/objects/contacts/search', handler: (r) => searchObjects(r, 'contacts') },
      { method: 'GET', pattern: '/crm/v3/objects/deals', handler: (r) => listObjects(r, 'deals') },
      { method: 'POST', pattern: '/crm/v3/objects/deals/search', handler: (r) => searchObjects(r, 'deals') },
      { method: 'POST', pattern: '/crm/v4/associations/deals/contacts/batch/read', handler: associations },
      { method: 'GET', pattern: '/email/public/v1/campaigns/by-id', handler: campaignsById },
      { method: 'GET', pattern: '/email/public/v1/campaigns/:id', handler: campaign },
      { method: 'GET', pattern: '/email/public/v1/events', handler: events },
      { method: 'GET', pattern: '/crm/v3/pipelines/deals', handler: (r) => auth(r) ?? { body: HUBSPOT_PIPELINES } },
    ],
    errorBody: (status, message) =>
      status === 429
        ? { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: '0', policyName: 'TEN_SECONDLY_ROLLING' }
        : { status: 'error', message, correlationId: '0', category: status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR' },
    control: (op) => sim.mutate(op as MutateOp),
  });
  const next = numericNextId(data, P);
  const sim: Simulator = {
    kind: 'hubspot',
    prefix: P,
    data,
    server,
    credentials: { token },
    config: {},
    tables: ['customers', 'campaigns', 'campaign_events'],
    volatile: {},
    listen: (port) => server.listen(port),
    mutate: async (op) => {
      const r = await applyMutation(data, op, next, () => next('payments'));
      await normalise(data);
      return r;
    },
    close: () => server.close(),
  };
  return sim;
}
