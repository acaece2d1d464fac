// customer-profiles: per unified customer — contact, age group, gender, birth month, visits, total spent,
// average ticket, first/last visit, lifecycle, loyalty balance, coupons used, as of the period's last day;
// RFM scores/cluster and predicted value/churn risk appear once customer analytics has produced them.
import { codeCol, dateCol, intCol, keyCol, L, moneyCol, numCol, pctCol, textCol } from '../columns';
import type { ReportDefinition } from '../types';

const AGE = `CASE WHEN age IS NULL THEN NULL WHEN age < 18 THEN '<18' WHEN age < 25 THEN '18-24' WHEN age < 35 THEN '25-34'
  WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64' ELSE '65+' END`;

export const customerProfiles: ReportDefinition = {
  id: 'customer-profiles',
  category: 'customers',
  title: L('Perfil de clientes', 'Customer profiles'),
  description: L('Quem são seus clientes: contato, visitas, quanto gastaram e há quanto tempo não voltam.', 'Who your customers are: contact, visits, how much they spent and how long since they came.'),
  formula: L(
    'Por cliente (unificado entre fontes), até o último dia do período: contato, faixa etária, gênero, mês de aniversário, visitas, total gasto, ticket médio, primeira e última visita, ciclo de vida, saldo de pontos, cupons, RFM e valor previsto.',
    'Per customer (unified across sources), as of the period’s last day: contact, age group, gender, birth month, visits, total spent, average ticket, first and last visit, lifecycle, loyalty balance, coupons, RFM and predicted value.',
  ),
  columns: [
    keyCol('customer_id', 'Código do cliente', 'Customer id', { drill: { kind: 'customer' } }),
    textCol('name', 'Cliente', 'Customer'),
    textCol('email', 'E-mail', 'Email'),
    textCol('phone', 'Telefone', 'Phone'),
    textCol('city', 'Cidade', 'City'),
    textCol('age_group', 'Faixa etária', 'Age group'),
    codeCol('gender', 'Gênero', 'Gender', 'gender'),
    intCol('birth_month', 'Mês de aniversário', 'Birth month', { total: 'none', unit: undefined }),
    intCol('visits', 'Visitas', 'Visits'),
    intCol('visits_in_period', 'Visitas no período', 'Visits in the period'),
    moneyCol('total_spent', 'Total gasto', 'Total spent'),
    moneyCol('avg_ticket', 'Ticket médio', 'Average ticket', { total: 'ratio', totalSql: 'div_money(sum("total_spent"), sum("visits"))' }),
    dateCol('first_visit', 'Primeira visita', 'First visit', { total: 'min' }),
    dateCol('last_visit', 'Última visita', 'Last visit', { total: 'max' }),
    intCol('days_since_last', 'Dias desde a última visita', 'Days since last visit', { unit: 'days', total: 'avg' }),
    codeCol('lifecycle', 'Ciclo de vida', 'Lifecycle', 'lifecycle'),
    intCol('loyalty_balance', 'Saldo de pontos', 'Loyalty balance', { unit: 'points' }),
    intCol('coupons_used', 'Cupons usados', 'Coupons used'),
    intCol('rfm_r', 'R', 'R', { requires: 'rfm', total: 'none', unit: undefined }),
    intCol('rfm_f', 'F', 'F', { requires: 'rfm', total: 'none', unit: undefined }),
    intCol('rfm_m', 'M', 'M', { requires: 'rfm', total: 'none', unit: undefined }),
    codeCol('rfm_cluster', 'Grupo RFM', 'RFM cluster', 'rfmCluster', { requires: 'rfm' }),
    moneyCol('predicted_value', 'Valor previsto (12 meses)', 'Predicted value (12 months)', { requires: 'customerValue' }),
    pctCol('churn_risk', 'Risco de abandono', 'Churn risk', 'avg("churn_risk")', { requires: 'customerValue', lowerIsBetter: true }),
    numCol('expected_visits_365', 'Visitas previstas (12 meses)', 'Expected visits (12 months)', { requires: 'customerValue', total: 'sum' }),
  ],
  params: [],
  filters: ['location', 'source', 'rfmCluster'],
  defaultPreset: 'all',
  defaultSort: [{ column: 'total_spent', desc: true }],
  charts: [
    { id: 'lifecycle', title: L('Clientes por ciclo de vida', 'Customers by lifecycle'), kind: 'pie', x: 'lifecycle', series: [{ column: 'customer_id', count: true }] },
    { id: 'age', title: L('Gasto por faixa etária', 'Spend by age group'), kind: 'bar', x: 'age_group', series: [{ column: 'total_spent' }] },
  ],
  comparable: false,
  sql(ctx) {
    const restricted = Boolean(ctx.common.location?.length || ctx.common.source?.length);
    const rfm = ctx.has.rfm
      ? `, rfm.r AS rfm_r, rfm.f AS rfm_f, rfm.m AS rfm_m, rfm.cluster AS rfm_cluster`
      : '';
    const rfmJoin = ctx.has.rfm ? `LEFT JOIN (SELECT * FROM rfm_snapshots WHERE as_of = ${ctx.rfmAsOf()}) rfm ON rfm.customer_id = c.customer_key` : '';
    const cv = ctx.has.customerValue
      ? `, cv.expected_value_365 AS predicted_value, cv.churn_risk, round(cv.expected_visits_365, 2) AS expected_visits_365`
      : '';
    const cvJoin = ctx.has.customerValue
      ? `LEFT JOIN (SELECT * FROM customer_value WHERE model_id = (SELECT model_id FROM clv_models ORDER BY fitted_at DESC LIMIT 1)) cv ON cv.customer_id = c.customer_key`
      : '';
    // Aggregated per source customer id first, then mapped to unified customers: the identity join runs on one
    // row per customer, not one per sale.
    return `WITH s AS (SELECT s.customer_id, count(*) AS visits, count(*) FILTER (WHERE s.biz_date >= ${ctx.from}) AS visits_in_period,
          sum(s.total_amount) AS total_spent, min(s.biz_date) AS first_visit, max(s.biz_date) AS last_visit,
          count(*) FILTER (WHERE s.coupon_code IS NOT NULL) AS coupons_used
        FROM ${ctx.sales({ from: null, customerKey: false })} s
        WHERE s.status = 'completed' AND s.customer_id IS NOT NULL AND ${ctx.salesFilter('s')} GROUP BY 1),
      a AS (SELECT COALESCE(ci.unified_id, s.customer_id) AS customer_key, sum(s.visits) AS visits, sum(s.visits_in_period) AS visits_in_period,
          sum(s.total_spent) AS total_spent, min(s.first_visit) AS first_visit, max(s.last_visit) AS last_visit, sum(s.coupons_used) AS coupons_used
        FROM s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id GROUP BY 1),
      pts AS (SELECT COALESCE(ci.unified_id, t.customer_id) AS customer_key, sum(t.balance) AS balance
        FROM (SELECT customer_id, sum(CASE kind WHEN 'earned' THEN abs(points) WHEN 'redeemed' THEN -abs(points) WHEN 'expired' THEN -abs(points) ELSE points END) AS balance
          FROM loyalty_transactions WHERE ${ctx.tsIn('occurred_at', null, ctx.to)} GROUP BY 1) t
        LEFT JOIN customer_identity ci ON ci.customer_id = t.customer_id GROUP BY 1),
      c AS (SELECT *, year(${ctx.to}) - year(birth_date) - CASE WHEN month(birth_date) * 100 + day(birth_date) > month(${ctx.to}) * 100 + day(${ctx.to}) THEN 1 ELSE 0 END AS age
        FROM v_customers WHERE customer_id = customer_key AND ${ctx.customerFilter('customer_key')})
      SELECT c.customer_key AS customer_id, c.name, c.email, c.phone, c.city, ${AGE} AS age_group, c.gender,
        CAST(month(c.birth_date) AS BIGINT) AS birth_month, coalesce(a.visits, 0) AS visits, coalesce(a.visits_in_period, 0) AS visits_in_period,
        coalesce(a.total_spent, 0) AS total_spent, div_money(a.total_spent, a.visits) AS avg_ticket, a.first_visit, a.last_visit,
        CAST(date_diff('day', a.last_visit, ${ctx.to}) AS BIGINT) AS days_since_last,
        CASE WHEN a.last_visit IS NULL THEN 'inactive' WHEN date_diff('day', a.last_visit, ${ctx.to}) < 30 THEN 'active'
          WHEN date_diff('day', a.last_visit, ${ctx.to}) < 90 THEN 'recent' WHEN date_diff('day', a.last_visit, ${ctx.to}) < 365 THEN 'dormant'
          ELSE 'inactive' END AS lifecycle,
        CAST(coalesce(pts.balance, 0) AS BIGINT) AS loyalty_balance, coalesce(a.coupons_used, 0) AS coupons_used${rfm}${cv}
      FROM c ${restricted ? 'JOIN' : 'LEFT JOIN'} a ON a.customer_key = c.customer_key
      LEFT JOIN pts ON pts.customer_key = c.customer_key ${rfmJoin} ${cvJoin}`;
  },
};
