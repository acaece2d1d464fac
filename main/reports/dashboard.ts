// reports.dashboard: every KPI of reports.md for a period, against the like-for-like windows of comparePeriods
// (previous and last year), with a sparkline, in one DuckDB statement: base rows are tagged with their bucket
// and every window they fall in, and one aggregate over those tags gives the sparkline points and the values.
import type { CommonFilters, PeriodInput } from '../../shared/api/reports';
import { DASHBOARD_KPIS, type DashboardKpi, type DashboardResult } from '../../shared/reports';
import type { Engine } from '../engine/engine';
import { ParamList } from '../sql/specSql';
import type { Settings } from '../../shared/settings';
import { forecastNext30 } from '../analytics/forecastTotal';
import { AppError } from '../store/errors';
// RETURN_DAYS: a visit counts for the rebooking rate once this many days have passed.
import { RETURN_DAYS } from '../model/customerVisits';
import { activitySql } from './compare';
import { availability, dateLiteral, makeContext } from './context';
import { KPIS, wireKpi } from './dashboardKpis';
import { CUSTOMER_GROUPS, rollupSources } from './dashboardSources';
import { rollupsReady, visitLinksCurrent } from './rollupSource';
import { occupancyDaysSql } from './defs/occupancy';
import { firstsTable, inlineFirsts } from './firsts';
import { activityRange } from './prepare';
import { requestOffsetUs } from './tzOffset';
import { addDays, businessHour, businessToday, comparePeriods, previousPeriod, resolvePeriod } from './period';
import { variationKind, variationOf } from './variation';

/** `now` is the instant "today" and its hour are read at (the current one outside tests). */
export async function dashboard(engine: Engine, input: { period?: PeriodInput; common: CommonFilters }, now = new Date()): Promise<DashboardResult> {
  const settings = await engine.settings();
  const today = input.period?.today ?? businessToday(settings.timezone);
  const wantsAll = input.period?.preset === 'all';
  const period = resolvePeriod(input.period ?? {}, today, 'this_month', wantsAll ? await activityRange(engine) : null);
  // Today while it is still today: yesterday counts only up to the current business hour (like for like).
  const live = period.preset === 'today' && period.from === businessToday(settings.timezone, now);
  const { previous, lastYear } = comparePeriods(period, live ? { liveHour: businessHour(settings.timezone, now) } : {});
  // Long spans (all time) get one sparkline point per month: a daily line of years reads as noise.
  const grain = period.days > 366 ? 'month' : 'day';
  const has = await availability(engine.db);
  if (input.common.rfmCluster?.length && !has.rfm) throw new AppError('NOT_READY', 'the RFM cluster filter needs RFM scores: run the customer analytics first');
  const params = new ParamList();
  // The earliest date read: a window before the period, the period itself otherwise.
  const lo = [period.from, previous?.from, lastYear?.from].filter((d): d is string => !!d).sort()[0];
  const offsetUs = await requestOffsetUs(engine.db, settings.timezone, lo, period.to);
  const untilHour = lastYear?.untilHour;
  const c = input.common;
  // The customer figures come from the customer visits table when the rollups answer, no filter narrows the visits
  // and the visits were grouped by today's identity links; otherwise from customer-days or rows with the first-sales
  // table (new customers: first completed sale ever, anywhere, whatever the filters, inside the group's span).
  const ready = await rollupsReady(engine.db);
  const byVisits = ready && untilHour === undefined && ![c.location, c.source, c.employee, c.category, c.rfmCluster].some((f) => f?.length) && (await visitLinksCurrent(engine.db));
  const firsts = byVisits ? inlineFirsts() : await firstsTable(engine.db);
  const ctx = makeContext({ params, period, previous: previous ?? previousPeriod(period), common: input.common, values: {}, settings, has, offsetUs, firsts: () => firsts, rollups: ready });
  // Window bounds are constants of the statement (validated dates), so comparisons with them fold once.
  const date = (d: string) => dateLiteral(d);
  // Two spans are read: the period with the previous window (usually adjacent), and last year's window apart.
  const near = previous && previous.from < period.from ? previous.from : period.from;
  const nf = date(near);
  const far = lastYear && lastYear.to < near ? { from: date(lastYear.from), to: date(lastYear.to) } : null;
  const win = (p: typeof previous) => (p ? { from: date(p.from), to: date(p.to) } : null);
  const pw = win(previous);
  const lw = win(lastYear);
  const at = (d: string) => `timezone(getvariable('biz_tz'), CAST(${d} AS TIMESTAMP))`;
  const bucket = (d: string) => (grain === 'day' ? `strftime(${d}, '%Y-%m-%d')` : `strftime(date_trunc('month', ${d}), '%Y-%m-%d')`);
  const inWin = (d: string, w: { from: string; to: string } | null) => (w ? `${d} BETWEEN ${w.from} AND ${w.to}` : 'FALSE');
  // A window cut at an hour keeps only rows with an instant up to that business-local hour (day rows: none).
  const lyHour = (ts: string | null) => (untilHour === undefined ? 'TRUE' : ts ? `hour(timezone(getvariable('biz_tz'), ${ts})) <= ${Math.trunc(untilHour)}` : 'FALSE');
  // Each base row becomes one row per group it belongs to: its bucket and 'cur' when in the period, 'prev' and
  // 'ly' when in those windows (they may overlap on long custom periods). With `bucketStart`, each group also carries
  // its `start`, which dates a customer's first sale as "new" within the group (customer rows only).
  const tag = (d: string, bucketStart?: string, ts: string | null = null) => {
    const start = (x: string) => (bucketStart === undefined ? '' : `, 'start': ${x}`);
    return `unnest(list_concat(
      CASE WHEN ${d} BETWEEN ${ctx.from} AND ${ctx.to} THEN [{'g': ${bucket(d)}${start(bucketStart ?? '')}}, {'g': 'cur'${start(at(ctx.from))}}] ELSE [] END,
      CASE WHEN ${inWin(d, pw)} THEN [{'g': 'prev'${start(pw ? at(pw.from) : 'NULL')}}] ELSE [] END,
      CASE WHEN ${inWin(d, lw)} AND ${lyHour(ts)} THEN [{'g': 'ly'${start(lw ? at(lw.from) : 'NULL')}}] ELSE [] END))`;
  };
  const spans = <T>(read: (from: string, to: string) => T, nearTo: string, farTo?: string) => ({ near: read(nf, nearTo), far: far ? read(far.from, farTo ?? far.to) : null });
  const union = (x: { near: string; far: string | null }, alias: string, cond: string) =>
    `SELECT ${alias}.* FROM ${x.near} ${alias} WHERE ${cond}${x.far ? ` UNION ALL SELECT ${alias}.* FROM ${x.far} ${alias} WHERE ${cond} AND ${alias}.biz_date < ${nf}` : ''}`;
  const salesSpans = spans((f, t) => ctx.sales({ from: f, to: t }), `${ctx.to} + ${RETURN_DAYS}`, far ? `${far.to} + ${RETURN_DAYS}` : undefined);
  const paySpans = spans((f, t) => ctx.payments({ from: f, to: t }), ctx.to);
  const matured = date(addDays(today, -RETURN_DAYS));

  const kpis = DASHBOARD_KPIS.filter((k) => KPIS[k].sql);
  // Completed sales, appointment outcomes, customers' visits and payments per group: from the daily rollups when
  // they can answer (no window cut at an hour), from the rows otherwise; the figures are the same.
  const rollups = ctx.rollups && untilHour === undefined ? ctx.rollups : null;
  const bucketFirst = (d: string) => (grain === 'day' ? d : `greatest(CAST(date_trunc('month', ${d}) AS DATE), ${ctx.from})`);
  const visitGroups = { cur: { from: ctx.from, to: ctx.to }, prev: pw, ly: lw, bucket, bucketStart: grain === 'day' ? null : bucketFirst, matured, returnDays: RETURN_DAYS };
  const sources = rollups
    ? rollupSources({ nf, to: ctx.to, far, returnDays: RETURN_DAYS, matured, tag, firsts: ctx.firsts() }, rollups, byVisits ? visitGroups : null).ctes
    : `sales AS (${union(salesSpans, 's', ctx.salesFilter('s'))}),
    visits AS (SELECT customer_key, biz_date AS d, lead(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date) AS next_d
      FROM (SELECT DISTINCT customer_key, biz_date FROM sales WHERE status = 'completed' AND customer_key IS NOT NULL)),
    cs AS (SELECT s.*, f.first_at, s.biz_date <= ${matured} AS matured, date_diff('day', s.biz_date, v.next_d) BETWEEN 1 AND ${RETURN_DAYS} AS back,
        ${tag('s.biz_date', 'st.at', 's.occurred_at')} AS t
      FROM sales s JOIN starts st ON st.d = s.biz_date LEFT JOIN ${ctx.firsts()} f ON f.customer_key = s.customer_key
      LEFT JOIN visits v ON v.customer_key = s.customer_key AND v.d = s.biz_date
      WHERE s.status = 'completed'),
    s0 AS (SELECT t.g, count(*) AS n, sum(gross_amount) AS gross, sum(discount_amount) AS discounts, sum(total_amount) AS total FROM cs GROUP BY 1),
    a AS (SELECT t.g, count(*) FILTER (WHERE status = 'no_show') AS no_show, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
        count(*) FILTER (WHERE status IN ('completed', 'no_show', 'cancelled')) AS closed
      FROM (SELECT status, ${tag('biz_date', undefined, 'occurred_at')} AS t FROM sales WHERE kind = 'appointment') GROUP BY 1),
    ${CUSTOMER_GROUPS},
    pay AS (${union(paySpans, 'p', ctx.paymentsFilter('p'))})`;
  const sql = `WITH
    days AS (SELECT CAST(g.d AS DATE) AS d FROM generate_series(CAST(${nf} AS TIMESTAMP), CAST(${ctx.to} AS TIMESTAMP), INTERVAL 1 DAY) g(d)
      ${far ? `UNION ALL SELECT CAST(g.d AS DATE) FROM generate_series(CAST(${far.from} AS TIMESTAMP), CAST(least(${far.to}, ${nf} - 1) AS TIMESTAMP), INTERVAL 1 DAY) g(d)` : ''}),
    starts AS (SELECT d, ${at(bucketFirst('d'))} AS at FROM days),
    ${sources},
    s AS (SELECT * FROM s0 LEFT JOIN s1 USING (g)),
    p AS (SELECT t.g, sum(amount) FILTER (WHERE kind = 'refund') AS refunds, sum(amount) FILTER (WHERE kind = 'payment') AS received,
        sum(amount) FILTER (WHERE kind = 'payment' AND method = 'pix') AS pix
      FROM (SELECT p.kind, p.amount, p.method, ${tag('p.biz_date', undefined, 'p.occurred_at')} AS t FROM pay p) GROUP BY 1),
    occ AS (${occupancyDaysSql(ctx, far ? [{ from: nf, to: ctx.to }, far] : [{ from: nf, to: ctx.to }])}),
    o AS (SELECT t.g, sum(booked_minutes) AS booked, sum(available_minutes) AS available
      FROM (SELECT booked_minutes, available_minutes, ${tag('day')} AS t FROM occ) GROUP BY 1),
    gs AS (SELECT g FROM (VALUES ('cur'), ('prev'), ('ly')) v(g) UNION SELECT ${bucket('d')} FROM days WHERE d BETWEEN ${ctx.from} AND ${ctx.to}),
    k AS (SELECT gs.g, coalesce(s.provisional, false) AS provisional, ${kpis.map((id) => `${wireKpi(KPIS[id], KPIS[id].sql as string)} AS ${id}`).join(', ')}
      FROM gs LEFT JOIN s USING (g) LEFT JOIN a USING (g) LEFT JOIN p USING (g) LEFT JOIN o USING (g))
    -- one row: the buckets' rows in date order and the period's, the previous window's and last year's rows
    SELECT list(k ORDER BY g) FILTER (WHERE g NOT IN ('cur', 'prev', 'ly')) AS buckets, any_value(k) FILTER (WHERE g = 'cur') AS cur,
      any_value(k) FILTER (WHERE g = 'prev') AS prev, any_value(k) FILTER (WHERE g = 'ly') AS ly,
      ${lastYear ? activitySql(params, lastYear.from, lastYear.to) : 'false'} AS ly_active
    FROM k`;
  // The forecast is computed once per business day and data version; the figures never wait for a first
  // computation: until it is ready the KPI says so (the page asks again when the forecast card has drawn).
  const pending = forecastKpi(engine, settings.holidays).catch(() => unavailable('the forecast could not be computed'));
  type Cells = Record<string, string | number | boolean | null>;
  const [row] = await engine.db.all<{ buckets: Cells[] | null; cur: Cells | null; prev: Cells | null; ly: Cells | null; ly_active: boolean }>(sql, params.values);
  const buckets = row?.buckets ?? [];
  const forecast = await Promise.race([pending, new Promise<ForecastKpi>((r) => setImmediate(() => r(unavailable('the forecast is being computed'))))]);
  // As the report comparison cards: no last-year figures for a year the business had no activity (not zeros).
  const ly = lastYear && row?.ly_active === true ? lastYear : null;
  const out: DashboardKpi[] = DASHBOARD_KPIS.map((id) => {
    const k = KPIS[id];
    const base = { id, label: k.label, help: k.help, type: k.type, unit: k.unit, variationKind: variationKind(k.type), ...(k.lowerIsBetter ? { lowerIsBetter: true } : {}) };
    if (!k.sql) return { ...base, previous: null, variation: null, lastYear: null, variationLastYear: null, ...forecast };
    const cell = (g: 'cur' | 'prev' | 'ly') => (row?.[g]?.[id] ?? null) as string | number | null;
    const value = cell('cur');
    const prev = previous ? cell('prev') : null;
    const lyValue = ly ? cell('ly') : null;
    return {
      ...base,
      value,
      previous: prev,
      variation: previous ? variationOf(k.type, value, prev) : null,
      lastYear: lyValue,
      variationLastYear: ly ? variationOf(k.type, value, lyValue) : null,
      ...(id === 'rebooking_rate' && row?.cur?.provisional === true ? { provisional: true, note: 'counts only visits at least 60 days old' } : {}),
      sparkline: buckets.map((b) => (b[id] ?? null) as string | number | null),
      available: true,
    };
  });
  return { period, previous, lastYear: ly, grain, days: buckets.map((b) => String(b.g)), kpis: out };
}

/**
 * Revenue expected in the next 30 days: the one total of forecastNext30 (the forecast page shows the same), its
 * daily points as the sparkline; unavailable, with the reason, when the history is too short to forecast.
 */
type ForecastKpi = Pick<DashboardKpi, 'value' | 'sparkline' | 'available' | 'note'>;
const unavailable = (note: string): ForecastKpi => ({ value: null, sparkline: [], available: false, note });

async function forecastKpi(engine: Engine, holidays: Settings['holidays']): Promise<ForecastKpi> {
  const f = await forecastNext30(engine.db, holidays);
  if (f.total === null) return unavailable(f.notes[0]?.en ?? 'too little history to forecast');
  return { value: f.total.toFixed(2), sparkline: f.points.map((p) => Math.round(p.point * 100) / 100), available: true, note: `daily forecast ${f.from} – ${f.to}` };
}
