// sales-by-channel: per source and sale kind — orders, gross, discounts, revenue, average ticket, the fees of
// the payments of those sales (marketplace/card fees) and revenue net of fees.
import { codeCol, intCol, L, moneyCol, moneyRatioCol, pctCol } from '../columns';
import type { ReportDefinition } from '../types';

export const salesByChannel: ReportDefinition = {
  id: 'sales-by-channel',
  category: 'sales',
  title: L('Vendas por canal', 'Sales by channel'),
  description: L('De onde vêm as vendas (salão, loja online, marketplace) e quanto fica depois das taxas.', 'Where sales come from (salon, online store, marketplace) and what is left after fees.'),
  formula: L(
    'Por canal (origem) e tipo de venda: pedidos, bruto, descontos, receita, ticket médio, taxas dos pagamentos dessas vendas e receita líquida de taxas.',
    'Per source and sale kind: orders, gross, discounts, revenue, average ticket, the fees of those sales’ payments and revenue net of fees.',
  ),
  columns: [
    codeCol('source', 'Canal', 'Source', 'source'),
    codeCol('kind', 'Tipo', 'Kind', 'saleKind'),
    intCol('sales', 'Pedidos', 'Orders'),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('discounts', 'Descontos', 'Discounts', { lowerIsBetter: true }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    pctCol('share', 'Participação', 'Share of revenue', null, { total: 'sum' }),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', '__total', 'sales'),
    moneyCol('fees', 'Taxas', 'Fees', { lowerIsBetter: true }),
    moneyCol('net_after_fees', 'Líquido de taxas', 'Net after fees'),
  ],
  hidden: [{ id: '__total', sqlType: 'DECIMAL(38,2)' }],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [
    { id: 'revenue', title: L('Receita por canal', 'Revenue by channel'), kind: 'pie', x: 'source', series: [{ column: 'revenue' }] },
    { id: 'fees', title: L('Receita e taxas por canal', 'Revenue and fees by channel'), kind: 'bar', x: 'source', series: [{ column: 'net_after_fees', stack: 'a' }, { column: 'fees', stack: 'a' }] },
  ],
  comparable: true,
  sql(ctx) {
    // Per channel and kind: completed sales and their payments' fees, from the sales rollup when it can answer.
    const r = ctx.rollups;
    const groups = r
      ? `g AS (SELECT s.source, s.kind, CAST(sum(s.sales) AS BIGINT) AS sales, sum(s.gross) AS gross, sum(s.discounts) AS discounts,
          sum(s.total) AS total, coalesce(sum(s.fees), 0) AS fees
        FROM rollup_sales_day s WHERE s.status = 'completed' AND s.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${r.filter('s')} GROUP BY 1, 2)`
      : `s AS (
        SELECT s.sale_id, s.source, s.kind, s.gross_amount, s.discount_amount, s.total_amount
        FROM ${ctx.sales({ customerKey: false })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')}),
      f AS (SELECT p.sale_id, sum(p.fee_amount) AS fees FROM payments p WHERE p.kind = 'payment' AND p.sale_id IN (SELECT sale_id FROM s) GROUP BY p.sale_id),
      g AS (SELECT s.source, s.kind, count(*) AS sales, sum(s.gross_amount) AS gross, sum(s.discount_amount) AS discounts,
          sum(s.total_amount) AS total, coalesce(sum(f.fees), 0) AS fees
        FROM s LEFT JOIN f USING (sale_id) GROUP BY s.source, s.kind)`;
    return `WITH ${groups}
      SELECT source, kind, sales, gross, discounts, coalesce(gross, 0) - coalesce(discounts, 0) AS revenue,
        safe_ratio(coalesce(gross, 0) - coalesce(discounts, 0), sum(coalesce(gross, 0) - coalesce(discounts, 0)) OVER ()) AS share,
        div_money(total, sales) AS avg_ticket, fees, coalesce(gross, 0) - coalesce(discounts, 0) - fees AS net_after_fees, total AS __total
      FROM g`;
  },
};
