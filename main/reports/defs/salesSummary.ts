// sales-summary: completed sales by day / week / month with gross, discounts, refunds, net, tax, average
// ticket, unique customers, and each row's net against a like-for-like window: a day against the same weekday
// one week before, a week against the same weekdays of the week before, a month against the same days of the
// month before.
import { dateCol, intCol, L, moneyCol, moneyRatioCol, pctCol } from '../columns';
import { bucketsSql, distinctTotal, GRANULARITY_OPTIONS } from '../sqlParts';
import type { RollupAccess } from '../rollupSource';
import type { ReportContext, ReportDefinition } from '../types';

/** Completed sales and refunds per bucket from the daily rollups (customers from the customer-day table). */
function rollupPeriodSql(ctx: ReportContext, r: RollupAccess, g: string, from: string, to: string): string {
  return `SELECT b.bucket,
      coalesce(s.sales, 0) AS sales, coalesce(s.gross, 0) AS gross, coalesce(s.discounts, 0) AS discounts,
      coalesce(f.refunds, 0) AS refunds, coalesce(s.tax, 0) AS tax, coalesce(s.total, 0) AS total, coalesce(c.customers, []) AS customers
    FROM (${bucketsSql(ctx, g, from, to)}) b
    LEFT JOIN (SELECT CAST(date_trunc(${g}, d) AS DATE) AS bucket, CAST(sum(sales) AS BIGINT) AS sales, sum(gross) AS gross,
        sum(discounts) AS discounts, sum(tax) AS tax, sum(total) AS total
      FROM rollup_sales_day s WHERE s.status = 'completed' AND s.d BETWEEN ${from} AND ${to} AND ${r.filter('s')} GROUP BY 1) s USING (bucket)
    LEFT JOIN (SELECT CAST(date_trunc(${g}, d) AS DATE) AS bucket, list(DISTINCT customer_key) AS customers
      FROM ${r.customers(from, to)} GROUP BY 1) c USING (bucket)
    LEFT JOIN (SELECT CAST(date_trunc(${g}, d) AS DATE) AS bucket, sum(amount) AS refunds
      FROM rollup_payments_day p WHERE p.kind = 'refund' AND p.d BETWEEN ${from} AND ${to} AND ${r.filter('p')} GROUP BY 1) f USING (bucket)`;
}

/** Each business day's net (completed sales' gross - discount, less refunds) from `lo` to the period's end. */
function dayNetSql(ctx: ReportContext, lo: string): string {
  const r = ctx.rollups;
  if (r) {
    return `SELECT d, sum(net) AS net FROM rollup_sales_day s WHERE s.status = 'completed' AND s.d BETWEEN ${lo} AND ${ctx.to} AND ${r.filter('s')} GROUP BY 1
        UNION ALL SELECT d, -sum(amount) FROM rollup_payments_day p WHERE p.kind = 'refund' AND p.d BETWEEN ${lo} AND ${ctx.to} AND ${r.filter('p')} GROUP BY 1`;
  }
  return `SELECT biz_date AS d, sum(gross_amount - discount_amount) AS net FROM ${ctx.sales({ from: lo, to: ctx.to })} s
        WHERE s.status = 'completed' AND ${ctx.salesFilter('s')} GROUP BY 1
        UNION ALL SELECT biz_date, -sum(amount) FROM ${ctx.payments({ from: lo, to: ctx.to })} p WHERE p.kind = 'refund' AND ${ctx.paymentsFilter('p')} GROUP BY 1`;
}

function periodSql(ctx: ReportContext, g: string, from: string, to: string): string {
  if (ctx.rollups) return rollupPeriodSql(ctx, ctx.rollups, g, from, to);
  return `SELECT b.bucket,
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
  description: L('Quanto você vendeu em cada dia, semana ou mês, e como isso se compara com o período anterior.', 'How much you sold each day, week or month, and how it compares with the period before.'),
  formula: L(
    'Vendas concluídas por dia, semana ou mês: bruto, descontos, devoluções, líquido, impostos, ticket médio e clientes únicos. Cada dia é comparado com o mesmo dia da semana anterior, cada semana com os mesmos dias da semana anterior, cada mês com os mesmos dias do mês anterior.',
    'Completed sales by day, week or month: gross, discounts, refunds, net, tax, average ticket and unique customers. Each day is compared with the same weekday one week before, each week with the same weekdays of the week before, each month with the same days of the month before.',
  ),
  columns: [
    dateCol('bucket', 'Período', 'Period', { drill: { kind: 'daySales' } }),
    intCol('sales', 'Vendas', 'Sales'),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('discounts', 'Descontos', 'Discounts', { lowerIsBetter: true }),
    moneyCol('refunds', 'Devoluções', 'Refunds', { lowerIsBetter: true }),
    moneyCol('net', 'Líquido', 'Net'),
    moneyCol('tax', 'Impostos', 'Tax'),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', '__total', 'sales'),
    intCol('unique_customers', 'Clientes únicos', 'Unique customers', { total: 'distinct', totalSql: distinctTotal('__customers') }),
    moneyCol('prev_net', 'Líquido (comparação)', 'Net (compared)'),
    pctCol('net_variation', 'Variação do líquido', 'Net variation', 'safe_ratio(sum("net") - sum("prev_net"), abs(sum("prev_net")))'),
    dateCol('compared_from', 'Comparado de', 'Compared from', { total: 'none', optional: true }),
    dateCol('compared_to', 'Comparado até', 'Compared to', { total: 'none', optional: true }),
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
      title: L('Líquido vs comparação', 'Net vs compared'),
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
    const gran = String(ctx.params.granularity);
    const g = ctx.p(gran);
    // Each row's own window (a bucket clipped to the period) and its like-for-like window.
    const shift = (d: string) => (gran === 'month' ? `CAST(${d} - INTERVAL 1 MONTH AS DATE)` : `${d} - 7`);
    const end = `CAST(date_trunc(${g}, cur.bucket) + CASE ${g} WHEN 'day' THEN INTERVAL 1 DAY WHEN 'week' THEN INTERVAL 7 DAY ELSE INTERVAL 1 MONTH END AS DATE) - 1`;
    const lo = `${ctx.from} - 31`;
    return `WITH cur AS (${periodSql(ctx, g, ctx.from, ctx.to)}),
      w AS (SELECT cur.bucket, greatest(cur.bucket, ${ctx.from}) AS rfrom, least(${end}, ${ctx.to}) AS rto FROM cur),
      cw AS (SELECT bucket, ${shift('rfrom')} AS cfrom, ${shift('rto')} AS cto FROM w),
      dn AS (${dayNetSql(ctx, lo)}),
      prev AS (SELECT cw.bucket, cw.cfrom, cw.cto, coalesce(sum(dn.net), 0) AS net FROM cw LEFT JOIN dn ON dn.d BETWEEN cw.cfrom AND cw.cto GROUP BY ALL)
    SELECT cur.bucket, cur.sales, cur.gross, cur.discounts, cur.refunds, cur.gross - cur.discounts - cur.refunds AS net, cur.tax,
      div_money(cur.total, cur.sales) AS avg_ticket, CAST(length(cur.customers) AS BIGINT) AS unique_customers,
      CAST(prev.net AS DECIMAL(38,2)) AS prev_net,
      safe_ratio((cur.gross - cur.discounts - cur.refunds) - prev.net, abs(prev.net)) AS net_variation,
      prev.cfrom AS compared_from, prev.cto AS compared_to,
      cur.total AS __total, cur.customers AS __customers
    FROM cur LEFT JOIN prev USING (bucket)`;
  },
};
