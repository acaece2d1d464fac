// Conversions of the contacts the app records (campaigns whose id starts with 'painel:'): a contacted customer's
// first completed sale within the conversion window after the contact becomes the campaign's 'converted' event
// with that sale's total, so the campaign funnel and ROI measure WhatsApp contacts like any source's campaign.
// Runs after every write session that changed sales and right after contacts are recorded.
import type { Db, Tx } from '../store/db';
import type { AfterWriteHook } from './afterWrite';

/** Days after a contact in which a sale counts as its conversion (analytics/campaigns.ts CONVERSION_DAYS). */
export const CONTACT_CONVERSION_DAYS = 7;

/** One INSERT over whole tables: every app contact without a conversion yet that has a sale in its window. */
export const CONVERSIONS_SQL = `INSERT INTO campaign_events (event_id, campaign_id, customer_id, event_type, occurred_at, revenue_amount)
  SELECT e.campaign_id || ':' || e.customer_id || ':converted', e.campaign_id, e.customer_id, 'converted',
    min(s.occurred_at), arg_min(s.total_amount, s.occurred_at)
  FROM campaign_events e
  JOIN (SELECT coalesce(ci.unified_id, s.customer_id) AS customer_key, s.occurred_at, s.total_amount
        FROM sales s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id
        WHERE s.status = 'completed' AND s.customer_id IS NOT NULL) s
    ON s.customer_key = e.customer_id AND s.occurred_at > e.occurred_at AND s.occurred_at <= e.occurred_at + INTERVAL ${CONTACT_CONVERSION_DAYS} DAY
  WHERE e.event_type = 'sent' AND starts_with(e.campaign_id, 'painel:') AND e.customer_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM campaign_events c WHERE c.campaign_id = e.campaign_id AND c.customer_id = e.customer_id AND c.event_type = 'converted')
  GROUP BY e.campaign_id, e.customer_id`;

/** Records new conversions inside a write transaction; returns how many. */
export async function recordConversions(tx: Tx): Promise<number> {
  const [before] = await tx.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM campaign_events WHERE event_type = 'converted' AND starts_with(campaign_id, 'painel:')`);
  await tx.run(CONVERSIONS_SQL);
  const [after] = await tx.all<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM campaign_events WHERE event_type = 'converted' AND starts_with(campaign_id, 'painel:')`);
  if (after.n > before.n) tx.touched('campaign_events');
  return after.n - before.n;
}

export const campaignConversionsHook: AfterWriteHook = {
  name: 'contact-conversions',
  tables: ['sales'],
  run: (db: Db) => db.transaction(recordConversions),
};
