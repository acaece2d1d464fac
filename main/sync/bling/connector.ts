// Bling ERP v3: products, contacts and sales orders by change time (dataAlteracao, business-local), read in date
// windows that each fit one page, one detail call per order (items, installments, discounts), OAuth2 with
// rotating refresh tokens, 3 requests/s by default and a long backoff (bursts of errors get an IP blocked).
import { AppError } from '../../store/errors';
import { badRecord, cents, fromLocal, isObject, mapLimit, minusMs, money, moneyRaw, str, toLocal } from '../map';
import type { Connector, Page, Reject, Row, StreamContext, TokenSet } from '../types';
import { paymentMethodOfId } from '../../model/paymentMethods';
import { walkWindows } from '../windows';

const P = 'bling';
const LIMIT = 100;
const YEAR_MS = 360 * 86_400_000;
const STATUS: Record<number, string> = { 6: 'booked', 21: 'booked', 15: 'confirmed', 24: 'confirmed', 9: 'completed', 18: 'completed', 12: 'cancelled' };

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

/** A Bling day ("YYYY-MM-DD") is business-local midnight; the staging cast reads zone-less text in that zone. */
const day = (v: unknown) => {
  const s = str(v);
  return s && s !== '0000-00-00' ? `${s} 00:00:00` : null;
};

export function mapPedido(p: Rec, forms: Map<string, string>, opts: { locationId: string | null; itemDiscount: string }): { rows: Page['rows']; saleId: string } {
  const saleId = `${P}:${p.id}`;
  const gross = cents(p.totalProdutos);
  const total = cents(p.total);
  const d = isObject(p.desconto) ? p.desconto : {};
  const discount = d.unidade === 'PERCENTUAL' && gross !== null ? Math.round((gross * Number(d.valor ?? 0)) / 100) : (cents(d.valor) ?? 0);
  const shipping = cents(isObject(p.transporte) ? p.transporte.frete : 0) ?? 0;
  const sit = isObject(p.situacao) ? Number(p.situacao.id) : NaN;
  const lines: Row[] = (Array.isArray(p.itens) ? p.itens : []).filter(isObject).map((it, i) => {
    const q = Number(it.quantidade);
    const unit = cents(it.valor);
    const base = unit !== null && Number.isFinite(q) ? Math.round(q * unit) : null;
    const disc = opts.itemDiscount === 'percent' ? (base === null ? null : Math.round((base * Number(it.desconto ?? 0)) / 100)) : (cents(it.desconto) ?? 0);
    return {
      sale_id: saleId,
      line_no: String(i + 1),
      item_id: id(it.produto) ? `${P}:${id(it.produto)}` : null,
      employee_id: null,
      quantity: Number.isFinite(q) ? String(q) : str(it.quantidade),
      unit_price: unit === null ? str(it.valor) : money(unit),
      discount_amount: money(disc),
      line_total: base === null || disc === null ? null : money(base - disc),
      duration_min: null,
    };
  });
  const payments: Row[] = (Array.isArray(p.parcelas) ? p.parcelas : []).filter(isObject).map((x) => ({
    payment_id: `${P}:${x.id}`,
    sale_id: saleId,
    occurred_at: day(x.dataVencimento),
    method: forms.get(String(isObject(x.formaPagamento) ? x.formaPagamento.id : '')) ?? 'other',
    kind: 'payment',
    amount: moneyRaw(x.valor),
    fee_amount: null,
  }));
  return {
    saleId,
    rows: {
      sales: [
        {
          sale_id: saleId,
          source: P,
          kind: 'order',
          customer_id: id(p.contato) ? `${P}:${id(p.contato)}` : null,
          location_id: opts.locationId,
          employee_id: null,
          status: STATUS[sit] ?? `situação ${isObject(p.situacao) ? String(p.situacao.id) : '?'}`,
          created_at: day(p.data),
          occurred_at: day(p.dataSaida) ?? day(p.data),
          gross_amount: gross === null ? str(p.totalProdutos) : money(gross),
          discount_amount: money(discount),
          coupon_code: null,
          // What Bling adds on top of goods, discount and freight (IPI, ICMS-ST, other charges).
          tax_amount: gross === null || total === null ? null : money(total - gross + discount - shipping),
          shipping_amount: money(shipping),
          total_amount: total === null ? str(p.total) : money(total),
          points_earned: null,
          points_redeemed: null,
          updated_at: null,
        },
      ],
      sale_lines: lines,
      payments,
    },
  };
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
      pages: (ctx, cursor) =>
        windowed(ctx, cursor, '/contatos', { criterio: 1 }, async (recs) => {
          const rejects: Reject[] = [];
          const customers: Row[] = [];
          for (const c of recs) {
            if (!id(c)) rejects.push(badRecord('customers', c, 'contato without id'));
            else {
              const geral = isObject(c.endereco) && isObject(c.endereco.geral) ? c.endereco.geral : {};
              const extra = isObject(c.dadosAdicionais) ? c.dadosAdicionais : {};
              const birth = str(extra.dataNascimento);
              customers.push({
                customer_id: `${P}:${c.id}`,
                name: str(c.nome),
                email: str(c.email),
                phone: str(c.celular) ?? str(c.telefone),
                document: str(c.numeroDocumento),
                gender: str(extra.sexo),
                birth_date: birth && birth !== '0000-00-00' ? birth : null,
                city: str(geral.municipio),
                state: str(geral.uf),
                created_at: null,
                marketing_opt_in: null,
                source: P,
              });
            }
          }
          return { rows: { customers }, rejects };
        }),
    },
    {
      name: 'pedidos',
      async *pages(ctx, cursor) {
        const forms = new Map((await all(ctx, '/formas-pagamentos')).map((f) => [String(f.id), paymentMethodOfId('bling', Number(f.tipoPagamento))]));
        const opts = { locationId: (ctx.source.config.locationId as string | null) ?? null, itemDiscount: String(ctx.source.config.itemDiscount ?? 'value') };
        yield* windowed(ctx, cursor, '/pedidos/vendas', {}, async (recs) => {
          const rows: Record<string, Row[]> = { sales: [], sale_lines: [], payments: [] };
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
          return { rows, rejects, replaceChildren: { sale_lines: parents, payments: parents } };
        });
      },
    },
  ],
};
