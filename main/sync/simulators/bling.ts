// Bling ERP API v3: /Api/v3 with OAuth2 (/oauth/token, Basic client auth, rotating refresh tokens), lists paged by
// pagina/limite in { data: [...] } with no total (stop at an empty page), dataAlteracaoInicial/Final in local time
// (ranges over a year are a 400), one detail call per order, and { error: { type, message, description, fields } }.
// Bling dates are days: sales and installments are normalised to local midnight; refunds, coupons, staff and
// contact creation dates are not carried; installments exist only on orders in a paid situação, received that day.
// Payloads follow the Bling API v3 reference (https://developer.bling.com.br/referencia) and the response examples of
// the bling-erp-api-js client (AlexandreBellas/bling-erp-api-js: pedidosVendas/__tests__/find-response.ts and
// get-response.ts, contatos/__tests__/get-response.ts and find-response.ts, situacoesModulos/__tests__): the /contatos
// list has no e-mail, address or birth date (only /contatos/{id} does), orders use the account's own situações
// (custom ones inherit a default through idHerdado), desconto.unidade is REAL or PERCENTUAL, fees come in taxas.
import type { Params } from '../../store/db';
import type { SimDataset } from './dataset';
import { OAuthState, type OAuthCredentials } from './oauth';
import { bearer, SimServer, type SimRequest, type SimResponse } from './server';
import { applyMutation, numericNextId, type MutateOp, type Simulator } from './simulator';

const P = 'bling';
const num = (c: string) => `TRY_CAST(regexp_replace(${c}, '^${P}:', '') AS BIGINT)`;
const localDate = (c: string) => `strftime(timezone(getvariable('biz_tz'), ${c}), '%Y-%m-%d')`;
const midnight = (c: string) => `timezone(getvariable('biz_tz'), date_trunc('day', timezone(getvariable('biz_tz'), ${c})))`;
/** Payment forms: canonical method -> [id, description, tipoPagamento]. */
export const BLING_FORMS: Record<string, [number, string, number]> = {
  cash: [1001, 'Dinheiro', 1],
  credit_card: [1002, 'Cartão de crédito', 3],
  debit_card: [1003, 'Cartão de débito', 4],
  boleto: [1004, 'Boleto', 15],
  pix: [1005, 'PIX', 17],
  voucher: [1006, 'Vale-presente', 12],
  wallet: [1007, 'Crédito loja', 5],
  other: [1008, 'Outros', 99],
};
/** The sales module's situações: the seven defaults (idHerdado 0) and custom ones made from them, as shops use. */
export const BLING_MODULO_VENDAS = 98310;
export const BLING_SITUACOES: { id: number; nome: string; idHerdado: number; cor: string }[] = [
  { id: 6, nome: 'Em aberto', idHerdado: 0, cor: '#E9DC40' },
  { id: 9, nome: 'Atendido', idHerdado: 0, cor: '#3FB57A' },
  { id: 12, nome: 'Cancelado', idHerdado: 0, cor: '#CB4D4D' },
  { id: 15, nome: 'Em andamento', idHerdado: 0, cor: '#4D8ECB' },
  { id: 18, nome: 'Venda Agenciada', idHerdado: 0, cor: '#8F8F8F' },
  { id: 21, nome: 'Em digitação', idHerdado: 0, cor: '#C7C7C7' },
  { id: 24, nome: 'Verificado', idHerdado: 0, cor: '#2A6E4B' },
  { id: 52001, nome: 'Pago - aguardando envio', idHerdado: 9, cor: '#5BC28A' },
  { id: 52002, nome: 'Enviado', idHerdado: 9, cor: '#36A06A' },
  { id: 52003, nome: 'Aguardando pagamento', idHerdado: 6, cor: '#F2B84B' },
  { id: 52004, nome: 'Devolvido', idHerdado: 12, cor: '#A33A3A' },
];
/** Canonical status -> situações with that meaning; an order's id picks one (custom ones included). */
const SITUACAO: Record<string, number[]> = { booked: [6, 21, 52003], confirmed: [15, 24], completed: [9, 52001, 52002, 18], cancelled: [12, 52004] };
const situacaoOf = (status: unknown, id: number) => {
  const list = SITUACAO[String(status)] ?? SITUACAO.cancelled;
  return list[id % list.length];
};

async function normalise(d: SimDataset): Promise<string | null> {
  const w = `starts_with(sale_id, '${P}:')`;
  const locs = await d.all<{ l: string | null }>(`SELECT DISTINCT location_id AS l FROM sales WHERE ${w}`);
  const loc = locs.length === 1 ? locs[0].l : null;
  await d.run(`UPDATE sales SET kind = 'order', source = '${P}', employee_id = NULL, points_earned = NULL, points_redeemed = NULL, coupon_code = NULL, updated_at = NULL, location_id = $1,
    status = CASE status WHEN 'no_show' THEN 'cancelled' ELSE status END, created_at = ${midnight('created_at')}, occurred_at = ${midnight('occurred_at')} WHERE ${w}`, [loc]);
  await d.run(`UPDATE sale_lines SET employee_id = NULL, duration_min = NULL WHERE ${w}`);
  await d.run(`DELETE FROM payments WHERE ${w} AND kind = 'refund'`);
  await d.run(`DELETE FROM payments p WHERE ${w} AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.sale_id = p.sale_id AND s.status = 'completed')`);
  await d.run(`UPDATE payments p SET occurred_at = s.occurred_at FROM sales s WHERE s.sale_id = p.sale_id AND starts_with(p.sale_id, '${P}:')`);
  await d.run(`UPDATE payments p SET fee_amount = NULL WHERE ${w} AND payment_id <> (SELECT min(payment_id) FROM payments q WHERE q.sale_id = p.sale_id)`);
  await d.run(`UPDATE customers SET created_at = NULL, marketing_opt_in = NULL, source = '${P}' WHERE starts_with(customer_id, '${P}:')`);
  await d.run(`UPDATE items SET duration_min = NULL WHERE starts_with(item_id, '${P}:')`);
  return loc;
}

export async function createBlingSimulator(data: SimDataset, creds: OAuthCredentials = { clientId: 'bling-client', clientSecret: 'bling-secret', refreshToken: 'bling-rt-0', code: 'bling-code-0' }): Promise<Simulator> {
  const locationId = await normalise(data);
  const fail = (status: number, type: string, message: string, description = message, fields: unknown[] = []): SimResponse => ({ status, body: { error: { type, message, description, fields } } });

  const auth = (req: SimRequest): SimResponse | null => {
    const r = oauth.check(bearer(req));
    return r === 'ok' ? null : fail(401, 'invalid_token', 'invalid_token', r === 'expired' ? 'The access token provided has expired' : 'The access token provided is invalid');
  };

  /** pagina/limite and dataAlteracao filtering over one native view; ordered newest id first. */
  async function page(req: SimRequest, endpoint: string, view: string): Promise<SimResponse | { rows: Record<string, unknown>[] }> {
    const denied = auth(req);
    if (denied) return denied;
    const pagina = Number(req.query.get('pagina') ?? 1);
    const limite = Number(req.query.get('limite') ?? 100);
    if (!Number.isInteger(pagina) || pagina < 1 || !Number.isInteger(limite) || limite < 1 || limite > 100) {
      return fail(400, 'VALIDATION_ERROR', 'Não foi possível realizar a requisição', 'Parâmetros de paginação inválidos', [{ code: 1, msg: 'limite deve estar entre 1 e 100', element: 'limite' }]);
    }
    const ini = req.query.get('dataAlteracaoInicial');
    const fim = req.query.get('dataAlteracaoFinal');
    const params: unknown[] = [];
    const where: string[] = [];
    if (ini) {
      params.push(ini);
      where.push(`date_trunc('second', _mod) >= CAST($${params.length} AS TIMESTAMPTZ)`);
    }
    if (fim) {
      params.push(fim);
      where.push(`date_trunc('second', _mod) <= CAST($${params.length} AS TIMESTAMPTZ)`);
    }
    if (ini && fim) {
      const [{ days }] = await data.all<{ days: number }>(`SELECT date_diff('day', CAST($1 AS TIMESTAMP), CAST($2 AS TIMESTAMP))::INTEGER AS days`, [ini, fim]);
      if (days > 366) return fail(400, 'VALIDATION_ERROR', 'Não foi possível realizar a requisição', 'O intervalo entre as datas não pode ser superior a um ano', [{ code: 2, msg: 'Intervalo superior a um ano', element: 'dataAlteracaoInicial' }]);
    }
    const sql = `FROM (${view}) v ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    if (server.shiftPoint(endpoint)) {
      const [first] = await data.all<{ cid: string; t: string }>(`SELECT cid, t ${sql} ORDER BY id DESC LIMIT 1`, params as Params);
      if (first) await data.touch(first.t as 'sales', first.cid, '');
    }
    return { rows: await data.all<Record<string, unknown>>(`SELECT * ${sql} ORDER BY id DESC LIMIT ${limite} OFFSET ${(pagina - 1) * limite}`, params as Params) };
  }

  const PEDIDOS = `SELECT ${num('sale_id')} AS id, sale_id AS cid, 'sales' AS t, _mod, ${num('sale_id')} AS numero, ${localDate('created_at')} AS data, ${localDate('occurred_at')} AS dataSaida,
    gross_amount::DOUBLE AS totalProdutos, total_amount::DOUBLE AS total, ${num('customer_id')} AS contato_id, status FROM sales WHERE starts_with(sale_id, '${P}:')`;
  const CONTATOS = `SELECT ${num('customer_id')} AS id, customer_id AS cid, 'customers' AS t, _mod, name AS nome, email, phone AS celular, document AS numeroDocumento, gender,
    strftime(birth_date, '%Y-%m-%d') AS nasc, city, state FROM customers WHERE starts_with(customer_id, '${P}:')`;
  const PRODUTOS = `SELECT ${num('item_id')} AS id, item_id AS cid, 'items' AS t, _mod, name AS nome, list_price::DOUBLE AS preco, cost::DOUBLE AS precoCusto, kind, category
    FROM items WHERE starts_with(item_id, '${P}:')`;
  const CATEGORIAS = `SELECT DISTINCT category FROM items WHERE starts_with(item_id, '${P}:') AND category IS NOT NULL ORDER BY category`;
  const catId = async () => new Map((await data.all<{ category: string }>(CATEGORIAS)).map((c, i) => [c.category, 5000 + i]));

  async function detail(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const cid = `${P}:${req.params.id}`;
    const [s] = await data.all<Record<string, unknown>>(`SELECT * FROM (${PEDIDOS}) v WHERE cid = $1`, [cid]);
    if (!s) return fail(404, 'RESOURCE_NOT_FOUND', 'Recurso não encontrado', 'O pedido de venda não foi encontrado');
    const [extra] = await data.all<Record<string, unknown>>(`SELECT discount_amount::DOUBLE AS d, shipping_amount::DOUBLE AS f, tax_amount::DOUBLE AS x, c.name, c.document FROM sales s LEFT JOIN customers c USING (customer_id) WHERE sale_id = $1`, [cid]);
    const itens = await data.all<Record<string, unknown>>(
      `SELECT line_no, ${num('l.item_id')} AS pid, i.name, quantity::DOUBLE AS q, unit_price::DOUBLE AS v, discount_amount::DOUBLE AS d FROM sale_lines l LEFT JOIN items i USING (item_id) WHERE sale_id = $1 ORDER BY line_no`,
      [cid],
    );
    const parcelas = await data.all<Record<string, unknown>>(
      `SELECT ${num('payment_id')} AS id, ${localDate('occurred_at')} AS venc, amount::DOUBLE AS v, method, fee_amount::DOUBLE AS fee FROM payments WHERE sale_id = $1 AND kind = 'payment' ORDER BY payment_id`,
      [cid],
    );
    const sid = situacaoOf(s.status, Number(s.id));
    const fee = parcelas.find((p) => p.fee !== null && p.fee !== undefined)?.fee;
    const body: Record<string, unknown> = {
      id: Number(s.id),
      numero: Number(s.numero),
      numeroLoja: '',
      data: s.data,
      dataSaida: s.dataSaida,
      dataPrevista: s.dataSaida,
      totalProdutos: s.totalProdutos,
      total: s.total,
      contato: { id: s.contato_id === null ? 0 : Number(s.contato_id), nome: extra.name ?? 'Consumidor final', tipoPessoa: 'F', numeroDocumento: extra.document ?? '' },
      situacao: { id: sid, valor: 0 },
      loja: { id: 0, unidadeNegocio: { id: 0 } },
      numeroPedidoCompra: '',
      outrasDespesas: 0,
      observacoes: '',
      observacoesInternas: '',
      desconto: { valor: extra.d ?? 0, unidade: 'REAL' },
      categoria: { id: 0 },
      notaFiscal: { id: 0 },
      // The rest of total over goods - discount + freight is the tax Bling adds (IPI, ICMS-ST).
      tributacao: { totalICMS: 0, totalIPI: extra.x ?? 0 },
      transporte: { fretePorConta: 0, frete: extra.f ?? 0, quantidadeVolumes: 1, pesoBruto: 0, prazoEntrega: 0 },
      itens: itens.map((i) => ({
        id: Number(s.id) * 100 + Number(i.line_no),
        codigo: `P${i.pid}`,
        unidade: 'UN',
        quantidade: i.q,
        desconto: i.d,
        valor: i.v,
        aliquotaIPI: 0,
        descricao: i.name ?? '',
        produto: { id: i.pid === null ? 0 : Number(i.pid) },
      })),
      parcelas: parcelas.map((p) => ({ id: Number(p.id), dataVencimento: p.venc, valor: p.v, observacoes: '', formaPagamento: { id: (BLING_FORMS[String(p.method)] ?? BLING_FORMS.other)[0] } })),
      vendedor: { id: 0 },
      ...(fee !== undefined ? { taxas: { taxaComissao: fee, custoFrete: 0, valorBase: s.total } } : {}),
    };
    if (server.isBad(cid)) {
      body.total = 'doze reais';
      body.data = '2024-02-30';
    }
    return { body: { data: body } };
  }

  /** An app authorized without the situações scope: /situacoes/modulos answers 403. */
  const withoutSituacoesScope = { on: false };

  /** GET /contatos/{id}: the contact in detail, with what the list leaves out. */
  async function contato(req: SimRequest): Promise<SimResponse> {
    const denied = auth(req);
    if (denied) return denied;
    const [c] = await data.all<Record<string, unknown>>(`SELECT * FROM (${CONTATOS}) v WHERE cid = $1`, [`${P}:${req.params.id}`]);
    if (!c) return fail(404, 'RESOURCE_NOT_FOUND', 'Recurso não encontrado', 'O contato não foi encontrado');
    return {
      body: {
        data: {
          id: Number(c.id),
          nome: c.nome,
          codigo: '',
          situacao: 'A',
          numeroDocumento: c.numeroDocumento ?? '',
          telefone: '',
          celular: c.celular ?? '',
          fantasia: '',
          tipo: 'F',
          indicadorIe: 9,
          ie: '',
          rg: '',
          orgaoEmissor: '',
          email: c.email ?? '',
          endereco: { geral: { endereco: '', cep: '', bairro: '', municipio: c.city ?? '', uf: c.state ?? '', numero: '', complemento: '' } },
          vendedor: { id: 0 },
          dadosAdicionais: { dataNascimento: c.nasc ?? '0000-00-00', sexo: c.gender ?? '', naturalidade: '' },
          financeiro: { limiteCredito: 0, condicaoPagamento: '', categoria: { id: 0 } },
          pais: { nome: 'BRASIL' },
          tiposContato: [{ id: 1, descricao: 'Cliente' }],
          pessoasContato: [],
        },
      },
    };
  }

  const server: SimServer = new SimServer({
    name: 'bling',
    basePath: '/Api/v3',
    routes: [
      {
        method: 'POST',
        pattern: '/oauth/token',
        handler: (req) => {
          const r = oauth.grant((req.body ?? {}) as Record<string, string>, req.headers.authorization);
          return r.ok ? { body: r.body } : fail(r.status, r.error, r.message);
        },
      },
      {
        method: 'GET',
        pattern: '/pedidos/vendas',
        handler: async (req) => {
          const r = await page(req, 'pedidos', PEDIDOS);
          if (!('rows' in r)) return r;
          return {
            body: {
              data: r.rows.map((s) => ({
                id: Number(s.id),
                numero: Number(s.numero),
                data: s.data,
                dataSaida: s.dataSaida,
                totalProdutos: s.totalProdutos,
                total: s.total,
                contato: { id: s.contato_id === null ? 0 : Number(s.contato_id) },
                situacao: { id: situacaoOf(s.status, Number(s.id)), valor: 0 },
                loja: { id: 0 },
              })),
            },
          };
        },
      },
      { method: 'GET', pattern: '/pedidos/vendas/:id', handler: detail },
      { method: 'GET', pattern: '/contatos/:id', handler: contato },
      {
        method: 'GET',
        pattern: '/situacoes/modulos',
        handler: (req) =>
          auth(req) ??
          (withoutSituacoesScope.on ? fail(403, 'FORBIDDEN', 'Acesso negado', 'O aplicativo não tem o escopo de situações') : null) ?? {
            body: {
              data: [
                { id: BLING_MODULO_VENDAS, nome: 'Vendas', descricao: 'Pedidos de Venda', criarSituacoes: true },
                { id: BLING_MODULO_VENDAS + 1, nome: 'NotasFiscais', descricao: 'Notas Fiscais', criarSituacoes: false },
              ],
            },
          },
      },
      {
        method: 'GET',
        pattern: '/situacoes/modulos/:id',
        handler: (req) => auth(req) ?? (Number(req.params.id) === BLING_MODULO_VENDAS ? { body: { data: BLING_SITUACOES } } : { body: { data: [] } }),
      },
      // GET /vendedores: the shop's sellers with their contact (the name); orders here carry none (vendedor id 0).
      {
        method: 'GET',
        pattern: '/vendedores',
        handler: (req) =>
          auth(req) ?? { body: { data: Number(req.query.get('pagina') ?? 1) === 1 ? [{ id: 3001, descontoLimite: 10, loja: { id: 0 }, contato: { id: 0, nome: 'Vendedora da loja', situacao: 'A' } }] : [] } },
      },
      {
        method: 'GET',
        pattern: '/contatos',
        handler: async (req) => {
          const r = await page(req, 'contatos', CONTATOS);
          if (!('rows' in r)) return r;
          return {
            body: {
              // The list's fields exactly: no e-mail, address, birth date or gender (those need /contatos/{id}).
              data: r.rows.map((c) => ({
                id: Number(c.id),
                nome: c.nome,
                codigo: '',
                situacao: 'A',
                numeroDocumento: c.numeroDocumento ?? '',
                telefone: '',
                celular: c.celular ?? '',
              })),
            },
          };
        },
      },
      {
        method: 'GET',
        pattern: '/produtos',
        handler: async (req) => {
          const r = await page(req, 'produtos', PRODUTOS);
          if (!('rows' in r)) return r;
          const cats = await catId();
          return {
            body: {
              data: r.rows.map((p) => ({
                id: Number(p.id),
                nome: p.nome,
                codigo: `P${p.id}`,
                preco: p.preco ?? 0,
                precoCusto: p.precoCusto,
                tipo: p.kind === 'service' ? 'S' : 'P',
                situacao: 'A',
                formato: 'S',
                categoria: { id: p.category ? cats.get(String(p.category)) : 0 },
              })),
            },
          };
        },
      },
      {
        method: 'GET',
        pattern: '/categorias/produtos',
        handler: async (req) => {
          const denied = auth(req);
          if (denied) return denied;
          const pagina = Number(req.query.get('pagina') ?? 1);
          const all = [...(await catId()).entries()].map(([descricao, id]) => ({ id, descricao, categoriaPai: { id: 0 } }));
          return { body: { data: all.slice((pagina - 1) * 100, pagina * 100) } };
        },
      },
      {
        method: 'GET',
        pattern: '/formas-pagamentos',
        handler: (req) => {
          const denied = auth(req);
          if (denied) return denied;
          const pagina = Number(req.query.get('pagina') ?? 1);
          const forms = Object.values(BLING_FORMS).map(([id, descricao, tipoPagamento]) => ({ id, descricao, tipoPagamento, situacao: 1, fixa: false, padrao: 0 }));
          return { body: { data: pagina === 1 ? forms : [] } };
        },
      },
    ],
    errorBody: (status, message, code) =>
      status === 429 ? { error: { type: 'TOO_MANY_REQUESTS', message: 'Limite de requisições atingido.', description: message } } : { error: { type: code.toUpperCase(), message, description: message } },
    control: (op) => sim.mutate(op as MutateOp),
  });
  const oauth = new OAuthState(server, creds);
  const next = numericNextId(data, P);
  const sim: Simulator & { oauth: OAuthState; withoutSituacoesScope: { on: boolean } } = {
    withoutSituacoesScope,
    kind: 'bling',
    prefix: P,
    data,
    server,
    oauth,
    credentials: { clientId: creds.clientId, clientSecret: creds.clientSecret, refreshToken: creds.refreshToken },
    config: locationId ? { locationId } : {},
    tables: ['customers', 'items', 'sales', 'sale_lines', 'payments'],
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
