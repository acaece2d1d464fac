// sales-vs-receipts: per day the value of completed sales against payments received (by method) and refunds,
// with the running open balance (opening balance from all earlier days); a second table lists completed
// sales of the period with no or partial payment. A refund of a completed sale is money given back for a sale
// undone: it comes off the sales side as well as the receipts side, so a sale paid and then refunded owes nothing.
import { codeCol, dateCol, keyCol, L, moneyCol, NO_CUSTOMER, textCol } from '../columns';
import type { ReportDefinition } from '../types';

/** The refund `p` gives back money of a sale that is (still) completed. */
const COMPLETED_SALE = `p.sale_id IN (SELECT sale_id FROM sales WHERE status = 'completed')`;

const day = (ctx: { from: string; to: string }) => `SELECT CAST(g.d AS DATE) AS day FROM generate_series(CAST(${ctx.from} AS TIMESTAMP), CAST(${ctx.to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)`;

export const salesVsReceipts: ReportDefinition = {
  id: 'sales-vs-receipts',
  category: 'finance',
  title: L('Conciliação vendas × recebimentos', 'Sales vs receipts'),
  description: L('O que foi vendido e o que de fato entrou no caixa, dia a dia, e as vendas ainda não pagas.', 'What was sold and what actually came in, day by day, and the sales not yet paid.'),
  formula: L(
    'Por dia: valor das vendas concluídas × pagamentos recebidos por forma e devoluções, com o saldo em aberto acumulado; e as vendas sem pagamento ou com pagamento parcial.',
    'Per day: value of completed sales vs payments received by method and refunds, with the running open balance; and the sales with no or partial payment.',
  ),
  view: { id: 'daily', title: L('Por dia', 'Per day') },
  columns: [
    dateCol('day', 'Dia', 'Day', { drill: { kind: 'daySales' } }),
    moneyCol('sales_value', 'Vendas', 'Sales value'),
    moneyCol('received', 'Recebido', 'Received'),
    moneyCol('received_pix', 'Pix', 'Pix'),
    moneyCol('received_card', 'Cartões', 'Cards'),
    moneyCol('received_cash', 'Dinheiro', 'Cash'),
    moneyCol('received_other', 'Outros', 'Other'),
    moneyCol('refunds', 'Devoluções', 'Refunds', { lowerIsBetter: true }),
    moneyCol('refunded_sales', 'Devoluções de vendas concluídas', 'Refunds of completed sales', { lowerIsBetter: true }),
    moneyCol('difference', 'Diferença do dia', 'Day difference'),
    moneyCol('open_balance', 'Saldo em aberto', 'Open balance', { total: 'none' }),
  ],
  params: [],
  filters: ['location', 'source'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'day', desc: false }],
  charts: [
    {
      id: 'daily',
      title: L('Vendas × recebido', 'Sales vs received'),
      kind: 'bar_line',
      x: 'day',
      series: [
        { column: 'sales_value', as: 'bar' },
        { column: 'received', as: 'bar' },
        { column: 'open_balance', as: 'line', axis: 'right' },
      ],
    },
  ],
  comparable: true,
  sql(ctx) {
    const before = `${ctx.from} - 1`;
    return `WITH s AS (SELECT s.biz_date AS day, sum(s.total_amount) AS sales_value FROM ${ctx.sales()} s
          WHERE s.status = 'completed' AND ${ctx.salesFilter('s')} GROUP BY 1),
      p AS (SELECT p.biz_date AS day,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment'), 0) AS received,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment' AND p.method = 'pix'), 0) AS received_pix,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment' AND p.method IN ('credit_card', 'debit_card')), 0) AS received_card,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment' AND p.method = 'cash'), 0) AS received_cash,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment' AND p.method NOT IN ('pix', 'credit_card', 'debit_card', 'cash')), 0) AS received_other,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'refund'), 0) AS refunds,
          coalesce(sum(p.amount) FILTER (WHERE p.kind = 'refund' AND ${COMPLETED_SALE}), 0) AS refunded_sales
        FROM ${ctx.payments()} p WHERE ${ctx.paymentsFilter('p')} GROUP BY 1),
      opening AS (SELECT coalesce((SELECT sum(s.total_amount) FROM sales s
            WHERE s.status = 'completed' AND ${ctx.tsIn('s.occurred_at', null, before)} AND ${ctx.salesFilter('s')}), 0)
          - coalesce((SELECT sum(CASE WHEN p.kind = 'payment' THEN p.amount WHEN ${COMPLETED_SALE} THEN 0 ELSE -p.amount END) FROM payments p
            WHERE ${ctx.tsIn('p.occurred_at', null, before)} AND ${ctx.paymentsFilter('p')}), 0) AS bal),
      d AS (SELECT day, coalesce(s.sales_value, 0) AS sales_value, coalesce(p.received, 0) AS received,
          coalesce(p.received_pix, 0) AS received_pix, coalesce(p.received_card, 0) AS received_card,
          coalesce(p.received_cash, 0) AS received_cash, coalesce(p.received_other, 0) AS received_other,
          coalesce(p.refunds, 0) AS refunds, coalesce(p.refunded_sales, 0) AS refunded_sales
        FROM (${day(ctx)}) LEFT JOIN s USING (day) LEFT JOIN p USING (day))
      SELECT d.*, (sales_value - refunded_sales) - (received - refunds) AS difference,
        opening.bal + sum((sales_value - refunded_sales) - (received - refunds)) OVER (ORDER BY day) AS open_balance
      FROM d CROSS JOIN opening`;
  },
  views: [
    {
      id: 'open_sales',
      title: L('Vendas em aberto', 'Open sales'),
      columns: [
        keyCol('sale_id', 'Código da venda', 'Sale id', { drill: { kind: 'sale' } }),
        dateCol('sale_date', 'Data', 'Date', { drill: { kind: 'daySales' } }),
        keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
        textCol('customer_name', 'Cliente', 'Customer', { empty: NO_CUSTOMER }),
        codeCol('source', 'Canal', 'Source', 'source'),
        moneyCol('total', 'Total', 'Total'),
        moneyCol('paid', 'Pago', 'Paid'),
        moneyCol('refunded', 'Devolvido', 'Refunded'),
        moneyCol('open', 'Em aberto', 'Open'),
        codeCol('payment_state', 'Situação', 'Payment state', 'paymentState'),
      ],
      defaultSort: [{ column: 'open', desc: true }],
      charts: [],
      sql(ctx) {
        return `WITH s AS (SELECT s.sale_id, s.biz_date, s.customer_key, s.source, s.total_amount FROM ${ctx.sales()} s
            WHERE s.status = 'completed' AND ${ctx.salesFilter('s')}),
          p AS (SELECT p.sale_id, coalesce(sum(p.amount) FILTER (WHERE p.kind = 'payment'), 0) AS received,
              coalesce(sum(p.amount) FILTER (WHERE p.kind = 'refund'), 0) AS refunded
            FROM payments p WHERE ${ctx.tsIn('p.occurred_at', null, ctx.to)} AND p.sale_id IN (SELECT sale_id FROM s) GROUP BY 1)
          -- a refund undoes part of the sale and gives the money back: the sale owes its total less what was received
          SELECT s.sale_id, s.biz_date AS sale_date, s.customer_key AS customer_id, c.name AS customer_name, s.source,
            s.total_amount AS total, coalesce(p.received, 0) - coalesce(p.refunded, 0) AS paid, coalesce(p.refunded, 0) AS refunded,
            s.total_amount - coalesce(p.received, 0) AS open,
            CASE WHEN coalesce(p.received, 0) <= 0 THEN 'unpaid' ELSE 'partial' END AS payment_state
          FROM s LEFT JOIN p USING (sale_id) LEFT JOIN customers c ON c.customer_id = s.customer_key
          WHERE coalesce(p.received, 0) < s.total_amount`;
      },
    },
  ],
};
