// Every report on the hand-made fixture, checked to the cent against answers worked out by hand (see testFixture.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPage, ReportTotals } from '../../shared/api/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { loadReportFixture, MARCH } from './testFixture';
import { pageRows, type Row } from './testHelpers';
import { rollupsReady, setRollupsEnabled } from './rollupSource';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await loadReportFixture(t.engine.db);
});
afterAll(() => t.close());

async function run(report: string, params: Record<string, unknown> = {}, period: object = MARCH, common: object = {}) {
  const page = await t.call<ReportPage>('reports.page', { report, params, period, common, limit: 1000 });
  const totals = await t.call<ReportTotals>('reports.totals', { report, params, period, common });
  return { rows: pageRows(page), total: page.total, totals: totals.values };
}
const by = (rows: Row[], col: string, v: unknown) => rows.find((r) => r[col] === v) as Row;

// Both ways: reports answering from the daily rollups where they can, then from the base rows only.
for (const rollups of [true, false]) {
  describe(`report numbers on the fixture (March 2026, America/Sao_Paulo), ${rollups ? 'from the daily rollups' : 'from the base rows'}`, () => {
    beforeAll(async () => {
      setRollupsEnabled(t.engine.db, rollups);
      expect(await rollupsReady(t.engine.db)).toBe(rollups);
    });
    it('sales-summary: the 23:30 local sale lands on Mar 31, refunds by their own date, exact average ticket', async () => {
      const { rows, totals } = await run('sales-summary');
      expect(rows).toHaveLength(31);
      expect(by(rows, 'bucket', '2026-03-31')).toMatchObject({ sales: 1, gross: '100.10', discounts: '10.00', net: '90.10', avg_ticket: '90.10', unique_customers: 1 });
      expect(by(rows, 'bucket', '2026-03-17')).toMatchObject({ sales: 0, refunds: '20.00', net: '-20.00' });
      expect(totals).toMatchObject({ sales: 3, gross: '420.10', discounts: '30.00', refunds: '20.00', net: '370.10', tax: '18.00', avg_ticket: '141.03', unique_customers: 2, prev_net: '280.00' });
      // a day is compared with the same weekday one week before (Sunday 22 with Sunday 15)
      expect(by(rows, 'bucket', '2026-03-22')).toMatchObject({ net: '0.00', prev_net: '120.00', compared_from: '2026-03-15', compared_to: '2026-03-15' });
      // a week clipped to the period (Mon 30 - Tue 31) with the same weekdays of the week before
      const weeks = await run('sales-summary', { granularity: 'week' });
      expect(by(weeks.rows, 'bucket', '2026-03-30')).toMatchObject({ net: '90.10', compared_from: '2026-03-23', compared_to: '2026-03-24' });
      expect(by(weeks.rows, 'bucket', '2026-02-23')).toMatchObject({ compared_from: '2026-02-22', compared_to: '2026-02-22' });
      const month = await run('sales-summary', { granularity: 'month' });
      expect(month.rows).toEqual([expect.objectContaining({ bucket: '2026-03-01', sales: 3, net: '370.10', prev_net: '50.00', net_variation: 6.402 })]);
      const april = await run('sales-summary', { granularity: 'month' }, { preset: 'custom', from: '2026-04-01', to: '2026-04-30' });
      expect(april.totals).toMatchObject({ sales: 1, gross: '80.00', refunds: '45.00', net: '35.00' });
    });

    it('sales-by-item: revenue from line totals, margin only where cost is known', async () => {
      const { rows, totals } = await run('sales-by-item');
      expect(by(rows, 'item_id', 'PRD1')).toMatchObject({ quantity: '6.000', revenue: '260.00', avg_unit_price: '43.33', cost: '120.00', margin: '140.00' });
      expect(by(rows, 'item_id', 'SVC1')).toMatchObject({ revenue: '90.10', cost: null, margin: null });
      expect(by(rows, 'item_id', 'SVC2')).toMatchObject({ revenue: '40.00', margin: '30.00', margin_pct: 0.75 });
      expect(totals).toMatchObject({ revenue: '390.10', cost: '130.00', margin: '170.00', margin_pct: 0.566667 });
    });

    it('sales-by-location: per location with growth and the sales without a location', async () => {
      const { rows, totals } = await run('sales-by-location');
      expect(by(rows, 'location_id', 'L1')).toMatchObject({ sales: 2, revenue: '210.10', avg_ticket: '105.05', unique_customers: 2, prev_revenue: '50.00', growth: 3.202 });
      expect(by(rows, 'location_id', null)).toMatchObject({ sales: 1, revenue: '180.00', avg_ticket: '213.00' });
      expect(totals).toMatchObject({ sales: 3, revenue: '390.10', avg_ticket: '141.03', unique_customers: 2 });
    });

    it('sales-by-channel: fees of the sales’ payments and net after fees', async () => {
      const { rows, totals } = await run('sales-by-channel');
      expect(by(rows, 'source', 'salon')).toMatchObject({ kind: 'appointment', sales: 2, revenue: '210.10', fees: '2.50', net_after_fees: '207.60' });
      expect(by(rows, 'source', 'woo')).toMatchObject({ sales: 1, revenue: '180.00', avg_ticket: '213.00', fees: '5.00', net_after_fees: '175.00' });
      expect(totals).toMatchObject({ revenue: '390.10', fees: '7.50', net_after_fees: '382.60' });
    });

    it('discounts-coupons: one customer on two sources counts once in the total', async () => {
      const { rows, totals } = await run('discounts-coupons');
      expect(by(rows, 'coupon_code', 'PROMO10')).toMatchObject({ uses: 1, customers: 1, discount_total: '20.00', revenue: '180.00', avg_discount_pct: 0.1 });
      expect(by(rows, 'coupon_code', 'BEMVINDA')).toMatchObject({ discount_total: '10.00', period_discount_rate: 0.071412 });
      expect(totals).toMatchObject({ uses: 2, customers: 1, discount_total: '30.00' });
    });

    it('financial-summary: the monthly pack, commissions rounded on the monthly total', async () => {
      const { rows } = await run('financial-summary');
      expect(rows).toEqual([
        expect.objectContaining({
          month: '2026-03-01', gross: '420.10', discounts: '30.00', refunds: '20.00', net: '370.10', tax: '18.00', received_cash: '90.10',
          received_credit_card: '50.00', received_pix: '320.00', received: '460.10', fees: '7.50', commissions: '25.84', sales: 3, avg_ticket: '141.03',
        }),
      ]);
      const long = await run('financial-summary', {}, { preset: 'custom', from: '2025-01-01', to: '2026-12-31' });
      expect(long.rows.map((r) => r.month)).toEqual([
        '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01',
        '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01',
      ]);
      expect(by(long.rows, 'month', '2025-07-01')).toMatchObject({ gross: '0.00', received: '0.00', sales: 0, avg_ticket: null });
      expect(by(long.rows, 'month', '2026-04-01')).toMatchObject({ gross: '80.00', refunds: '45.00', net: '35.00', received_cash: '80.00', commissions: '4.00' });
      expect(long.totals).toMatchObject({ gross: '610.10', refunds: '65.00', net: '515.10', commissions: '35.34', sales: 6 });
    });

    it('payment-methods: split payment counted per method, deposits included, pix share', async () => {
      const { rows, totals } = await run('payment-methods');
      expect(by(rows, 'method', 'pix')).toMatchObject({ amount: '320.00', payments: 4, avg_payment: '80.00', refunds: '20.00', share: 0.695501 });
      expect(by(rows, 'method', 'credit_card')).toMatchObject({ amount: '50.00', fees: '2.50' });
      expect(totals).toMatchObject({ amount: '460.10', payments: 6, fees: '7.50', share: 1 });
      const pix = await t.call<ReportTotals>('reports.totals', { report: 'payment-methods', period: MARCH, filters: [{ column: 'method', op: 'eq', value: 'pix' }] });
      expect(pix.values.share).toBe(0.695501);
    });

    it('refunds: dated by the refund, whatever the sale status; days from sale', async () => {
      const { rows, totals } = await run('refunds');
      expect(rows).toEqual([expect.objectContaining({ payment_id: 'R4', refund_date: '2026-03-17', sale_status: 'cancelled', customer_id: 'C3', amount: '20.00', days_to_refund: -1 })]);
      expect(totals).toMatchObject({ amount: '20.00', refund_rate: 0.047608 });
      const april = await run('refunds', {}, { preset: 'custom', from: '2026-04-01', to: '2026-04-30' });
      expect(april.rows).toEqual([expect.objectContaining({ payment_id: 'woo:R3', sale_date: '2026-03-20', customer_id: 'C1', amount: '45.00', days_to_refund: 13 })]);
    });

    it('sales-vs-receipts: daily reconciliation with running balance, and the partially paid sale', async () => {
      const { rows, totals } = await run('sales-vs-receipts');
      expect(by(rows, 'day', '2026-03-15')).toMatchObject({ sales_value: '120.00', received: '120.00', received_pix: '70.00', received_card: '50.00' });
      expect(by(rows, 'day', '2026-03-31')).toMatchObject({ sales_value: '90.10', received_cash: '90.10', open_balance: '-17.00' });
      expect(by(rows, 'day', '2026-03-10')).toMatchObject({ received: '20.00', open_balance: '-20.00' });
      expect(totals).toMatchObject({ sales_value: '423.10', received: '460.10', refunds: '20.00', difference: '-17.00' });
      const open = await run('sales-vs-receipts', { view: 'open_sales' });
      expect(open.rows).toEqual([expect.objectContaining({ sale_id: 'woo:S3', customer_id: 'C1', total: '213.00', paid: '200.00', open: '13.00', payment_state: 'partial' })]);
    });

    it('appointments-summary: statuses and rates by location', async () => {
      const { rows, totals } = await run('appointments-summary');
      expect(by(rows, 'location_id', 'L1')).toMatchObject({ appointments: 3, completed: 2, no_show: 1, no_show_rate: 0.333333 });
      expect(by(rows, 'location_id', 'L2')).toMatchObject({ cancelled: 1, cancellation_rate: 1 });
      expect(totals).toMatchObject({ appointments: 4, completed: 2, cancelled: 1, no_show: 1, no_show_rate: 0.25, cancellation_rate: 0.25, completion_rate: 0.5 });
      const april = await run('appointments-summary', { by: 'employee' }, { preset: 'custom', from: '2026-04-01', to: '2026-04-30' });
      expect(by(april.rows, 'employee_id', 'E2')).toMatchObject({ booked: 1, employee_name: 'Bia' });
    });

    it('peak-hours: weekday and hour in the business time zone', async () => {
      const { rows, totals } = await run('peak-hours');
      expect(rows).toHaveLength(168);
      expect(rows.find((r) => r.weekday === 2 && r.hour === 23)).toMatchObject({ appointments: 1, revenue: '90.10' });
      expect(rows.find((r) => r.weekday === 0 && r.hour === 10)).toMatchObject({ appointments: 1, revenue: '120.00' });
      expect(rows.find((r) => r.weekday === 5 && r.hour === 12)).toMatchObject({ appointments: 0, sales: 1, revenue: '180.00' });
      expect(totals).toMatchObject({ appointments: 2, sales: 3, revenue: '390.10' });
    });

    it('occupancy: booked over opening-hours minutes, and lead time', async () => {
      const { rows, totals } = await run('occupancy');
      expect(rows.find((r) => r.day === '2026-03-31' && r.employee_id === 'E1')).toMatchObject({ booked_minutes: 60, available_minutes: 600, occupancy: 0.1 });
      expect(rows.find((r) => r.day === '2026-03-15' && r.employee_id === 'E2')).toMatchObject({ booked_minutes: 45, available_minutes: 0, occupancy: null });
      expect(totals).toMatchObject({ booked_minutes: 165, available_minutes: 48240, occupancy: 0.00342 });
      const lead = await run('occupancy', { view: 'lead_time' });
      expect(lead.rows.map((r) => [r.lead_days, r.appointments])).toEqual([['1', 1], ['4-7', 2], ['8-14', 1]]);
    });

    it('staff-performance: fallback to the sale employee, unassigned row, rebooking and no-show rates', async () => {
      const { rows, totals } = await run('staff-performance');
      expect(by(rows, 'employee_id', 'E2')).toMatchObject({ revenue: '40.00', services: '1.000', no_show_rate: 0 });
      expect(by(rows, 'employee_id', 'E1')).toMatchObject({ revenue: '90.10', no_show_rate: 0.5, rebooking_rate: 0 });
      expect(by(rows, 'employee_id', null)).toMatchObject({ revenue: '180.00', rebooking_rate: 1 });
      expect(totals).toMatchObject({ revenue: '390.10', sales: 3, avg_ticket: '130.03', unique_customers: 2, rebooking_rate: 0.5, no_show_rate: 0.25 });
    });

    it('staff-commissions: round(base x rate, 2) half away from zero; unassigned has no commission', async () => {
      const { rows, totals } = await run('staff-commissions');
      expect(by(rows, 'employee_id', 'E1')).toMatchObject({ base: '90.10', rate: 0.05, commission: '4.51' });
      expect(by(rows, 'employee_id', 'E2')).toMatchObject({ base: '40.00', commission: '13.33' });
      expect(by(rows, 'employee_id', null)).toMatchObject({ base: '180.00', rate: null, commission: null });
      expect(totals).toMatchObject({ base: '390.10', commission: '25.84' });
    });

    it('staff-productivity: booked hours and revenue per booked hour', async () => {
      const { rows, totals } = await run('staff-productivity');
      expect(by(rows, 'employee_id', 'E1')).toMatchObject({ booked_hours: '2.00', revenue: '90.10', revenue_per_hour: '45.05', days_worked: 1 });
      expect(by(rows, 'employee_id', 'E2')).toMatchObject({ booked_hours: '0.75', revenue_per_hour: '53.33' });
      expect(totals).toMatchObject({ booked_hours: '2.75', revenue: '390.10' });
    });

    it('customer-profiles: one unified customer across two sources, lifecycle and loyalty', async () => {
      const { rows, total } = await run('customer-profiles');
      expect(total).toBe(3);
      expect(by(rows, 'customer_id', 'C1')).toMatchObject({
        visits: 4, visits_in_period: 2, total_spent: '413.10', avg_ticket: '103.28', first_visit: '2025-03-12', last_visit: '2026-03-31',
        days_since_last: 0, lifecycle: 'active', loyalty_balance: 253, coupons_used: 2, age_group: '35-44', birth_month: 7,
      });
      expect(by(rows, 'customer_id', 'C3')).toMatchObject({ visits: 0, lifecycle: 'inactive', total_spent: '0.00' });
      expect(rows.some((r) => r.customer_id === 'woo:77')).toBe(false);
      expect(Object.keys(rows[0])).not.toContain('rfm_cluster');
    });

    it('retention-cohorts: cohorts and new vs returning', async () => {
      const q1 = { preset: 'custom', from: '2026-01-01', to: '2026-03-31' };
      const { rows } = await run('retention-cohorts', {}, q1);
      expect(rows).toEqual([expect.objectContaining({ cohort_month: '2026-03-01', months_since: 0, cohort_size: 1, active_customers: 1, retention: 1 })]);
      const monthly = await run('retention-cohorts', { view: 'monthly' }, q1);
      expect(monthly.rows.map((r) => [r.month, r.active, r.new_customers, r.returning])).toEqual([
        ['2026-01-01', 0, 0, 0],
        ['2026-02-01', 1, 0, 1],
        ['2026-03-01', 2, 1, 1],
      ]);
      const y = await run('retention-cohorts', { view: 'monthly' }, { preset: 'custom', from: '2025-06-01', to: '2025-06-30' });
      expect(y.rows[0]).toMatchObject({ churned: 1, base: 1, churn_rate: 1 });
    });

    it('segments-campaigns: the campaign funnel, revenue, cost and ROI', async () => {
      const { rows } = await run('segments-campaigns');
      expect(rows).toEqual([expect.objectContaining({ campaign_id: 'K1', sent: 2, delivered: 2, opened: 1, clicked: 1, converted: 1, revenue: '120.00', cost: '100.00', roi: 0.2 })]);
    });

    it('profitability: margin where cost is known, CAC and value to date', async () => {
      const { rows, totals } = await run('profitability');
      expect(rows.map((r) => r.item_id).sort()).toEqual(['PRD1', 'SVC2']);
      expect(totals).toMatchObject({ revenue: '300.00', cost: '130.00', gross_margin: '170.00' });
      const cac = await run('profitability', { view: 'cac' });
      expect(cac.rows).toEqual([expect.objectContaining({ month: '2026-03-01', campaign_budget: '100.00', new_customers: 1, cac: '100.00', value_to_date: '120.00' })]);
    });

    it('marketplace: price change, sold in period and position against competitors', async () => {
      const { rows } = await run('marketplace');
      expect(by(rows, 'listing_id', 'ml:1')).toMatchObject({
        is_own: true, price: '42.00', price_change: '-3.00', sold_in_period: 15, competitors: 2, min_competitor_price: '40.00',
        avg_competitor_price: '42.00', price_position: 0.05, price_rank: 2,
      });
      const h = await run('marketplace', { view: 'history' });
      expect(h.rows.filter((r) => r.listing_id === 'ml:1').map((r) => [r.day, r.price])).toEqual([['2026-03-01', '45.00'], ['2026-03-31', '42.00']]);
    });
  });
}
