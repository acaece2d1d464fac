// units-overview: one row per unit for the period — revenue, services, average ticket, the revenue goal of the
// period's months and the progress towards it, schedule occupancy (occupancy.ts's definition over the unit's
// professionals) and new customers (whose first completed sale ever was at the unit in the period). The Units
// page shows it with units as columns.
import { intCol, keyCol, L, moneyCol, moneyRatioCol, NO_LOCATION, pctCol, textCol } from '../columns';
import type { ReportDefinition } from '../types';
import { occupancyRowsSql } from './occupancy';

export const unitsOverview: ReportDefinition = {
  id: 'units-overview',
  category: 'sales',
  title: L('Unidades lado a lado', 'Units side by side'),
  description: L(
    'Por unidade: faturamento (total das vendas concluídas), serviços realizados, ticket médio, meta de faturamento dos meses do período e o quanto dela já foi feito, ocupação da agenda das profissionais da unidade e clientes novos (primeira compra na unidade).',
    'Per unit: revenue (completed sales’ total), services done, average ticket, the revenue goal of the period’s months and how much of it is done, schedule occupancy of the unit’s professionals and new customers (first purchase at the unit).',
  ),
  columns: [
    keyCol('location_id', 'Código da unidade', 'Unit id'),
    textCol('location_name', 'Unidade', 'Unit', { empty: NO_LOCATION }),
    moneyCol('revenue', 'Faturamento', 'Revenue'),
    intCol('services', 'Serviços', 'Services'),
    moneyRatioCol('avg_ticket', 'Ticket médio', 'Average ticket', 'revenue', 'sales'),
    moneyCol('revenue_goal', 'Meta de faturamento', 'Revenue goal'),
    pctCol('goal_progress', 'Progresso da meta', 'Goal progress', 'safe_ratio(sum("revenue"), sum("revenue_goal"))'),
    pctCol('occupancy', 'Ocupação da agenda', 'Schedule occupancy', 'safe_ratio(sum("__booked"), sum("__available"))'),
    intCol('new_customers', 'Clientes novos', 'New customers'),
    intCol('sales', 'Vendas concluídas', 'Completed sales'),
  ],
  hidden: [
    { id: '__booked', sqlType: 'BIGINT' },
    { id: '__available', sqlType: 'BIGINT' },
  ],
  params: [],
  filters: [],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [{ id: 'revenue', title: L('Faturamento e meta por unidade', 'Revenue and goal per unit'), kind: 'bar', x: 'location_name', series: [{ column: 'revenue' }, { column: 'revenue_goal' }] }],
  comparable: true,
  sql(ctx) {
    return `WITH s AS (SELECT location_id, count(*) AS sales, sum(total_amount) AS revenue FROM ${ctx.sales({ customerKey: false })} x
          WHERE status = 'completed' GROUP BY 1),
        sv AS (SELECT l.location_id, sum(coalesce(l.quantity, 1)) AS services FROM ${ctx.lines({ customerKey: false })} l JOIN items i ON i.item_id = l.item_id
          WHERE l.status = 'completed' AND i.kind = 'service' GROUP BY 1),
        g AS (SELECT scope_id AS location_id, sum(revenue_goal) AS revenue_goal FROM goals
          WHERE scope = 'location' AND month BETWEEN strftime(${ctx.from}, '%Y-%m') AND strftime(${ctx.to}, '%Y-%m') GROUP BY 1),
        oc AS (SELECT e.location_id, sum(o.booked_minutes) AS booked, sum(o.available_minutes) AS available
          FROM (${occupancyRowsSql(ctx, ctx.from, ctx.to)}) o JOIN employees e ON e.employee_id = o.staff_id GROUP BY 1),
        nc AS (SELECT x.location_id, count(DISTINCT f.customer_key) AS new_customers
          FROM ${ctx.firsts()} f JOIN ${ctx.sales()} x ON x.customer_key = f.customer_key AND x.occurred_at = f.first_at AND x.status = 'completed'
          WHERE f.first_d BETWEEN ${ctx.from} AND ${ctx.to} GROUP BY 1),
        k AS (SELECT location_id FROM locations UNION SELECT location_id FROM s)
      SELECT k.location_id, loc.name AS location_name, coalesce(s.revenue, 0) AS revenue, CAST(coalesce(sv.services, 0) AS BIGINT) AS services,
        div_money(s.revenue, s.sales) AS avg_ticket, g.revenue_goal, safe_ratio(coalesce(s.revenue, 0), g.revenue_goal) AS goal_progress,
        safe_ratio(oc.booked, oc.available) AS occupancy, CAST(coalesce(nc.new_customers, 0) AS BIGINT) AS new_customers,
        CAST(coalesce(s.sales, 0) AS BIGINT) AS sales, CAST(coalesce(oc.booked, 0) AS BIGINT) AS __booked, CAST(coalesce(oc.available, 0) AS BIGINT) AS __available
      FROM k LEFT JOIN s ON s.location_id IS NOT DISTINCT FROM k.location_id
      LEFT JOIN sv ON sv.location_id IS NOT DISTINCT FROM k.location_id
      LEFT JOIN g ON g.location_id = k.location_id
      LEFT JOIN oc ON oc.location_id = k.location_id
      LEFT JOIN nc ON nc.location_id IS NOT DISTINCT FROM k.location_id
      LEFT JOIN locations loc ON loc.location_id = k.location_id`;
  },
};
