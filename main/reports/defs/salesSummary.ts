// sales-summary: completed sales by day / week / month with gross, discounts, refunds, net, tax, average
// ticket, unique customers, and the net of the aligned bucket of the previous period.
import { dateCol, intCol, L, moneyCol, moneyRatioCol, pctCol } from '../columns';
import { bucketsSql, distinctTotal, GRANULARITY_OPTIONS } from '../sqlParts';
import type { ReportContext, ReportDefinition } from '../types';

function periodSql(ctx: ReportContext, g: string, from: string, to: string): string {
  return `SELECT b.bucket, row_number() OVER (ORDER BY b.bucket) AS i,
      coalesce(s.sales, 0) AS sales, coalesce(s.gross, 0) AS gross, coalesce(s.discounts, 0) AS discounts,
      coalesce(f.refunds, 0) AS refunds, coalesce(s.tax, 0) AS tax, coalesce(s.total, 0) AS total, coalesce(s.customers, []) AS customers
    FROM (${bucketsSql(ctx, g, from, to)}) b
    LEFT JOIN (SELECT CAST(date_trunc(${g}, biz_date) AS DATE) AS bucket, count(*) AS sales, sum(gross_amount) AS gross,
        sum(discount_amount) AS discounts, sum(tax_amount) AS tax, sum(total_amount) AS total,
        list(DISTINCT customer_key) FILTER (WHERE customer_key IS NOT NULL) AS customers
      FROM ${ctx.sales({ from, to })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')} GROUP BY 1) s USING (bucket)
    LEFT JOIN (SELECT CAST(date_trunc(${g}, biz_date) AS DATE) AS bucket, sum(amount) AS refunds
      FROM ${ctx.payments({ from, to })} p WHERE p.kind = 'refund' AND ${ctx.paymentsFilter('p')} GROUP BY 1) f USING (bucket)`;
}

export const salesSummary: ReportDefinition = {
  id: 'sales-summary',
  category: 'sales',
  title: L('Resumo de vendas', 'Sales summary'),
  description: L(
    'Vendas concluídas por dia, semana ou mês: bruto, descontos, devoluções, líquido, impostos, ticket médio e clientes únicos, com o período anterior.',
    'Completed sales by day, week or month: gross, discounts, refunds, net, tax, average ticket and unique customers, with the previous period.',
  ),
  columns: [
    dateCol('bucket', 'Período', 'Period', { drill: { kind: 'daySales' } }),
    intCol('sales', 'Vendas', 'Sales'),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('discounts', 'Descontos', 'Discounts'),
    moneyCol('refunds', 'Devoluções', 'Refunds'),
    moneyCol('net', 'Líquido', 'Net'),
    moneyCol('tax', 'Impostos', 'Tax'),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', '__total', 'sales'),
    intCol('unique_customers', 'Clientes únicos', 'Unique customers', { total: 'distinct', totalSql: distinctTotal('__customers') }),
    moneyCol('prev_net', 'Líquido (período anterior)', 'Net (previous period)'),
    pctCol('net_variation', 'Variação do líquido', 'Net variation', 'safe_ratio(sum("net") - sum("prev_net"), abs(sum("prev_net")))'),
  ],
  hidden: [
    { id: '__total', sqlType: 'DECIMAL(38,2)' },
    { id: '__customers', sqlType: 'VARCHAR[]' },
  ],
  params: [{ id: 'granularity', label: L('Agrupar por', 'Group by'), kind: 'enum', options: GRANULARITY_OPTIONS, default: 'day' }],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'bucket', desc: false }],
  charts: [
    {
      id: 'net',
      title: L('Líquido vs período anterior', 'Net vs previous period'),
      kind: 'bar_line',
      x: 'bucket',
      series: [
        { column: 'net', as: 'bar' },
        { column: 'prev_net', as: 'line' },
      ],
    },
  ],
  comparable: true,
  sql(ctx) {
    const g = ctx.p(String(ctx.params.granularity));
    return `WITH cur AS (${periodSql(ctx, g, ctx.from, ctx.to)}),
      prev AS (${periodSql(ctx, g, `CAST(${ctx.p(ctx.previous.from)} AS DATE)`, `CAST(${ctx.p(ctx.previous.to)} AS DATE)`)})
    SELECT cur.bucket, cur.sales, cur.gross, cur.discounts, cur.refunds, cur.gross - cur.discounts - cur.refunds AS net, cur.tax,
      div_money(cur.total, cur.sales) AS avg_ticket, CAST(length(cur.customers) AS BIGINT) AS unique_customers,
      prev.gross - prev.discounts - prev.refunds AS prev_net,
      safe_ratio((cur.gross - cur.discounts - cur.refunds) - (prev.gross - prev.discounts - prev.refunds), abs(prev.gross - prev.discounts - prev.refunds)) AS net_variation,
      cur.total AS __total, cur.customers AS __customers
    FROM cur LEFT JOIN prev USING (i)`;
  },
};
