// Campaign funnels (sent -> delivered -> opened -> clicked -> converted, distinct recipients per step, with step
// rates, attributed revenue, cost and ROI) and the online-order funnel (created -> paid -> completed) per month.
export const FUNNEL_STEPS = ['sent', 'delivered', 'opened', 'clicked', 'converted'] as const;
/** Days after a send in which a conversion is attributed to the campaign. */
export const CONVERSION_DAYS = 7;

/**
 * One row per campaign started in [from, to] (SQL DATE expressions, business dates; null = unbounded). A recipient
 * is a customer (an event without customer counts as its own recipient). Revenue is the converted events' revenue.
 * `provisional`: the conversion window of the last send (its start when nothing was sent) has not elapsed as of
 * the business today, so the conversion rates can still rise (shown as provisional, never read as a dip).
 */
export function campaignFunnelsSql(from: string | null, to: string | null): string {
  const started = `CAST(timezone(getvariable('biz_tz'), c.started_at) AS DATE)`;
  const conds = [from ? `${started} >= ${from}` : null, to ? `${started} <= ${to}` : null].filter(Boolean);
  const counts = FUNNEL_STEPS.map((s) => `count(DISTINCT coalesce(customer_id, 'event:' || event_id)) FILTER (WHERE event_type = '${s}') AS ${s}`).join(', ');
  const rate = (a: string, b: string) => `CASE WHEN ${b} > 0 THEN ${a} / ${b} END`;
  return `WITH cf_events AS (
      SELECT campaign_id, ${counts}, coalesce(sum(revenue_amount) FILTER (WHERE event_type = 'converted'), 0) AS revenue,
        max(occurred_at) FILTER (WHERE event_type = 'sent') AS last_sent
      FROM campaign_events GROUP BY campaign_id
    )
    SELECT c.campaign_id, c.name, c.channel, c.segment_id, ${started} AS started_on,
      ${FUNNEL_STEPS.map((s) => `CAST(coalesce(e.${s}, 0) AS BIGINT) AS ${s}`).join(', ')},
      ${rate('coalesce(e.delivered, 0)', 'coalesce(e.sent, 0)')} AS delivered_rate,
      ${rate('coalesce(e.opened, 0)', 'coalesce(e.delivered, 0)')} AS opened_rate,
      ${rate('coalesce(e.clicked, 0)', 'coalesce(e.opened, 0)')} AS clicked_rate,
      ${rate('coalesce(e.converted, 0)', 'coalesce(e.clicked, 0)')} AS converted_rate,
      ${rate('coalesce(e.converted, 0)', 'coalesce(e.sent, 0)')} AS conversion_of_sent,
      CAST(coalesce(e.revenue, 0) AS DECIMAL(18,2)) AS revenue, CAST(c.budget AS DECIMAL(18,2)) AS cost,
      CASE WHEN c.budget > 0 THEN CAST((coalesce(e.revenue, 0) - c.budget) / c.budget AS DOUBLE) END AS roi,
      coalesce(CAST(timezone(getvariable('biz_tz'), coalesce(e.last_sent, c.started_at)) AS DATE) + ${CONVERSION_DAYS}
        >= CAST(timezone(getvariable('biz_tz'), current_timestamp) AS DATE), false) AS provisional
    FROM campaigns c LEFT JOIN cf_events e ON e.campaign_id = c.campaign_id
    ${conds.length ? 'WHERE ' + conds.join(' AND ') : ''}`;
}

/**
 * Online orders per month of creation (business time zone): created, paid (a payment was received or the order
 * reached confirmed/completed), completed, and the two step rates. from/to are SQL DATE expressions or null.
 */
export function orderFunnelSql(from: string | null, to: string | null): string {
  const created = `CAST(timezone(getvariable('biz_tz'), coalesce(s.created_at, s.occurred_at)) AS DATE)`;
  const conds = [`s.kind = 'order'`, from ? `${created} >= ${from}` : null, to ? `${created} <= ${to}` : null].filter(Boolean);
  return `WITH of_paid AS (SELECT DISTINCT sale_id FROM payments WHERE kind = 'payment' AND sale_id IS NOT NULL),
    of_orders AS (
      SELECT CAST(date_trunc('month', ${created}) AS DATE) AS month, s.status, p.sale_id IS NOT NULL AS has_payment
      FROM sales s LEFT JOIN of_paid p ON p.sale_id = s.sale_id WHERE ${conds.join(' AND ')}
    )
    SELECT month, count(*) AS created,
      count(*) FILTER (WHERE has_payment OR status IN ('confirmed', 'completed')) AS paid,
      count(*) FILTER (WHERE status = 'completed') AS completed,
      CAST(count(*) FILTER (WHERE has_payment OR status IN ('confirmed', 'completed')) AS DOUBLE) / count(*) AS paid_rate,
      CASE WHEN count(*) FILTER (WHERE has_payment OR status IN ('confirmed', 'completed')) > 0
        THEN CAST(count(*) FILTER (WHERE status = 'completed') AS DOUBLE) / count(*) FILTER (WHERE has_payment OR status IN ('confirmed', 'completed')) END AS completed_rate
    FROM of_orders GROUP BY month`;
}
