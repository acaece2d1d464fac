// The "what changed" rules on hand-made weeks (today Friday 2026-12-04; the week compared is 27 Nov - 3 Dec and
// the usual week the 8 weeks before), each rule firing and not firing; and the overdue good customers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { alerts } from './alerts';
import { overdueCustomers } from './overdue';

let t: TestEngine;

/**
 * Appointments of R$ 100 each, all on the Thursday of week w (w = 0 is the week compared):
 * Centro (Ana): 10 completed every usual week and 2 no-shows in all of them; 5 completed and 4 no-shows this week.
 * Shopping (Bia): 10 completed every usual week, 12 this week (+20%: not far enough).
 * Online (Caio): 10 completed in odd usual weeks, none in even ones, 14 this week (+180%, but within two of its
 * own standard deviations: R$ 900 off a usual R$ 500 with a deviation of R$ 500).
 */
const WEEKS_SQL = `
  WITH plan(loc, emp, w, n, status) AS (
    SELECT 'L1', 'E1', 0, 5, 'completed' UNION ALL SELECT 'L1', 'E1', 0, 4, 'no_show'
    UNION ALL SELECT 'L1', 'E1', w, 10, 'completed' FROM range(1, 9) r(w)
    UNION ALL SELECT 'L1', 'E1', w, 1, 'no_show' FROM range(1, 3) r(w)
    UNION ALL SELECT 'L2', 'E2', 0, 12, 'completed' UNION ALL SELECT 'L2', 'E2', w, 10, 'completed' FROM range(1, 9) r(w)
    UNION ALL SELECT 'L3', 'E3', 0, 14, 'completed' UNION ALL SELECT 'L3', 'E3', w, 10, 'completed' FROM range(1, 9, 2) r(w)),
  rows AS (SELECT loc || '-' || w || '-' || status || '-' || i AS id, loc, emp, status, TIMESTAMPTZ '2026-12-03 13:00:00+00' - to_days(CAST(7 * w AS INTEGER)) AS ts
    FROM plan, range(0, n) r(i))
  `;

beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await t.engine.db.run(`
    INSERT INTO locations VALUES ('L1', 'Centro', NULL, NULL, NULL), ('L2', 'Shopping', NULL, NULL, NULL), ('L3', 'Online', NULL, NULL, NULL);
    INSERT INTO employees VALUES ('E1', 'Ana', NULL, 'L1', 0.1, NULL, true), ('E2', 'Bia', NULL, 'L2', 0.1, NULL, true), ('E3', 'Caio', NULL, 'L3', 0.1, NULL, true);
    INSERT INTO items VALUES ('SVC1', 'Corte', 'service', NULL, 100, NULL, 60);
    INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
      gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount)
    ${WEEKS_SQL} SELECT id, 'salon', 'appointment', NULL, loc, emp, status, ts - INTERVAL 1 DAY, ts, 100, 0, NULL, 0, 0, 100 FROM rows;
    INSERT INTO sale_lines ${WEEKS_SQL} SELECT id, 1, 'SVC1', emp, 1, 100, 0, 100, 60 FROM rows;`);
});
afterAll(() => t.close());

describe('agenda.alerts', () => {
  it('flags a unit and a professional far below their usual week, and rising no-shows, with links to their rows', async () => {
    const a = await alerts(t.engine, { today: '2026-12-04' });
    expect(a).toMatchObject({ weekFrom: '2026-11-27', weekTo: '2026-12-03', baselineWeeks: 8, weekThreshold: 0.3, minMoneyChange: '300.00', weekSigmas: 2 });
    expect(a.alerts.map((x) => [x.kind, x.direction, x.subjectName, x.value, x.usual, x.change])).toEqual([
      // the business: 4 of 35 closed appointments this week against 2 of 202 in the usual weeks
      ['no_show_rise', 'below', null, 0.114286, 0.009901, 10.5429],
      // Centro: 4 of 9 against 2 of 82 (rates to six places as every rate; the change from the counts)
      ['no_show_rise', 'below', 'Centro', 0.444444, 0.02439, 17.2222],
      ['employee_week', 'below', 'Ana', '500.00', '1000.00', -0.5],
      ['unit_week', 'below', 'Centro', '500.00', '1000.00', -0.5],
    ]);
    expect(a.alerts.find((x) => x.kind === 'unit_week')?.link).toEqual({ path: '/reports/sales-summary', query: { 'param.granularity': 'week', location: 'L1' } });
    expect(a.alerts.find((x) => x.kind === 'employee_week')?.link).toEqual({ path: '/reports/staff-performance', query: { employee: 'E1' } });
    expect(a.alerts[1].link).toEqual({ path: '/reports/appointments-summary', query: { 'param.granularity': 'week', 'param.by': 'location', location: 'L1' } });
  });

  it('stays quiet for a unit filter where nothing changed much', async () => {
    const shop = await alerts(t.engine, { today: '2026-12-04', location: ['L2'] });
    expect(shop.alerts).toEqual([]);
    const online = await alerts(t.engine, { today: '2026-12-04', location: ['L3'] });
    expect(online.alerts).toEqual([]);
  });

  it('flags a week far above the usual one as good news, after the bad', async () => {
    // Two weeks later Shopping's and Bia's usual week is still R$ 1000 (the +20% week is in it); add R$ 900 this week.
    await t.engine.db.run(`
      INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
        gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount)
      SELECT 'UP' || i, 'salon', 'appointment', NULL, 'L2', 'E2', 'completed', TIMESTAMPTZ '2026-12-09 12:00:00+00', TIMESTAMPTZ '2026-12-10 13:00:00+00', 100, 0, NULL, 0, 0, 100
      FROM range(0, 19) r(i);
      INSERT INTO sale_lines SELECT 'UP' || i, 1, 'SVC1', 'E2', 1, 100, 0, 100, 60 FROM range(0, 19) r(i);`);
    const later = await alerts(t.engine, { today: '2026-12-11', location: ['L2'] });
    // usual = (12 + 7 x 10) x 100 / 8 = 1025; this week 1900
    expect(later.alerts.map((x) => [x.kind, x.direction, x.subjectName, x.value, x.usual])).toEqual([
      ['employee_week', 'above', 'Bia', '1900.00', '1025.00'],
      ['unit_week', 'above', 'Shopping', '1900.00', '1025.00'],
    ]);
  });
});

describe('agenda.overdue', () => {
  let o: TestEngine;
  beforeAll(async () => {
    o = await openTestEngine({ memory: true });
    // RFM as of 2026-12-04 over six customers: K1 (every 10 days, last 34 days ago) is Loyal and overdue; K2 (every
    // ~10 days, 2 days ago) is a Champion on time; K3 is Promising; K6 (every 10 days, 40 days ago) is not a good
    // customer; K4 and K5 came once.
    const visits: Record<string, string[]> = {
      K1: ['2026-10-01', '2026-10-11', '2026-10-21', '2026-10-31'],
      K2: ['2026-11-04', '2026-11-14', '2026-11-24', '2026-12-02'],
      K3: ['2026-09-01', '2026-10-01', '2026-11-01'],
      K4: ['2026-06-01'],
      K5: ['2026-05-01'],
      K6: ['2026-10-05', '2026-10-15', '2026-10-25'],
    };
    const values = Object.entries(visits).flatMap(([k, ds]) =>
      ds.map((d, i) => `('${k}-${i}', 'salon', 'appointment', '${k}', 'L1', 'E1', 'completed', '${d} 12:00:00+00', '${d} 13:00:00+00', 100, 0, NULL, 0, 0, 100)`),
    );
    await o.engine.db.run(`
      INSERT INTO locations VALUES ('L1', 'Centro', NULL, NULL, NULL), ('L2', 'Shopping', NULL, NULL, NULL);
      INSERT INTO employees VALUES ('E1', 'Ana', NULL, 'L1', 0.1, NULL, true);
      INSERT INTO customers (customer_id, name, phone) VALUES ('K1', 'Karla Dias', '11988887777'), ('K2', 'Kátia Melo', NULL);
      INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
        gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount) VALUES ${values.join(', ')};`);
  });
  afterAll(() => o.close());

  it('finds Champions and Loyal customers past 1.5 times their usual interval, with their last visit', async () => {
    const r = await overdueCustomers(o.engine, { today: '2026-12-04' });
    expect(r).toMatchObject({ asOf: '2026-12-04', factor: 1.5, total: 1 });
    expect(r.rows).toEqual([
      {
        customerId: 'K1', name: 'Karla Dias', phone: '11988887777', cluster: 'loyal', lastVisit: '2026-10-31', usualDays: 10, daysSince: 34, visits: 4,
        monetary: '400.00', lastEmployeeName: 'Ana', lastLocationName: 'Centro',
      },
    ]);
    expect((await overdueCustomers(o.engine, { today: '2026-12-04', location: ['L2'] })).rows).toEqual([]);
    const a = await alerts(o.engine, { today: '2026-12-04' });
    expect(a.alerts.filter((x) => x.kind === 'overdue_customers')).toEqual([
      { kind: 'overdue_customers', direction: 'below', subjectId: null, subjectName: null, value: 1, usual: null, change: null, link: { path: '/agenda', query: { show: 'overdue' } } },
    ]);
  });

  it('leaves out a customer who already has a booking ahead', async () => {
    await o.engine.db.run(`INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
        gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount)
      VALUES ('K1-next', 'salon', 'appointment', 'K1', 'L1', 'E1', 'booked', '2026-12-03 12:00:00+00', '2026-12-09 13:00:00+00', 100, 0, NULL, 0, 0, 100)`);
    expect(await overdueCustomers(o.engine, { today: '2026-12-04' })).toMatchObject({ rows: [], total: 0 });
    expect((await alerts(o.engine, { today: '2026-12-04' })).alerts.filter((x) => x.kind === 'overdue_customers')).toEqual([]);
  });
});
