// sales-by-item: completed sale lines by item — quantity, revenue (line totals), share, average unit price and,
// where the item's cost is known, cost and margin.
import { codeCol, keyCol, L, moneyCol, numCol, pctCol, textCol } from '../columns';
import { itemSums } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const salesByItem: ReportDefinition = {
  id: 'sales-by-item',
  category: 'sales',
  title: L('Vendas por serviço e produto', 'Sales by service and product'),
  description: L('Quais serviços e produtos mais vendem e quanto sobra de cada um depois do custo.', 'Which services and products sell most, and what is left of each after its cost.'),
  formula: L(
    'Itens das vendas concluídas: quantidade, receita (total das linhas), participação, preço médio e margem onde o custo é conhecido.',
    'Lines of completed sales by item: quantity, revenue (line totals), share, average unit price and margin where the cost is known.',
  ),
  columns: [
    keyCol('item_id', 'Código do item', 'Item id'),
    textCol('item_name', 'Item', 'Item'),
    codeCol('kind', 'Tipo', 'Kind', 'itemKind'),
    textCol('category', 'Categoria', 'Category'),
    numCol('quantity', 'Quantidade', 'Quantity', { sqlType: 'DECIMAL(18,3)', unit: 'quantity', decimals: 0, total: 'sum' }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    pctCol('share', 'Participação', 'Share of revenue', null, { total: 'sum' }),
    moneyCol('avg_unit_price', 'Preço médio', 'Average unit price', { total: 'ratio', totalSql: 'div_money(sum("revenue"), sum("quantity"))' }),
    moneyCol('cost', 'Custo', 'Cost'),
    moneyCol('margin', 'Margem', 'Margin'),
    pctCol('margin_pct', 'Margem %', 'Margin %', 'safe_ratio(sum("margin"), sum("__costed_revenue"))'),
  ],
  hidden: [{ id: '__costed_revenue', sqlType: 'DECIMAL(38,2)' }],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [
    { id: 'top', title: L('Itens mais vendidos', 'Top items'), kind: 'bar', x: 'item_name', series: [{ column: 'revenue' }], topN: 10 },
    { id: 'kind', title: L('Serviços × produtos', 'Services vs products'), kind: 'pie', x: 'kind', series: [{ column: 'revenue' }] },
  ],
  comparable: true,
  sql(ctx) {
    return `WITH l AS (${itemSums(ctx)}),
      t AS (SELECT sum(revenue) AS all_revenue FROM l)
      SELECT l.item_id, i.name AS item_name, i.kind, i.category, l.quantity, l.revenue,
        safe_ratio(l.revenue, t.all_revenue) AS share,
        div_money(l.revenue, l.quantity) AS avg_unit_price,
        CAST(l.quantity * i.cost AS DECIMAL(18,2)) AS cost,
        l.revenue - CAST(l.quantity * i.cost AS DECIMAL(18,2)) AS margin,
        safe_ratio(l.revenue - CAST(l.quantity * i.cost AS DECIMAL(18,2)), l.revenue) AS margin_pct,
        CASE WHEN i.cost IS NOT NULL THEN l.revenue END AS __costed_revenue
      FROM l CROSS JOIN t LEFT JOIN items i ON i.item_id = l.item_id`;
  },
};
