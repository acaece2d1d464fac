// Report of campaign funnels (campaigns started in the period) with a second table: the online-order funnel.
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, pctCol, textCol } from '../../columns';
import type { ReportDefinition } from '../../types';
import { campaignFunnelsSql, FUNNEL_STEPS, orderFunnelSql } from '../../../analytics/campaigns';

const STEP_LABELS: Record<(typeof FUNNEL_STEPS)[number], [string, string]> = {
  sent: ['Enviados', 'Sent'],
  delivered: ['Entregues', 'Delivered'],
  opened: ['Abertos', 'Opened'],
  clicked: ['Clicados', 'Clicked'],
  converted: ['Convertidos', 'Converted'],
};

export const campaignFunnelsReport: ReportDefinition = {
  id: 'campaign-funnels',
  category: 'customers',
  title: L('Funil de campanhas', 'Campaign funnels'),
  description: L('Cada campanha do envio até a venda: quantos receberam, abriram, clicaram e compraram.', 'Every campaign from sending to sale: how many received, opened, clicked and bought.'),
  formula: L(
    'Por campanha iniciada no período: enviados → entregues → abertos → clicados → convertidos (clientes distintos), taxas de cada etapa, receita atribuída, custo e ROI; e o funil de pedidos online por mês.',
    'Per campaign started in the period: sent → delivered → opened → clicked → converted (distinct customers), step rates, attributed revenue, cost and ROI; and the online-order funnel per month.',
  ),
  view: { id: 'campaigns', title: L('Campanhas', 'Campaigns') },
  columns: [
    keyCol('campaign_id', 'Código da campanha', 'Campaign id'),
    textCol('name', 'Campanha', 'Campaign'),
    codeCol('channel', 'Canal', 'Channel', 'campaignChannel'),
    codeCol('segment_id', 'Segmento', 'Segment', 'segment'),
    dateCol('started_on', 'Início', 'Started'),
    ...FUNNEL_STEPS.map((s) => intCol(s, STEP_LABELS[s][0], STEP_LABELS[s][1])),
    pctCol('delivered_rate', 'Entrega', 'Delivery rate', 'safe_ratio(sum("delivered"), sum("sent"))'),
    pctCol('opened_rate', 'Abertura', 'Open rate', 'safe_ratio(sum("opened"), sum("delivered"))'),
    pctCol('clicked_rate', 'Clique', 'Click rate', 'safe_ratio(sum("clicked"), sum("opened"))'),
    pctCol('converted_rate', 'Conversão do clique', 'Click conversion', 'safe_ratio(sum("converted"), sum("clicked"))'),
    pctCol('conversion_of_sent', 'Conversão dos enviados', 'Conversion of sent', 'safe_ratio(sum("converted"), sum("sent"))'),
    moneyCol('revenue', 'Receita atribuída', 'Attributed revenue'),
    moneyCol('cost', 'Custo', 'Cost'),
    pctCol('roi', 'ROI', 'ROI', 'safe_ratio(sum("revenue") - sum("cost"), sum("cost"))'),
    // as the dashboard's 60-day return rate: a campaign still inside its 7-day window says so rather than dip
    { id: 'provisional', label: L('Conversão provisória (janela de 7 dias aberta)', 'Conversion provisional (7-day window still open)'), type: 'boolean', sqlType: 'BOOLEAN', total: 'none', searchable: false },
  ],
  params: [],
  filters: [],
  defaultPreset: 'this_year',
  defaultSort: [{ column: 'started_on', desc: true }],
  charts: [{ id: 'funnel', title: L('Funil', 'Funnel'), kind: 'bar', x: 'name', series: FUNNEL_STEPS.map((s) => ({ column: s })) }],
  comparable: false,
  sql(ctx) {
    return campaignFunnelsSql(ctx.from, ctx.to);
  },
  views: [
    {
      id: 'orders',
      title: L('Pedidos online', 'Online orders'),
      columns: [
        dateCol('month', 'Mês', 'Month', { format: 'month' }),
        intCol('created', 'Criados', 'Created'),
        intCol('paid', 'Pagos', 'Paid'),
        intCol('completed', 'Concluídos', 'Completed'),
        pctCol('paid_rate', 'Pagos / criados', 'Paid / created', 'safe_ratio(sum("paid"), sum("created"))'),
        pctCol('completed_rate', 'Concluídos / pagos', 'Completed / paid', 'safe_ratio(sum("completed"), sum("paid"))'),
      ],
      defaultSort: [{ column: 'month', desc: false }],
      charts: [{ id: 'orders', title: L('Funil de pedidos', 'Order funnel'), kind: 'bar', x: 'month', series: [{ column: 'created' }, { column: 'paid' }, { column: 'completed' }] }],
      sql(ctx) {
        return orderFunnelSql(ctx.from, ctx.to);
      },
    },
  ],
};
