// Marketing segments as SQL: all ten sizes, values, campaign economics, ROI and priority in one pass over the
// profile; and a segment's contactable members (marketing opt-in, E.164 phone or valid e-mail) for WhatsApp /
// e-mail lists. Conversion is the shop's own: past campaigns aimed at the segment, shrunk towards a prior that
// is the shop's observed conversion on the segment's channel (or all channels) times the segment's relative
// response, or a stated 1 % when the shop has no campaign history.
import type { SegmentId } from '../../shared/analytics';
import { AppError } from '../store/errors';
import { profileSql } from './profiles';
import type { Binder, RfmOptions } from './rfm';
import { SEGMENTS, segmentDef, type SegmentDef } from './segmentDefs';
import { sqlString } from '../sql/quote';

/** Recipients the shop's campaigns need before their conversion is used as the prior. */
export const MIN_HISTORY_SENT = 30;
/** Weight of the prior, in recipients: a segment's own campaigns dominate once they reached more than this. */
export const PRIOR_RECIPIENTS = 100;
/** The stated prior when the shop has sent no campaign yet: 1 % of recipients buy. */
export const DEFAULT_SHOP_CONVERSION = 0.01;

/** What a conversion estimate rests on, in words. */
const BASIS = {
  history: { 'pt-BR': 'Campanhas anteriores deste segmento', en: 'This segment’s past campaigns' },
  shop: { 'pt-BR': 'Conversão observada nas campanhas da loja', en: 'Conversion observed in the shop’s campaigns' },
  default: { 'pt-BR': 'Sem campanhas anteriores: referência de 1%', en: 'No past campaigns: 1% reference' },
} as const;

export type MemberChannel = 'any' | 'whatsapp' | 'email';

function reachable(channel: MemberChannel | SegmentDef['channel']): string {
  if (channel === 'email') return 'email IS NOT NULL';
  if (channel === 'any') return '(phone_e164 IS NOT NULL OR email IS NOT NULL)';
  return 'phone_e164 IS NOT NULL';
}

/**
 * One row per segment: segment_id, label, rule, campaign, channel, timing, size, contactable, total_value, avg_value, visits,
 * avg_ticket, conversion, conversion_source, budget, expected_revenue, roi, priority, priority_level (texts in `locale`).
 */
export function segmentsSql(rfm: RfmOptions, b: Binder, locale: 'pt-BR' | 'en' = 'pt-BR', profile: string | null = null): string {
  const d = `CAST(${b.add(rfm.asOf)} AS DATE)`;
  // One pass over the profile: each customer's segment memberships as a 10-bit mask, grouped with the facts that
  // decide contactability; the per-segment figures are then sums over at most a few thousand groups.
  const mask = SEGMENTS.map((s, i) => `(CASE WHEN (${s.sql}) IS TRUE THEN ${1 << i} ELSE 0 END)`).join(' + ');
  // Past campaigns count for a segment when aimed at it, or at the audience it is built on (its aliases).
  const aliases = SEGMENTS.flatMap((s) => [s.id, ...(s.aliases ?? [])].map((a) => `(${sqlString(a)}, ${sqlString(s.id)})`));
  const unpivot = SEGMENTS.map(
    (s, i) => `SELECT ${i} AS ord, ${sqlString(s.id)} AS segment_id, coalesce(sum(n), 0) AS size,
      coalesce(sum(n) FILTER (WHERE opt_in AND ${s.channel === 'email' ? 'has_email' : 'has_phone'}), 0) AS contactable,
      coalesce(sum(v), 0) AS total_value, coalesce(sum(t), 0) AS visits FROM seg_groups WHERE (mask >> ${i}) & 1 = 1`,
  );
  // Relative response: each segment's expected conversion over the average segment's (VIPs answer more than lost customers).
  const meanResponse = SEGMENTS.reduce((t, s) => t + s.defaultConversion, 0) / SEGMENTS.length;
  const defs = SEGMENTS.map(
    (s) =>
      `(${[s.id, s.label[locale], s.rule[locale], s.campaign[locale], s.channel, s.timing[locale]].map(sqlString).join(', ')}, ${s.defaultConversion / meanResponse}, ${s.fixedCost}, ${s.costPerMember})`,
  );
  return `
WITH seg_profile AS (${profile ?? profileSql(rfm, b)}),
seg_groups AS MATERIALIZED (
  SELECT ${mask} AS mask, opt_in, phone_e164 IS NOT NULL AS has_phone, email IS NOT NULL AS has_email,
    count(*) AS n, sum(total_spent) AS v, sum(visits) AS t
  FROM seg_profile GROUP BY ALL
),
seg_long AS (${unpivot.join(' UNION ALL ')}),
seg_defs(segment_id, label, rule, campaign, channel, timing, lift, fixed_cost, cost_per_member) AS (VALUES ${defs.join(', ')}),
seg_alias(campaign_segment, segment_id) AS (VALUES ${aliases.join(', ')}),
seg_campaigns AS (
  SELECT c.campaign_id, c.segment_id, c.channel, x.sent, x.converted
  FROM (
    SELECT campaign_id, count(DISTINCT customer_id) FILTER (WHERE event_type = 'sent') AS sent,
      count(DISTINCT customer_id) FILTER (WHERE event_type = 'converted') AS converted
    FROM campaign_events WHERE customer_id IS NOT NULL AND event_type IN ('sent', 'converted') GROUP BY campaign_id
  ) x
  JOIN campaigns c ON c.campaign_id = x.campaign_id
  WHERE c.started_at < CAST(${d} + 1 AS TIMESTAMPTZ)
),
seg_history AS (
  SELECT a.segment_id, sum(x.sent) AS sent, sum(x.converted) AS converted
  FROM seg_campaigns x JOIN seg_alias a ON a.campaign_segment = x.segment_id
  GROUP BY a.segment_id
),
seg_shop AS (
  SELECT sum(sent) AS sent, sum(converted) AS converted FROM seg_campaigns
),
seg_shop_channel AS (
  SELECT channel, sum(sent) AS sent, sum(converted) AS converted FROM seg_campaigns GROUP BY channel
),
seg_prior AS (
  SELECT d.segment_id,
    CASE WHEN ch.sent >= ${MIN_HISTORY_SENT} THEN ch.converted / ch.sent
         WHEN sh.sent >= ${MIN_HISTORY_SENT} THEN sh.converted / sh.sent ELSE ${DEFAULT_SHOP_CONVERSION} END AS base,
    coalesce(sh.sent, 0) >= ${MIN_HISTORY_SENT} AS shop_known
  FROM seg_defs d CROSS JOIN seg_shop sh LEFT JOIN seg_shop_channel ch ON ch.channel = d.channel
),
seg_calc AS (
  SELECT l.ord, l.segment_id, d.label, d.rule, d.campaign, d.channel, d.timing, l.size::BIGINT AS size, l.contactable::BIGINT AS contactable, l.total_value::DECIMAL(18,2) AS total_value,
    CASE WHEN l.size > 0 THEN round(l.total_value / l.size, 2) END::DECIMAL(18,2) AS avg_value,
    l.visits::BIGINT AS visits,
    CASE WHEN l.visits > 0 THEN round(l.total_value / l.visits, 2) ELSE 0 END::DECIMAL(18,2) AS avg_ticket,
    -- Beta-binomial posterior mean: the segment's own conversions with ${PRIOR_RECIPIENTS} pseudo-recipients at the prior rate
    least(1.0, (coalesce(h.converted, 0) + ${PRIOR_RECIPIENTS} * least(0.5, pr.base * d.lift)) / (coalesce(h.sent, 0) + ${PRIOR_RECIPIENTS}))::DOUBLE AS conversion,
    least(0.5, pr.base * d.lift)::DOUBLE AS conversion_prior, coalesce(h.sent, 0)::BIGINT AS conversion_sent,
    CASE WHEN coalesce(h.sent, 0) >= ${PRIOR_RECIPIENTS} THEN 'history' WHEN pr.shop_known THEN 'shop' ELSE 'default' END AS conversion_source,
    (d.fixed_cost + d.cost_per_member * l.size)::DECIMAL(18,2) AS budget
  FROM seg_long l JOIN seg_defs d ON d.segment_id = l.segment_id LEFT JOIN seg_history h ON h.segment_id = l.segment_id
    JOIN seg_prior pr ON pr.segment_id = l.segment_id
), seg_econ AS (
  SELECT *, round(size * conversion * avg_ticket, 2)::DECIMAL(18,2) AS expected_revenue FROM seg_calc
)
SELECT segment_id, label, rule, campaign, channel, timing, size, contactable, total_value, avg_value, visits, avg_ticket, conversion, conversion_source,
  CASE conversion_source WHEN 'history' THEN ${sqlString(BASIS.history[locale])} WHEN 'shop' THEN ${sqlString(BASIS.shop[locale])} ELSE ${sqlString(BASIS.default[locale])} END AS conversion_basis,
  conversion_prior, conversion_sent, budget, expected_revenue,
  CASE WHEN budget > 0 THEN ((expected_revenue - budget) / budget)::DOUBLE END AS roi,
  (rank() OVER (ORDER BY (size > 0) DESC, expected_revenue - budget DESC, ord))::INTEGER AS priority,
  CASE WHEN size = 0 OR expected_revenue <= budget THEN 'low'
       WHEN rank() OVER (ORDER BY (size > 0) DESC, expected_revenue - budget DESC, ord) <= 3 THEN 'high' ELSE 'medium' END AS priority_level
FROM seg_econ`;
}

/** Columns of a member list. */
export const MEMBER_COLUMNS = [
  'customer_id',
  'name',
  'phone_e164',
  'email',
  'birth_date',
  'visits',
  'total_spent',
  'avg_ticket',
  'first_visit',
  'last_visit',
  'days_since_last',
  'cluster',
  'r',
  'f',
  'm',
  'churn_risk',
  'expected_value_365',
] as const;

/** A segment's members that may be contacted on the channel: marketing opt-in and a usable phone / e-mail. `profile` may be
 * a cached profile's SQL (profileCache.ts) instead of computing it. */
export function segmentMembersSql(rfm: RfmOptions, segment: SegmentId, channel: MemberChannel, b: Binder, profile: string | null = null): string {
  if (!SEGMENTS.some((s) => s.id === segment)) throw new AppError('BAD_INPUT', `unknown segment ${segment}`);
  const def = segmentDef(segment);
  // Customer value (when a model was fitted) rides along, so a campaign can start with the members worth most.
  const cols = MEMBER_COLUMNS.map((c) => (c === 'churn_risk' || c === 'expected_value_365' ? `cv.${c}` : `sp.${c}`)).join(', ');
  return `SELECT ${cols}
    FROM (SELECT * FROM (${profile ?? profileSql(rfm, b)}) WHERE (${def.sql}) AND opt_in AND ${reachable(channel)}) sp
    LEFT JOIN customer_value cv ON cv.customer_id = sp.customer_id AND cv.model_id = (SELECT model_id FROM clv_models ORDER BY fitted_at DESC LIMIT 1)`;
}

/** One customer's segment ids and contact profile (customer 360). */
export function customerSegmentsSql(rfm: RfmOptions, customerParam: string, b: Binder, profile: string | null = null): string {
  const arms = SEGMENTS.map((s) => `CASE WHEN ${s.sql} THEN ${sqlString(s.id)} END`);
  return `SELECT list_filter([${arms.join(', ')}], x -> x IS NOT NULL) AS segments, name, phone_e164, email,
      strftime(birth_date, '%Y-%m-%d') AS birth_date, opt_in, strftime(as_of, '%Y-%m-%d') AS as_of,
      rfm_recency, rfm_visits, rfm_value::VARCHAR AS rfm_value, r::INT AS r, f::INT AS f, m::INT AS m, cluster
    FROM (${profile ?? profileSql(rfm, b)}) WHERE customer_id = ${customerParam}`;
}
