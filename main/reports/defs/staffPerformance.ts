// staff-performance: per employee (line employee, else the sale's) — services, revenue (line totals of
// completed sales), sales, average ticket, unique customers, rebooking rate (customers with another completed
// visit 1..60 days after a visit with this employee) and no-show rate of their appointments.
import { intCol, keyCol, L, moneyCol, NO_EMPLOYEE, numCol, pctCol, textCol } from '../columns';
import { distinctTotal } from '../sqlParts';
import type { ReportDefinition } from '../types';

export const staffPerformance: ReportDefinition = {
  id: 'staff-performance',
  category: 'team',
  title: L('Desempenho da equipe', 'Staff performance'),
  description: L('Quanto cada profissional atendeu e vendeu, e quantos clientes voltaram.', 'How much each professional served and sold, and how many customers came back.'),
  formula: L(
    'Por profissional: serviços, receita, vendas, ticket médio, clientes únicos, taxa de retorno (cliente voltou em até 60 dias) e taxa de faltas.',
    'Per employee: services, revenue, sales, average ticket, unique customers, rebooking rate (customer came back within 60 days) and no-show rate.',
  ),
  columns: [
    keyCol('employee_id', 'Código do profissional', 'Employee id'),
    textCol('employee_name', 'Profissional', 'Employee', { empty: NO_EMPLOYEE }),
    numCol('services', 'Serviços', 'Services', { sqlType: 'DECIMAL(18,3)', decimals: 0, unit: 'quantity', total: 'sum' }),
    moneyCol('revenue', 'Receita', 'Revenue'),
    intCol('sales', 'Vendas', 'Sales', { total: 'distinct', totalSql: distinctTotal('__sales') }),
    moneyCol('avg_ticket', 'Ticket médio', 'Average ticket', { total: 'ratio', totalSql: (d) => `div_money(sum("revenue"), ${d('__sales')})` }),
    intCol('unique_customers', 'Clientes únicos', 'Unique customers', { total: 'distinct', totalSql: distinctTotal('__customers') }),
    pctCol('rebooking_rate', 'Taxa de retorno', 'Rebooking rate', (d) => `safe_ratio(${d('__rebooked')}, ${d('__customers')})`),
    pctCol('no_show_rate', 'Taxa de faltas', 'No-show rate', (d) => `safe_ratio(${d('__no_shows')}, ${d('__appointments')})`, { lowerIsBetter: true }),
  ],
  hidden: [
    { id: '__sales', sqlType: 'VARCHAR[]' },
    { id: '__customers', sqlType: 'VARCHAR[]' },
    { id: '__rebooked', sqlType: 'VARCHAR[]' },
    { id: '__no_shows', sqlType: 'VARCHAR[]' },
    { id: '__appointments', sqlType: 'VARCHAR[]' },
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category', 'rfmCluster'],
  defaultPreset: 'this_month',
  defaultSort: [{ column: 'revenue', desc: true }],
  charts: [{ id: 'revenue', title: L('Receita por profissional', 'Revenue by employee'), kind: 'bar', x: 'employee_name', series: [{ column: 'revenue' }] }],
  comparable: true,
  sql(ctx) {
    // One pass over the period's lines (the costly scan) serves both the completed lines and the appointments.
    return `WITH la AS MATERIALIZED (
        SELECT l.staff_id, l.sale_id, l.customer_key, l.biz_date, l.line_total, l.quantity, l.status, l.sale_kind, i.kind
        FROM ${ctx.lines()} l LEFT JOIN items i ON i.item_id = l.item_id
        WHERE (l.status = 'completed' OR l.sale_kind = 'appointment') AND ${ctx.linesFilter('l')}),
      l AS (SELECT * FROM la WHERE status = 'completed'),
      visits AS (SELECT DISTINCT v.customer_key, v.biz_date FROM ${ctx.sales({ to: `${ctx.to} + 60` })} v
        WHERE v.status = 'completed' AND v.customer_key IS NOT NULL),
      nextv AS (SELECT customer_key, biz_date, lead(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date) AS next_date FROM visits),
      back AS (SELECT DISTINCT l.staff_id, l.customer_key FROM l JOIN nextv n ON n.customer_key = l.customer_key AND n.biz_date = l.biz_date
        WHERE date_diff('day', l.biz_date, n.next_date) BETWEEN 1 AND 60),
      ns AS (SELECT l.staff_id, coalesce(list(DISTINCT l.sale_id) FILTER (WHERE l.status = 'no_show'), []) AS no_shows,
          coalesce(list(DISTINCT l.sale_id) FILTER (WHERE l.status IN ('completed', 'no_show', 'cancelled')), []) AS appointments
        FROM la l WHERE l.sale_kind = 'appointment' GROUP BY 1),
      g AS (SELECT staff_id, coalesce(sum(quantity) FILTER (WHERE kind = 'service'), 0) AS services, sum(line_total) AS revenue,
          list(DISTINCT sale_id) AS sales_list, coalesce(list(DISTINCT customer_key) FILTER (WHERE customer_key IS NOT NULL), []) AS customers
        FROM l GROUP BY staff_id),
      b AS (SELECT staff_id, list(customer_key) AS rebooked FROM back GROUP BY staff_id)
      SELECT g.staff_id AS employee_id, e.name AS employee_name, g.services, g.revenue, CAST(length(g.sales_list) AS BIGINT) AS sales,
        div_money(g.revenue, length(g.sales_list)) AS avg_ticket, CAST(length(g.customers) AS BIGINT) AS unique_customers,
        safe_ratio(coalesce(length(b.rebooked), 0), length(g.customers)) AS rebooking_rate,
        safe_ratio(length(ns.no_shows), length(ns.appointments)) AS no_show_rate,
        g.sales_list AS __sales, g.customers AS __customers, coalesce(b.rebooked, []) AS __rebooked,
        coalesce(ns.no_shows, []) AS __no_shows, coalesce(ns.appointments, []) AS __appointments
      FROM g LEFT JOIN b ON b.staff_id IS NOT DISTINCT FROM g.staff_id
      LEFT JOIN ns ON ns.staff_id IS NOT DISTINCT FROM g.staff_id
      LEFT JOIN employees e ON e.employee_id = g.staff_id`;
  },
};
