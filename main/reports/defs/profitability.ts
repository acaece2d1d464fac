// profitability: gross margin by item where the cost is known; and per month the acquisition cost (campaign
// budgets started that month / new customers), value to date of those customers and CLV:CAC.
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, numCol, pctCol, textCol } from '../columns';
import { itemSums } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const profitability: ReportDefinition = {
  id: 'profitability',
  category: 'profitability',
  title: L('Rentabilidade', 'Profitability'),
  description: L('Quanto sobra de cada item depois do custo, e quanto custa conquistar um cliente novo.', 'What is left of each item after its cost, and what a new customer costs to win.'),
  formula: L(
    'Margem bruta por item onde o custo é conhecido; e por mês o custo de aquisição (orçamento das campanhas ÷ clientes novos), o valor desses clientes até hoje e a relação CLV:CAC.',
    'Gross margin by item where the cost is known; and per month the acquisition cost (campaign budgets ÷ new customers), their value to date and CLV:CAC.',
  ),
  uses: ['customer_value'],
  view: { id: 'items', title: L('Margem por item', 'Margin by item') },
  columns: [
    keyCol('item_id', 'Código do item', 'Item id'),
    textCol('item_name', 'Item', 'Item'),
    codeCol('kind', 'Tipo', 'Kind', 'itemKind'),
    textCol('category', 'Categoria', 'Category'),
    numCol('quantity', 'Quantidade', 'Quantity', { sqlType: 'DECIMAL(18,3)', decimals: 0, unit: 'quantity', total: 'sum' }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    moneyCol('cost', 'Custo', 'Cost'),
    moneyCol('gross_margin', 'Margem bruta', 'Gross margin'),
    pctCol('margin_pct', 'Margem %', 'Margin %', 'safe_ratio(sum("gross_margin"), sum("revenue"))'),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'gross_margin', desc: true }],
  charts: [{ id: 'margin', title: L('Margem bruta por item', 'Gross margin by item'), kind: 'bar', x: 'item_name', series: [{ column: 'gross_margin' }], topN: 15 }],
  comparable: true,
  sql(ctx) {
    return `WITH l AS (${itemSums(ctx)})
      SELECT l.item_id, i.name AS item_name, i.kind, i.category, l.quantity, l.revenue,
        CAST(l.quantity * i.cost AS DECIMAL(18,2)) AS cost, l.revenue - CAST(l.quantity * i.cost AS DECIMAL(18,2)) AS gross_margin,
        safe_ratio(l.revenue - CAST(l.quantity * i.cost AS DECIMAL(18,2)), l.revenue) AS margin_pct
      FROM l JOIN items i ON i.item_id = l.item_id WHERE i.cost IS NOT NULL`;
  },
  views: [
    {
      id: 'cac',
      title: L('CAC e CLV', 'CAC and CLV'),
      columns: [
        dateCol('month', 'Mês', 'Month', { format: 'month' }),
        moneyCol('campaign_budget', 'Orçamento de campanhas', 'Campaign budget'),
        intCol('new_customers', 'Clientes novos', 'New customers'),
        moneyCol('cac', 'CAC', 'CAC', { total: 'ratio', totalSql: 'div_money(sum("campaign_budget"), sum("new_customers"))' }),
        moneyCol('value_to_date', 'Valor até hoje (médio)', 'Value to date (average)', { total: 'ratio', totalSql: 'div_money(sum("__cohort_revenue"), sum("new_customers"))' }),
        numCol('clv_cac_to_date', 'CLV:CAC (até hoje)', 'CLV:CAC (to date)', { decimals: 2, total: 'ratio', totalSql: 'round(safe_ratio(sum("__cohort_revenue"), sum("campaign_budget")), 4)' }),
        moneyCol('predicted_value', 'Valor previsto 12 meses (médio)', 'Predicted 12-month value (average)', {
          requires: 'customerValue', total: 'ratio', totalSql: 'div_money(sum("__cohort_predicted"), sum("new_customers"))',
        }),
        numCol('clv_cac', 'CLV:CAC (com previsão)', 'CLV:CAC (with forecast)', {
          requires: 'customerValue', decimals: 2, total: 'ratio', totalSql: 'round(safe_ratio(sum("__cohort_revenue") + sum("__cohort_predicted"), sum("campaign_budget")), 4)',
        }),
      ],
      hidden: [
        { id: '__cohort_revenue', sqlType: 'DECIMAL(38,2)' },
        { id: '__cohort_predicted', sqlType: 'DECIMAL(38,2)' },
      ],
      defaultSort: [{ column: 'month', desc: false }],
      charts: [{ id: 'cac', title: L('CAC por mês', 'CAC per month'), kind: 'bar_line', x: 'month', series: [{ column: 'cac', as: 'bar' }, { column: 'value_to_date', as: 'line' }] }],
      sql(ctx) {
        const cv = ctx.has.customerValue
          ? `(SELECT * FROM customer_value WHERE model_id = (SELECT model_id FROM clv_models ORDER BY fitted_at DESC LIMIT 1))`
          : `(SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DECIMAL(18,2)) AS expected_value_365 WHERE false)`;
        const pred = ctx.has.customerValue
          ? `, div_money(n.predicted, n.new_customers) AS predicted_value,
             round(safe_ratio(coalesce(n.revenue, 0) + coalesce(n.predicted, 0), b.budget), 4) AS clv_cac`
          : '';
        // Per source customer id first, then per unified customer (the identity join on one row per customer).
        return `WITH s AS (SELECT s.customer_id, min(s.biz_date) AS first_d, sum(s.total_amount) AS revenue
              FROM ${ctx.sales({ from: null, customerKey: false })} s
              WHERE s.status = 'completed' AND s.customer_id IS NOT NULL AND ${ctx.salesFilter('s')} GROUP BY 1),
            f AS (SELECT COALESCE(ci.unified_id, s.customer_id) AS customer_key, CAST(date_trunc('month', min(s.first_d)) AS DATE) AS month,
                sum(s.revenue) AS revenue
              FROM s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id GROUP BY 1),
            months AS (SELECT CAST(g.m AS DATE) AS month FROM generate_series(date_trunc('month', ${ctx.from}), date_trunc('month', ${ctx.to}), INTERVAL 1 MONTH) g(m)),
            n AS (SELECT f.month, count(*) AS new_customers, sum(f.revenue) AS revenue, sum(cv.expected_value_365) AS predicted
              FROM f LEFT JOIN ${cv} cv ON cv.customer_id = f.customer_key GROUP BY 1),
            b AS (SELECT CAST(date_trunc('month', CAST(timezone(getvariable('biz_tz'), started_at) AS DATE)) AS DATE) AS month, sum(budget) AS budget
              FROM campaigns WHERE started_at IS NOT NULL GROUP BY 1)
          SELECT m.month, coalesce(b.budget, 0) AS campaign_budget, coalesce(n.new_customers, 0) AS new_customers,
            div_money(b.budget, n.new_customers) AS cac, div_money(n.revenue, n.new_customers) AS value_to_date,
            round(safe_ratio(n.revenue, b.budget), 4) AS clv_cac_to_date${pred},
            coalesce(n.revenue, 0) AS __cohort_revenue, coalesce(n.predicted, 0) AS __cohort_predicted
          FROM months m LEFT JOIN n USING (month) LEFT JOIN b USING (month)`;
      },
    },
  ],
};
