// Bling ERP "vendas" (pedidos de venda) CSV export, pt-BR headers, one row per item: mapped by header names to
// sales, sale_lines, items, customers and payments with bling: ids.
import { timestampExpr } from '../../model/convert';
import type { ShopColumns, ShopMapping } from './shopColumns';
import { paymentMethodSql } from '../../model/paymentMethods';

const NUMBER = ['numero', 'numero_pedido', 'numero_do_pedido', 'n_pedido', 'n_do_pedido', 'pedido'];
const DATE = ['data', 'data_pedido', 'data_do_pedido', 'data_da_venda', 'data_venda', 'data_emissao'];
const TOTAL = ['total_pedido', 'total_do_pedido', 'valor_total_pedido', 'valor_total', 'total'];
const DISCOUNT = ['desconto_pedido', 'desconto_do_pedido', 'valor_desconto', 'desconto'];
const SHIPPING = ['frete', 'valor_frete', 'valor_do_frete', 'frete_pedido'];
const QTY = ['quantidade', 'qtde', 'qtd'];
/** Header groups that must all be present for a file to be read as a Bling sales export. */
export const BLING_SIGNATURE = [NUMBER, DATE, TOTAL, ['situacao', 'nome_do_contato', 'contato', 'nome_contato', 'cliente']];

export function blingStatusSql(st: string): string {
  const x = `lower(strip_accents(coalesce(${st}, '')))`;
  return `CASE WHEN regexp_matches(${x}, 'atendido|concluido|faturado|verificado|venda agenciada|entregue|finalizado') THEN 'completed'
    WHEN ${x} LIKE 'cancelad%' THEN 'cancelled'
    ELSE 'confirmed' END`;
}

export function blingVendasMapping(c: ShopColumns, raw: string, file: string): ShopMapping {
  c.need(TOTAL, file);
  const b = `SELECT __r,
    ${c.need(NUMBER, file)} AS num,
    ${c.need(DATE, file)} AS odate,
    ${c.text(['situacao', 'status'])} AS st,
    ${c.text(['id_contato', 'codigo_contato', 'codigo_do_contato'])} AS cust,
    ${c.text(['nome_do_contato', 'contato', 'nome_contato', 'cliente', 'nome_cliente'])} AS cname,
    ${c.text(['cpf_cnpj', 'cnpj_cpf', 'cpf', 'cnpj', 'documento'])} AS doc,
    ${c.text(['e_mail', 'email'])} AS email,
    ${c.text(['telefone', 'fone', 'celular'])} AS phone,
    ${c.text(['cidade', 'municipio'])} AS city,
    ${c.text(['uf', 'estado'])} AS state,
    ${c.text(['forma_de_pagamento', 'forma_pagamento', 'pagamento'])} AS pm,
    ${c.numText(TOTAL)} AS total_t,
    ${c.num(TOTAL)} AS total,
    ${c.numText(DISCOUNT)} AS disc_t,
    ${c.num(DISCOUNT)} AS disc,
    ${c.numText(SHIPPING)} AS ship_t,
    ${c.num(SHIPPING)} AS ship,
    ${c.text(['codigo_produto', 'codigo_do_produto', 'codigo', 'sku'])} AS code,
    ${c.text(['descricao', 'descricao_produto', 'descricao_do_produto', 'produto'])} AS iname,
    ${c.numText(QTY)} AS qty_t,
    ${c.num(QTY)} AS qty,
    ${c.numText(['valor_unitario', 'preco_unitario', 'valor_unitario_do_item'])} AS unit_t,
    ${c.num(['valor_unitario', 'preco_unitario', 'valor_unitario_do_item'])} AS unit,
    ${c.num(['desconto_item', 'desconto_do_item'])} AS idisc
  FROM ${raw}`;
  const hasItems = c.find(['codigo_produto', 'codigo_do_produto', 'codigo', 'sku', 'descricao', 'descricao_produto', 'descricao_do_produto', 'produto']) !== null;
  const digits = (x: string) => `nullif(regexp_replace(${x}, '\\D', '', 'g'), '')`;
  const custKey = `CASE WHEN cust IS NOT NULL THEN 'bling:' || cust
    WHEN ${digits('doc')} IS NOT NULL THEN 'bling:doc:' || ${digits('doc')}
    WHEN email IS NOT NULL THEN 'bling:email:' || lower(email)
    WHEN cname IS NOT NULL THEN 'bling:name:' || left(md5(lower(strip_accents(cname))), 12) END`;
  const itemKey = `'bling:' || coalesce(code, 'name:' || left(md5(lower(iname)), 12))`;
  const ctes = `WITH b AS (${b}), o AS (SELECT * FROM b WHERE __r IN (SELECT min(__r) FROM b GROUP BY num))`;
  const tables: ShopMapping['tables'] = [
    [
      'sales',
      `${ctes} SELECT __r, 'bling:' || num AS sale_id, 'bling' AS source, 'order' AS kind, ${custKey} AS customer_id,
        NULL AS location_id, NULL AS employee_id, ${blingStatusSql('st')} AS status, odate AS created_at, odate AS occurred_at,
        CAST(total + coalesce(disc, 0) - coalesce(ship, 0) AS VARCHAR) AS gross_amount, disc_t AS discount_amount, NULL AS coupon_code,
        NULL AS tax_amount, ship_t AS shipping_amount, total_t AS total_amount, NULL AS points_earned, NULL AS points_redeemed, NULL AS updated_at
      FROM o`,
    ],
    [
      'customers',
      `${ctes}, k AS (SELECT *, ${custKey} AS ck FROM b)
      SELECT min(__r) AS __r, ck AS customer_id, arg_max(cname, __r) AS name, arg_max(email, __r) AS email, arg_max(phone, __r) AS phone,
        arg_max(doc, __r) AS document, NULL AS gender, NULL AS birth_date, arg_max(city, __r) AS city, arg_max(state, __r) AS state,
        CAST(min(${timestampExpr('odate')}) AS VARCHAR) AS created_at, NULL AS marketing_opt_in, 'bling' AS source
      FROM k WHERE ck IS NOT NULL GROUP BY ck`,
    ],
    [
      'payments',
      `${ctes} SELECT __r, 'bling:' || num || ':payment' AS payment_id, 'bling:' || num AS sale_id, odate AS occurred_at,
        ${paymentMethodSql('pm')} AS method, 'payment' AS kind, total_t AS amount, NULL AS fee_amount
      FROM o WHERE ${blingStatusSql('st')} = 'completed'`,
    ],
  ];
  if (hasItems) {
    tables.push(
      [
        'items',
        `${ctes} SELECT min(__r) AS __r, ${itemKey} AS item_id, arg_max(iname, __r) AS name, 'product' AS kind, NULL AS category,
          CAST(arg_max(unit, __r) AS VARCHAR) AS list_price, NULL AS cost, NULL AS duration_min
        FROM b WHERE coalesce(code, iname) IS NOT NULL GROUP BY ${itemKey}`,
      ],
      [
        'sale_lines',
        `${ctes} SELECT __r, 'bling:' || num AS sale_id, CAST(row_number() OVER (PARTITION BY num ORDER BY __r) AS VARCHAR) AS line_no,
          ${itemKey} AS item_id, NULL AS employee_id, qty_t AS quantity, unit_t AS unit_price, CAST(idisc AS VARCHAR) AS discount_amount,
          CAST(round(qty * unit - coalesce(idisc, 0), 2) AS VARCHAR) AS line_total, NULL AS duration_min
        FROM b WHERE coalesce(code, iname) IS NOT NULL`,
      ],
    );
  }
  return { tables };
}
