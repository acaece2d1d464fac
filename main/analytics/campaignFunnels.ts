// Campaign and order funnels as API values (the SQL lives in campaigns.ts and is shared with the reports).
import type { CampaignFunnel, CampaignFunnelsResult, FunnelStep, OrderFunnelRow } from '../../shared/analytics';
import type { Db } from '../store/db';
import { campaignFunnelsSql, FUNNEL_STEPS, orderFunnelSql } from './campaigns';

type Row = Record<(typeof FUNNEL_STEPS)[number], number> & {
  campaign_id: string;
  name: string | null;
  channel: string | null;
  segment_id: string | null;
  started_on: string | null;
  revenue: string;
  cost: string | null;
  roi: number | null;
  provisional: boolean;
};

export async function campaignFunnels(db: Db, from: string | null, to: string | null): Promise<CampaignFunnelsResult> {
  const params: string[] = [];
  const bind = (v: string | null) => (v === null ? null : (params.push(v), `CAST($${params.length} AS DATE)`));
  const f = bind(from);
  const t = bind(to);
  const rows = await db.all<Row>(
    `SELECT campaign_id, name, channel, segment_id, strftime(started_on, '%Y-%m-%d') AS started_on, ${FUNNEL_STEPS.map((s) => `${s}::DOUBLE AS ${s}`).join(', ')},
       revenue::VARCHAR AS revenue, cost::VARCHAR AS cost, roi, provisional
     FROM (${campaignFunnelsSql(f, t)}) ORDER BY started_on DESC NULLS LAST, campaign_id`,
    params,
  );
  const campaigns: CampaignFunnel[] = rows.map((r) => {
    const steps: FunnelStep[] = FUNNEL_STEPS.map((step, i) => {
      const prev = i === 0 ? null : r[FUNNEL_STEPS[i - 1]];
      return {
        step,
        customers: r[step],
        stepRate: prev === null || prev === 0 ? null : r[step] / prev,
        rateOfSent: r.sent > 0 ? r[step] / r.sent : null,
      };
    });
    return { campaignId: r.campaign_id, name: r.name, channel: r.channel, segmentId: r.segment_id, startedAt: r.started_on, steps, revenue: r.revenue, cost: r.cost ?? '0.00', roi: r.roi, provisional: r.provisional };
  });
  const orders = await db.all<OrderFunnelRow>(
    `SELECT strftime(month, '%Y-%m') AS month, created::DOUBLE AS created, paid::DOUBLE AS paid, completed::DOUBLE AS completed,
       paid_rate AS "paidRate", completed_rate AS "completedRate" FROM (${orderFunnelSql(f, t)}) ORDER BY month`,
    params,
  );
  return { campaigns, orders };
}
