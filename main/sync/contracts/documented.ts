// The vendors' own example payloads, copied field for field from their published references (each cited), for the
// contract tests: what a connector maps must be what the vendor documents, not what our simulators happen to send.

/**
 * WooCommerce REST API v3, "Orders" > "Update an order", JSON response example (order 727) —
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#update-an-order
 * (source: woocommerce/woocommerce-rest-api-docs, source/includes/wp-api-v3/_orders.md). _links left out.
 */
export const WOO_ORDER_727 = {
  id: 727,
  parent_id: 0,
  number: '727',
  order_key: 'wc_order_58d2d042d1d',
  created_via: 'rest-api',
  version: '3.0.0',
  status: 'completed',
  currency: 'USD',
  date_created: '2017-03-22T16:28:02',
  date_created_gmt: '2017-03-22T19:28:02',
  date_modified: '2017-03-22T16:30:35',
  date_modified_gmt: '2017-03-22T19:30:35',
  discount_total: '0.00',
  discount_tax: '0.00',
  shipping_total: '10.00',
  shipping_tax: '0.00',
  cart_tax: '1.35',
  total: '29.35',
  total_tax: '1.35',
  prices_include_tax: false,
  customer_id: 0,
  customer_ip_address: '',
  customer_user_agent: '',
  customer_note: '',
  billing: {
    first_name: 'John',
    last_name: 'Doe',
    company: '',
    address_1: '969 Market',
    address_2: '',
    city: 'San Francisco',
    state: 'CA',
    postcode: '94103',
    country: 'US',
    email: 'john.doe@example.com',
    phone: '(555) 555-5555',
  },
  shipping: { first_name: 'John', last_name: 'Doe', company: '', address_1: '969 Market', address_2: '', city: 'San Francisco', state: 'CA', postcode: '94103', country: 'US' },
  payment_method: 'bacs',
  payment_method_title: 'Direct Bank Transfer',
  transaction_id: '',
  date_paid: '2017-03-22T16:28:08',
  date_paid_gmt: '2017-03-22T19:28:08',
  date_completed: '2017-03-22T16:30:35',
  date_completed_gmt: '2017-03-22T19:30:35',
  cart_hash: '',
  meta_data: [
    { id: 13106, key: '_download_permissions_granted', value: 'yes' },
    { id: 13109, key: '_order_stock_reduced', value: 'yes' },
  ],
  line_items: [
    { id: 315, name: 'Woo Single #1', product_id: 93, variation_id: 0, quantity: 2, tax_class: '', subtotal: '6.00', subtotal_tax: '0.45', total: '6.00', total_tax: '0.45', taxes: [{ id: 75, total: '0.45', subtotal: '0.45' }], meta_data: [], sku: '', price: 3 },
    {
      id: 316,
      name: 'Ship Your Idea &ndash; Color: Black, Size: M Test',
      product_id: 22,
      variation_id: 23,
      quantity: 1,
      tax_class: '',
      subtotal: '12.00',
      subtotal_tax: '0.90',
      total: '12.00',
      total_tax: '0.90',
      taxes: [{ id: 75, total: '0.9', subtotal: '0.9' }],
      meta_data: [
        { id: 2095, key: 'pa_color', value: 'black' },
        { id: 2096, key: 'size', value: 'M Test' },
      ],
      sku: 'Bar3',
      price: 12,
    },
  ],
  tax_lines: [{ id: 318, rate_code: 'US-CA-STATE TAX', rate_id: 75, label: 'State Tax', compound: false, tax_total: '1.35', shipping_tax_total: '0.00', meta_data: [] }],
  shipping_lines: [{ id: 317, method_title: 'Flat Rate', method_id: 'flat_rate', total: '10.00', total_tax: '0.00', taxes: [], meta_data: [] }],
  fee_lines: [] as unknown[],
  coupon_lines: [] as unknown[],
  refunds: [] as unknown[],
};

/**
 * WooCommerce REST API v3, "Order refunds" > "Retrieve a refund", JSON response example —
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#retrieve-a-refund (_order-refunds.md). _links left out.
 */
export const WOO_REFUND_726 = { id: 726, date_created: '2017-03-21T17:07:11', date_created_gmt: '2017-03-21T20:07:11', amount: '10.00', reason: '', refunded_by: 1, refunded_payment: false, meta_data: [], line_items: [] };

/**
 * Bling API v3, GET /pedidos/vendas/{idPedidoVenda} — https://developer.bling.com.br/referencia#/Pedidos%20-%20Vendas —
 * the response example as the bling-erp-api-js client keeps it (src/entities/pedidosVendas/__tests__/find-response.ts).
 */
export const BLING_PEDIDO = {
  data: {
    id: 12345678,
    numero: 123,
    numeroLoja: 'Loja_123',
    data: '2023-01-12',
    dataSaida: '2023-01-12',
    dataPrevista: '2023-01-12',
    totalProdutos: 10,
    total: 12,
    contato: { id: 12345678, nome: 'Contato do Bling', tipoPessoa: 'J', numeroDocumento: '30188025000121' },
    situacao: { id: 12345678, valor: 1 },
    loja: { id: 12345678, unidadeNegocio: { id: 12345678 } },
    numeroPedidoCompra: '123',
    outrasDespesas: 2,
    observacoes: 'Observações do pedido.',
    observacoesInternas: 'Observações internas do pedido.',
    desconto: { valor: 15.45, unidade: 'REAL' },
    categoria: { id: 12345678 },
    notaFiscal: { id: 12345678 },
    tributacao: { totalICMS: 5.55, totalIPI: 5.55 },
    itens: [
      {
        id: 12345678,
        codigo: 'BLG-5',
        unidade: 'UN',
        quantidade: 1,
        desconto: 2,
        valor: 4.9,
        aliquotaIPI: 0,
        descricao: 'Produto do Bling',
        descricaoDetalhada: 'Brinde',
        produto: { id: 12345678 },
        naturezaOperacao: { id: 12345678 },
        comissao: { base: 10, aliquota: 2, valor: 0.2 },
      },
    ],
    parcelas: [{ id: 12345678, dataVencimento: '2023-01-12', valor: 123.45, observacoes: 'Observação da parcela', caut: '123456', formaPagamento: { id: 12345678 } }],
    transporte: {
      fretePorConta: 0,
      frete: 20,
      quantidadeVolumes: 1,
      pesoBruto: 0.5,
      prazoEntrega: 10,
      contato: { id: 12345678, nome: 'Transportador' },
      etiqueta: { nome: 'Transportador', endereco: 'Olavo Bilac', numero: '914', complemento: 'Sala 101', municipio: 'Bento Gonçalves', uf: 'RS', cep: '95702-000', bairro: 'Imigrante', nomePais: 'BRASIL' },
      volumes: [{ id: 12345678, servico: 'ALIAS_123', codigoRastreamento: 'COD123BR' }],
    },
    vendedor: { id: 12345678 },
    intermediador: { cnpj: '13921649000197', nomeUsuario: 'usuario' },
    taxas: { taxaComissao: 1, custoFrete: 9.99, valorBase: 129.9 },
  },
};

/** Bling API v3, GET /contatos (list) — bling-erp-api-js src/entities/contatos/__tests__/get-response.ts. */
export const BLING_CONTATOS = { data: [{ id: 12345678, nome: 'Contato', codigo: 'ASD001', situacao: 'A', numeroDocumento: '123.456.789-10', telefone: '(54) 3333-4444', celular: '(54) 99999-8888' }] };

/** Bling API v3, GET /contatos/{idContato} — bling-erp-api-js src/entities/contatos/__tests__/find-response.ts. */
export const BLING_CONTATO = {
  data: {
    id: 12345678,
    nome: 'Contato',
    codigo: 'ASD001',
    situacao: 'A',
    numeroDocumento: '12345678910',
    telefone: '(54) 3333-4444',
    celular: '(54) 99999-8888',
    fantasia: 'Nome fantasia',
    tipo: 'J',
    indicadorIe: 1,
    ie: '123.456.789.101',
    rg: '1234567890',
    orgaoEmissor: '1234567890',
    email: 'contato@email.com',
    endereco: {
      geral: { endereco: 'R. Olavo Bilac', cep: '95702-000', bairro: 'Imigrante', municipio: 'Bento Gonçalves', uf: 'RS', numero: '914', complemento: 'Sede 101' },
      cobranca: { endereco: 'R. Olavo Bilac', cep: '95702-000', bairro: 'Imigrante', municipio: 'Bento Gonçalves', uf: 'RS', numero: '914', complemento: 'Sede 101' },
    },
    vendedor: { id: 12345678 },
    dadosAdicionais: { dataNascimento: '1990-08-24', sexo: 'M', naturalidade: 'Brasileira' },
    financeiro: { limiteCredito: 0, condicaoPagamento: '30', categoria: { id: 12345678 } },
    pais: { nome: 'ESTADOS UNIDOS' },
    tiposContato: [{ id: 12345678, descricao: 'Fornecedor' }],
    pessoasContato: [{ id: 12345678, descricao: 'Fornecedor Fulano' }],
  },
};

/**
 * Bling API v3, GET /situacoes/modulos and GET /situacoes/{idSituacao} — bling-erp-api-js
 * src/entities/situacoesModulos/__tests__/get-modules-response.ts and src/entities/situacoes/__tests__/find-response.ts.
 */
export const BLING_MODULOS = { data: [{ id: 12345678, nome: 'Vendas', descricao: 'Pedidos de Venda', criarSituacoes: false }] };
export const BLING_SITUACAO = { data: { id: 9, nome: 'Em aberto', idHerdado: 0, cor: '#E9DC40' } };

/**
 * Mercado Livre, "Gerenciar vendas" / "Manage sales" > "Receive an order", response example —
 * https://developers.mercadolivre.com.br/en_us/manage-sales (the fields the page shows), with pack_id as in
 * "Shopping cart orders" (https://developers.mercadolibre.com.ar/en_us/shopping-cart-order-handling: 2000000101334825).
 */
export const ML_ORDER = {
  id: 2000003508419013,
  status: 'paid',
  status_detail: null,
  date_created: '2013-05-27T10:01:50.000-04:00',
  date_closed: '2013-05-27T10:04:07.000-04:00',
  order_items: [{ item: { id: 'MLB12345678', title: 'Samsung Galaxy', variation_id: null, variation_attributes: [] }, quantity: 1, unit_price: 499, currency_id: 'BRL' }],
  total_amount: 499,
  currency_id: 'BRL',
  buyer: { id: '123456789', nickname: 'COMPRADORTESTE', first_name: 'Comprador de testes', last_name: 'da Silva' },
  seller: { id: '123456789' },
  payments: [{ id: '596707837', transaction_amount: 499, currency_id: 'BRL', status: 'approved' }],
  pack_id: 2000000101334825,
};

/**
 * HubSpot CRM Pipelines v3, GET /crm/v3/pipelines/deals, the response shape of the Pipelines guide —
 * https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/guide (stages carry metadata.isClosed and
 * metadata.probability as strings); one custom pipeline with numeric stage ids as accounts create them.
 */
export const HUBSPOT_PIPELINES = {
  results: [
    {
      label: 'Sales Pipeline',
      displayOrder: 0,
      id: 'default',
      stages: [
        { label: 'Appointment Scheduled', displayOrder: 0, metadata: { isClosed: 'false', probability: '0.2' }, id: 'appointmentscheduled', archived: false },
        { label: 'Closed Won', displayOrder: 5, metadata: { isClosed: 'true', probability: '1.0' }, id: 'closedwon', archived: false },
        { label: 'Closed Lost', displayOrder: 6, metadata: { isClosed: 'true', probability: '0.0' }, id: 'closedlost', archived: false },
      ],
      archived: false,
    },
    {
      label: 'Renovações',
      displayOrder: 1,
      id: '14912345',
      stages: [
        { label: 'Proposta', displayOrder: 0, metadata: { isClosed: 'false', probability: '0.5' }, id: '14912346', archived: false },
        { label: 'Renovado', displayOrder: 1, metadata: { isClosed: 'true', probability: '1.0' }, id: '14912347', archived: false },
      ],
      archived: false,
    },
  ],
};

/**
 * HubSpot Email Events API, an event of type BOUNCE as the Email Events overview lists its fields —
 * https://legacydocs.hubspot.com/docs/methods/email/email_events_overview.
 */
export const HUBSPOT_BOUNCE = { appName: 'BatchTest', location: {}, id: '4b8f3c4e-ec2a-3b2a-8de5-0b4b0b5c8c1e', created: 1373542929000, type: 'BOUNCE', portalId: 62515, recipient: 'bounced@example.com', emailCampaignId: 4379785, category: 'HARD_BOUNCE', status: 'BOUNCED' };
