// Marketing segments as SQL: all ten sizes, values, campaign economics (conversion from past campaigns aimed at
// the segment when there are enough sends, else the default), ROI and priority in one pass over the profile; and
// a segment's contactable members (marketing opt-in, E.164 phone or valid e-mail) for WhatsApp / e-mail lists.
import type { SegmentId } from '../../shared/analytics';
import { AppError } from '../store/errors';
import { profileSql } from './profiles';
import type { Binder, RfmOptions } from './rfm';
import { SEGMENTS, segmentDef, type SegmentDef } from './segmentDefs';
import { sqlString } from '../sql/quote';

/** Past campaigns need at least this many distinct recipients before their conversion replaces the default. */
export const MIN_HISTORY_SENT = 30;

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
  const defs = SEGMENTS.map(
    (s) =>
      `(${[s.id, s.label[locale], s.rule[locale], s.campaign[locale], s.channel, s.timing[locale]].map(sqlString).join(', ')}, ${s.defaultConversion}, ${s.fixedCost}, ${s.costPerMember})`,
  );
  return `
WITH seg_profile AS (${profile ?? profileSql(rfm, b)}),
seg_groups AS MATERIALIZED (
  SELECT ${mask} AS mask, opt_in, phone_e164 IS NOT NULL AS has_phone, email IS NOT NULL AS has_email,
    count(*) AS n, sum(total_spent) AS v, sum(visits) AS t
  FROM seg_profile GROUP BY ALL
),
seg_long AS (${unpivot.join(' UNION ALL ')}),
seg_defs(segment_id, label, rule, campaign, channel, timing, default_conversion, fixed_cost, cost_per_member) AS (VALUES ${defs.join(', ')}),
seg_alias(campaign_segment, segment_id) AS (VALUES ${aliases.join(', ')}),
seg_history AS (
  SELECT a.segment_id, sum(x.sent) AS sent, sum(x.converted) AS converted
  FROM (
    SELECT campaign_id, count(DISTINCT customer_id) FILTER (WHERE event_type = 'sent') AS sent,
      count(DISTINCT customer_id) FILTER (WHERE event_type = 'converted') AS converted
    FROM campaign_events WHERE customer_id IS NOT NULL AND event_type IN ('sent', 'converted') GROUP BY campaign_id
  ) x
  JOIN campaigns c ON c.campaign_id = x.campaign_id JOIN seg_alias a ON a.campaign_segment = c.segment_id
  WHERE c.started_at < CAST(${d} + 1 AS TIMESTAMPTZ)
  GROUP BY a.segment_id
), seg_calc AS (
  SELECT l.ord, l.segment_id, d.label, d.rule, d.campaign, d.channel, d.timing, l.size::BIGINT AS size, l.contactable::BIGINT AS contactable, l.total_value::DECIMAL(18,2) AS total_value,
    CASE WHEN l.size > 0 THEN round(l.total_value / l.size, 2) END::DECIMAL(18,2) AS avg_value,
    l.visits::BIGINT AS visits,
    CASE WHEN l.visits > 0 THEN round(l.total_value / l.visits, 2) ELSE 0 END::DECIMAL(18,2) AS avg_ticket,
    CASE WHEN h.sent >= ${MIN_HISTORY_SENT} THEN least(1.0, h.converted / h.sent) ELSE d.default_conversion END::DOUBLE AS conversion,
    CASE WHEN h.sent >= ${MIN_HISTORY_SENT} THEN 'history' ELSE 'default' END AS conversion_source,
    (d.fixed_cost + d.cost_per_member * l.size)::DECIMAL(18,2) AS budget
  FROM seg_long l JOIN seg_defs d ON d.segment_id = l.segment_id LEFT JOIN seg_history h ON h.segment_id = l.segment_id
), seg_econ AS (
  SELECT *, round(size * conversion * avg_ticket, 2)::DECIMAL(18,2) AS expected_revenue FROM seg_calc
)
SELECT segment_id, label, rule, campaign, channel, timing, size, contactable, total_value, avg_value, visits, avg_ticket, conversion, conversion_source, budget, expected_revenue,
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
