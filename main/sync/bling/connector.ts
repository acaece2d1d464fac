// Bling ERP v3: products, contacts (list, then one detail call per changed contact) and sales orders by change time
// (dataAlteracao, business-local), read in date windows that each fit one page, one detail call per order (items,
// installments, discounts, fees, seller), situações read from /situacoes/modulos so custom ones map by the meaning
// they inherit, OAuth2 with rotating refresh tokens, 3 requests/s by default and a long backoff.
// Reference: Bling API v3, https://developer.bling.com.br/referencia (pedidos/vendas, contatos, situacoes/modulos),
// with the response examples of the bling-erp-api-js client (AlexandreBellas/bling-erp-api-js, __tests__ fixtures).
import { AppError } from '../../store/errors';
import { badRecord, fromLocal, isObject, mapLimit, minusMs, moneyRaw, str, toLocal } from '../map';
import { statusMapper, type KnownStatus } from '../statusMap';
import type { Connector, Page, Reject, Row, StreamContext, TokenSet } from '../types';
import { walkWindows } from '../windows';
import { formMethod, mapContato, mapPedido, P } from './map';

const LIMIT = 100;
const YEAR_MS = 360 * 86_400_000;

type Rec = Record<string, unknown>;
const id = (v: unknown) => (isObject(v) && (typeof v.id === 'number' || typeof v.id === 'string') && Number(v.id) !== 0 ? String(v.id) : null);

function data(body: unknown, ctx: StreamContext, path: string): Rec[] {
  if (!isObject(body) || !Array.isArray(body.data)) throw new AppError('SOURCE', `${ctx.source.name}: ${path} did not answer with { data: [...] }`);
  return body.data as Rec[];
}

/** Every page of a small list (categories, payment forms). */
async function all(ctx: StreamContext, path: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for (let pagina = 1; ; pagina++) {
    const rows = data((await ctx.http.request({ path, query: { pagina, limite: LIMIT } })).body, ctx, path);
    out.push(...rows);
    if (rows.length < LIMIT) return out;
  }
}

/** Windows of dataAlteracao from the cursor (less the overlap) to the start of this run. */
async function* windowed(ctx: StreamContext, cursor: unknown, path: string, query: Record<string, string | number>, map: (recs: Rec[]) => Promise<Omit<Page, 'cursor'>>): AsyncGenerator<Page> {
  const stored = (cursor as { until?: string } | null)?.until ?? null;
  const start = stored && !ctx.full ? Date.parse(minusMs(stored, ctx.overlapMs) ?? stored) : fromLocal(String(ctx.source.config.since ?? '2015-01-01'), ctx.timezone);
  let until = ctx.full ? null : stored;
  const walk = walkWindows<Rec>(start, ctx.startedAt.getTime(), YEAR_MS, async (w, pagina) => {
    const q = { ...query, pagina, limite: LIMIT, dataAlteracaoInicial: toLocal(w.from, ctx.timezone), dataAlteracaoFinal: toLocal(w.to, ctx.timezone) };
    const items = data((await ctx.http.request({ path, query: q })).body, ctx, path);
    return { items, full: items.length >= LIMIT };
  });
  for await (const step of walk) {
    if (step.complete) until = new Date(step.until).toISOString();
    ctx.phase(toLocal(step.window.to, ctx.timezone).slice(0, 10));
    yield { ...(await map(step.items)), cursor: { until } };
  }
}

/**
 * A list that an app without the matching scope may not read (403) or an account may not have (404): null then,
 * and the caller carries on with what it saved before.
 */
async function optional(ctx: StreamContext, path: string, query: Record<string, number> = {}): Promise<Rec[] | null> {
  const res = await ctx.http.request({ path, query, accept: [403, 404] });
  return res.status === 403 || res.status === 404 ? null : data(res.body, ctx, path);
}

/** The sales module's situações with the default each inherits (idHerdado); the stored list when not readable. */
async function situacoes(ctx: StreamContext): Promise<KnownStatus[]> {
  const mods = await optional(ctx, '/situacoes/modulos');
  const vendas = mods?.find((m) => /vendas/i.test(String(m.nome ?? '')) || /pedidos? de venda/i.test(String(m.descricao ?? '')));
  if (!vendas || !id(vendas)) return ctx.statuses;
  const list = await optional(ctx, `/situacoes/modulos/${encodeURIComponent(String(vendas.id))}`);
  if (!list) return ctx.statuses;
  return list.filter((x) => id(x)).map((x) => ({ code: String(x.id), name: str(x.nome), inherited: id({ id: x.idHerdado }) }));
}

/** Sellers (vendedores) as employees: name from their contact; the list is small and read once per run. */
async function vendedores(ctx: StreamContext): Promise<Row[]> {
  const out: Row[] = [];
  for (let pagina = 1; ; pagina++) {
    const rows = await optional(ctx, '/vendedores', { pagina, limite: LIMIT });
    if (!rows) return out;
    for (const v of rows.filter((x) => id(x))) {
      out.push({
        employee_id: `${P}:vendedor:${v.id}`,
        name: isObject(v.contato) ? str(v.contato.nome) : null,
        role: 'vendedor',
        location_id: null,
        commission_rate: null,
        hired_at: null,
        active: null,
      });
    }
    if (rows.length < LIMIT) return out;
  }
}

async function grant(http: import('../http').SourceHttp, g: { code?: string; refreshToken?: string }, secret: (n: string) => string): Promise<TokenSet> {
  const basic = Buffer.from(`${secret('clientId')}:${secret('clientSecret')}`).toString('base64');
  const form: Record<string, string> = g.refreshToken ? { grant_type: 'refresh_token', refresh_token: g.refreshToken } : { grant_type: 'authorization_code', code: g.code ?? '' };
  const res = await http.request<Rec>({ method: 'POST', path: '/oauth/token', form, headers: { Authorization: `Basic ${basic}` }, auth: false, idempotent: false });
  const b = res.body;
  if (!isObject(b) || typeof b.access_token !== 'string') throw new AppError('SOURCE', 'Bling answered the token request without an access token');
  return { accessToken: b.access_token, refreshToken: str(b.refresh_token) ?? undefined, expiresAt: Date.now() + Number(b.expires_in ?? 21600) * 1000 };
}

export const blingConnector: Connector = {
  kind: 'bling',
  prefix: P,
  defaultBaseUrl: 'https://api.bling.com.br/Api/v3',
  secrets: [
    { name: 'clientId', required: true },
    { name: 'clientSecret', required: true },
    { name: 'code', required: false },
    { name: 'refreshToken', required: false },
  ],
  auth: { type: 'oauth', grant },
  defaults: { ratePerSec: 3, retryBaseMs: 2000 },
  errorMessage: (b) => {
    const e = isObject(b) && isObject(b.error) ? b.error : null;
    if (!e) return null;
    const fields = Array.isArray(e.fields) ? e.fields.filter(isObject).map((f) => str(f.msg)).filter(Boolean) : [];
    return [str(e.description) ?? str(e.message), ...fields].filter(Boolean).join('; ') + (e.type ? ` (${e.type})` : '');
  },
  streams: [
    {
      name: 'produtos',
      async *pages(ctx, cursor) {
        const cats = new Map((await all(ctx, '/categorias/produtos')).map((c) => [String(c.id), str(c.descricao)]));
        yield* windowed(ctx, cursor, '/produtos', { criterio: 5 }, async (recs) => {
          const rejects: Reject[] = [];
          const items: Row[] = [];
          for (const p of recs) {
            if (!id(p)) rejects.push(badRecord('items', p, 'produto without id'));
            else
              items.push({
                item_id: `${P}:${p.id}`,
                name: str(p.nome),
                kind: p.tipo === 'S' ? 'service' : 'product',
                category: id(p.categoria) ? (cats.get(String((p.categoria as Rec).id)) ?? null) : null,
                list_price: moneyRaw(p.preco),
                cost: moneyRaw(p.precoCusto),
                duration_min: null,
              });
          }
          return { rows: { items }, rejects };
        });
      },
    },
    {
      name: 'contatos',
      // The list carries only id, name, code, document and phones: e-mail, address, birth date and gender come from
      // /contatos/{id}, called for each contact the window returns (only changed ones after the first sync).
      pages: (ctx, cursor) =>
        windowed(ctx, cursor, '/contatos', { criterio: 1 }, async (recs) => {
          const rejects: Reject[] = [];
          const good = recs.filter((c) => {
            if (id(c)) return true;
            rejects.push(badRecord('customers', c, 'contato without id'));
            return false;
          });
          const details = ctx.source.config.contactDetails === false
            ? good
            : await mapLimit(good, 3, async (c) => {
                const res = await ctx.http.request({ path: `/contatos/${encodeURIComponent(String(c.id))}`, accept: [404] });
                return res.status !== 404 && isObject(res.body) && isObject(res.body.data) ? { ...c, ...res.body.data } : c;
              });
          return { rows: { customers: details.map(mapContato) }, rejects };
        }),
    },
    {
      name: 'pedidos',
      async *pages(ctx, cursor) {
        const forms = new Map((await all(ctx, '/formas-pagamentos')).map((f) => [String(f.id), formMethod(f)]));
        const known = await situacoes(ctx);
        const employees = await vendedores(ctx);
        const opts = {
          locationId: (ctx.source.config.locationId as string | null) ?? null,
          itemDiscount: String(ctx.source.config.itemDiscount ?? 'value'),
          installments: String(ctx.source.config.installments ?? 'on-completion'),
          status: statusMapper('bling', ctx.source.config, known),
        };
        let first = true;
        yield* windowed(ctx, cursor, '/pedidos/vendas', {}, async (recs) => {
          const rows: Record<string, Row[]> = { sales: [], sale_lines: [], payments: [], employees: first ? employees : [] };
          const facts = first ? { statuses: known } : undefined;
          first = false;
          const rejects: Reject[] = [];
          const parents: string[] = [];
          const details = await mapLimit(recs, 3, async (s) => {
            if (!id(s)) {
              rejects.push(badRecord('sales', s, 'pedido without id'));
              return null;
            }
            const res = await ctx.http.request({ path: `/pedidos/vendas/${encodeURIComponent(String(s.id))}`, accept: [404] });
            if (res.status === 404) return null;
            const body = res.body;
            if (!isObject(body) || !isObject(body.data)) {
              rejects.push(badRecord('sales', s, 'pedido detail without data'));
              return null;
            }
            return body.data;
          });
          for (const d of details) {
            if (!d) continue;
            const m = mapPedido(d, forms, opts);
            for (const [t, list] of Object.entries(m.rows)) rows[t].push(...(list as Row[]));
            parents.push(m.saleId);
          }
          return { rows, rejects, replaceChildren: { sale_lines: parents, payments: parents }, facts };
        });
      },
    },
  ],
};
