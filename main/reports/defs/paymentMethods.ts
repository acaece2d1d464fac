// payment-methods: received payments per period bucket and method — amount, count, share of the bucket,
// fees, average payment, refunds — so the Pix share over time is one line of the share chart.
import { codeCol, dateCol, intCol, L, moneyCol, pctCol } from '../columns';
import { GRANULARITY_OPTIONS } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const paymentMethods: ReportDefinition = {
  id: 'payment-methods',
  category: 'finance',
  title: L('Formas de pagamento', 'Payment methods'),
  description: L('Como os clientes pagam (Pix, cartão, dinheiro...) e quanto cada forma custa em taxas.', 'How customers pay (Pix, card, cash...) and what each method costs in fees.'),
  formula: L(
    'Pagamentos recebidos por período e forma: valor, quantidade, participação, taxas, valor médio e devoluções; a participação do Pix ao longo do tempo.',
    'Payments received per period and method: amount, count, share, fees, average and refunds; the Pix share over time.',
  ),
  columns: [
    dateCol('bucket', 'Período', 'Period', { drill: { kind: 'daySales' } }),
    codeCol('method', 'Forma', 'Method', 'paymentMethod'),
    moneyCol('amount', 'Recebido', 'Amount'),
    intCol('payments', 'Pagamentos', 'Payments'),
    pctCol('share', 'Participação no período', 'Share of the period', 'safe_ratio(sum("amount"), list_sum(list_transform(list_distinct(list(struct_pack(b := "bucket", a := "__bucket_amount"))), x -> x.a)))'),
    moneyCol('fees', 'Taxas', 'Fees', { lowerIsBetter: true }),
    moneyCol('avg_payment', 'Valor médio', 'Average payment', { total: 'ratio', totalSql: 'div_money(sum("amount"), sum("payments"))' }),
    moneyCol('refunds', 'Devoluções', 'Refunds', { lowerIsBetter: true }),
    intCol('refund_count', 'Nº de devoluções', 'Refund count', { lowerIsBetter: true }),
  ],
  hidden: [{ id: '__bucket_amount', sqlType: 'DECIMAL(38,2)' }],
  params: [{ id: 'granularity', label: L('Agrupar por', 'Group by'), kind: 'enum', options: GRANULARITY_OPTIONS, default: 'month' }],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_year',
  defaultSort: [
    { column: 'bucket', desc: false },
    { column: 'amount', desc: true },
  ],
  charts: [
    { id: 'amount', title: L('Recebido por forma', 'Received by method'), kind: 'stacked_bar', x: 'bucket', by: 'method', series: [{ column: 'amount', stack: 'm' }] },
    { id: 'share', title: L('Participação por forma (Pix ao longo do tempo)', 'Share by method (Pix over time)'), kind: 'line', x: 'bucket', by: 'method', series: [{ column: 'share' }] },
    { id: 'methods', title: L('Recebido por forma no período', 'Received by method in the period'), kind: 'pie', x: 'method', series: [{ column: 'amount' }] },
  ],
  comparable: true,
  sql(ctx) {
    const g = ctx.p(String(ctx.params.granularity));
    // From the daily rollups (day sums and counts) when they can answer, from the payments otherwise.
    const r = ctx.rollups;
    const count = (kind: string) => (r ? `CAST(coalesce(sum(p.n) FILTER (WHERE p.kind = '${kind}'), 0) AS BIGINT)` : `count(*) FILTER (WHERE p.kind = '${kind}')`);
    const rows = r
      ? `(SELECT d AS biz_date, method, kind, amount, fees AS fee_amount, payments AS n FROM rollup_payments_day p WHERE p.d BETWEEN ${ctx.from} AND ${ctx.to} AND ${r.filter('p')})`
      : ctx.payments();
    return `WITH p AS (
        SELECT CAST(date_trunc(${g}, p.biz_date) AS DATE) AS bucket, p.method,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment'), 0) AS amount,
          ${count('payment')} AS payments,
          coalesce(sum(p.fee_amount) FILTER (WHERE p.kind = 'payment'), 0) AS fees,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'refund'), 0) AS refunds,
          ${count('refund')} AS refund_count
        FROM ${rows} p WHERE ${r ? 'TRUE' : ctx.paymentsFilter('p')} GROUP BY ALL)
      SELECT bucket, method, amount, payments, safe_ratio(amount, sum(amount) OVER (PARTITION BY bucket)) AS share,
        fees, div_money(amount, payments) AS avg_payment, refunds, refund_count,
        CAST(sum(amount) OVER (PARTITION BY bucket) AS DECIMAL(38,2)) AS __bucket_amount
      FROM p`;
  },
};
