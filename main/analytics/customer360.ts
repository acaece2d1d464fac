// Customer 360: one unified customer's linked records, sales history, current RFM scores and cluster history
// (monthly snapshots), customer value, loyalty balance and transactions, campaign touches and segments.
// Sales are looked up by the member record ids (a filter DuckDB pushes into the scan), not by computed keys.
import type { Customer360, SegmentId } from '../../shared/analytics';
import type { RfmCluster } from '../../shared/rfm';
import type { LocalizedText } from '../../shared/types';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { ParamList } from '../sql/specSql';
import { customerSegmentsSql } from './segments';
import { cachedProfileSql } from './profileCache';
import type { RfmOptions } from './rfm';

const SALES_LIMIT = 500;

/** The unified key of any member id, and every member id of that key. */
async function members(db: Db, id: string): Promise<{ key: string; ids: string[] }> {
  const [k] = await db.all<{ key: string | null }>(
    `SELECT coalesce((SELECT unified_id FROM customer_identity WHERE customer_id = $1 LIMIT 1), $1) AS key`,
    [id],
  );
  const key = k.key as string;
  const rows = await db.all<{ id: string }>(`SELECT customer_id AS id FROM customer_identity WHERE unified_id = $1 UNION SELECT $1`, [key]);
  return { key, ids: rows.map((r) => r.id) };
}

interface ProfileRow {
  segments: SegmentId[];
  name: string | null;
  phone_e164: string | null;
  email: string | null;
  birth_date: string | null;
  opt_in: boolean;
  as_of: string;
  rfm_recency: number | null;
  rfm_visits: number | null;
  rfm_value: string | null;
  r: number | null;
  f: number | null;
  m: number | null;
  cluster: RfmCluster | null;
}

export async function customer360(db: Db, customerId: string, rfm: RfmOptions | null): Promise<Customer360> {
  const { key, ids } = await members(db, customerId);
  const idList = `list_value(${ids.map((_, i) => `$${i + 1}`).join(', ')})`;
  const records = await db.all<Customer360['records'][number]>(
    `SELECT customer_id AS "customerId", name, email, phone, source, marketing_opt_in AS "optIn" FROM customers WHERE list_contains(${idList}, customer_id) ORDER BY created_at, customer_id`,
    ids,
  );
  const sales = await db.all<Customer360['sales'][number]>(
    // What was done, where and by whom, by name: the lines' items, the unit and the professional.
    `WITH s AS (SELECT * FROM sales WHERE list_contains(${idList}, customer_id) ORDER BY occurred_at DESC LIMIT ${SALES_LIMIT}),
       li AS (SELECT l.sale_id, string_agg(coalesce(i.name, l.item_id), ', ' ORDER BY l.line_no) AS items
              FROM sale_lines l JOIN s USING (sale_id) LEFT JOIN items i ON i.item_id = l.item_id GROUP BY l.sale_id)
     SELECT s.sale_id AS "saleId", strftime(CAST(timezone(getvariable('biz_tz'), s.occurred_at) AS DATE), '%Y-%m-%d') AS date, s.status, s.kind,
       s.total_amount::VARCHAR AS total, coalesce(s.discount_amount, 0)::VARCHAR AS discount, s.coupon_code AS coupon, s.source,
       li.items, loc.name AS location, e.name AS employee
     FROM s LEFT JOIN li USING (sale_id) LEFT JOIN locations loc ON loc.location_id = s.location_id LEFT JOIN employees e ON e.employee_id = s.employee_id
     ORDER BY s.occurred_at DESC`,
    ids,
  );
  if (!records.length && !sales.length) throw new AppError('NOT_FOUND', `no customer ${customerId}`);
  const [agg] = await db.all<{ visits: number; total: string; avg: string | null; first: string | null; last: string | null }>(
    `SELECT count(*)::DOUBLE AS visits, coalesce(sum(total_amount), 0)::DECIMAL(18,2)::VARCHAR AS total,
       CASE WHEN count(*) > 0 THEN round(sum(total_amount) / count(*), 2)::DECIMAL(18,2)::VARCHAR END AS avg,
       strftime(CAST(timezone(getvariable('biz_tz'), min(occurred_at)) AS DATE), '%Y-%m-%d') AS first,
       strftime(CAST(timezone(getvariable('biz_tz'), max(occurred_at)) AS DATE), '%Y-%m-%d') AS last
     FROM sales WHERE status = 'completed' AND list_contains(${idList}, customer_id)`,
    ids,
  );
  const history = await db.all<{ asOf: string; recency: number; frequency: number; monetary: string; r: number; f: number; m: number; cluster: RfmCluster }>(
    `SELECT strftime(as_of, '%Y-%m-%d') AS "asOf", recency, frequency, monetary::VARCHAR AS monetary, r::INT AS r, f::INT AS f, m::INT AS m, cluster
     FROM rfm_snapshots WHERE customer_id = $1 ORDER BY as_of`,
    [key],
  );
  const [value] = await db.all<NonNullable<Customer360['value']>>(
    `SELECT strftime(as_of, '%Y-%m-%d') AS "asOf", p_alive AS "pAlive", churn_risk AS "churnRisk", expected_visits_90 AS "expectedVisits90",
       expected_visits_365 AS "expectedVisits365", coalesce(expected_value_365::VARCHAR, '0.00') AS "expectedValue365", x::DOUBLE AS "repeatVisits"
     FROM customer_value WHERE customer_id = $1 AND model_id = (SELECT model_id FROM clv_models ORDER BY fitted_at DESC LIMIT 1)`,
    [key],
  );
  const [model] = await db.all<{ notes: string | null }>(`SELECT notes::VARCHAR AS notes FROM clv_models ORDER BY fitted_at DESC LIMIT 1`);
  const valueNotes = model?.notes ? (JSON.parse(model.notes) as LocalizedText[]) : [];
  const loyalty = await db.all<{ date: string; kind: string; points: number; saleId: string | null }>(
    `SELECT strftime(CAST(timezone(getvariable('biz_tz'), occurred_at) AS DATE), '%Y-%m-%d') AS date, kind, points, sale_id AS "saleId"
     FROM loyalty_transactions WHERE list_contains(${idList}, customer_id) ORDER BY occurred_at DESC`,
    ids,
  );
  // earned and adjusted points carry their own sign; redemptions and expiries always reduce the balance
  const balance = loyalty.reduce((s, t) => s + (t.kind === 'redeemed' || t.kind === 'expired' ? -Math.abs(t.points) : t.points), 0);
  const touches = await db.all<{ campaignId: string; name: string | null; channel: string | null; type: string; at: string; revenue: string | null }>(
    `SELECT e.campaign_id AS "campaignId", c.name, c.channel, e.event_type AS type, strftime(timezone('UTC', e.occurred_at), '%Y-%m-%dT%H:%M:%SZ') AS at,
       e.revenue_amount::VARCHAR AS revenue
     FROM campaign_events e LEFT JOIN campaigns c ON c.campaign_id = e.campaign_id
     WHERE list_contains(${idList}, e.customer_id) ORDER BY e.occurred_at`,
    ids,
  );
  const campaigns: Customer360['campaigns'] = [];
  for (const t of touches) {
    let c = campaigns.find((x) => x.campaignId === t.campaignId);
    if (!c) campaigns.push((c = { campaignId: t.campaignId, name: t.name, channel: t.channel, events: [] }));
    c.events.push({ type: t.type, at: t.at, revenue: t.revenue });
  }
  let segments: SegmentId[] = [];
  let profile: ProfileRow | undefined;
  if (rfm) {
    const p = new ParamList();
    const seg = customerSegmentsSql(rfm, p.add(key), p, await cachedProfileSql(db, rfm));
    const [row] = await db.all<ProfileRow>(seg, p.values);
    segments = row?.segments ?? [];
    profile = row;
  }
  // The current scores, live as of the RFM date (the same profile the segments read); the stored history otherwise.
  const live: Customer360['rfm'] =
    profile && profile.r !== null && profile.cluster !== null
      ? { asOf: profile.as_of, recency: profile.rfm_recency as number, frequency: profile.rfm_visits as number, monetary: profile.rfm_value as string, r: profile.r, f: profile.f as number, m: profile.m as number, cluster: profile.cluster }
      : null;
  const last = live ?? (rfm ? null : history[history.length - 1]);
  return {
    customerId: key,
    records,
    profile: {
      name: profile?.name ?? records.find((r) => r.customerId === key)?.name ?? records[0]?.name ?? null,
      phoneE164: profile?.phone_e164 ?? null,
      email: profile?.email ?? null,
      birthDate: profile?.birth_date ?? null,
      optIn: profile?.opt_in ?? false,
      firstVisit: agg.first,
      lastVisit: agg.last,
      visits: agg.visits,
      totalSpent: agg.total,
      avgTicket: agg.avg,
    },
    sales,
    rfm: last ?? null,
    clusterHistory: history.map((h) => ({ asOf: h.asOf, cluster: h.cluster, r: h.r, f: h.f, m: h.m })),
    value: value ?? null,
    valueNotes,
    loyalty: { balance, transactions: loyalty },
    campaigns,
    segments,
  };
}
