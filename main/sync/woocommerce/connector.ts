// WooCommerce REST v3: products and orders by modification time, customers as a full sweep. Orders and products
// are read with a moving lower bound (modified_after = newest seen - 1 s, page 1) instead of walking page numbers,
// so an order changed during the sync moves to the end rather than shifting an unread one onto a read page.
import { AppError } from '../../store/errors';
import { badRecord, isObject, mapLimit } from '../map';
import type { Connector, Page, Reject, Row, StreamContext } from '../types';
import { statusMapper } from '../statusMap';
import { mapCustomer, mapOrder, mapProduct, P, type WooRefund } from './map';

const PER_PAGE = 100;

const naive = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const asMs = (s: string) => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);

function list(res: { body: unknown }, ctx: StreamContext, path: string): Record<string, unknown>[] {
  if (!Array.isArray(res.body)) throw new AppError('SOURCE', `${ctx.source.name}: ${path} did not answer with a list`);
  return res.body as Record<string, unknown>[];
}

type Mapped = Omit<Page, 'cursor'>;

/** Pages of records modified after the stored cursor, oldest first, with a moving lower bound. */
async function* modifiedWalk(ctx: StreamContext, path: string, cursor: unknown, map: (recs: Record<string, unknown>[]) => Promise<Mapped>): AsyncGenerator<Page> {
  const stored = (cursor as { modified?: string } | null)?.modified ?? null;
  let lower: string | null = stored && !ctx.full ? naive(asMs(stored) - ctx.overlapMs) : null;
  let best = ctx.full ? null : stored;
  let page = 1;
  const perPage = Math.min(PER_PAGE, (ctx.source.config.pageSize as number | undefined) ?? PER_PAGE);
  const fetchPage = async (lowerBound: string | null, n: number) => {
    const query = { per_page: perPage, page: n, orderby: 'modified', order: 'asc', dates_are_gmt: 'true', modified_after: lowerBound ?? undefined };
    return list(await ctx.http.request({ path, query }), ctx, path);
  };
  let next: Promise<Record<string, unknown>[]> | null = fetchPage(lower, page);
  while (next) {
    const recs = await next;
    next = null;
    if (!recs.length) return;
    const mods = recs.map((r) => (isObject(r) && typeof r.date_modified_gmt === 'string' ? r.date_modified_gmt : null)).filter((m): m is string => !!m && !Number.isNaN(asMs(m)));
    const top = mods.length ? mods.reduce((a, b) => (asMs(a) >= asMs(b) ? a : b)) : null;
    if (top && (!best || asMs(top) > asMs(best))) best = top;
    if (recs.length >= perPage) {
      const bound = top ? naive(asMs(top) - 1000) : null;
      if (bound === null || (lower !== null && asMs(bound) <= asMs(lower))) page++;
      else {
        lower = bound;
        page = 1;
      }
      // The next page is already on its way while this one is mapped (and its refunds fetched).
      next = fetchPage(lower, page);
      next.catch(() => undefined);
    }
    const mapped = await map(recs);
    ctx.phase(best ? best.slice(0, 10) : `page ${page}`);
    yield { ...mapped, cursor: { modified: best } };
  }
}

export const wooConnector: Connector = {
  kind: 'woocommerce',
  prefix: P,
  defaultBaseUrl: null,
  secrets: [
    { name: 'key', required: true },
    { name: 'secret', required: true },
  ],
  auth: {
    type: 'headers',
    // Basic auth; the consumer_key/consumer_secret parameters are for servers that strip the header (authMode "query").
    headers: (secret, config): Record<string, string> =>
      config.authMode === 'query' ? {} : { Authorization: `Basic ${Buffer.from(`${secret('key')}:${secret('secret')}`).toString('base64')}` },
    query: (secret, config): Record<string, string> => (config.authMode === 'query' ? { consumer_key: secret('key'), consumer_secret: secret('secret') } : {}),
  },
  // Products, customers and orders are read side by side; WooCommerce publishes no rate limit.
  defaults: { streamConcurrency: 3 },
  errorMessage: (b) => (isObject(b) && typeof b.message === 'string' ? `${b.message}${typeof b.code === 'string' ? ` (${b.code})` : ''}` : null),
  streams: [
    {
      name: 'products',
      sweep: { table: 'items', key: 'item_id' },
      pages: (ctx, cursor) =>
        modifiedWalk(ctx, '/products', cursor, async (recs) => {
          const rejects: Reject[] = [];
          const items: Row[] = [];
          for (const r of recs) {
            if (!isObject(r) || r.id === undefined) rejects.push(badRecord('items', r, 'product without id'));
            else items.push(mapProduct(r, String(ctx.source.config.costMetaKey ?? '_wc_cog_cost')));
          }
          return { rows: { items }, rejects };
        }),
    },
    {
      name: 'customers',
      sweep: { table: 'customers', key: 'customer_id', where: `NOT starts_with(customer_id, '${P}:guest:')` },
      async *pages(ctx, cursor) {
        // No date filter on /customers: every sync sweeps all pages; the page is the cursor while a sweep runs.
        let page = !ctx.full && typeof (cursor as { page?: unknown })?.page === 'number' ? ((cursor as { page: number }).page as number) : 1;
        const perPage = Math.min(PER_PAGE, (ctx.source.config.pageSize as number | undefined) ?? PER_PAGE);
        for (;;) {
          const recs = list(await ctx.http.request({ path: '/customers', query: { per_page: perPage, page, orderby: 'id', order: 'asc' } }), ctx, '/customers');
          const rejects: Reject[] = [];
          const customers: Row[] = [];
          for (const r of recs) {
            if (!isObject(r) || r.id === undefined) rejects.push(badRecord('customers', r, 'customer without id'));
            else customers.push(mapCustomer(r));
          }
          const last = recs.length < perPage;
          ctx.phase(`page ${page}`);
          yield { rows: { customers }, rejects, cursor: last ? { page: null } : { page: page + 1 }, done: last };
          if (last) return;
          page++;
        }
      },
    },
    {
      name: 'orders',
      sweep: { table: 'sales', key: 'sale_id' },
      keepEarliest: { customers: ['created_at'] },
      pages: (ctx, cursor) =>
        modifiedWalk(ctx, '/orders', cursor, async (recs) => {
          const rows: Record<string, Row[]> = { sales: [], sale_lines: [], payments: [], customers: [] };
          const rejects: Reject[] = [];
          const parents: string[] = [];
          const good = recs.filter((r) => {
            if (isObject(r) && (typeof r.id === 'number' || typeof r.id === 'string')) return true;
            rejects.push(badRecord('sales', r, 'order without id'));
            return false;
          });
          // Every refund of an order: per_page defaults to 10 on this endpoint too, so ask for 100 and page on.
          const refunds = await mapLimit(good, 6, async (o) => {
            if (!Array.isArray(o.refunds) || o.refunds.length === 0) return [] as WooRefund[];
            const out: WooRefund[] = [];
            for (let page = 1; ; page++) {
              const res = await ctx.http.request({ path: `/orders/${encodeURIComponent(String(o.id))}/refunds`, query: { per_page: PER_PAGE, page } });
              const got = list(res, ctx, '/orders/<id>/refunds') as unknown as WooRefund[];
              out.push(...got);
              if (got.length < PER_PAGE) return out;
            }
          });
          const status = statusMapper('woocommerce', ctx.source.config, ctx.statuses);
          const seen = new Set<string>();
          good.forEach((o, i) => {
            if (typeof o.status === 'string') seen.add(o.status);
            const m = mapOrder(o, refunds[i], { locationId: (ctx.source.config.locationId as string | null) ?? null, feeKey: String(ctx.source.config.feeMetaKey ?? '_transaction_fee'), status });
            for (const [t, list] of Object.entries(m.rows)) rows[t].push(...(list as Row[]));
            parents.push(m.saleId);
          });
          const facts = { statuses: [...seen].map((code) => ({ code, name: null, inherited: null })) };
          return { rows, rejects, replaceChildren: { sale_lines: parents, payments: parents }, facts };
        }),
    },
  ],
};

