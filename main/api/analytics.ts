// Handlers for analytics.*: thin glue from validated inputs and settings to main/analytics (long work as jobs).
import type { analytics } from '../../shared/api/analytics';
import type { Handlers } from './types';
import type { Engine } from '../engine/engine';
import { ParamList } from '../sql/specSql';
import { AppError } from '../store/errors';
import { businessToday, clusterSummary, defaultRfmAsOf, latestSalesMonth, monthAsOf, rfmOptions, rfmSql, type RfmOptions } from '../analytics/rfm';
import { buildRfmHistory, ensureRfmSnapshot, listRfmSnapshots, monthRange } from '../analytics/rfmSnapshots';
import { rfmMigration } from '../analytics/rfmMigration';
import { segmentMembersSql } from '../analytics/segments';
import { segmentsSummary } from '../analytics/segmentsSummary';
import { cachedProfileSql } from '../analytics/profileCache';
import { campaignFunnels } from '../analytics/campaignFunnels';
import { computeForecast } from '../analytics/forecast';
import { storeForecast } from '../analytics/forecastStore';
import { forecastNext30 } from '../analytics/forecastTotal';
import { currentModel, fitCustomerValue } from '../analytics/clv';
import { customer360 } from '../analytics/customer360';
import { cohorts } from '../analytics/cohorts';
import { col, pageOver } from '../analytics/paging';
import { jobTitle } from '../../shared/jobs';

const RFM_COLUMNS = [
  col('customer_id', 'text', 'VARCHAR'),
  col('recency', 'integer', 'INTEGER'),
  col('frequency', 'integer', 'INTEGER'),
  col('monetary', 'money', 'DECIMAL(18,2)'),
  col('r', 'integer', 'TINYINT'),
  col('f', 'integer', 'TINYINT'),
  col('m', 'integer', 'TINYINT'),
  col('cluster', 'text', 'VARCHAR'),
];

// Members as people read them (the contact list's headers); the customer id stays a column for the drill-down.
const W = (pt: string, en: string) => ({ label: { 'pt-BR': pt, en } });
const MEMBER_PAGE_COLUMNS = [
  col('customer_id', 'text', 'VARCHAR', W('Código do cliente', 'Customer id')),
  col('name', 'text', 'VARCHAR', W('Cliente', 'Customer')),
  col('phone_e164', 'text', 'VARCHAR', W('WhatsApp', 'WhatsApp')),
  col('email', 'text', 'VARCHAR', W('E-mail', 'E-mail')),
  col('birth_date', 'date', 'DATE', W('Nascimento', 'Birth date')),
  col('visits', 'integer', 'BIGINT', W('Visitas', 'Visits')),
  col('total_spent', 'money', 'DECIMAL(18,2)', W('Total gasto', 'Total spent')),
  col('avg_ticket', 'money', 'DECIMAL(18,2)', { total: 'none', ...W('Ticket médio', 'Average ticket') }),
  col('first_visit', 'date', 'DATE', W('Primeira visita', 'First visit')),
  col('last_visit', 'date', 'DATE', W('Última visita', 'Last visit')),
  col('days_since_last', 'integer', 'INTEGER', W('Dias desde a última visita', 'Days since last visit')),
  col('cluster', 'text', 'VARCHAR', W('Grupo RFM', 'RFM cluster')),
  col('churn_risk', 'percent', 'DOUBLE', W('Risco de não voltar', 'Churn risk')),
  col('expected_value_365', 'money', 'DECIMAL(18,2)', W('Valor previsto (12 meses)', 'Expected value (12 months)')),
];

const VALUE_COLUMNS = [
  col('customer_id', 'text', 'VARCHAR'),
  col('x', 'integer', 'INTEGER'),
  col('t_x', 'integer', 'INTEGER'),
  col('t_cal', 'integer', 'INTEGER'),
  col('monetary', 'money', 'DECIMAL(18,2)', { total: 'none' }),
  col('p_alive', 'percent', 'DOUBLE'),
  col('churn_risk', 'percent', 'DOUBLE'),
  col('expected_visits_90', 'decimal', 'DOUBLE'),
  col('expected_visits_365', 'decimal', 'DOUBLE'),
  col('expected_avg_value', 'money', 'DECIMAL(18,2)', { total: 'none' }),
  col('expected_value_365', 'money', 'DECIMAL(18,2)'),
];

/** The business date of the latest completed sale (analytics default "as of"). */
async function latestSaleDate(ctx: Engine): Promise<string> {
  const [r] = await ctx.db.all<{ d: string | null }>(
    `SELECT strftime(CAST(timezone(getvariable('biz_tz'), max(occurred_at)) AS DATE), '%Y-%m-%d') AS d FROM sales WHERE status = 'completed'`,
  );
  if (!r.d) throw new AppError('NOT_READY', 'there are no completed sales yet: import data or load the demo first');
  return r.d;
}

/** The RFM as-of date pages default to (the latest sales month's end, today while it runs). */
async function rfmAsOf(ctx: Engine): Promise<string> {
  const d = await defaultRfmAsOf(ctx.db);
  if (!d) throw new AppError('NOT_READY', 'there are no completed sales yet: import data or load the demo first');
  return d;
}

async function defaultMonth(ctx: Engine): Promise<string> {
  const m = await latestSalesMonth(ctx.db);
  if (!m) throw new AppError('NOT_READY', 'there are no completed sales yet: import data or load the demo first');
  return m;
}

async function optionsFor(ctx: Engine): Promise<(asOf: string) => RfmOptions> {
  const s = await ctx.settings();
  return (asOf) => rfmOptions(s, asOf);
}

export const analyticsHandlers = {
  'analytics.rfm': async (i, ctx) => {
    const settings = await ctx.settings();
    // As-of dates are never in the future: a running month is scored as of today.
    const today = await businessToday(ctx.db);
    const asOf = i.asOf ? (i.asOf > today ? today : i.asOf) : monthAsOf(i.month ?? (await defaultMonth(ctx)), today);
    const o = rfmOptions(settings, asOf, { windowDays: i.windowDays, frequencyMode: i.frequencyMode, frequencyThresholds: i.frequencyThresholds });
    const def = rfmOptions(settings, asOf);
    const sameAsSettings = o.windowDays === def.windowDays && o.frequencyMode === def.frequencyMode && (o.frequencyMode === 'rank' || o.frequencyThresholds.join() === def.frequencyThresholds.join());
    // Month ends with the business settings come from (and refresh) the stored monthly history.
    const useSnapshot = sameAsSettings && asOf === monthAsOf(asOf.slice(0, 7), today);
    let inner: string;
    const p = new ParamList();
    if (useSnapshot) {
      await ensureRfmSnapshot(ctx.db, o);
      inner = `SELECT customer_id, recency, frequency, monetary, r, f, m, cluster FROM rfm_snapshots WHERE as_of = CAST(${p.add(asOf)} AS DATE)`;
    } else inner = rfmSql(o, p);
    const clusters = await clusterSummary(ctx.db, inner, p.values);
    const page = await pageOver(ctx.db, inner, p.values, RFM_COLUMNS, i);
    return { ...o, customers: clusters.reduce((s, c) => s + c.customers, 0), clusters, page, source: useSnapshot ? 'snapshot' : 'live' };
  },
  'analytics.rfmHistory': async (_i, ctx) => listRfmSnapshots(ctx.db),
  'analytics.buildRfmHistory': async (i, ctx) => {
    const to = i.to ?? (await defaultMonth(ctx));
    let from = i.from;
    if (!from) {
      const [r] = await ctx.db.all<{ m: string | null }>(`SELECT strftime(timezone(getvariable('biz_tz'), min(occurred_at)), '%Y-%m') AS m FROM sales WHERE status = 'completed'`);
      const months = monthRange(r.m ?? to, to);
      from = months[Math.max(0, months.length - 24)];
    }
    const months = monthRange(from, to);
    const options = await optionsFor(ctx);
    return ctx.jobs.start('analytics.rfmHistory', jobTitle(`Histórico RFM ${from} → ${to}`, `RFM history ${from} → ${to}`), (job) => buildRfmHistory(ctx.db, months, options, job));
  },
  'analytics.rfmMigration': async (i, ctx) => rfmMigration(ctx.db, i.month ?? (await defaultMonth(ctx)), await optionsFor(ctx)),
  'analytics.segments': async (i, ctx) => {
    const settings = await ctx.settings();
    const asOf = i.asOf ?? (await rfmAsOf(ctx));
    return { asOf, segments: await segmentsSummary(ctx.db, rfmOptions(settings, asOf)) };
  },
  'analytics.segmentMembers': async (i, ctx) => {
    const settings = await ctx.settings();
    const asOf = i.asOf ?? (await latestSaleDate(ctx));
    const p = new ParamList();
    const o = rfmOptions(settings, asOf);
    const inner = segmentMembersSql(o, i.segment, i.channel, p, await cachedProfileSql(ctx.db, o));
    return { segment: i.segment, asOf, channel: i.channel, page: await pageOver(ctx.db, inner, p.values, MEMBER_PAGE_COLUMNS, i) };
  },
  'analytics.campaignFunnels': async (i, ctx) => campaignFunnels(ctx.db, i.from ?? null, i.to ?? null),
  'analytics.forecast': async (i, ctx) => {
    const f = await computeForecast(ctx.db, i.granularity, i.horizon, i.asOf ?? null, (await ctx.settings()).holidays);
    await storeForecast(ctx.db, f);
    return f;
  },
  'analytics.forecastNext30': async (_i, ctx) => forecastNext30(ctx.db, (await ctx.settings()).holidays),
  'analytics.fitCustomerValue': async (i, ctx) => {
    const asOf = i.asOf ?? (await latestSaleDate(ctx));
    return ctx.jobs.start('analytics.customerValue', jobTitle(`Valor do cliente em ${asOf}`, `Customer value as of ${asOf}`), (job) => fitCustomerValue(ctx.db, { asOf, job }));
  },
  'analytics.customerValue': async (i, ctx) => {
    const model = await currentModel(ctx.db);
    if (!model) return { model: null, summary: null, page: null };
    const inner = `SELECT ${VALUE_COLUMNS.map((c) => c.id).join(', ')} FROM customer_value WHERE model_id = $1`;
    const [s] = await ctx.db.all<{ n: number; e90: number; e365: number; v: string; pa: number | null }>(
      `SELECT count(*)::DOUBLE AS n, coalesce(sum(expected_visits_90), 0) AS e90, coalesce(sum(expected_visits_365), 0) AS e365,
         coalesce(sum(expected_value_365), 0)::DECIMAL(18,2)::VARCHAR AS v, avg(p_alive) AS pa FROM customer_value WHERE model_id = $1`,
      [model.modelId],
    );
    return {
      model,
      summary: { customers: s.n, expectedVisits90: s.e90, expectedVisits365: s.e365, expectedValue365: s.v, avgPAlive: s.pa },
      page: await pageOver(ctx.db, inner, [model.modelId], VALUE_COLUMNS, i),
    };
  },
  'analytics.customer360': async (i, ctx) => {
    const settings = await ctx.settings();
    const asOf = await defaultRfmAsOf(ctx.db);
    // Cluster history comes from the stored snapshots (the running month's built once if missing); the current
    // scores are computed live as of the same date as the RFM page, so a regular always has them.
    if (asOf) {
      const [has] = await ctx.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM rfm_snapshot_runs WHERE as_of = CAST($1 AS DATE)`, [asOf]);
      if (!has.n) await ensureRfmSnapshot(ctx.db, rfmOptions(settings, asOf));
    }
    return customer360(ctx.db, i.customerId, asOf ? rfmOptions(settings, asOf) : null);
  },
  'analytics.cohorts': async (i, ctx) => cohorts(ctx.db, i.from ?? null, i.to ?? null),
} satisfies Handlers<typeof analytics>;
