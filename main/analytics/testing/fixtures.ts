// Small hand-made fixtures for analytics tests: insert sales, customers, identity links and campaign events
// with only the fields a test cares about (the rest get sensible defaults).
import type { Db } from '../../store/db';

export interface SaleFixture {
  id: string;
  customer?: string | null;
  /** ISO timestamp with offset (e.g. '2026-10-31T23:30:00-03:00'). */
  at: string;
  total?: number;
  status?: string;
  kind?: 'appointment' | 'order';
  discount?: number;
  coupon?: string | null;
  createdAt?: string;
}

export async function insertSales(db: Db, sales: SaleFixture[]): Promise<void> {
  if (!sales.length) return;
  const params: (string | number | null)[] = [];
  const rows = sales.map((s) => {
    const total = s.total ?? 100;
    const discount = s.discount ?? 0;
    const vals = [s.id, s.kind ?? 'appointment', s.customer ?? null, s.status ?? 'completed', s.createdAt ?? s.at, s.at, total + discount, discount, s.coupon ?? null, total];
    const p = vals.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return `(${p[0]}, 'test', ${p[1]}, ${p[2]}, ${p[3]}, CAST(${p[4]} AS TIMESTAMPTZ), CAST(${p[5]} AS TIMESTAMPTZ), ${p[6]}::DECIMAL(18,2), ${p[7]}::DECIMAL(18,2), ${p[8]}, 0, 0, ${p[9]}::DECIMAL(18,2))`;
  });
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO sales (sale_id, source, kind, customer_id, status, created_at, occurred_at, gross_amount, discount_amount, coupon_code,
         tax_amount, shipping_amount, total_amount) VALUES ${rows.join(', ')}`,
      params,
    );
    tx.touched('sales');
  });
}

export interface CustomerFixture {
  id: string;
  name?: string;
  phone?: string | null;
  email?: string | null;
  birthDate?: string | null;
  optIn?: boolean | null;
  createdAt?: string;
}

export async function insertCustomers(db: Db, customers: CustomerFixture[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const c of customers) {
      await tx.run(
        `INSERT INTO customers (customer_id, name, email, phone, birth_date, created_at, marketing_opt_in, source)
         VALUES ($1, $2, $3, $4, CAST($5 AS DATE), CAST($6 AS TIMESTAMPTZ), $7, 'test')`,
        [c.id, c.name ?? `Cliente ${c.id}`, c.email ?? null, c.phone ?? null, c.birthDate ?? null, c.createdAt ?? '2024-01-01T12:00:00Z', c.optIn === undefined ? true : c.optIn],
      );
    }
    tx.touched('customers');
  });
}

/** Links member customer ids to a unified id (as identity resolution would). */
export async function linkCustomers(db: Db, unifiedId: string, members: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const m of members) await tx.run(`INSERT INTO customer_identity (customer_id, unified_id, rule) VALUES ($1, $2, 'test')`, [m, unifiedId]);
    tx.touched('customer_identity');
  });
}

export interface CampaignEventFixture {
  campaign: string;
  customer: string | null;
  type: 'sent' | 'delivered' | 'opened' | 'clicked' | 'converted';
  at: string;
  revenue?: number | null;
}

export async function insertCampaign(db: Db, c: { id: string; name: string; channel: string; segment?: string | null; startedAt: string; budget: number }, events: CampaignEventFixture[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(`INSERT INTO campaigns VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMPTZ), $6::DECIMAL(18,2))`, [c.id, c.name, c.channel, c.segment ?? null, c.startedAt, c.budget]);
    let n = 0;
    for (const e of events) {
      await tx.run(`INSERT INTO campaign_events VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMPTZ), $6::DECIMAL(18,2))`, [
        `${c.id}-e${n++}`,
        e.campaign,
        e.customer,
        e.type,
        e.at,
        e.revenue ?? null,
      ]);
    }
    tx.touched('campaigns', 'campaign_events');
  });
}
