// discounts-coupons: per coupon code (and one row for discounts given without a coupon) — uses, customers,
// discount total, revenue of those sales, average discount %, and the discount rate of the whole period.
import { intCol, L, moneyCol, NO_COUPON, pctCol, textCol } from '../columns';
import { distinctTotal } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const discountsCoupons: ReportDefinition = {
  id: 'discounts-coupons',
  category: 'sales',
  title: L('Descontos e cupons', 'Discounts and coupons'),
  description: L('Quanto cada cupom custou em descontos e quanto vendeu.', 'What each coupon cost in discounts and what it sold.'),
  formula: L(
    'Por cupom (e uma linha para descontos sem cupom): usos, clientes, total de descontos, receita dessas vendas, desconto médio e a taxa de desconto do período.',
    'Per coupon code (and one row for discounts without a coupon): uses, customers, discount total, revenue of those sales, average discount and the period’s discount rate.',
  ),
  columns: [
    textCol('coupon_code', 'Cupom', 'Coupon', { empty: NO_COUPON }),
    intCol('uses', 'Usos', 'Uses'),
    intCol('customers', 'Clientes', 'Customers', { total: 'distinct', totalSql: distinctTotal('__customers') }),
    moneyCol('discount_total', 'Descontos', 'Discount total', { lowerIsBetter: true }),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('revenue', 'Receita com o cupom', 'Revenue with the coupon'),
    pctCol('avg_discount_pct', 'Desconto médio', 'Average discount', 'safe_ratio(sum("discount_total"), sum("gross"))', { lowerIsBetter: true }),
    pctCol('share_of_discounts', 'Parte dos descontos', 'Share of discounts', null, { total: 'sum' }),
    pctCol('period_discount_rate', 'Taxa de desconto do período', 'Discount rate of the period', null, { total: 'max', lowerIsBetter: true }),
  ],
  hidden: [{ id: '__customers', sqlType: 'VARCHAR[]' }],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'discount_total', desc: true }],
  charts: [{ id: 'discounts', title: L('Descontos por cupom', 'Discounts by coupon'), kind: 'bar', x: 'coupon_code', series: [{ column: 'discount_total' }], topN: 15 }],
  comparable: true,
  sql(ctx) {
    return `WITH s AS (
        SELECT s.coupon_code, s.customer_key, s.gross_amount, s.discount_amount
        FROM ${ctx.sales()} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')}),
      t AS (SELECT sum(discount_amount) AS discounts, sum(gross_amount) AS gross FROM s)
      SELECT s.coupon_code, count(*) AS uses, CAST(count(DISTINCT s.customer_key) AS BIGINT) AS customers,
        coalesce(sum(s.discount_amount), 0) AS discount_total, coalesce(sum(s.gross_amount), 0) AS gross,
        coalesce(sum(s.gross_amount), 0) - coalesce(sum(s.discount_amount), 0) AS revenue,
        safe_ratio(sum(s.discount_amount), sum(s.gross_amount)) AS avg_discount_pct,
        safe_ratio(sum(s.discount_amount), any_value(t.discounts)) AS share_of_discounts,
        safe_ratio(any_value(t.discounts), any_value(t.gross)) AS period_discount_rate,
        coalesce(list(DISTINCT s.customer_key) FILTER (WHERE s.customer_key IS NOT NULL), []) AS __customers
      FROM s CROSS JOIN t WHERE s.coupon_code IS NOT NULL OR s.discount_amount > 0
      GROUP BY s.coupon_code`;
  },
};
