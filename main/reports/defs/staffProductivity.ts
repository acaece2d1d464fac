// staff-productivity: per employee — booked hours (appointment lines not cancelled), revenue per booked hour,
// services, days worked and services per day.
import { intCol, keyCol, L, moneyCol, NO_EMPLOYEE, numCol, textCol } from '../columns';
import type { ReportDefinition } from '../types';

export const staffProductivity: ReportDefinition = {
  id: 'staff-productivity',
  category: 'team',
  title: L('Produtividade', 'Productivity'),
  description: L('Quanto cada profissional rende por hora agendada e por dia trabalhado.', 'What each professional brings in per booked hour and per day worked.'),
  formula: L(
    'Por profissional: horas agendadas, receita por hora agendada, serviços, dias trabalhados e serviços por dia.',
    'Per employee: booked hours, revenue per booked hour, services, days worked and services per day.',
  ),
  columns: [
    keyCol('employee_id', 'Código do profissional', 'Employee id'),
    textCol('employee_name', 'Profissional', 'Employee', { empty: NO_EMPLOYEE }),
    numCol('booked_hours', 'Horas agendadas', 'Booked hours', { sqlType: 'DECIMAL(18,2)', unit: 'hours', decimals: 1, total: 'sum' }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    moneyCol('revenue_per_hour', 'Receita por hora', 'Revenue per booked hour', { total: 'ratio', totalSql: 'div_money(sum("revenue") * 60, sum("__booked_minutes"))' }),
    numCol('services', 'Serviços', 'Services', { sqlType: 'DECIMAL(18,3)', decimals: 0, unit: 'quantity', total: 'sum' }),
    intCol('days_worked', 'Dias trabalhados', 'Days worked', { unit: 'days' }),
    numCol('services_per_day', 'Serviços por dia', 'Services per day', { total: 'ratio', totalSql: 'round(safe_ratio(sum("services"), sum("days_worked")), 2)' }),
  ],
  hidden: [{ id: '__booked_minutes', sqlType: 'BIGINT' }],
  params: [],
  filters: ['location', 'employee', 'source', 'category'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue_per_hour', desc: true }],
  charts: [{ id: 'per_hour', title: L('Receita por hora agendada', 'Revenue per booked hour'), kind: 'bar', x: 'employee_name', series: [{ column: 'revenue_per_hour' }] }],
  comparable: true,
  sql(ctx) {
    // One pass over the period's lines: booked minutes (appointments not cancelled) and completed revenue.
    const booked = `l.sale_kind = 'appointment' AND l.status IN ('booked', 'confirmed', 'completed', 'no_show')`;
    return `WITH la AS (SELECT l.staff_id, sum(coalesce(l.duration_min, i.duration_min * coalesce(l.quantity, 1), 0)) FILTER (WHERE ${booked}) AS minutes,
          sum(l.line_total) FILTER (WHERE l.status = 'completed') AS revenue,
          coalesce(sum(l.quantity) FILTER (WHERE l.status = 'completed' AND i.kind = 'service'), 0) AS services,
          count(DISTINCT l.biz_date) FILTER (WHERE l.status = 'completed' AND i.kind = 'service') AS days_worked
        FROM ${ctx.lines({ customerKey: false })} l LEFT JOIN items i ON i.item_id = l.item_id
        WHERE (l.status = 'completed' OR ${booked}) AND ${ctx.linesFilter('l')} GROUP BY 1),
      b AS (SELECT staff_id, minutes FROM la WHERE minutes IS NOT NULL),
      l AS (SELECT staff_id, revenue, services, days_worked FROM la WHERE revenue IS NOT NULL),
      k AS (SELECT staff_id FROM b UNION SELECT staff_id FROM l)
      SELECT k.staff_id AS employee_id, e.name AS employee_name,
        coalesce(div_money(b.minutes, 60), 0) AS booked_hours, coalesce(l.revenue, 0) AS revenue,
        div_money(coalesce(l.revenue, 0) * 60, b.minutes) AS revenue_per_hour, coalesce(l.services, 0) AS services,
        coalesce(l.days_worked, 0) AS days_worked, round(safe_ratio(l.services, l.days_worked), 2) AS services_per_day,
        CAST(coalesce(b.minutes, 0) AS BIGINT) AS __booked_minutes
      FROM k LEFT JOIN b ON b.staff_id IS NOT DISTINCT FROM k.staff_id LEFT JOIN l ON l.staff_id IS NOT DISTINCT FROM k.staff_id
      LEFT JOIN employees e ON e.employee_id = k.staff_id`;
  },
};
