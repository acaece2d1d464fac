// refunds: each refund (dated by its own occurred_at, whatever its sale's status) with its sale, customer,
// method, amount and days from sale to refund; the totals row gives the refund rate of the period.
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, NO_CUSTOMER, pctCol, textCol } from '../columns';
import type { ReportDefinition } from '../types';

export const refunds: ReportDefinition = {
  id: 'refunds',
  category: 'finance',
  title: L('Devoluções e estornos', 'Refunds'),
  description: L('Cada devolução, de qual venda e cliente, e quanto tempo depois da venda.', 'Every refund, of which sale and customer, and how long after the sale.'),
  formula: L(
    'Cada devolução com sua venda, cliente, forma, valor e dias entre a venda e a devolução; o total mostra a taxa de devolução (devoluções ÷ bruto do período).',
    'Each refund with its sale, customer, method, amount and days from sale to refund; the total shows the refund rate (refunds ÷ gross of the period).',
  ),
  columns: [
    keyCol('payment_id', 'Código do estorno', 'Refund id'),
    dateCol('refund_date', 'Data da devolução', 'Refund date', { drill: { kind: 'daySales' } }),
    keyCol('sale_id', 'Código da venda', 'Sale id', { drill: { kind: 'sale' } }),
    dateCol('sale_date', 'Data da venda', 'Sale date'),
    codeCol('sale_status', 'Situação da venda', 'Sale status', 'saleStatus'),
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('customer_name', 'Cliente', 'Customer', { empty: NO_CUSTOMER }),
    codeCol('method', 'Forma', 'Method', 'paymentMethod'),
    moneyCol('amount', 'Valor', 'Amount', { lowerIsBetter: true }),
    intCol('days_to_refund', 'Dias até a devolução', 'Days from sale', { unit: 'days', total: 'avg' }),
    pctCol('refund_rate', 'Taxa de devolução', 'Refund rate', null, { total: 'sum', lowerIsBetter: true }),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'refund_date', desc: true }],
  charts: [{ id: 'daily', title: L('Devoluções por dia', 'Refunds per day'), kind: 'bar', x: 'refund_date', series: [{ column: 'amount' }] }],
  comparable: true,
  sql(ctx) {
    return `WITH g AS (SELECT sum(s.gross_amount) AS gross FROM ${ctx.sales({ customerKey: false })} s WHERE s.status = 'completed' AND ${ctx.salesFilter('s')})
      SELECT p.payment_id, p.biz_date AS refund_date, p.sale_id, s.biz_date AS sale_date, s.status AS sale_status,
        s.customer_key AS customer_id, c.name AS customer_name, p.method, p.amount,
        CAST(date_diff('day', s.biz_date, p.biz_date) AS BIGINT) AS days_to_refund,
        safe_ratio(p.amount, g.gross) AS refund_rate
      FROM ${ctx.payments()} p CROSS JOIN g
      -- the refunded sales only: their business dates are converted for these rows, not for the whole table
      LEFT JOIN (SELECT s.sale_id, s.status, COALESCE(ci.unified_id, s.customer_id) AS customer_key,
          CAST(timezone(getvariable('biz_tz'), s.occurred_at) AS DATE) AS biz_date
        FROM sales s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id
        WHERE s.sale_id IN (SELECT r.sale_id FROM ${ctx.payments()} r WHERE r.kind = 'refund')) s ON s.sale_id = p.sale_id
      LEFT JOIN customers c ON c.customer_id = s.customer_key
      WHERE p.kind = 'refund' AND ${ctx.paymentsFilter('p')}`;
  },
};
