// segments-campaigns: each campaign's funnel (sent, delivered, opened, clicked, converted), revenue, cost and
// ROI; and, once RFM snapshots exist, cluster sizes and value and the migration between consecutive snapshots.
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, numCol, pctCol, textCol } from '../columns';
import type { ReportDefinition } from '../types';

const FUNNEL = ['sent', 'delivered', 'opened', 'clicked', 'converted'] as const;
const FUNNEL_PT: Record<(typeof FUNNEL)[number], string> = { sent: 'Enviados', delivered: 'Entregues', opened: 'Abertos', clicked: 'Cliques', converted: 'Conversões' };

export const segmentsCampaigns: ReportDefinition = {
  id: 'segments-campaigns',
  category: 'customers',
  title: L('Segmentos e campanhas', 'Segments and campaigns'),
  description: L('Como as campanhas se saíram e como os grupos de clientes mudaram.', 'How campaigns did and how customer groups changed.'),
  formula: L(
    'Funil de cada campanha (enviados, entregues, abertos, cliques, conversões), receita, custo e ROI; tamanho e valor dos grupos RFM e a migração entre grupos de um mês para o outro.',
    'Each campaign’s funnel (sent, delivered, opened, clicked, converted), revenue, cost and ROI; RFM cluster sizes and value, and the month-over-month migration between clusters.',
  ),
  uses: ['rfm'],
  view: { id: 'campaigns', title: L('Campanhas', 'Campaigns') },
  columns: [
    keyCol('campaign_id', 'Código da campanha', 'Campaign id'),
    textCol('campaign_name', 'Campanha', 'Campaign'),
    codeCol('channel', 'Canal', 'Channel', 'campaignChannel'),
    dateCol('started_on', 'Início', 'Started'),
    ...FUNNEL.map((f) => intCol(f, FUNNEL_PT[f], f[0].toUpperCase() + f.slice(1))),
    pctCol('open_rate', 'Taxa de abertura', 'Open rate', 'safe_ratio(sum("opened"), sum("delivered"))'),
    pctCol('conversion_rate', 'Taxa de conversão', 'Conversion rate', 'safe_ratio(sum("converted"), sum("sent"))'),
    moneyCol('revenue', 'Receita', 'Revenue'),
    moneyCol('cost', 'Custo', 'Cost'),
    pctCol('roi', 'ROI', 'ROI', 'safe_ratio(sum("revenue") - sum("cost"), sum("cost"))'),
  ],
  params: [],
  filters: ['rfmCluster'],
  defaultPreset: 'last_90_days',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [
    { id: 'funnel', title: L('Funil das campanhas', 'Campaign funnel'), kind: 'bar', x: 'campaign_name', series: FUNNEL.map((f) => ({ column: f })) },
    { id: 'roi', title: L('Receita × custo', 'Revenue vs cost'), kind: 'bar', x: 'campaign_name', series: [{ column: 'revenue' }, { column: 'cost' }] },
  ],
  comparable: true,
  sql(ctx) {
    return `WITH e AS (SELECT e.campaign_id, ${FUNNEL.map((f) => `count(*) FILTER (WHERE e.event_type = '${f}') AS ${f}`).join(', ')},
          coalesce(sum(e.revenue_amount) FILTER (WHERE e.event_type = 'converted'), 0) AS revenue
        FROM campaign_events e LEFT JOIN customer_identity ci ON ci.customer_id = e.customer_id
        WHERE ${ctx.tsIn('e.occurred_at', ctx.from, ctx.to)}
          AND ${ctx.customerFilter('coalesce(ci.unified_id, e.customer_id)')}
        GROUP BY 1)
      SELECT c.campaign_id, c.name AS campaign_name, c.channel, CAST(timezone(getvariable('biz_tz'), c.started_at) AS DATE) AS started_on,
        ${FUNNEL.map((f) => `coalesce(e.${f}, 0) AS ${f}`).join(', ')},
        safe_ratio(e.opened, e.delivered) AS open_rate, safe_ratio(e.converted, e.sent) AS conversion_rate,
        coalesce(e.revenue, 0) AS revenue, coalesce(c.budget, 0) AS cost,
        safe_ratio(coalesce(e.revenue, 0) - c.budget, c.budget) AS roi
      FROM campaigns c LEFT JOIN e USING (campaign_id)
      WHERE e.campaign_id IS NOT NULL OR CAST(timezone(getvariable('biz_tz'), c.started_at) AS DATE) BETWEEN ${ctx.from} AND ${ctx.to}`;
  },
  views: [
    {
      id: 'clusters',
      title: L('Grupos RFM', 'RFM clusters'),
      requires: 'rfm',
      columns: [
        codeCol('cluster', 'Grupo', 'Cluster', 'rfmCluster'),
        dateCol('as_of', 'Data de referência', 'As of', { total: 'max' }),
        intCol('customers', 'Clientes', 'Customers'),
        pctCol('share', 'Participação', 'Share', null, { total: 'sum' }),
        numCol('avg_recency', 'Recência média (dias)', 'Average recency (days)', { unit: 'days' }),
        numCol('avg_frequency', 'Frequência média', 'Average frequency'),
        moneyCol('monetary', 'Valor (janela RFM)', 'Monetary (RFM window)'),
        moneyCol('revenue_in_period', 'Receita no período', 'Revenue in the period'),
      ],
      defaultSort: [{ column: 'monetary', desc: true }],
      charts: [{ id: 'sizes', title: L('Clientes por grupo', 'Customers per cluster'), kind: 'bar', x: 'cluster', series: [{ column: 'customers' }, { column: 'monetary', axis: 'right' }] }],
      sql(ctx) {
        return `WITH snap AS (SELECT * FROM rfm_snapshots WHERE as_of = ${ctx.rfmAsOf()} AND ${ctx.customerFilter('customer_id')}),
          rev AS (SELECT s.customer_key, sum(s.total_amount) AS revenue FROM ${ctx.sales()} s
            WHERE s.status = 'completed' GROUP BY 1)
          SELECT snap.cluster, any_value(snap.as_of) AS as_of, count(*) AS customers, safe_ratio(count(*), sum(count(*)) OVER ()) AS share,
            round(avg(snap.recency), 1) AS avg_recency, round(avg(snap.frequency), 2) AS avg_frequency,
            sum(snap.monetary) AS monetary, coalesce(sum(rev.revenue), 0) AS revenue_in_period
          FROM snap LEFT JOIN rev ON rev.customer_key = snap.customer_id GROUP BY snap.cluster`;
      },
    },
    {
      id: 'migration',
      title: L('Migração entre grupos', 'Cluster migration'),
      requires: 'rfm',
      columns: [
        codeCol('from_cluster', 'De', 'From', 'migration'),
        codeCol('to_cluster', 'Para', 'To', 'migration'),
        intCol('customers', 'Clientes', 'Customers'),
        pctCol('share_of_from', 'Parte do grupo de origem', 'Share of the origin cluster', null),
      ],
      defaultSort: [
        { column: 'from_cluster', desc: false },
        { column: 'customers', desc: true },
      ],
      charts: [{ id: 'matrix', title: L('Migração entre grupos', 'Cluster migration'), kind: 'heatmap', x: 'to_cluster', y: 'from_cluster', series: [{ column: 'customers' }] }],
      sql(ctx) {
        const cur = ctx.rfmAsOf();
        return `WITH cur AS (SELECT customer_id, cluster FROM rfm_snapshots WHERE as_of = ${cur}),
          prev AS (SELECT customer_id, cluster FROM rfm_snapshots WHERE as_of = (SELECT max(as_of) FROM rfm_snapshots WHERE as_of < ${cur})),
          m AS (SELECT coalesce(prev.cluster, 'none') AS from_cluster, coalesce(cur.cluster, 'none') AS to_cluster, count(*) AS customers
            FROM prev FULL JOIN cur USING (customer_id) WHERE ${ctx.customerFilter('customer_id')} GROUP BY 1, 2)
          SELECT from_cluster, to_cluster, customers, safe_ratio(customers, sum(customers) OVER (PARTITION BY from_cluster)) AS share_of_from FROM m`;
      },
    },
  ],
};
