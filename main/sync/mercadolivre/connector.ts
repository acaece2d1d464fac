// Mercado Livre (MLB): orders by order.date_last_updated in date windows that each fit one page (paging.total
// tells when to split), buyers from orders, and a listing round per sync — own listings (offset, or scan with
// scroll_id past 1,000) and tracked competitors through the 20-id multiget — stored as listing_snapshots.
import { AppError } from '../../store/errors';
import { badRecord, cents, fromLocal, isObject, mapLimit, minusMs, str } from '../map';
import { statusMapper } from '../statusMap';
import type { SourceHttp } from '../http';
import type { Connector, Page, Reject, Row, StreamContext, TokenSet } from '../types';
import { walkWindows } from '../windows';
import { mapListing, mapOrder, P } from './map';

const LIMIT = 50;
// paging.total says when a window must be split, so one wide window costs one request when nothing is in it.
const SPAN_MS = 20 * 365 * 86_400_000;
type Rec = Record<string, unknown>;

async function sellerId(ctx: StreamContext): Promise<string> {
  const configured = ctx.source.config.sellerId as string | null | undefined;
  if (configured) return configured;
  const me = (await ctx.http.request<Rec>({ path: '/users/me' })).body;
  if (!isObject(me) || me.id === undefined) throw new AppError('SOURCE', 'Mercado Livre did not say which seller this account is (/users/me)');
  return String(me.id);
}

async function* orders(ctx: StreamContext, cursor: unknown): AsyncGenerator<Page> {
  const seller = await sellerId(ctx);
  const stored = (cursor as { until?: string } | null)?.until ?? null;
  const start = stored && !ctx.full ? Date.parse(minusMs(stored, ctx.overlapMs) ?? stored) : fromLocal(String(ctx.source.config.since ?? '2015-01-01'), ctx.timezone);
  let until = ctx.full ? null : stored;
  const locationId = (ctx.source.config.locationId as string | null) ?? null;
  const status = statusMapper('mercadolivre', ctx.source.config, ctx.statuses);
  // Dates as the API's examples write them: milliseconds and a numeric offset (2015-07-01T00:00:00.000-00:00).
  const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '-00:00');
  const walk = walkWindows<Rec>(start, ctx.startedAt.getTime(), SPAN_MS, async (w, page) => {
    const query = {
      seller,
      'order.date_last_updated.from': stamp(w.from),
      'order.date_last_updated.to': stamp(w.to + 999),
      sort: 'date_asc',
      offset: (page - 1) * LIMIT,
      limit: LIMIT,
    };
    const body = (await ctx.http.request<Rec>({ path: '/orders/search', query })).body;
    if (!isObject(body) || !Array.isArray(body.results)) throw new AppError('SOURCE', 'Mercado Livre /orders/search did not answer with results');
    const total = isObject(body.paging) ? Number(body.paging.total) : body.results.length;
    return { items: body.results as Rec[], full: total > page * LIMIT, total };
  });
  for await (const step of walk) {
    if (step.complete) until = new Date(step.until).toISOString();
    const rows: Record<string, Row[]> = { sales: [], sale_lines: [], payments: [], customers: [] };
    const rejects: Reject[] = [];
    const parents: string[] = [];
    const good = step.items.filter((o) => {
      if (isObject(o) && o.id !== undefined && o.id !== null) return true;
      rejects.push(badRecord('sales', o, 'order without id'));
      return false;
    });
    const fees = await shippingFees(ctx, seller, good);
    const groups: { saleId: string; groupId: string }[] = [];
    for (const o of good) {
      const m = mapOrder(o, { locationId, status, shippingFee: fees.get(String(o.id)) ?? null });
      for (const [t, list] of Object.entries(m.rows)) rows[t].push(...(list as Row[]));
      parents.push(m.saleId);
      // One cart bought at once is a pack of several orders: kept so the orders can be seen as one purchase.
      if (o.pack_id !== undefined && o.pack_id !== null) groups.push({ saleId: m.saleId, groupId: `${P}:pack:${o.pack_id}` });
    }
    const facts = { groups, statuses: [...new Set(good.map((o) => String(o.status ?? '')).filter(Boolean))].map((code) => ({ code, name: null, inherited: null })) };
    ctx.phase(new Date(step.window.to).toISOString().slice(0, 10));
    yield { rows, rejects, replaceChildren: { sale_lines: parents, payments: parents }, facts, cursor: { until } };
  }
}

/**
 * The seller's shipping cost per order (cents): /shipments/{id}/costs lists what each sender pays. Orders of one pack
 * share a shipment, so its cost goes to the lowest order id of the page that carries it (counted once).
 */
async function shippingFees(ctx: StreamContext, seller: string, orders: Rec[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ctx.source.config.shippingCosts === false) return out;
  const byShipment = new Map<string, string>();
  for (const o of [...orders].sort((a, b) => Number(a.id) - Number(b.id))) {
    const sid = isObject(o.shipping) && o.shipping.id !== undefined && o.shipping.id !== null ? String(o.shipping.id) : null;
    if (sid && !byShipment.has(sid)) byShipment.set(sid, String(o.id));
  }
  await mapLimit([...byShipment.entries()], 4, async ([sid, orderId]) => {
    const res = await ctx.http.request<Rec>({ path: `/shipments/${encodeURIComponent(sid)}/costs`, accept: [404] });
    if (res.status === 404 || !isObject(res.body)) return;
    const senders = Array.isArray(res.body.senders) ? res.body.senders.filter(isObject) : [];
    const mine = senders.filter((x) => x.user_id === undefined || String(x.user_id) === seller);
    const cost = mine.reduce((a, x) => a + (cents(x.cost) ?? 0), 0);
    if (cost) out.set(orderId, cost);
  });
  return out;
}

interface Round {
  observedAt: string;
  ownDone: boolean;
}

/** One snapshot round per sync; a round interrupted by a crash is finished with the same observed_at. */
async function* listings(ctx: StreamContext, cursor: unknown): AsyncGenerator<Page> {
  const seller = await sellerId(ctx);
  const open = (cursor as { round?: Round | null } | null)?.round;
  const round: Round = open && !ctx.full ? open : { observedAt: ctx.startedAt.toISOString(), ownDone: false };
  const fetchIds = async (ids: string[], against: Map<string, string> = new Map()): Promise<Pick<Page, 'rows' | 'rejects'>> => {
    const items: Row[] = [];
    const snapshots: Row[] = [];
    const rejects: Reject[] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const body = (await ctx.http.request<unknown>({ path: '/items', query: { ids: ids.slice(i, i + 20).join(',') } })).body;
      if (!Array.isArray(body)) throw new AppError('SOURCE', 'Mercado Livre /items did not answer with a list');
      for (const r of body) {
        if (!isObject(r) || r.code !== 200 || !isObject(r.body) || !str(r.body.id)) {
          rejects.push(badRecord('listing_snapshots', isObject(r) ? r.body : r, `listing not available (code ${isObject(r) ? String(r.code) : '?'})`));
          continue;
        }
        const m = mapListing(r.body, round.observedAt, seller, against.get(String(r.body.id)));
        if (m.item) items.push(m.item);
        snapshots.push(m.snapshot);
      }
    }
    return { rows: { items, listing_snapshots: snapshots }, rejects };
  };
  if (!round.ownDone) {
    let offset = 0;
    let scroll: string | null = null;
    let scan = false;
    for (;;) {
      const query: Record<string, string | number> = scan ? { search_type: 'scan', limit: 100, ...(scroll ? { scroll_id: scroll } : {}) } : { offset, limit: LIMIT };
      const body = (await ctx.http.request<Rec>({ path: `/users/${encodeURIComponent(seller)}/items/search`, query })).body;
      if (!isObject(body) || !Array.isArray(body.results)) throw new AppError('SOURCE', 'Mercado Livre items search did not answer with results');
      const total = isObject(body.paging) ? Number(body.paging.total) : 0;
      if (!scan && offset === 0 && total > 1000) {
        scan = true;
        continue;
      }
      const ids = (body.results as unknown[]).map(String);
      const page = await fetchIds(ids);
      offset += ids.length;
      scroll = str(body.scroll_id);
      const last = ids.length === 0 || (!scan && offset >= total);
      if (last) round.ownDone = true;
      ctx.phase(`own listings ${offset}/${total}`);
      yield { ...page, cursor: { round: { ...round } } };
      if (last) break;
    }
  }
  const tracked = ((ctx.source.config.trackedListings as string[] | undefined) ?? []).map((t) => t.split('='));
  const against = new Map(tracked.filter((t) => t[1]).map(([id, own]) => [id, own]));
  for (let i = 0; i < tracked.length; i += 100) {
    ctx.phase(`tracked listings ${i}/${tracked.length}`);
    yield { ...(await fetchIds(tracked.slice(i, i + 100).map((t) => t[0]), against)), cursor: { round: { ...round } } };
  }
  yield { rows: {}, cursor: { round: null, last: round.observedAt } };
}

async function grant(http: SourceHttp, g: { code?: string; refreshToken?: string }, secret: (n: string) => string, redirectUri: string): Promise<TokenSet> {
  const form: Record<string, string> = g.refreshToken
    ? { grant_type: 'refresh_token', client_id: secret('clientId'), client_secret: secret('clientSecret'), refresh_token: g.refreshToken }
    : { grant_type: 'authorization_code', client_id: secret('clientId'), client_secret: secret('clientSecret'), code: g.code ?? '', redirect_uri: redirectUri };
  const b = (await http.request<Rec>({ method: 'POST', path: '/oauth/token', form, auth: false, idempotent: false })).body;
  if (!isObject(b) || typeof b.access_token !== 'string') throw new AppError('SOURCE', 'Mercado Livre answered the token request without an access token');
  return { accessToken: b.access_token, refreshToken: str(b.refresh_token) ?? undefined, expiresAt: Date.now() + Number(b.expires_in ?? 21600) * 1000 };
}

export const mercadoLivreConnector: Connector = {
  kind: 'mercadolivre',
  prefix: P,
  defaultBaseUrl: 'https://api.mercadolibre.com',
  secrets: [
    { name: 'clientId', required: true },
    { name: 'clientSecret', required: true },
    { name: 'code', required: false },
    { name: 'refreshToken', required: false },
  ],
  auth: { type: 'oauth', grant: (http, g, secret, config) => grant(http, g, secret, String(config.redirectUri ?? 'https://localhost/painel/oauth')) },
  defaults: { ratePerSec: 10, retryBaseMs: 1000, streamConcurrency: 2 },
  errorMessage: (b) => (isObject(b) && typeof b.message === 'string' ? `${b.message}${typeof b.error === 'string' ? ` (${b.error})` : ''}` : null),
  streams: [
    { name: 'orders', pages: orders, keepEarliest: { customers: ['created_at'] } },
    { name: 'listings', pages: listings },
  ],
};
