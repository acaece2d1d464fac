// Monthly goals (metas) per unit and professional: reading and saving them (goals table, migration 75) and their
// progress — revenue and services so far, and a projection to the month end that spreads the one revenue
// forecast (forecastTotal.ts) over units and professionals by their share of the last 28 days.
import type { GoalProgressResult, GoalProgressRow, GoalRow, GoalsResult, GoalScope } from '../../shared/contacts';
import type { Settings } from '../../shared/settings';
import type { LocalizedText } from '../../shared/types';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { forecastNext30 } from './forecastTotal';
import { businessToday, monthEnd } from './rfm';
import { salesFactsSql } from './salesFacts';

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });
/** Days behind the history end whose revenue shares spread the forecast over units and professionals. */
export const SHARE_DAYS = 28;

/** Every unit and every active professional (and any other with a goal that month), with the month's goals. */
function scopesSql(month: string): { sql: string; params: string[] } {
  return {
    sql: `WITH g AS (SELECT * FROM goals WHERE month = $1),
      s AS (
        SELECT 'location' AS scope, location_id AS scope_id, coalesce(name, location_id) AS name FROM locations
        UNION ALL
        SELECT 'employee', employee_id, coalesce(name, employee_id) FROM employees
        WHERE active IS NOT FALSE OR employee_id IN (SELECT scope_id FROM g WHERE scope = 'employee')
      )
      SELECT s.scope, s.scope_id AS "scopeId", s.name, g.revenue_goal::VARCHAR AS "revenueGoal", g.services_goal AS "servicesGoal"
      FROM s LEFT JOIN g ON g.scope = s.scope AND g.scope_id = s.scope_id`,
    params: [month],
  };
}

export async function getGoals(db: Db, month: string): Promise<GoalsResult> {
  const q = scopesSql(month);
  const rows = await db.all<GoalRow>(`SELECT * FROM (${q.sql}) ORDER BY scope DESC, name COLLATE pt, "scopeId"`, q.params);
  return { month, rows };
}

export interface GoalInput {
  scope: GoalScope;
  scopeId: string;
  revenueGoal: string | null;
  servicesGoal: number | null;
}

/** Saves goals for a month (a row with neither goal clears it). Unknown units or professionals are bad input. */
export async function setGoals(db: Db, month: string, goals: GoalInput[]): Promise<GoalsResult> {
  const rows = goals.map((g) => ({ ...g, revenueGoal: g.revenueGoal === null ? null : g.revenueGoal.replace(',', '.') }));
  const json = JSON.stringify(rows);
  const [missing] = await db.all<{ scope: string | null; id: string | null }>(
    `WITH r AS (SELECT unnest(from_json(CAST($1 AS JSON), '[{"scope":"VARCHAR","scopeId":"VARCHAR"}]'), recursive := true))
     SELECT scope, "scopeId" AS id FROM r WHERE NOT EXISTS (
       SELECT 1 FROM locations WHERE r.scope = 'location' AND location_id = r."scopeId"
       UNION ALL SELECT 1 FROM employees WHERE r.scope = 'employee' AND employee_id = r."scopeId") LIMIT 1`,
    [json],
  );
  if (missing) {
    const what = missing.scope === 'location' ? L('unidade', 'unit') : L('profissional', 'professional');
    throw new AppError('NOT_FOUND', `no ${what.en} ${missing.id} to set a goal for`, {
      text: L(`Não há ${what['pt-BR']} "${missing.id}" para definir meta.`, `There is no ${what.en} "${missing.id}" to set a goal for.`),
    });
  }
  await db.transaction(async (tx) => {
    const src = `(SELECT unnest(from_json(CAST($2 AS JSON), '[{"scope":"VARCHAR","scopeId":"VARCHAR","revenueGoal":"VARCHAR","servicesGoal":"INTEGER"}]'), recursive := true))`;
    await tx.run(`DELETE FROM goals WHERE month = $1 AND (scope, scope_id) IN (SELECT (scope, "scopeId") FROM ${src})`, [month, json]);
    await tx.run(
      `INSERT INTO goals (month, scope, scope_id, revenue_goal, services_goal, updated_at)
       SELECT $1, scope, "scopeId", CAST("revenueGoal" AS DECIMAL(18,2)), "servicesGoal", now() FROM ${src}
       WHERE "revenueGoal" IS NOT NULL OR "servicesGoal" IS NOT NULL`,
      [month, json],
    );
  });
  return getGoals(db, month);
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Forecast revenue of the month's days after the history end: the forecast's points in the month; days past the
 * forecast's reach (a month end more than 30 days out) at the forecast's daily average. Null without a forecast.
 */
export function remainingForecast(points: { date: string; point: number }[], historyEnd: string, monthLast: string): number | null {
  if (!points.length) return null;
  const first = addDays(historyEnd, 1);
  if (first > monthLast) return 0;
  const days = Math.round((Date.parse(monthLast) - Date.parse(first)) / 86_400_000) + 1;
  const inMonth = points.filter((p) => p.date >= first && p.date <= monthLast);
  const sum = inMonth.reduce((s, p) => s + p.point, 0);
  const avg = points.reduce((s, p) => s + p.point, 0) / points.length;
  return sum + Math.max(0, days - inMonth.length) * avg;
}

/** Revenue and services per unit and professional: in the month, up to the history end, and in the share window. */
function measuresSql(): string {
  // $1 month start, $2 month end, $3 history end, $4 share window start
  const lo = `least(CAST($1 AS DATE), CAST($4 AS DATE))`;
  return `WITH f AS ${salesFactsSql({ from: lo, to: 'greatest(CAST($2 AS DATE), CAST($3 AS DATE))', columns: ['location_id', 'employee_id', 'total_amount'], where: "s.status = 'completed'" })},
    ln AS (
      SELECT f.biz_date, f.location_id, coalesce(l.employee_id, f.employee_id) AS staff_id, l.line_total,
        CASE WHEN i.kind = 'service' THEN coalesce(l.quantity, 1) ELSE 0 END AS svc
      FROM f JOIN sale_lines l ON l.sale_id = f.sale_id LEFT JOIN items i ON i.item_id = l.item_id
    ),
    win AS (SELECT CAST($1 AS DATE) AS m0, CAST($2 AS DATE) AS m1, CAST($3 AS DATE) AS h, CAST($4 AS DATE) AS w0),
    rev AS (
      SELECT 'location' AS scope, location_id AS scope_id,
        sum(total_amount) FILTER (WHERE biz_date BETWEEN m0 AND m1) AS rev_m, sum(total_amount) FILTER (WHERE biz_date BETWEEN m0 AND h) AS rev_h,
        sum(total_amount) FILTER (WHERE biz_date BETWEEN w0 AND h) AS rev_w
      FROM f, win WHERE location_id IS NOT NULL GROUP BY location_id
      UNION ALL
      SELECT 'employee', staff_id, sum(line_total) FILTER (WHERE biz_date BETWEEN m0 AND m1), sum(line_total) FILTER (WHERE biz_date BETWEEN m0 AND h),
        sum(line_total) FILTER (WHERE biz_date BETWEEN w0 AND h)
      FROM ln, win WHERE staff_id IS NOT NULL GROUP BY staff_id
    ),
    svc AS (
      SELECT 'location' AS scope, location_id AS scope_id, sum(svc) FILTER (WHERE biz_date BETWEEN m0 AND m1) AS svc_m,
        sum(svc) FILTER (WHERE biz_date BETWEEN m0 AND h) AS svc_h, sum(svc) FILTER (WHERE biz_date BETWEEN w0 AND h) AS svc_w
      FROM ln, win WHERE location_id IS NOT NULL GROUP BY location_id
      UNION ALL
      SELECT 'employee', staff_id, sum(svc) FILTER (WHERE biz_date BETWEEN m0 AND m1), sum(svc) FILTER (WHERE biz_date BETWEEN m0 AND h),
        sum(svc) FILTER (WHERE biz_date BETWEEN w0 AND h)
      FROM ln, win WHERE staff_id IS NOT NULL GROUP BY staff_id
    ),
    tot AS (SELECT sum(total_amount) FILTER (WHERE biz_date BETWEEN w0 AND h) AS rev_w FROM f, win)
    SELECT coalesce(rev.scope, svc.scope) AS scope, coalesce(rev.scope_id, svc.scope_id) AS scope_id,
      coalesce(rev.rev_m, 0) AS rev_m, coalesce(rev.rev_h, 0) AS rev_h, coalesce(rev.rev_w, 0) AS rev_w,
      coalesce(svc.svc_m, 0) AS svc_m, coalesce(svc.svc_h, 0) AS svc_h, coalesce(svc.svc_w, 0) AS svc_w, tot.rev_w AS tot_w
    FROM rev FULL JOIN svc ON svc.scope = rev.scope AND svc.scope_id = rev.scope_id, tot`;
}

/**
 * Progress towards a month's goals. Revenue of a unit is its completed sales' total (the forecast's series); of
 * a professional, their staff revenue (line totals). Services are service lines' quantities. The projection is
 * what was sold up to the forecast's history end plus the forecast of the month's remaining days times the
 * scope's share of revenue (services: services per real of revenue) over the ${SHARE_DAYS} days before; never below what
 * is already sold.
 */
export async function goalProgress(db: Db, settings: Settings, month: string | undefined): Promise<GoalProgressResult> {
  const today = await businessToday(db);
  const m = month ?? today.slice(0, 7);
  const m0 = `${m}-01`;
  const m1 = monthEnd(m);
  const fc = m1 < today ? null : await forecastNext30(db, settings.holidays);
  let note: LocalizedText | null = null;
  let remaining: number | null = 0;
  let h = m1 < today ? m1 : today;
  if (fc) {
    if (fc.total === null || !fc.historyEnd) {
      remaining = null;
      note = L('Sem projeção: o histórico de vendas ainda é curto para a previsão.', 'No projection: the sales history is still too short for the forecast.');
    } else {
      h = fc.historyEnd;
      remaining = remainingForecast(fc.points, h, m1);
    }
  }
  const projected = remaining !== null && remaining > 0;
  const w0 = addDays(h, -(SHARE_DAYS - 1));
  const q = scopesSql(m);
  const rows = await db.all<GoalProgressRow>(
    `WITH sc AS (${q.sql.replace(/\$1/g, () => '$5')}), ms AS (${measuresSql()}),
      j AS (SELECT sc.*, coalesce(ms.rev_m, 0) AS rev_m, coalesce(ms.rev_h, 0) AS rev_h, coalesce(ms.svc_m, 0) AS svc_m, coalesce(ms.svc_h, 0) AS svc_h,
          CASE WHEN ms.tot_w > 0 THEN ms.rev_w / ms.tot_w END AS share, CASE WHEN ms.tot_w > 0 THEN ms.svc_w / ms.tot_w END AS svc_rate
        FROM sc LEFT JOIN ms ON ms.scope = sc.scope AND ms.scope_id = sc."scopeId")
    SELECT scope, "scopeId", name, "revenueGoal", "servicesGoal",
      CAST(rev_m AS DECIMAL(18,2))::VARCHAR AS revenue, CAST(svc_m AS DOUBLE) AS services,
      CASE WHEN CAST("revenueGoal" AS DECIMAL(18,2)) > 0 THEN CAST(rev_m / CAST("revenueGoal" AS DECIMAL(18,2)) AS DOUBLE) END AS "revenueProgress",
      CASE WHEN "servicesGoal" > 0 THEN CAST(svc_m AS DOUBLE) / "servicesGoal" END AS "servicesProgress",
      CASE WHEN $6::DOUBLE IS NOT NULL THEN CAST(greatest(rev_m, round(rev_h + $6::DOUBLE * coalesce(share, 0), 2)) AS DECIMAL(18,2))::VARCHAR END AS "revenueProjection",
      CASE WHEN $6::DOUBLE IS NOT NULL THEN CAST(greatest(svc_m, round(svc_h + $6::DOUBLE * coalesce(svc_rate, 0))) AS DOUBLE) END AS "servicesProjection"
    FROM j ORDER BY scope DESC, name COLLATE pt, "scopeId"`,
    [m0, m1, h, w0, m, remaining],
  );
  return { month: m, historyEnd: h, projected, note, rows };
}
