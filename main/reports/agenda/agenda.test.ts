// The agenda on a hand-made week (São Paulo, UTC-3; today Friday 2026-12-04 at 19:05): bookings with names,
// occupancy ahead by the occupancy report's definition, gaps inside opening hours and the last open day's no-shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { agendaInput } from '../../../shared/api/agenda';
import { agenda } from './agenda';

let t: TestEngine;
const NOW = new Date('2026-12-04T22:05:00Z');
const run = (over: Record<string, unknown> = {}) => agenda(t.engine, agendaInput.parse({ today: '2026-12-04', days: 7, ...over }), NOW);

beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await t.engine.db.run(`
    INSERT INTO locations VALUES ('L1', 'Centro', 'São Paulo', 'SP', NULL), ('L2', 'Shopping', 'São Paulo', 'SP', NULL);
    INSERT INTO employees VALUES ('E1', 'Ana', 'cabeleireira', 'L1', 0.1, NULL, true), ('E2', 'Bia', 'manicure', 'L2', 0.1, NULL, true),
      ('E3', 'Caio', 'recepcionista', 'L1', 0, NULL, true), ('E4', 'Dora', 'manicure', 'L2', 0.1, NULL, false);
    INSERT INTO items VALUES ('SVC1', 'Corte', 'service', 'cabelo', 80, NULL, 60), ('SVC2', 'Manicure', 'service', 'unhas', 40, NULL, 45);
    INSERT INTO customers (customer_id, name, phone) VALUES ('C1', 'Maria Souza', '11999990001'), ('C2', 'João Lima', '11999990002'), ('C3', 'Lia Reis', '11999990003');
    INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
      gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount) VALUES
      ('T1', 'salon', 'appointment', NULL, 'L1', 'E1', 'completed', '2026-12-01 12:00:00+00', '2026-12-04 12:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('T2', 'salon', 'appointment', NULL, 'L1', 'E1', 'booked', '2026-12-01 12:00:00+00', '2026-12-04 21:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('B1', 'salon', 'appointment', 'C1', 'L1', 'E1', 'booked', '2026-12-01 12:00:00+00', '2026-12-05 13:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('B2', 'salon', 'appointment', 'C2', 'L1', 'E1', 'confirmed', '2026-12-01 12:00:00+00', '2026-12-05 14:30:00+00', 120, 0, NULL, 0, 0, 120),
      ('X1', 'salon', 'appointment', 'C1', 'L1', 'E1', 'cancelled', '2026-12-01 12:00:00+00', '2026-12-05 18:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('B3', 'salon', 'appointment', 'C2', 'L2', 'E2', 'booked', '2026-12-01 12:00:00+00', '2026-12-07 12:00:00+00', 40, 0, NULL, 0, 0, 40),
      ('N1', 'salon', 'appointment', 'C3', 'L2', 'E2', 'no_show', '2026-11-20 12:00:00+00', '2026-12-03 17:00:00+00', 40, 0, NULL, 0, 0, 40),
      ('N2', 'salon', 'appointment', 'C2', 'L1', 'E1', 'no_show', '2026-11-20 12:00:00+00', '2026-12-03 13:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('D3', 'salon', 'appointment', NULL, 'L1', 'E1', 'completed', '2026-11-20 12:00:00+00', '2026-12-03 15:00:00+00', 80, 0, NULL, 0, 0, 80),
      ('N0', 'salon', 'appointment', 'C1', 'L1', 'E1', 'no_show', '2026-11-20 12:00:00+00', '2026-12-01 13:00:00+00', 80, 0, NULL, 0, 0, 80);
    INSERT INTO sale_lines VALUES
      ('T1', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL), ('T2', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL), ('B1', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL),
      ('B2', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL), ('B2', 2, 'SVC2', NULL, 1, 40, 0, 40, NULL), ('X1', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL),
      ('B3', 1, 'SVC2', NULL, 1, 40, 0, 40, NULL), ('N1', 1, 'SVC2', NULL, 1, 40, 0, 40, NULL), ('N2', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL),
      ('D3', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL), ('N0', 1, 'SVC1', NULL, 1, 80, 0, 80, NULL);`);
});
afterAll(() => t.close());

describe('agenda.view', () => {
  it('lists the booked and confirmed appointments of the range with names, in time order', async () => {
    const a = await run();
    expect(a.days).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(a.bookings.total).toBe(4);
    expect(a.bookings.rows.map((b) => [b.saleId, b.day, b.time, b.status, b.customerName, b.employeeName, b.locationName, b.services, b.minutes, b.total])).toEqual([
      ['T2', '2026-12-04', '18:00', 'booked', null, 'Ana', 'Centro', 'Corte', 60, '80.00'],
      ['B1', '2026-12-05', '10:00', 'booked', 'Maria Souza', 'Ana', 'Centro', 'Corte', 60, '80.00'],
      ['B2', '2026-12-05', '11:30', 'confirmed', 'João Lima', 'Ana', 'Centro', 'Corte, Manicure', 105, '120.00'],
      ['B3', '2026-12-07', '09:00', 'booked', 'João Lima', 'Bia', 'Shopping', 'Manicure', 45, '40.00'],
    ]);
  });

  it('computes occupancy ahead per professional, unit and day as the occupancy report does', async () => {
    const a = await run();
    // Available: every active employee on open days (Fri 660, Sat 600, Sun closed, Mon-Wed 600, Thu 660) = 3720 each.
    // Booked: Ana 60 + 60 today (completed and booked) + 60 + 105 on Saturday; Bia 45 on Monday; the cancellation holds nothing.
    expect(a.summary).toMatchObject({ bookings: 4, bookedMinutes: 330, availableMinutes: 11160, occupancy: 0.02957 });
    const ana = a.professionals.find((p) => p.id === 'E1');
    expect(ana).toMatchObject({ name: 'Ana', unitName: 'Centro', bookings: 3, bookedMinutes: 285, availableMinutes: 3720 });
    expect(ana?.perDay[1]).toEqual({ bookedMinutes: 165, availableMinutes: 600, occupancy: 0.275 });
    expect(ana?.perDay[2]).toEqual({ bookedMinutes: 0, availableMinutes: 0, occupancy: null });
    expect(a.professionals.map((p) => p.name)).toEqual(['Ana', 'Caio', 'Bia']);
    // The occupancy report over the same days says the same.
    const report = await t.call<{ values: Record<string, unknown> }>('reports.totals', { report: 'occupancy', period: { preset: 'custom', from: a.from, to: a.to } });
    expect([Number(report.values.booked_minutes), Number(report.values.available_minutes), report.values.occupancy]).toEqual([330, 11160, 0.02957]);
    expect(a.units.map((u) => [u.name, u.bookings, u.bookedMinutes, u.availableMinutes, u.occupancy])).toEqual([
      ['Centro', 3, 285, 7440, 0.038306],
      ['Shopping', 1, 45, 3720, 0.012097],
    ]);
  });

  it('offers free stretches of an hour or more, from now on today, for professionals who take appointments', async () => {
    const a = await run();
    // Today from 19:15 to 20:00 is 45 minutes: no gap. Saturday Ana is busy 10:00-11:00 and 11:30-13:15 (the
    // 30 minutes between are too short); Bia is free all day. The receptionist, with no appointments, offers none.
    expect(a.gaps.rows.slice(0, 5).map((g) => [g.day, g.start, g.end, g.minutes, g.employeeName])).toEqual([
      ['2026-12-05', '08:00', '10:00', 120, 'Ana'],
      ['2026-12-05', '08:00', '18:00', 600, 'Bia'],
      ['2026-12-05', '13:15', '18:00', 285, 'Ana'],
      ['2026-12-07', '09:00', '19:00', 600, 'Ana'],
      ['2026-12-07', '09:45', '19:00', 555, 'Bia'],
    ]);
    expect(a.gaps).toMatchObject({ total: 11, minMinutes: 60 });
    expect(a.summary).toMatchObject({ gaps: 11, gapMinutes: 120 + 285 + 600 + 600 + 555 + 1200 + 1200 + 1320 });
    expect(a.gaps.rows.some((g) => g.employeeName === 'Caio')).toBe(false);
    const shorter = await run({ minGapMinutes: 30 });
    expect(shorter.gaps.rows.filter((g) => g.day <= '2026-12-05').map((g) => [g.day, g.start, g.minutes, g.employeeName])).toEqual([
      ['2026-12-04', '19:15', 45, 'Ana'],
      ['2026-12-04', '19:15', 45, 'Bia'],
      ['2026-12-05', '08:00', 120, 'Ana'],
      ['2026-12-05', '08:00', 600, 'Bia'],
      ['2026-12-05', '11:00', 30, 'Ana'],
      ['2026-12-05', '13:15', 285, 'Ana'],
    ]);
  });

  it("lists the last open day's no-shows, those not yet rescheduled first", async () => {
    const a = await run();
    expect(a.noShows.day).toBe('2026-12-03');
    expect(a.noShows.rows.map((n) => [n.saleId, n.time, n.customerName, n.phone, n.services, n.employeeName, n.locationName, n.nextBooking])).toEqual([
      ['N1', '14:00', 'Lia Reis', '11999990003', 'Manicure', 'Bia', 'Shopping', null],
      ['N2', '10:00', 'João Lima', '11999990002', 'Corte', 'Ana', 'Centro', '2026-12-05'],
    ]);
    // On Tuesday the last day with appointments is Monday, which had none missed.
    const monday = await agenda(t.engine, agendaInput.parse({ today: '2026-12-08', days: 1 }), new Date('2026-12-08T12:00:00Z'));
    expect(monday.noShows).toEqual({ day: '2026-12-07', rows: [] });
  });

  it('filters by unit and professional, and answers an empty range plainly', async () => {
    const shop = await run({ location: ['L2'] });
    expect(shop.bookings.rows.map((b) => b.saleId)).toEqual(['B3']);
    expect(shop.units.map((u) => u.name)).toEqual(['Shopping']);
    expect(shop.noShows.rows.map((n) => n.saleId)).toEqual(['N1']);
    const bia = await run({ employee: ['E2'] });
    expect(bia.professionals.map((p) => p.name)).toEqual(['Bia']);
    expect(bia.summary).toMatchObject({ bookings: 1, bookedMinutes: 45, availableMinutes: 3720 });
    const later = await run({ from: '2027-01-04', days: 1 });
    expect(later.bookings).toEqual({ rows: [], total: 0 });
    expect(later.summary).toMatchObject({ bookings: 0, bookedMinutes: 0, gaps: 2 });
    expect(later.options.units.map((u) => u.name)).toEqual(['Centro', 'Shopping']);
    expect(later.options.professionals.map((p) => p.name)).toEqual(['Ana', 'Bia', 'Caio']);
  });

  it('refuses a range it does not offer with a message in both languages', async () => {
    await expect(t.call('agenda.view', { today: '2026-12-04', from: '2026-11-20', days: 7 })).rejects.toMatchObject({
      error: { code: 'BAD_INPUT', details: { text: { 'pt-BR': 'A agenda começa no máximo uma semana antes de hoje.' } } },
    });
    await expect(t.call('agenda.view', { days: 3 })).rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
    await expect(t.call('agenda.view', { minGapMinutes: 5 })).rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});
