// The per-customer marketing profile as of a business date D, in one DuckDB query: contact details of the unified
// customer, visit and spend history up to D, discount use, no-shows, seasonality, and RFM scores as of D.
// Marketing segments are boolean rules over these columns.
import type { Binder, RfmOptions } from './rfm';
import { checkDate, rfmScoreSql, rfmWindowSql } from './rfm';
import { salesFactsSql } from './salesFacts';
import { emailSql, phoneDigitsSql, phoneE164FromDigitsSql } from './phone';

/** Columns of the profile (one row per unified customer with a record or a sale up to D). */
export const PROFILE_COLUMNS = [
  'customer_id',
  'name',
  'phone_e164',
  'email',
  'birth_date',
  'opt_in',
  'visits',
  'total_spent',
  'avg_ticket',
  'first_visit',
  'last_visit',
  'days_since_last',
  'visits_90',
  'visits_365',
  'spent_365',
  'discounted_visits',
  'no_shows_365',
  'peak_month',
  'peak_visits',
  'r',
  'f',
  'm',
  'cluster',
  'rfm_recency',
  'rfm_visits',
  'rfm_value',
  'vip_threshold',
  'high_value_threshold',
  'as_of',
] as const;

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Per-record aggregates of the sales facts and how they merge across linked records (sum/min/max). */
function aggregates(sameWindow: boolean): { sql: string; merge: string; name: string }[] {
  const list: { sql: string; merge: string; name: string }[] = [
    { name: 'visits', sql: 'count(*) FILTER (WHERE done)', merge: 'sum' },
    { name: 'total_spent', sql: 'coalesce(sum(total_amount) FILTER (WHERE done), 0)', merge: 'sum' },
    { name: 'first_visit', sql: 'min(biz_date) FILTER (WHERE done)', merge: 'min' },
    { name: 'last_visit', sql: 'max(biz_date) FILTER (WHERE done)', merge: 'max' },
    { name: 'visits_90', sql: 'count(*) FILTER (WHERE done AND in90)', merge: 'sum' },
    { name: 'visits_365', sql: 'count(*) FILTER (WHERE done AND in365)', merge: 'sum' },
    { name: 'spent_365', sql: 'coalesce(sum(total_amount) FILTER (WHERE done AND in365), 0)', merge: 'sum' },
    { name: 'discounted_visits', sql: 'count(*) FILTER (WHERE done AND discounted)', merge: 'sum' },
    { name: 'no_shows_365', sql: 'count(*) FILTER (WHERE no_show_365)', merge: 'sum' },
    // Visits per calendar month, 10 bits per month in two integer sums (two aggregate states instead of twelve):
    // exact while a customer has at most 1023 visits; beyond that no peak month is claimed.
    { name: 'mo_lo', sql: 'coalesce(sum(CASE WHEN done AND mo <= 6 THEN 1::BIGINT << (10 * (mo - 1)) END), 0)', merge: 'sum' },
    { name: 'mo_hi', sql: 'coalesce(sum(CASE WHEN done AND mo > 6 THEN 1::BIGINT << (10 * (mo - 7)) END), 0)', merge: 'sum' },
  ];
  if (!sameWindow) {
    list.push(
      { name: 'rfm_last', sql: 'max(biz_date) FILTER (WHERE done AND in_rfm)', merge: 'max' },
      { name: 'rfm_frequency', sql: 'count(*) FILTER (WHERE done AND in_rfm)', merge: 'sum' },
      { name: 'rfm_monetary', sql: 'sum(total_amount) FILTER (WHERE done AND in_rfm)', merge: 'sum' },
    );
  }
  return list;
}

const CAST_OF: Record<string, string> = { total_spent: 'DECIMAL(18,2)', spent_365: 'DECIMAL(18,2)', rfm_monetary: 'DECIMAL(18,2)', first_visit: 'DATE', last_visit: 'DATE', rfm_last: 'DATE' };

/**
 * SQL of the profile as of D, from one pass over the sales up to D (RFM's window aggregates included, so the
 * scores are those of rfmSql). Sales are aggregated per source record and merged only for records that take part
 * in an identity link. A unified customer's contact fields come from its own-id record, then the oldest record
 * that has a usable value; opt-in holds only when some linked record says yes and none says no.
 */
export function profileSql(rfm: RfmOptions, b: Binder): string {
  const d = `CAST(${b.add(checkDate(rfm.asOf, 'as-of date'))} AS DATE)`;
  // The own-id record's value, else the oldest linked record's (struct-keyed arg_min is several times slower).
  const pick = (c: string) => `coalesce(any_value(${c}) FILTER (WHERE customer_id = customer_key), arg_min(${c}, created_at) FILTER (WHERE ${c} IS NOT NULL))`;
  // With the usual 365-day window, RFM's aggregates are the 365-day ones already computed.
  const sameWindow = rfm.windowDays === 365;
  const w = sameWindow ? '' : b.add(rfm.windowDays);
  const aggs = aggregates(sameWindow);
  const typed = (name: string, e: string) => `CAST(${e} AS ${CAST_OF[name] ?? 'BIGINT'}) AS ${name}`;
  const months = `list_value(${MONTHS.map((m) => `((${m <= 6 ? 'mo_lo' : 'mo_hi'} >> ${10 * ((m - 1) % 6)}) & 1023)`).join(', ')})`;
  return `
WITH pf_linked_ids AS (
  SELECT customer_id AS id FROM customer_identity UNION SELECT unified_id FROM customer_identity
), pf_records AS (
  SELECT customer_key, customer_id, created_at, name, birth_date, marketing_opt_in, customer_id IN (SELECT id FROM pf_linked_ids) AS linked,
    ${phoneE164FromDigitsSql('phone', 'digits', 'national')} AS phone_e164, ${emailSql('email')} AS email
  FROM (SELECT *, ltrim(digits, '0') AS national FROM (SELECT *, ${phoneDigitsSql('phone')} AS digits FROM v_customers))
), pf_contacts AS (
  SELECT customer_key, name, phone_e164, email, birth_date, coalesce(marketing_opt_in, false) AS opt_in FROM pf_records WHERE NOT linked
  UNION ALL
  SELECT customer_key,
    ${pick('name')} AS name, ${pick('phone_e164')} AS phone_e164, ${pick('email')} AS email, ${pick('birth_date')} AS birth_date,
    coalesce(bool_or(marketing_opt_in) AND NOT bool_or(NOT marketing_opt_in), false) AS opt_in
  FROM pf_records WHERE linked GROUP BY customer_key
), pf_facts AS (
  SELECT customer_key, total_amount, biz_date, status = 'completed' AS done, status = 'no_show' AND biz_date > ${d} - 365 AS no_show_365,
    biz_date > ${d} - 90 AS in90, biz_date > ${d} - 365 AS in365, ${sameWindow ? 'false' : rfmWindowSql('biz_date', d, w)} AS in_rfm,
    discount_amount > 0 OR nullif(trim(coupon_code), '') IS NOT NULL AS discounted, month(biz_date) AS mo
  FROM ${salesFactsSql({ to: d, columns: ['total_amount', 'discount_amount', 'coupon_code'], where: "s.status IN ('completed', 'no_show')", rawCustomer: true })} f
  WHERE customer_key IS NOT NULL
), pf_raw AS (
  SELECT customer_key, ${aggs.map((a) => typed(a.name, a.sql)).join(', ')} FROM pf_facts GROUP BY customer_key
), pf_agg AS (
  SELECT *, ${months} AS months FROM (
    SELECT * FROM pf_raw WHERE customer_key NOT IN (SELECT id FROM pf_linked_ids)
    UNION ALL
    SELECT COALESCE(ci.unified_id, r.customer_key) AS customer_key, ${aggs.map((a) => typed(a.name, `${a.merge}(r.${a.name})`)).join(', ')}
    FROM pf_raw r LEFT JOIN customer_identity ci ON ci.customer_id = r.customer_key
    WHERE r.customer_key IN (SELECT id FROM pf_linked_ids) GROUP BY 1
  )
), pf_rfm AS (
  ${rfmScoreSql(
    sameWindow
      ? `(SELECT customer_key AS customer_id, last_visit AS last_date, visits_365 AS frequency, spent_365 AS monetary FROM pf_agg WHERE visits_365 > 0)`
      : `(SELECT customer_key AS customer_id, rfm_last AS last_date, rfm_frequency AS frequency, rfm_monetary AS monetary FROM pf_agg WHERE rfm_frequency > 0)`,
    d,
    rfm,
    b,
  )}
), pf_all AS MATERIALIZED (
  SELECT coalesce(c.customer_key, a.customer_key) AS customer_id, c.name, c.phone_e164, c.email, c.birth_date, coalesce(c.opt_in, false) AS opt_in,
    coalesce(a.visits, 0)::BIGINT AS visits, coalesce(a.total_spent, 0)::DECIMAL(18,2) AS total_spent,
    CASE WHEN a.visits > 0 THEN round(a.total_spent / a.visits, 2) END::DECIMAL(18,2) AS avg_ticket,
    a.first_visit, a.last_visit, date_diff('day', a.last_visit, ${d})::INTEGER AS days_since_last,
    coalesce(a.visits_90, 0)::BIGINT AS visits_90, coalesce(a.visits_365, 0)::BIGINT AS visits_365,
    coalesce(a.spent_365, 0)::DECIMAL(18,2) AS spent_365, coalesce(a.discounted_visits, 0)::BIGINT AS discounted_visits,
    coalesce(a.no_shows_365, 0)::BIGINT AS no_shows_365,
    CASE WHEN a.visits BETWEEN 1 AND 1023 THEN list_position(a.months, list_max(a.months)) END::INTEGER AS peak_month,
    CASE WHEN a.visits BETWEEN 1 AND 1023 THEN list_max(a.months) ELSE 0 END::BIGINT AS peak_visits,
    r.r, r.f, r.m, r.cluster, r.recency AS rfm_recency, r.frequency AS rfm_visits, r.monetary AS rfm_value
  FROM pf_contacts c
  FULL OUTER JOIN pf_agg a ON a.customer_key = c.customer_key
  LEFT JOIN pf_rfm r ON r.customer_id = coalesce(c.customer_key, a.customer_key)
), pf_thresholds AS (
  SELECT quantile_disc(spent_365, 0.95) FILTER (WHERE visits_365 > 0) AS vip_threshold,
    quantile_disc(total_spent, 0.75) FILTER (WHERE visits > 0) AS high_value_threshold
  FROM pf_all
)
SELECT pf_all.*, pf_thresholds.vip_threshold, pf_thresholds.high_value_threshold, ${d} AS as_of FROM pf_all, pf_thresholds`;
}
