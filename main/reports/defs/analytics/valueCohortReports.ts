// Reports of customer value (the latest BG/NBD + Gamma-Gamma scores) and of monthly acquisition cohorts with revenue.
import { dateCol, intCol, keyCol, L, moneyCol, numCol, pctCol, textCol } from '../../columns';
import type { ReportDefinition } from '../../types';
import { cohortsSql } from '../../../analytics/cohorts';

export const customerValueReport: ReportDefinition = {
  id: 'customer-value',
  category: 'customers',
  title: L('Valor do cliente (CLV)', 'Customer value (CLV)'),
  description: L('Quanto cada cliente deve gastar no próximo ano e o risco de não voltar.', 'How much each customer should spend next year and the risk they won’t return.'),
  formula: L(
    'Modelo BG/NBD + Gamma-Gamma mais recente: probabilidade de o cliente seguir ativo, risco de abandono, visitas esperadas em 90 e 365 dias e valor esperado em 365 dias.',
    'The latest BG/NBD + Gamma-Gamma model: probability the customer is still active, churn risk, expected visits in 90 and 365 days and expected value over 365 days.',
  ),
  columns: [
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('customer_name', 'Cliente', 'Customer'),
    intCol('x', 'Visitas repetidas', 'Repeat visits', { total: 'none' }),
    intCol('t_x', 'Dias até a última', 'Days to last visit', { unit: 'days', total: 'none' }),
    intCol('t_cal', 'Dias como cliente', 'Days as customer', { unit: 'days', total: 'none' }),
    pctCol('p_alive', 'Prob. ativo', 'P(alive)', 'avg("p_alive")'),
    pctCol('churn_risk', 'Risco de abandono', 'Churn risk', 'avg("churn_risk")'),
    numCol('expected_visits_90', 'Visitas esperadas (90 dias)', 'Expected visits (90 days)', { decimals: 2, total: 'sum' }),
    numCol('expected_visits_365', 'Visitas esperadas (365 dias)', 'Expected visits (365 days)', { decimals: 2, total: 'sum' }),
    moneyCol('expected_avg_value', 'Ticket esperado', 'Expected ticket', { total: 'none' }),
    moneyCol('expected_value_365', 'Valor esperado (365 dias)', 'Expected value (365 days)'),
  ],
  params: [],
  filters: [],
  defaultPreset: 'today',
  defaultSort: [{ column: 'expected_value_365', desc: true }],
  charts: [],
  comparable: false,
  sql() {
    return `SELECT v.customer_id, c.name AS customer_name, x, t_x, t_cal, p_alive, churn_risk, expected_visits_90, expected_visits_365, expected_avg_value, expected_value_365
      FROM customer_value v LEFT JOIN customers c ON c.customer_id = v.customer_id
      WHERE v.model_id = (SELECT model_id FROM clv_models ORDER BY fitted_at DESC LIMIT 1)`;
  },
};

export const cohortsReport: ReportDefinition = {
  id: 'cohorts',
  category: 'customers',
  title: L('Coortes de aquisição', 'Acquisition cohorts'),
  description: L('Dos clientes que chegaram em cada mês, quantos voltaram e quanto gastaram.', 'Of the customers who arrived each month, how many came back and how much they spent.'),
  formula: L(
    'Clientes agrupados pelo mês da primeira venda concluída (coortes iniciadas no período) × meses desde então: clientes que voltaram, retenção e receita, até o último dia do período.',
    'Customers grouped by the month of their first completed sale (cohorts starting in the period) × months since: customers who came back, retention and revenue, up to the last day of the period.',
  ),
  columns: [
    dateCol('cohort', 'Coorte', 'Cohort', { format: 'month' }),
    intCol('months_since', 'Meses desde a primeira visita', 'Months since first visit', { unit: undefined, total: 'none' }),
    intCol('cohort_size', 'Tamanho da coorte', 'Cohort size', { total: 'none' }),
    intCol('customers', 'Clientes ativos', 'Active customers', { total: 'none' }),
    pctCol('retention', 'Retenção', 'Retention', null),
    moneyCol('revenue', 'Receita', 'Revenue'),
  ],
  params: [],
  filters: [],
  defaultPreset: 'this_year',
  defaultSort: [
    { column: 'cohort', desc: false },
    { column: 'months_since', desc: false },
  ],
  charts: [{ id: 'heatmap', title: L('Retenção por coorte', 'Retention by cohort'), kind: 'heatmap', x: 'months_since', y: 'cohort', series: [{ column: 'retention' }] }],
  comparable: false,
  sql(ctx) {
    return `SELECT * FROM (${cohortsSql({ add: ctx.p }, ctx.from, ctx.to)}) WHERE cohort <= ${ctx.to}`;
  },
};
