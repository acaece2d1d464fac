// The dashboard's per-group inputs (dashboard.ts tags each row with the groups it counts in): completed sales and
// appointment outcomes, customers' visits, payments — from the daily rollups when they can answer (day sums and
// customer-days give the same figures as the rows), from the rows otherwise. Without location or channel filters the
// customer figures are counts over the customer visits table (model/customerVisits.ts).
import { VISITS } from '../model/customerVisits';
import type { RollupAccess } from './rollupSource';

/**
 * Customer figures per group from `cs` (one row per customer visit with its tags, first sale, matured and back):
 * one row per (group, customer) first, so the counts are plain counts rather than several distinct sets.
 */
export const CUSTOMER_GROUPS = `s1 AS (SELECT g, count(*) AS customers, count(*) FILTER (WHERE is_new) AS new_customers, count(*) FILTER (WHERE NOT is_new) AS returning,
        count(*) FILTER (WHERE was_matured) AS matured, count(*) FILTER (WHERE came_back) AS came_back, bool_or(NOT all_matured) AS provisional
      FROM (SELECT t.g, customer_key, any_value(first_at >= t.start) AS is_new, bool_or(matured) AS was_matured, bool_and(matured) AS all_matured,
          coalesce(bool_or(back AND matured), false) AS came_back FROM cs
        WHERE customer_key IS NOT NULL GROUP BY 1, 2) GROUP BY 1)`;

export interface DashboardSpans {
  /** First date of the near span (SQL DATE), its end, and last year's window apart when it lies before it. */
  nf: string;
  to: string;
  far: { from: string; to: string } | null;
  /** Days after a span's end read for visits (a visit's return window). */
  returnDays: number;
  matured: string;
  /** The tag expression of a row's business date (and its bucket start, for "new" customers). */
  tag: (d: string, bucketStart?: string, ts?: string | null) => string;
  firsts: string;
}

/** A window as SQL DATE bounds. */
export interface DateWindow {
  from: string;
  to: string;
}

/** What the customer figures from the visits table need: the windows of the groups and the bucket of a day. */
export interface VisitGroups {
  cur: DateWindow;
  prev: DateWindow | null;
  ly: DateWindow | null;
  /** A day's sparkline bucket (its group name), and the first date of that bucket within the period (null: the day). */
  bucket: (d: string) => string;
  bucketStart: ((d: string) => string) | null;
  matured: string;
  returnDays: number;
}

/**
 * The customer figures of every group from the customer visits (no location or channel filter: a visit is any
 * completed sale of the unified customer). In a window [a, b] a customer counts once, on the visit whose previous
 * visit lies before a; is new on the visit without a previous one (the first completed sale ever); came back on the
 * visit followed within the return window whose latest earlier such visit lies before a; matured visits are those on
 * or before the matured date. Each group reads its own window's rows (a pruned scan) with a few counts: the same
 * figures as one row per customer from the rows.
 */
export function visitGroupsSql(v: VisitGroups): string {
  const back = `x.next_d <= x.d + ${v.returnDays}`;
  const first = (a: string | null) => (a === null ? 'TRUE' : `(x.prev_d IS NULL OR x.prev_d < ${a})`);
  const firstBack = (a: string | null) => (a === null ? back : `${back} AND (x.back_before IS NULL OR x.back_before < ${a})`);
  const counts = (a: string | null) => `count(*) FILTER (WHERE ${first(a)}) AS customers, count(*) FILTER (WHERE x.prev_d IS NULL) AS new_customers,
      count(*) FILTER (WHERE ${first(a)} AND x.prev_d IS NOT NULL) AS returning, count(*) FILTER (WHERE ${first(a)} AND x.d <= ${v.matured}) AS matured,
      count(*) FILTER (WHERE ${firstBack(a)} AND x.d <= ${v.matured}) AS came_back, bool_or(x.d > ${v.matured}) AS provisional`;
  const rows = (w: DateWindow) => `FROM ${VISITS} x WHERE x.d BETWEEN ${w.from} AND ${w.to}`;
  const named = Object.entries({ cur: v.cur, prev: v.prev, ly: v.ly }).filter((e): e is [string, DateWindow] => e[1] !== null);
  return `s1 AS (SELECT ${v.bucket('x.d')} AS g, ${counts(v.bucketStart ? v.bucketStart('x.d') : null)} ${rows(v.cur)} GROUP BY 1
      ${named.map(([g, w]) => `UNION ALL SELECT '${g}', ${counts(w.from)} ${rows(w)} HAVING count(*) > 0`).join(' ')})`;
}

export interface DashboardSources {
  /** CTEs defining `s0` (completed sales), `s1` (customer figures), `a` (appointment outcomes) and `pay` per group. */
  ctes: string;
}

/** Rollup rows of one table over the near span and last year's window apart (dates before the near span only). */
function spanRows(s: DashboardSpans, r: RollupAccess, table: string, cols: string, nearTo: string, farTo?: string): string {
  const near = `SELECT ${cols} FROM ${table} x WHERE x.d BETWEEN ${s.nf} AND ${nearTo} AND ${r.filter('x')}`;
  return s.far ? `${near} UNION ALL SELECT ${cols} FROM ${table} x WHERE x.d BETWEEN ${s.far.from} AND ${farTo ?? s.far.to} AND x.d < ${s.nf} AND ${r.filter('x')}` : near;
}

/** The rollup sources; the customer figures from the visits table when `visits` is given, else from the customer-days. */
export function rollupSources(s: DashboardSpans, r: RollupAccess, visits: VisitGroups | null): DashboardSources {
  const customers = (from: string, to: string) => `SELECT DISTINCT customer_key, d AS biz_date FROM ${r.customers(from, to)}`;
  const cd = s.far
    ? `${customers(s.nf, `${s.to} + ${s.returnDays}`)} UNION SELECT * FROM (${customers(s.far.from, `${s.far.to} + ${s.returnDays}`)}) WHERE biz_date < ${s.nf}`
    : customers(s.nf, `${s.to} + ${s.returnDays}`);
  const n = (cond: string) => `CAST(coalesce(sum(sales) FILTER (WHERE ${cond}), 0) AS BIGINT)`;
  const customerFigures = visits
    ? visitGroupsSql(visits)
    : `cd AS (${cd}),
    visits AS (SELECT customer_key, biz_date AS d, lead(biz_date) OVER (PARTITION BY customer_key ORDER BY biz_date) AS next_d FROM cd),
    cs AS (SELECT c.customer_key, f.first_at, c.biz_date <= ${s.matured} AS matured, date_diff('day', c.biz_date, v.next_d) BETWEEN 1 AND ${s.returnDays} AS back,
        ${s.tag('c.biz_date', 'st.at')} AS t
      FROM cd c JOIN starts st ON st.d = c.biz_date LEFT JOIN ${s.firsts} f ON f.customer_key = c.customer_key
      LEFT JOIN visits v ON v.customer_key = c.customer_key AND v.d = c.biz_date),
    ${CUSTOMER_GROUPS}`;
  return {
    ctes: `sd AS (${spanRows(s, r, 'rollup_sales_day', 'x.d AS biz_date, x.kind, x.status, x.sales, x.gross, x.discounts, x.total', s.to)}),
    ${customerFigures},
    s0 AS (SELECT t.g, CAST(sum(sales) AS BIGINT) AS n, sum(gross) AS gross, sum(discounts) AS discounts, sum(total) AS total
      FROM (SELECT sales, gross, discounts, total, ${s.tag('biz_date')} AS t FROM sd WHERE status = 'completed') GROUP BY 1),
    a AS (SELECT t.g, ${n(`status = 'no_show'`)} AS no_show, ${n(`status = 'cancelled'`)} AS cancelled, ${n(`status IN ('completed', 'no_show', 'cancelled')`)} AS closed
      FROM (SELECT status, sales, ${s.tag('biz_date')} AS t FROM sd WHERE kind = 'appointment') GROUP BY 1),
    pay AS (${spanRows(s, r, 'rollup_payments_day', 'x.d AS biz_date, x.kind, x.method, x.amount, NULL::TIMESTAMPTZ AS occurred_at', s.to)})`,
  };
}
