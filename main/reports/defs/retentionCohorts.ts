// retention-cohorts: monthly acquisition cohorts (month of the first completed sale) x months since then with
// retention %, and per month active, new, returning and churned customers (no visit for more than 90 days).
import { dateCol, intCol, L, pctCol } from '../columns';
import type { ReportContext, ReportDefinition } from '../types';

/** Distinct (customer, business day) completed visits between two SQL DATE bounds, with the common filters. */
const visitsSql = (ctx: ReportContext, from: string) => `SELECT DISTINCT s.customer_key, s.biz_date AS d FROM ${ctx.sales({ from })} s
  WHERE s.status = 'completed' AND s.customer_key IS NOT NULL AND ${ctx.salesFilter('s')}`;

export const retentionCohorts: ReportDefinition = {
  id: 'retention-cohorts',
  category: 'customers',
  title: L('Retenção', 'Retention'),
  description: L('Dos clientes que chegaram em cada mês, quantos continuam voltando.', 'Of the customers who arrived each month, how many keep coming back.'),
  formula: L(
    'Coortes mensais de aquisição (mês da primeira venda concluída) × meses desde então, com retenção %; e por mês clientes ativos, novos, recorrentes e perdidos (mais de 90 dias sem visita).',
    'Monthly acquisition cohorts (month of the first completed sale) × months since, with retention %; and per month active, new, returning and churned customers (over 90 days without a visit).',
  ),
  view: { id: 'cohorts', title: L('Coortes', 'Cohorts') },
  columns: [
    dateCol('cohort_month', 'Coorte', 'Cohort', { format: 'month' }),
    intCol('months_since', 'Meses desde a primeira visita', 'Months since first visit', { total: 'none', unit: undefined }),
    intCol('cohort_size', 'Clientes na coorte', 'Cohort size', { total: 'none' }),
    intCol('active_customers', 'Clientes ativos', 'Active customers', { total: 'none' }),
    pctCol('retention', 'Retenção', 'Retention', null),
  ],
  params: [],
  filters: ['location', 'employee', 'source', 'category'],
  defaultPreset: 'this_year',
  defaultSort: [
    { column: 'cohort_month', desc: false },
    { column: 'months_since', desc: false },
  ],
  charts: [{ id: 'heatmap', title: L('Retenção por coorte', 'Retention by cohort'), kind: 'heatmap', x: 'months_since', y: 'cohort_month', series: [{ column: 'retention' }] }],
  comparable: false,
  sql(ctx) {
    // Cohort = month of the customer's first completed sale ever (see firsts.ts); members are those of the
    // period's cohorts with a sale in their first month that passes the filters; activity is read from the
    // period only (a cohort's months start inside it).
    const monthFrom = `CAST(date_trunc('month', ${ctx.from}) AS DATE)`;
    return `WITH f AS (SELECT customer_key, CAST(date_trunc('month', first_d) AS DATE) AS cohort FROM ${ctx.firsts()}
          WHERE first_d BETWEEN ${monthFrom} AND ${ctx.to}),
      v AS (SELECT DISTINCT s.customer_key, CAST(date_trunc('month', s.biz_date) AS DATE) AS d FROM ${ctx.sales({ from: monthFrom })} s
        WHERE s.status = 'completed' AND s.customer_key IN (SELECT customer_key FROM f) AND ${ctx.salesFilter('s')}),
      fc AS (SELECT f.* FROM f JOIN v ON v.customer_key = f.customer_key AND v.d = f.cohort),
      act AS (SELECT fc.cohort, date_diff('month', fc.cohort, v.d) AS k, count(*) AS active
        FROM fc JOIN v USING (customer_key) GROUP BY 1, 2),
      sz AS (SELECT cohort, count(*) AS n FROM fc GROUP BY 1),
      grid AS (SELECT cohort, n, unnest(range(0, date_diff('month', cohort, date_trunc('month', ${ctx.to})) + 1)) AS k FROM sz)
      SELECT grid.cohort AS cohort_month, CAST(grid.k AS BIGINT) AS months_since, grid.n AS cohort_size,
        coalesce(act.active, 0) AS active_customers, safe_ratio(coalesce(act.active, 0), grid.n) AS retention
      FROM grid LEFT JOIN act ON act.cohort = grid.cohort AND act.k = grid.k`;
  },
  views: [
    {
      id: 'monthly',
      title: L('Novos × recorrentes', 'New vs returning'),
      columns: [
        dateCol('month', 'Mês', 'Month', { format: 'month' }),
        intCol('active', 'Ativos', 'Active', { total: 'none' }),
        intCol('new_customers', 'Novos', 'New'),
        intCol('returning', 'Recorrentes', 'Returning', { total: 'none' }),
        intCol('churned', 'Perdidos', 'Churned', { lowerIsBetter: true }),
        intCol('base', 'Base (ativos nos 90 dias anteriores)', 'Base (active in the 90 days before)', { total: 'none' }),
        pctCol('churn_rate', 'Taxa de perda', 'Churn rate', null, { lowerIsBetter: true }),
      ],
      defaultSort: [{ column: 'month', desc: false }],
      charts: [
        {
          id: 'new_returning',
          title: L('Novos e recorrentes por mês', 'New and returning per month'),
          kind: 'stacked_bar',
          x: 'month',
          series: [
            { column: 'new_customers', stack: 'c' },
            { column: 'returning', stack: 'c' },
          ],
        },
        { id: 'churn', title: L('Taxa de perda', 'Churn rate'), kind: 'line', x: 'month', series: [{ column: 'churn_rate' }] },
      ],
      sql(ctx) {
        // Churns and bases of the period's months come from visits at most 91 days before their first month;
        // new = first sale ever in the month.
        return `WITH v AS (${visitsSql(ctx, `CAST(date_trunc('month', ${ctx.from}) AS DATE) - 91`)}),
          f AS (SELECT customer_key, first_d FROM ${ctx.firsts()} WHERE customer_key IN (SELECT customer_key FROM v)),
          nx AS (SELECT customer_key, d, lead(d) OVER (PARTITION BY customer_key ORDER BY d) AS next_d FROM v),
          ch AS (SELECT CAST(date_trunc('month', d + 91) AS DATE) AS month, count(DISTINCT customer_key) AS churned FROM nx
            WHERE (next_d IS NULL OR date_diff('day', d, next_d) > 90) AND d + 91 <= ${ctx.to} GROUP BY 1),
          months AS (SELECT CAST(g.m AS DATE) AS month FROM generate_series(date_trunc('month', ${ctx.from}), date_trunc('month', ${ctx.to}), INTERVAL 1 MONTH) g(m)),
          a AS (SELECT CAST(date_trunc('month', v.d) AS DATE) AS month, count(DISTINCT v.customer_key) AS active,
              count(DISTINCT v.customer_key) FILTER (WHERE date_trunc('month', f.first_d) = date_trunc('month', v.d)) AS new_customers
            FROM v JOIN f USING (customer_key) WHERE v.d >= date_trunc('month', ${ctx.from}) GROUP BY 1),
          b AS (SELECT m.month, count(DISTINCT v.customer_key) AS base FROM months m JOIN v ON v.d >= m.month - 90 AND v.d < m.month GROUP BY 1)
          SELECT m.month, coalesce(a.active, 0) AS active, coalesce(a.new_customers, 0) AS new_customers,
            coalesce(a.active, 0) - coalesce(a.new_customers, 0) AS returning, coalesce(ch.churned, 0) AS churned,
            coalesce(b.base, 0) AS base, safe_ratio(coalesce(ch.churned, 0), b.base) AS churn_rate
          FROM months m LEFT JOIN a USING (month) LEFT JOIN ch USING (month) LEFT JOIN b USING (month)`;
      },
    },
  ],
};
