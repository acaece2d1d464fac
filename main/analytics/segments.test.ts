import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { ParamList } from '../sql/specSql';
import type { SegmentId } from '../../shared/analytics';
import { rfmSql, type RfmOptions } from './rfm';
import { segmentMembersSql, segmentsSql } from './segments';
import { SEGMENTS } from './segmentDefs';
import { insertCampaign, insertCustomers, insertSales, linkCustomers, type CampaignEventFixture, type CustomerFixture, type SaleFixture } from './testing/fixtures';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const D = '2026-10-31';
const rfm: RfmOptions = { asOf: D, windowDays: 365, frequencyMode: 'rank', frequencyThresholds: [2, 3, 5, 8] };
const at = (date: string) => `${date}T15:00:00-03:00`;

/** Hand-made profiles: each designed customer should land in the named segments (fillers give the percentiles). */
async function load(): Promise<SaleFixture[]> {
  const customers: CustomerFixture[] = [];
  const sales: SaleFixture[] = [];
  let n = 0;
  const sale = (c: string, date: string, total = 80, extra: Partial<SaleFixture> = {}) => sales.push({ id: `s${n++}`, customer: c, at: at(date), total, ...extra });
  for (let i = 0; i < 20; i++) {
    const id = `fill${i}`;
    customers.push({ id, phone: `(11) 9${String(10000000 + i)}`, birthDate: '1980-03-10' });
    sale(id, `2026-0${1 + (i % 8)}-1${i % 9}`, 50 + i);
  }
  customers.push({ id: 'vip', phone: '+55 21 98888-7777', email: 'vip@exemplo.com', birthDate: '1975-06-01' });
  for (const d of ['2026-02-10', '2026-05-10', '2026-08-10', '2026-10-25']) sale('vip', d, 900);
  customers.push({ id: 'vip_out', phone: '(21) 98888-0000', optIn: false });
  for (const d of ['2026-03-10', '2026-09-10']) sale('vip_out', d, 1500);
  customers.push({ id: 'disc', email: 'disc@exemplo.com', phone: null });
  for (const [i, d] of ['2025-01-10', '2025-06-10', '2026-01-10', '2026-04-10'].entries()) sale('disc', d, 60, i % 2 ? { discount: 10, coupon: 'PROMO' } : {});
  customers.push({ id: 'new', phone: '11 97777-6666' });
  sale('new', '2026-10-20', 120);
  customers.push({ id: 'freq', phone: '11 96666-5555' });
  for (const d of ['2026-08-15', '2026-09-15', '2026-10-15']) sale('freq', d, 70);
  customers.push({ id: 'bday', phone: '11 95555-4444', birthDate: '1990-11-15' });
  sale('bday', '2024-05-05', 40);
  customers.push({ id: 'dorm', phone: '11 94444-3333' });
  for (const d of ['2025-06-01', '2026-03-01']) sale('dorm', d, 700);
  customers.push({ id: 'seas', email: 'seas@exemplo.com' });
  for (const d of ['2023-11-10', '2024-11-12', '2025-11-08']) sale('seas', d, 90);
  customers.push({ id: 'lapsed', phone: '11 93333-2222' }); // frequent and big, but not lately: at risk, high M
  for (const d of ['2025-11-05', '2025-11-20', '2025-12-05', '2025-12-20', '2026-01-05']) sale('lapsed', d, 400);
  for (const id of ['ref', 'ref_ns']) {
    customers.push({ id, phone: `11 9${id === 'ref' ? '2222-1111' : '1111-0000'}` });
    for (const d of ['2026-01-20', '2026-04-20', '2026-07-20', '2026-09-20', '2026-10-28']) sale(id, d, 150);
  }
  sales.push({ id: 'ns1', customer: 'ref_ns', at: at('2026-06-01'), status: 'no_show' });
  await insertCustomers(t.engine.db, customers);
  await insertSales(t.engine.db, sales);
  return sales;
}

async function members(seg: SegmentId, channel: 'any' | 'whatsapp' | 'email' = 'any') {
  const p = new ParamList();
  return t.engine.db.all<{ customer_id: string; phone_e164: string | null; email: string | null }>(`SELECT * FROM (${segmentMembersSql(rfm, seg, channel, p)}) ORDER BY customer_id`, p.values);
}

async function summary() {
  const p = new ParamList();
  const rows = await t.engine.db.all<Record<string, unknown>>(segmentsSql(rfm, p, 'en'), p.values);
  return new Map(rows.map((r) => [r.segment_id as SegmentId, r]));
}

describe('marketing segments', () => {
  it('applies each documented rule to hand-made profiles', async () => {
    const sales = await load();
    const ids = async (s: SegmentId) => (await members(s)).map((m) => m.customer_id);
    expect(await ids('vip')).toEqual(['vip']);
    expect(await ids('discount_lovers')).toEqual(['disc']);
    expect(await ids('new_customers')).toEqual(['new']);
    expect(await ids('frequent_visitors')).toEqual(['freq']);
    expect(await ids('birthdays')).toEqual(['bday']);
    // dormant high value, recomputed here: >= 2 visits, lifetime spend >= the 75th percentile (discrete), 180..729 days away
    const done = sales.filter((x) => (x.status ?? 'completed') === 'completed');
    const byCustomer = new Map<string, { total: number; visits: number; last: string }>();
    for (const x of done) {
      const c = byCustomer.get(x.customer!) ?? { total: 0, visits: 0, last: '' };
      byCustomer.set(x.customer!, { total: c.total + (x.total ?? 0), visits: c.visits + 1, last: x.at > c.last ? x.at : c.last });
    }
    const totals = [...byCustomer.values()].map((c) => c.total).sort((a, b) => a - b);
    const p75 = totals[Math.ceil(0.75 * totals.length) - 1];
    const days = (iso: string) => Math.round((Date.parse(`${D}T00:00:00Z`) - Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
    const dormant = [...byCustomer.entries()]
      .filter(([id, c]) => id !== 'vip_out' && c.visits >= 2 && c.total >= p75 && days(c.last) >= 180 && days(c.last) <= 729)
      .map(([id]) => id)
      .sort();
    expect(dormant).toContain('dorm');
    expect(await ids('dormant_high_value')).toEqual(dormant);
    expect(await ids('seasonal')).toEqual(['seas']);
    const referral = await ids('referral_candidates');
    expect(referral).toContain('ref');
    expect(referral).not.toContain('ref_ns');
    // RFM-based segments agree with the RFM scores computed on their own
    const p = new ParamList();
    const scores = await t.engine.db.all<{ customer_id: string; m: number; cluster: string }>(`SELECT customer_id, m::INT AS m, cluster FROM (${rfmSql(rfm, p)})`, p.values);
    const optedIn = (id: string) => id !== 'vip_out';
    const champions = scores.filter((s) => s.cluster === 'champions').map((s) => s.customer_id).filter(optedIn).sort();
    expect(champions.length).toBeGreaterThan(0);
    expect(await ids('loyalty_champions')).toEqual(champions);
    const winback = scores.filter((s) => ['at_risk', 'hibernating'].includes(s.cluster) && s.m >= 4).map((s) => s.customer_id).filter(optedIn).sort();
    expect(winback).toContain('lapsed');
    expect(await ids('winback_high_value')).toEqual(winback);
  });

  it('lists only opted-in members reachable on the channel, with E.164 phones', async () => {
    await load();
    const vip = await members('vip', 'whatsapp');
    expect(vip).toEqual([expect.objectContaining({ customer_id: 'vip', phone_e164: '+5521988887777', email: 'vip@exemplo.com' })]);
    expect(await members('discount_lovers', 'whatsapp')).toEqual([]);
    expect((await members('discount_lovers', 'email')).map((m) => m.customer_id)).toEqual(['disc']);
    const s = await summary();
    expect(s.get('vip')).toMatchObject({ size: 2n, contactable: 1n });
  });

  it('estimates conversion from the shop\'s own campaigns, with a stated prior when history is thin', async () => {
    await load();
    const lift = (id: string) => SEGMENTS.find((x) => x.id === id)!.defaultConversion / (SEGMENTS.reduce((t, x) => t + x.defaultConversion, 0) / SEGMENTS.length);
    // no campaign yet: the stated 1 % prior, scaled by the segment's relative response
    const none = await summary();
    expect(none.get('vip')).toMatchObject({ conversion_source: 'default', conversion_sent: 0n });
    expect(none.get('vip')!.conversion as number).toBeCloseTo(0.01 * lift('vip'), 12);
    expect(none.get('vip')!.conversion_basis).toBe('No past campaigns: 1% reference');
    // a past WhatsApp campaign aimed at VIPs: 40 recipients, 2 converted (5 %)
    const events: CampaignEventFixture[] = Array.from({ length: 40 }, (_, i) => ({ campaign: 'c1', customer: `x${i}`, type: 'sent', at: '2026-05-01T12:00:00Z' }));
    for (let i = 0; i < 2; i++) events.push({ campaign: 'c1', customer: `x${i}`, type: 'converted' as const, at: '2026-05-03T12:00:00Z' });
    await insertCampaign(t.engine.db, { id: 'c1', name: 'VIP', channel: 'whatsapp', segment: 'vip', startedAt: '2026-05-01T12:00:00Z', budget: 100 }, events);
    const s = await summary();
    expect(s.size).toBe(SEGMENTS.length);
    const vip = s.get('vip')!;
    // thin history (40 < 100 recipients): shrunk towards the shop's observed 5 % on WhatsApp times the VIP response
    const prior = Math.min(0.5, 0.05 * lift('vip'));
    const conversion = (2 + 100 * prior) / (40 + 100);
    expect(vip).toMatchObject({ total_value: 6600, visits: 6n, avg_ticket: 1100, avg_value: 3300, conversion_source: 'shop', conversion_sent: 40n });
    expect(vip.conversion as number).toBeCloseTo(conversion, 12);
    expect(vip.conversion_prior as number).toBeCloseTo(prior, 12);
    const def = SEGMENTS.find((x) => x.id === 'vip')!;
    const budget = def.fixedCost + def.costPerMember * 2;
    expect(Number(vip.budget)).toBe(budget);
    expect(Number(vip.expected_revenue)).toBeCloseTo(Math.round(2 * conversion * 1100 * 100) / 100, 2);
    expect(vip.roi as number).toBeCloseTo((Number(vip.expected_revenue) - budget) / budget, 10);
    // every segment now rests on the shop's rate, never on a fixed 8-30 % guess
    for (const r of s.values()) expect(r.conversion as number).toBeLessThan(0.2);
    expect(s.get('new_customers')!.conversion_source).toBe('shop');
    const priorities = [...s.values()].map((r) => r.priority as number).sort((a, b) => a - b);
    expect(priorities).toEqual(Array.from({ length: SEGMENTS.length }, (_, i) => i + 1));
    for (const r of s.values()) if (Number(r.size) === 0) expect(r.priority_level).toBe('low');
    // enough of its own recipients and the segment's history carries the estimate
    const more: CampaignEventFixture[] = Array.from({ length: 300 }, (_, i) => ({ campaign: 'c2', customer: `y${i}`, type: 'sent', at: '2026-06-01T12:00:00Z' }));
    for (let i = 0; i < 30; i++) more.push({ campaign: 'c2', customer: `y${i}`, type: 'converted' as const, at: '2026-06-03T12:00:00Z' });
    await insertCampaign(t.engine.db, { id: 'c2', name: 'VIP 2', channel: 'whatsapp', segment: 'vip', startedAt: '2026-06-01T12:00:00Z', budget: 100 }, more);
    const v2 = (await summary()).get('vip')!;
    const prior2 = Math.min(0.5, (32 / 340) * lift('vip'));
    expect(v2.conversion_source).toBe('history');
    expect(v2.conversion as number).toBeCloseTo((32 + 100 * prior2) / (340 + 100), 12);
  });
});

describe('profile cache', () => {
  it('gives the live numbers, and rebuilds after sales change', async () => {
    await load();
    const live = await summary();
    const { segmentsSummary } = await import('./segmentsSummary');
    const cached = await segmentsSummary(t.engine.db, rfm);
    for (const s of cached) expect(s.size).toBe(Number(live.get(s.id)!.size));
    const before = cached.find((s) => s.id === 'new_customers')!.size;
    await insertSales(t.engine.db, [{ id: 'late-new', customer: 'brand_new', at: at('2026-10-30') }]);
    const after = await segmentsSummary(t.engine.db, rfm);
    expect(after.find((s) => s.id === 'new_customers')!.size).toBe(before + 1);
  });
});

describe('profile RFM columns', () => {
  it('are the scores of rfmSql, with the usual and with a custom window', async () => {
    await load();
    const { profileSql } = await import('./profiles');
    for (const windowDays of [365, 180]) {
      const o = { ...rfm, windowDays };
      const p1 = new ParamList();
      const prof = await t.engine.db.all(`SELECT customer_id, r::INT AS r, f::INT AS f, m::INT AS m, cluster FROM (${profileSql(o, p1)}) WHERE cluster IS NOT NULL ORDER BY 1`, p1.values);
      const p2 = new ParamList();
      const live = await t.engine.db.all(`SELECT customer_id, r::INT AS r, f::INT AS f, m::INT AS m, cluster FROM (${rfmSql(o, p2)}) ORDER BY 1`, p2.values);
      expect(prof).toEqual(live);
      expect(prof.length).toBeGreaterThan(10);
    }
  });
});

describe('profile of a unified customer', () => {
  it('merges the sales of linked records and takes contacts from the own-id record first', async () => {
    await insertCustomers(t.engine.db, [
      { id: 'u', phone: null, email: 'u@exemplo.com', createdAt: '2024-01-01T12:00:00Z', birthDate: '1990-02-03' },
      { id: 'woo:7', phone: '(11) 91234-5678', email: 'outro@exemplo.com', createdAt: '2023-01-01T12:00:00Z', optIn: false },
      { id: 'solo', phone: '11 98888-1111', optIn: null },
    ]);
    await linkCustomers(t.engine.db, 'u', ['u', 'woo:7']);
    await insertSales(t.engine.db, [
      { id: 'x1', customer: 'u', at: at('2026-05-10'), total: 100 },
      { id: 'x2', customer: 'woo:7', at: at('2026-09-10'), total: 50, discount: 5 },
      { id: 'x3', customer: 'woo:7', at: at('2025-11-20'), total: 30 },
      { id: 'x4', customer: 'solo', at: at('2026-10-01'), total: 10 },
    ]);
    const { profileSql } = await import('./profiles');
    const p = new ParamList();
    const rows = await t.engine.db.all<Record<string, unknown>>(
      `SELECT customer_id, email, phone_e164, strftime(birth_date, '%Y-%m-%d') AS birth_date, opt_in, visits::INT AS visits, total_spent::VARCHAR AS total_spent,
         strftime(first_visit, '%Y-%m-%d') AS first_visit, strftime(last_visit, '%Y-%m-%d') AS last_visit, discounted_visits::INT AS discounted_visits,
         peak_month, peak_visits::INT AS peak_visits, frequency_in_window
       FROM (SELECT *, (SELECT count(*)::INT FROM v_sales v WHERE v.customer_key = x.customer_id AND v.biz_date > DATE '2025-10-31') AS frequency_in_window FROM (${profileSql(rfm, p)}) x)
       ORDER BY customer_id`,
      p.values,
    );
    expect(rows.map((r) => r.customer_id)).toEqual(['solo', 'u']);
    expect(rows[1]).toMatchObject({
      email: 'u@exemplo.com',
      phone_e164: '+5511912345678',
      birth_date: '1990-02-03',
      opt_in: false,
      visits: 3,
      total_spent: '180.00',
      first_visit: '2025-11-20',
      last_visit: '2026-09-10',
      discounted_visits: 1,
      peak_visits: 1,
      peak_month: 5,
    });
    expect(rows[0]).toMatchObject({ opt_in: false, visits: 1, phone_e164: '+5511988881111' });
  });
});
