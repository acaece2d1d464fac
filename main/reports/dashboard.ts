// reports.dashboard: every KPI of reports.md for a period, with the previous period, the variation and a daily
// sparkline, computed in one DuckDB statement: base rows are tagged with their day and their period, and one
// aggregate over those tags gives both the sparkline points and the two period values.
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import { DASHBOARD_KPIS, type DashboardKpi, type DashboardKpiId, type DashboardResult, type ReportUnit } from '../../shared/reports';
import type { ColumnType, LocalizedText } from '../../shared/types';
import type { Engine } from '../engine/engine';
import { ParamList } from '../sql/specSql';
import { AppError } from '../store/errors';
import { availability, makeContext } from './context';
import { openingMinutesSql } from './defs/occupancy';
import { withFirsts } from './firsts';
import { requestOffsetUs } from './tzOffset';
import { businessToday, previousPeriod, resolvePeriod } from './period';

interface KpiDef {
  label: LocalizedText;
  type: ColumnType;
  unit: ReportUnit;
  /** Aggregate over the tagged tables, per group g. */
  sql: string | null;
  lowerIsBetter?: boolean;
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

const KPIS: Record<DashboardKpiId, KpiDef> = {
  gross_revenue: { label: L('Receita bruta', 'Gross revenue'), type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0)' },
  net_revenue: { label: L('Receita líquida', 'Net revenue'), type: 'money', unit: 'currency', sql: 'coalesce(s.gross, 0) - coalesce(s.discounts, 0) - coalesce(p.refunds, 0)' },
  completed_sales: { label: L('Vendas concluídas', 'Completed sales'), type: 'integer', unit: 'count', sql: 'coalesce(s.n, 0)' },
  average_ticket: { label: L('Ticket médio', 'Average ticket'), type: 'money', unit: 'currency', sql: 'div_money(s.total, s.n)' },
  unique_customers: { label: L('Clientes únicos', 'Unique customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.customers, 0)' },
  new_customers: { label: L('Clientes novos', 'New customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.new_customers, 0)' },
  returning_customers: { label: L('Clientes recorrentes', 'Returning customers'), type: 'integer', unit: 'count', sql: 'coalesce(s.returning, 0)' },
  no_show_rate: { label: L('Taxa de faltas', 'No-show rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(a.no_show, a.closed)', lowerIsBetter: true },
  cancellation_rate: { label: L('Taxa de cancelamento', 'Cancellation rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(a.cancelled, a.closed)', lowerIsBetter: true },
  occupancy: { label: L('Ocupação da agenda', 'Occupancy'), type: 'percent', unit: 'percent', sql: 'safe_ratio(coalesce(o.booked, 0), o.available)' },
  rebooking_rate: { label: L('Taxa de retorno (60 dias)', 'Rebooking rate (60 days)'), type: 'percent', unit: 'percent', sql: 'safe_ratio(s.came_back, s.customers)' },
  pix_share: { label: L('Participação do Pix', 'Pix share'), type: 'percent', unit: 'percent', sql: 'safe_ratio(p.pix, p.received)' },
  refunds: { label: L('Devoluções', 'Refunds'), type: 'money', unit: 'currency', sql: 'coalesce(p.refunds, 0)', lowerIsBetter: true },
  discount_rate: { label: L('Taxa de desconto', 'Discount rate'), type: 'percent', unit: 'percent', sql: 'safe_ratio(s.discounts, s.gross)', lowerIsBetter: true },
  forecast_next_30_days: { label: L('Previsão dos próximos 30 dias', 'Forecast, next 30 days'), type: 'money', unit: 'currency', sql: null },
};

const wire = (k: KpiDef, e: string) => (k.type === 'money' ? `CAST(${e} AS VARCHAR)` : `CAST(${e} AS DOUBLE)`);

export async function dashboard(engine: Engine, input: { period?: PeriodInput; common: CommonFilters }): Promise<DashboardResult> {
  const settings = await engine.settings();
  const today = input.period?.today ?? businessToday(settings.timezone);
  if (input.period?.preset === 'all') throw new AppError('BAD_INPUT', 'the dashboard needs a bounded period (not all)');
  const period = resolvePeriod(input.period ?? {}, today, 'this_month', null);
  // A daily sparkline per KPI is for a period a person reads at a glance; longer spans belong to the reports.
  if (period.days > 366) throw new AppError('BAD_INPUT', `the dashboard covers at most 366 days (asked for ${period.days})`);
  const previous = previousPeriod(period);
  const has = await availability(engine.db);
  if (input.common.rfmCluster?.length && !has.rfm) throw new AppError('NOT_READY', 'the RFM cluster filter needs RFM scores: run the customer analytics first');
  const params = new ParamList();
  const offsetUs = await requestOffsetUs(engine.db, settings.timezone, previous.from, period.to);
  const ctx = makeContext({ params, period, previous, common: input.common, values: {}, settings, has, offsetUs });
  const pf = `CAST(${ctx.p(previous.from)} AS DATE)`;
  // Each base row is tagged with (g, start): its day (current period only) and its period, so one GROUP BY g
  // yields the sparkline points and both period values; `start` dates a customer's first sale as "new".
  const at = (d: string) => `timezone(getvariable('biz_tz'), CAST(${d} AS TIMESTAMP))`;
  const tag = (d: string, dayStart = 'NULL') => `unnest(CASE WHEN ${d} >= ${ctx.from} THEN [{'g': strftime(${d}, '%Y-%m-%d'), 'start': ${dayStart}}, {'g': 'cur', 'start': ${at(ctx.from)}}]
      ELSE [{'g': 'prev', 'start': ${at(pf)}}] END)`;

  const emp = input.common.employee?.length ? `AND e.employee_id IN (${input.common.employee.map((v) => ctx.p(v)).join(', ')})` : '';
  const loc = input.common.location?.length ? `AND e.location_id IN (${input.common.location.map((v) => ctx.p(v)).join(', ')})` : '';
  const kpis = DASHBOARD_KPIS.filter((k) => KPIS[k].sql);
  const sql = `WITH
    sales AS (SELECT s.* FROM ${ctx.sales({ from: pf, to: `${ctx.to} + 60` })} s WHERE ${ctx.salesFilter('s')}),
    starts AS (SELECT CAST(g.d AS DATE) AS d, timezone(getvariable('biz_tz'), g.d) AS at
      FROM generate_series(CAST(${pf} AS TIMESTAMP), CAST(${ctx.to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)),
    visits AS (SELECT customer_key, biz_date AS d, lead(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date) AS next_d
      FROM (SELECT DISTINCT customer_key, biz_date FROM sales WHERE status = 'completed' AND customer_key IS NOT NULL)),
    cs AS (SELECT s.*, f.first_at, date_diff('day', s.biz_date, v.next_d) BETWEEN 1 AND 60 AS back, ${tag('s.biz_date', 'st.at')} AS t
      FROM sales s JOIN starts st ON st.d = s.biz_date LEFT JOIN ${ctx.firsts()} f ON f.customer_key = s.customer_key
      LEFT JOIN visits v ON v.customer_key = s.customer_key AND v.d = s.biz_date
      WHERE s.status = 'completed' AND s.biz_date <= ${ctx.to}),
    s0 AS (SELECT t.g, count(*) AS n, sum(gross_amount) AS gross, sum(discount_amount) AS discounts, sum(total_amount) AS total FROM cs GROUP BY 1),
    -- one row per (group, customer) first, so the customer counts are plain counts rather than four distinct sets
    s1 AS (SELECT g, count(*) AS customers, count(*) FILTER (WHERE is_new) AS new_customers, count(*) FILTER (WHERE NOT is_new) AS returning,
        count(*) FILTER (WHERE came_back) AS came_back
      FROM (SELECT t.g, customer_key, any_value(first_at >= t.start) AS is_new, bool_or(back) AS came_back FROM cs
        WHERE customer_key IS NOT NULL GROUP BY 1, 2) GROUP BY 1),
    s AS (SELECT * FROM s0 LEFT JOIN s1 USING (g)),
    a AS (SELECT t.g, count(*) FILTER (WHERE status = 'no_show') AS no_show, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
        count(*) FILTER (WHERE status IN ('completed', 'no_show', 'cancelled')) AS closed
      FROM (SELECT status, ${tag('biz_date')} AS t FROM sales WHERE kind = 'appointment' AND biz_date <= ${ctx.to}) GROUP BY 1),
    p AS (SELECT t.g, sum(amount) FILTER (WHERE kind = 'refund') AS refunds, sum(amount) FILTER (WHERE kind = 'payment') AS received,
        sum(amount) FILTER (WHERE kind = 'payment' AND method = 'pix') AS pix
      FROM (SELECT p.kind, p.amount, p.method, ${tag('p.biz_date')} AS t FROM ${ctx.payments({ from: pf })} p
        WHERE ${ctx.paymentsFilter('p')}) GROUP BY 1),
    om AS (${openingMinutesSql(ctx)}),
    staff AS (SELECT count(*) AS n FROM employees e WHERE e.active IS NOT FALSE ${emp} ${loc}),
    days AS (SELECT CAST(g.d AS DATE) AS d FROM generate_series(CAST(${pf} AS TIMESTAMP), CAST(${ctx.to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)),
    bm AS (SELECT l.biz_date AS d, sum(coalesce(l.duration_min, i.duration_min * coalesce(l.quantity, 1), 0)) AS booked
      FROM ${ctx.lines({ from: pf, customerKey: false })} l LEFT JOIN items i ON i.item_id = l.item_id
      WHERE l.sale_kind = 'appointment' AND l.status IN ('booked', 'confirmed', 'completed', 'no_show') AND ${ctx.linesFilter('l')} GROUP BY 1),
    o AS (SELECT t.g, sum(booked) AS booked, sum(available) AS available FROM (
        SELECT coalesce(bm.booked, 0) AS booked, om.minutes * staff.n AS available, ${tag('days.d')} AS t
        FROM days JOIN om ON om.weekday = dayofweek(days.d) CROSS JOIN staff LEFT JOIN bm ON bm.d = days.d) GROUP BY 1),
    gs AS (SELECT g FROM (VALUES ('cur'), ('prev')) v(g) UNION ALL SELECT strftime(d, '%Y-%m-%d') FROM days WHERE d >= ${ctx.from}),
    k AS (SELECT gs.g, ${kpis.map((id) => `${wire(KPIS[id], KPIS[id].sql as string)} AS ${id}`).join(', ')}
      FROM gs LEFT JOIN s USING (g) LEFT JOIN a USING (g) LEFT JOIN p USING (g) LEFT JOIN o USING (g))
    SELECT list(g ORDER BY g) FILTER (WHERE g NOT IN ('cur', 'prev')) AS days,
      ${kpis
        .map((id) => `any_value(${id}) FILTER (WHERE g = 'cur') AS "${id}_cur", any_value(${id}) FILTER (WHERE g = 'prev') AS "${id}_prev",
      list(${id} ORDER BY g) FILTER (WHERE g NOT IN ('cur', 'prev')) AS "${id}_days"`)
        .join(',\n      ')}
    FROM k`;
  // New customers: first completed sale ever (anywhere, whatever the filters) inside the group's span.
  const full = await withFirsts(engine.db, sql);
  const [[row], forecast] = await Promise.all([engine.db.all<Record<string, unknown>>(full, params.values), forecastKpi(engine, has.forecast, today)]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const out: DashboardKpi[] = DASHBOARD_KPIS.map((id) => {
    const k = KPIS[id];
    const base = { id, label: k.label, type: k.type, unit: k.unit, ...(k.lowerIsBetter ? { lowerIsBetter: true } : {}) };
    if (!k.sql) return { ...base, previous: null, variation: null, ...forecast };
    const value = (row?.[`${id}_cur`] ?? null) as string | number | null;
    const prev = (row?.[`${id}_prev`] ?? null) as string | number | null;
    const a = num(value);
    const b = num(prev);
    const variation = a === null || b === null || b === 0 ? null : Math.round(((a - b) / Math.abs(b)) * 1e6) / 1e6;
    return { ...base, value, previous: prev, variation, sparkline: (row?.[`${id}_days`] ?? []) as (string | number | null)[], available: true };
  });
  return { period, previous, days: (row?.days ?? []) as string[], kpis: out };
}

/**
 * Revenue expected in the 30 days after today: the sum of the latest stored daily forecast (computed by the
 * customer analytics), its daily points as the sparkline; unavailable until such a forecast exists.
 */
async function forecastKpi(engine: Engine, stored: boolean, today: string): Promise<Pick<DashboardKpi, 'value' | 'sparkline' | 'available' | 'note'>> {
  const none = (note: string) => ({ value: null, sparkline: [], available: false, note });
  if (!stored) return none('no revenue forecast has been computed yet');
  const [f] = await engine.db.all<{ v: string | null; n: number; pts: number[] | null; lo: string | null; hi: string | null }>(
    `WITH run AS (SELECT run_id FROM forecast_runs WHERE granularity = 'day' ORDER BY computed_at DESC LIMIT 1)
     SELECT CAST(CAST(round(sum(point), 2) AS DECIMAL(18,2)) AS VARCHAR) AS v, count(*)::DOUBLE AS n, list(round(point, 2) ORDER BY date) AS pts,
       strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi
     FROM forecast_points WHERE run_id = (SELECT run_id FROM run) AND date > CAST($1 AS DATE) AND date <= CAST($1 AS DATE) + 30`,
    [today],
  );
  if (!f || !f.n) return none('the stored forecast does not cover the next 30 days: compute it again');
  return { value: f.v, sparkline: f.pts ?? [], available: true, note: `daily forecast ${f.lo} – ${f.hi}${f.n < 30 ? ` (${f.n} of 30 days)` : ''}` };
}
