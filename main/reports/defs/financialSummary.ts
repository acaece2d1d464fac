// financial-summary: the accountant's monthly closing — per month gross, discounts, refunds, net, tax, received
// by method, fees, commissions, completed sales and average ticket; every month from first to last activity.
import { intCol, L, moneyCol, moneyRatioCol } from '../columns';
import { PAYMENT_METHODS, staffMonthsSql } from '../sqlParts';
import { dateCol } from '../columns';
import type { ReportDefinition } from '../types';

export const financialSummary: ReportDefinition = {
  id: 'financial-summary',
  category: 'finance',
  title: L('Fechamento mensal', 'Monthly closing'),
  description: L('O resumo de cada mês para o contador: vendas, descontos, devoluções, recebimentos, taxas e comissões.', 'Each month in one line for the accountant: sales, discounts, refunds, money received, fees and commissions.'),
  formula: L(
    'Por mês: bruto, descontos, devoluções, líquido, impostos, recebido por forma de pagamento, taxas, comissões, vendas concluídas e ticket médio.',
    'Per month: gross, discounts, refunds, net, tax, received by payment method, fees, commissions, completed sales and average ticket.',
  ),
  columns: [
    dateCol('month', 'Mês', 'Month', { format: 'month' }),
    moneyCol('gross', 'Bruto', 'Gross'),
    moneyCol('discounts', 'Descontos', 'Discounts', { lowerIsBetter: true }),
    moneyCol('refunds', 'Devoluções', 'Refunds', { lowerIsBetter: true }),
    moneyCol('net', 'Líquido', 'Net'),
    moneyCol('tax', 'Impostos', 'Tax'),
    ...PAYMENT_METHODS.map(([m, pt, en]) => moneyCol(`received_${m}`, `Recebido: ${pt}`, `Received: ${en}`)),
    moneyCol('received', 'Recebido total', 'Received total'),
    moneyCol('fees', 'Taxas', 'Fees', { lowerIsBetter: true }),
    moneyCol('commissions', 'Comissões', 'Commissions'),
    intCol('sales', 'Vendas concluídas', 'Completed sales'),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', '__total', 'sales'),
  ],
  hidden: [{ id: '__total', sqlType: 'DECIMAL(38,2)' }],
  params: [],
  filters: ['location', 'source'],
  // The closing is done for the month just ended; longer spans list every month.
  defaultPreset: 'last_month',
  defaultSort: [{ column: 'month', desc: false }],
  charts: [
    {
      id: 'net',
      title: L('Líquido e recebido por mês', 'Net and received per month'),
      kind: 'bar_line',
      x: 'month',
      series: [
        { column: 'net', as: 'bar' },
        { column: 'received', as: 'line' },
      ],
    },
  ],
  comparable: true,
  sql(ctx) {
    // From the daily rollups when they can answer (sums of day sums), from the rows otherwise: the same figures.
    const r = ctx.rollups;
    const recv = PAYMENT_METHODS.map(([m]) => `coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment' AND p.method = '${m}'), 0) AS received_${m}`).join(', ');
    const salesMonths = r
      ? `SELECT CAST(date_trunc('month', s.d) AS DATE) AS month, CAST(sum(s.sales) AS BIGINT) AS sales, sum(s.gross) AS gross,
          sum(s.discounts) AS discounts, sum(s.tax) AS tax, sum(s.total) AS total
        FROM rollup_sales_day s WHERE s.status = 'completed' AND s.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${r.filter('s')} GROUP BY 1`
      : `SELECT CAST(date_trunc('month', s.biz_date) AS DATE) AS month, count(*) AS sales, sum(s.gross_amount) AS gross,
          sum(s.discount_amount) AS discounts, sum(s.tax_amount) AS tax, sum(s.total_amount) AS total
        FROM ${ctx.sales({ customerKey: false })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')} GROUP BY 1`;
    const payments = r
      ? `(SELECT d AS biz_date, kind, method, amount, fees AS fee_amount FROM rollup_payments_day p WHERE p.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${r.filter('p')})`
      : ctx.payments();
    return `WITH s AS (${salesMonths}),
      p AS (SELECT CAST(date_trunc('month', p.biz_date) AS DATE) AS month,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'refund'), 0) AS refunds, ${recv},
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment'), 0) AS received,
          coalesce(sum(p.fee_amount) FILTER (WHERE p.kind = 'payment'), 0) AS fees
        FROM ${payments} p WHERE ${r ? 'TRUE' : ctx.paymentsFilter('p')} GROUP BY 1),
      -- every month from the first to the last with a completed sale or a payment, zeros included
      months AS (SELECT CAST(g.m AS DATE) AS month FROM (SELECT min(month) AS lo, max(month) AS hi FROM (SELECT month FROM s UNION ALL SELECT month FROM p)) b,
        generate_series(b.lo, b.hi, INTERVAL 1 MONTH) g(m) WHERE b.lo IS NOT NULL),
      c AS (SELECT month, sum(commission) AS commissions FROM (${staffMonthsSql(ctx)}) GROUP BY month)
      SELECT m.month, coalesce(s.gross, 0) AS gross, coalesce(s.discounts, 0) AS discounts, coalesce(p.refunds, 0) AS refunds,
        coalesce(s.gross, 0) - coalesce(s.discounts, 0) - coalesce(p.refunds, 0) AS net, coalesce(s.tax, 0) AS tax,
        ${PAYMENT_METHODS.map(([m]) => `coalesce(p.received_${m}, 0) AS received_${m}`).join(', ')},
        coalesce(p.received, 0) AS received, coalesce(p.fees, 0) AS fees, coalesce(c.commissions, 0) AS commissions,
        coalesce(s.sales, 0) AS sales, div_money(s.total, s.sales) AS avg_ticket, coalesce(s.total, 0) AS __total
      FROM months m LEFT JOIN s USING (month) LEFT JOIN p USING (month) LEFT JOIN c USING (month)`;
  },
};
