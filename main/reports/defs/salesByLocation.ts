// sales-by-location: per location — completed sales, gross, discounts, revenue, average ticket, unique
// customers, and growth of revenue against the previous period.
import { intCol, keyCol, L, moneyCol, moneyRatioCol, NO_LOCATION, pctCol, textCol } from '../columns';
import { distinctTotal } from '../sqlParts';
import type { ReportContext, ReportDefinition } from '../types';

/** Completed sales per location in [from, to]; the distinct customers only when asked (the previous period needs none). */
function agg(ctx: ReportContext, from: string, to: string, customers: boolean): string {
  const r = ctx.rollups;
  if (r) {
    const sums = `SELECT location_id, CAST(sum(sales) AS BIGINT) AS sales, sum(gross) AS gross, sum(discounts) AS discounts, sum(total) AS total
        FROM rollup_sales_day s WHERE s.status = 'completed' AND s.d BETWEEN ${from} AND ${to} AND ${r.filter('s')} GROUP BY 1`;
    if (!customers) return sums;
    return `SELECT s.location_id, s.sales, s.gross, s.discounts, s.total, c.customers FROM (${sums}) s
      LEFT JOIN (SELECT location_id, list(DISTINCT customer_key) AS customers FROM ${r.customers(from, to)} GROUP BY 1) c
        ON c.location_id IS NOT DISTINCT FROM s.location_id`;
  }
  return `SELECT s.location_id, count(*) AS sales, sum(s.gross_amount) AS gross, sum(s.discount_amount) AS discounts,
      sum(s.total_amount) AS total${customers ? ', list(DISTINCT s.customer_key) FILTER (WHERE s.customer_key IS NOT NULL) AS customers' : ''}
    FROM ${ctx.sales({ from, to })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')}
    GROUP BY s.location_id`;
}

export const salesByLocation: ReportDefinition = {
  id: 'sales-by-location',
  category: 'sales',
  title: L('Vendas por unidade', 'Sales by location'),
  description: L('Como cada unidade vendeu no período e quanto cresceu.', 'How each location sold in the period and how much it grew.'),
  formula: L(
    'Por unidade: vendas concluídas, bruto, descontos, receita (bruto − descontos), ticket médio, clientes únicos e crescimento sobre o período anterior.',
    'Per location: completed sales, gross, discounts, revenue (gross − discounts), average ticket, unique customers and growth over the previous period.',
  ),
  columns: [
    keyCol('location_id', 'Código da unidade', 'Location id'),
    textCol('location_name', 'Unidade', 'Location', { empty: NO_LOCATION }),
    intCol('sales', 'Vendas', 'Sales'),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('discounts', 'Descontos', 'Discounts', { lowerIsBetter: true }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', '__total', 'sales'),
    intCol('unique_customers', 'Clientes únicos', 'Unique customers', { total: 'distinct', totalSql: distinctTotal('__customers') }),
    moneyCol('prev_revenue', 'Receita (período anterior)', 'Revenue (previous period)'),
    pctCol('growth', 'Crescimento', 'Growth', 'safe_ratio(sum("revenue") - sum("prev_revenue"), abs(sum("prev_revenue")))'),
  ],
  hidden: [
    { id: '__total', sqlType: 'DECIMAL(38,2)' },
    { id: '__customers', sqlType: 'VARCHAR[]' },
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [
    {
      id: 'revenue',
      title: L('Receita por unidade', 'Revenue by location'),
      kind: 'bar',
      x: 'location_name',
      series: [{ column: 'revenue' }, { column: 'prev_revenue' }],
    },
  ],
  comparable: true,
  sql(ctx) {
    const pf = `CAST(${ctx.p(ctx.previous.from)} AS DATE)`;
    const pt = `CAST(${ctx.p(ctx.previous.to)} AS DATE)`;
    return `WITH cur AS (${agg(ctx, ctx.from, ctx.to, true)}), prev AS (${agg(ctx, pf, pt, false)})
      SELECT k.location_id, loc.name AS location_name, coalesce(cur.sales, 0) AS sales,
        coalesce(cur.gross, 0) AS gross, coalesce(cur.discounts, 0) AS discounts,
        coalesce(cur.gross, 0) - coalesce(cur.discounts, 0) AS revenue,
        div_money(cur.total, cur.sales) AS avg_ticket, CAST(coalesce(length(cur.customers), 0) AS BIGINT) AS unique_customers,
        coalesce(prev.gross, 0) - coalesce(prev.discounts, 0) AS prev_revenue,
        safe_ratio((coalesce(cur.gross, 0) - coalesce(cur.discounts, 0)) - (prev.gross - prev.discounts), abs(prev.gross - prev.discounts)) AS growth,
        coalesce(cur.total, 0) AS __total, coalesce(cur.customers, []) AS __customers
      FROM (SELECT location_id FROM cur UNION SELECT location_id FROM prev) k
      LEFT JOIN cur ON cur.location_id IS NOT DISTINCT FROM k.location_id
      LEFT JOIN prev ON prev.location_id IS NOT DISTINCT FROM k.location_id
      LEFT JOIN locations loc ON loc.location_id = k.location_id`;
  },
};
