// Customer value: per-customer BG/NBD statistics (repeat visit days x, t_x, age T, mean repeat-day spend) staged in
// customer_value by one DuckDB query, BG/NBD + Gamma-Gamma fitted over those columns in TypeScript, then every
// customer scored in one UPDATE: P(alive) in SQL as a logistic of the log-odds, expected visits through a vectorised
// scalar function (log-space 2F1), or the NBD limit when the data identify no dropout.
import { randomUUID } from 'node:crypto';
import { DOUBLE, DuckDBScalarFunction } from '@duckdb/node-api';
import type { CustomerValueModel } from '../../shared/analytics';
import type { LocalizedText } from '../../shared/types';
import type { JobContext } from '../jobs/jobRunner';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { fitBgNbd, prepareBg, type BgParams } from './bgnbd';
import { chooseScoring, type ScoringChoice } from './bgnbdLimit';
import { expectedVisits } from './bgnbdScore';
import { fitGammaGamma, prepareGg, type GgParams } from './gammaGamma';
import { salesFactsSql } from './salesFacts';

const registered = new WeakSet<Db>();

/** painel_bgnbd_expected(t, x, t_x, T, r, alpha, a, b): expected visits in the next t days (instance-wide function). */
export function registerClvFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.readConnection().registerScalarFunction(
    DuckDBScalarFunction.create({
      name: 'painel_bgnbd_expected',
      returnType: DOUBLE,
      parameterTypes: [DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE],
      mainFunction: (_info, input, output) => {
        const [t, x, tx, T, r, alpha, a, b] = Array.from({ length: 8 }, (_, i) => input.getColumnVector(i));
        for (let row = 0; row < input.rowCount; row++) {
          const tv = t.getItem(row) as number | null;
          const xv = x.getItem(row) as number | null;
          const txv = tx.getItem(row) as number | null;
          const Tv = T.getItem(row) as number | null;
          const p = { r: r.getItem(row) as number | null, alpha: alpha.getItem(row) as number | null, a: a.getItem(row) as number | null, b: b.getItem(row) as number | null };
          if (tv === null || xv === null || txv === null || Tv === null || p.r === null || p.alpha === null || p.a === null || p.b === null) {
            output.setItem(row, null);
            continue;
          }
          const e = expectedVisits(p as { r: number; alpha: number; a: number; b: number }, tv, xv, txv, Tv);
          output.setItem(row, Number.isFinite(e) ? e : null);
        }
        output.flush();
      },
    }),
  );
  registered.add(db);
}

/** Per-customer statistics as of D in days; visits on the same business day count once (one "transaction"). */
function statsSql(asOf: string): string {
  return `
    WITH days AS (
      SELECT customer_key, biz_date, sum(total_amount) AS amount
      FROM ${salesFactsSql({ to: asOf, columns: ['total_amount'], where: "s.status = 'completed'" })} f
      WHERE customer_key IS NOT NULL GROUP BY customer_key, biz_date
    ), per AS (
      SELECT customer_key, count(*) - 1 AS x, min(biz_date) AS first_day, max(biz_date) AS last_day,
        sum(amount) - arg_min(amount, biz_date) AS repeat_amount
      FROM days GROUP BY customer_key
    )
    SELECT customer_key AS customer_id, x::INTEGER AS x, date_diff('day', first_day, last_day)::INTEGER AS t_x,
      date_diff('day', first_day, ${asOf})::INTEGER AS t_cal,
      CASE WHEN x > 0 THEN round(repeat_amount / x, 2) END::DECIMAL(18,2) AS monetary
    FROM per`;
}

export interface FitOptions {
  asOf: string;
  job?: JobContext;
}

/** Fits both models as of D, scores every customer and makes this the current model (replacing older scores). */
export async function fitCustomerValue(db: Db, o: FitOptions): Promise<CustomerValueModel> {
  const modelId = randomUUID();
  const t0 = performance.now();
  const job = o.job;
  job?.progress({ done: 0, total: 4, phase: 'statistics' });
  await db.run(
    `INSERT INTO customer_value (model_id, as_of, customer_id, x, t_x, t_cal, monetary)
     SELECT $1, CAST($2 AS DATE), customer_id, x, t_x, t_cal, monetary FROM (${statsSql('CAST($2 AS DATE)')})`,
    [modelId, o.asOf],
  );
  try {
    job?.checkCancelled();
    job?.progress({ done: 1, total: 4, phase: 'fit' });
    const reader = await db.reader(`SELECT x::DOUBLE, t_x::DOUBLE, t_cal::DOUBLE, coalesce(monetary, 0)::DOUBLE FROM customer_value WHERE model_id = $1`, [modelId]);
    const cols = reader.getColumnsJS() as number[][];
    if (!cols[0]?.length) throw new AppError('NOT_READY', 'no customer has a completed sale yet: nothing to fit');
    const bgStats = prepareBg(cols[0], cols[1], cols[2]);
    const bg = fitBgNbd(bgStats);
    const choice = chooseScoring(bg, bgStats);
    job?.checkCancelled();
    const ggStats = prepareGg(cols[0], cols[3]);
    const gg = ggStats.n >= 10 ? fitGammaGamma(ggStats) : null;
    const ggUsable = gg !== null && gg.converged && gg.q > 1 && [gg.p, gg.q, gg.v].every(Number.isFinite);
    const notes: LocalizedText[] = [...choice.notes];
    if (!ggUsable) notes.push(SPEND_NOTE);
    const fitMs = performance.now() - t0;
    job?.progress({ done: 2, total: 4, phase: 'score' });
    const t1 = performance.now();
    await scoreCustomers(db, modelId, bg, choice, ggUsable ? gg : null);
    const scoreMs = performance.now() - t1;
    job?.progress({ done: 3, total: 4, phase: 'save' });
    await db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO clv_models (model_id, as_of, fitted_at, customers, repeat_customers, bg_r, bg_alpha, bg_a, bg_b, bg_loglik, bg_iterations, bg_converged,
           gg_p, gg_q, gg_v, gg_loglik, gg_iterations, gg_converged, fit_ms, score_ms, scoring, nbd_r, nbd_alpha, nbd_loglik, notes)
         SELECT $1, CAST($2 AS DATE), greatest(now(), coalesce((SELECT max(fitted_at) FROM clv_models) + INTERVAL 1 MILLISECOND, now())),
           $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24::JSON`,
        [modelId, o.asOf, bgStats.n, bgStats.x.length, finite(bg.r), finite(bg.alpha), finite(bg.a), finite(bg.b), finite(bg.logLik), bg.iterations, bg.converged,
          finite(gg?.p), finite(gg?.q), finite(gg?.v), finite(gg?.logLik), gg?.iterations ?? null, gg?.converged ?? null, fitMs, scoreMs,
          choice.scoring, finite(choice.nbd?.r), finite(choice.nbd?.alpha), finite(choice.nbd?.logLik), JSON.stringify(notes)],
      );
      await tx.run(`DELETE FROM customer_value WHERE model_id <> $1`, [modelId]);
      tx.touched('customer_value', 'clv_models');
    });
    job?.progress({ done: 4, total: 4, phase: 'done' });
    return (await modelById(db, modelId)) as CustomerValueModel;
  } catch (err) {
    await db.run(`DELETE FROM customer_value WHERE model_id = $1`, [modelId]);
    throw err;
  }
}

const SPEND_NOTE: LocalizedText = {
  'pt-BR': 'O gasto por visita não mostra diferença estável entre clientes: o valor esperado usa o gasto médio de cada cliente (ou o médio de todos, para quem voltou uma vez só).',
  en: 'Spend per visit shows no stable difference between customers: expected value uses each customer’s own average spend (or everyone’s average for one-visit customers).',
};

/** DuckDB parameters are plain doubles: a non-finite fit value is stored as NULL. */
const finite = (v: number | undefined | null): number | null => (v !== undefined && v !== null && Number.isFinite(v) ? v : null);

/**
 * Scores the staged rows of a model in one statement. P(alive) is the logistic of minus the log-odds of dropout,
 * written so exp never sees a positive argument; Gamma-Gamma needs q > 1 for a finite mean, else each customer's
 * own average spend stands in.
 */
async function scoreCustomers(db: Db, modelId: string, bg: BgParams, choice: ScoringChoice, gg: GgParams | null): Promise<void> {
  registerClvFunctions(db);
  const nbd = choice.scoring === 'nbd' && choice.nbd ? choice.nbd : null;
  // Fitted values go in as exact double literals (every one is finite here): the expressions differ per scoring.
  const lit = (v: number) => `${v.toPrecision(17)}::DOUBLE`;
  const [r, alpha, a, b] = (nbd ? [nbd.r, nbd.alpha, 1, 1] : [bg.r, bg.alpha, bg.a, bg.b]).map(lit);
  const lr = `(ln(${a}) - ln(${b} + x - 1) + (${r} + x) * (ln(${alpha} + t_cal) - ln(${alpha} + t_x)))`;
  const pAlive = nbd ? '1.0' : `CASE WHEN x = 0 THEN 1.0 WHEN ${lr} > 0 THEN exp(-${lr}) / (1.0 + exp(-${lr})) ELSE 1.0 / (1.0 + exp(${lr})) END`;
  const exp = (t: number) => (nbd ? `(${r} + x) * ${t} / (${alpha} + t_cal)` : `painel_bgnbd_expected(${t}, x, t_x, t_cal, ${r}, ${alpha}, ${a}, ${b})`);
  const [gp, gq, gv] = gg ? [gg.p, gg.q, gg.v].map(lit) : [];
  const avgValue = gg
    ? `CASE WHEN x > 0 AND monetary > 0 THEN (${gp} * (${gv} + monetary * x)) / (${gp} * x + ${gq} - 1) ELSE (${gp} * ${gv}) / (${gq} - 1) END`
    : `CASE WHEN x > 0 AND monetary > 0 THEN monetary ELSE (SELECT avg(monetary) FROM customer_value WHERE model_id = $1 AND x > 0 AND monetary > 0) END`;
  const params = [modelId];
  // Row-wise updates (no self-join): the scores first, then what derives from them.
  await db.transaction(async (tx) => {
    await tx.run(
      `UPDATE customer_value SET p_alive = ${pAlive}, expected_visits_90 = ${exp(90)}, expected_visits_365 = ${exp(365)},
         expected_avg_value = round((${avgValue})::DOUBLE, 2)
       WHERE model_id = $1`,
      params,
    );
    await tx.run(`UPDATE customer_value SET churn_risk = 1 - p_alive, expected_value_365 = round(expected_visits_365 * expected_avg_value, 2) WHERE model_id = $1`, [modelId]);
  });
}

interface ModelRow {
  model_id: string;
  as_of: string;
  fitted_at: string;
  customers: number;
  repeat_customers: number;
  bg_r: number;
  bg_alpha: number;
  bg_a: number;
  bg_b: number;
  bg_loglik: number;
  bg_iterations: number;
  bg_converged: boolean;
  gg_p: number | null;
  gg_q: number | null;
  gg_v: number | null;
  gg_loglik: number | null;
  gg_iterations: number | null;
  gg_converged: boolean | null;
  fit_ms: number;
  score_ms: number;
  scoring: string | null;
  nbd_r: number | null;
  nbd_alpha: number | null;
  nbd_loglik: number | null;
  notes: string | null;
}

/** The latest fitted model (fitted_at is strictly increasing), or null. */
export async function currentModel(db: Db): Promise<CustomerValueModel | null> {
  return modelById(db, null);
}

async function modelById(db: Db, modelId: string | null): Promise<CustomerValueModel | null> {
  const [m] = await db.all<ModelRow>(
    `SELECT * EXCLUDE (as_of, fitted_at, customers, repeat_customers, notes), notes::VARCHAR AS notes, strftime(as_of, '%Y-%m-%d') AS as_of,
       strftime(timezone('UTC', fitted_at), '%Y-%m-%dT%H:%M:%SZ') AS fitted_at, customers::DOUBLE AS customers, repeat_customers::DOUBLE AS repeat_customers
     FROM clv_models WHERE $1::VARCHAR IS NULL OR model_id = $1 ORDER BY clv_models.fitted_at DESC LIMIT 1`,
    [modelId],
  );
  if (!m) return null;
  return {
    modelId: m.model_id,
    asOf: m.as_of,
    fittedAt: m.fitted_at,
    customers: m.customers,
    repeatCustomers: m.repeat_customers,
    bgnbd: { r: m.bg_r, alpha: m.bg_alpha, a: m.bg_a, b: m.bg_b, logLik: m.bg_loglik, iterations: m.bg_iterations, converged: m.bg_converged },
    gammaGamma:
      m.gg_p === null ? null : { p: m.gg_p, q: m.gg_q as number, v: m.gg_v as number, logLik: m.gg_loglik as number, iterations: m.gg_iterations as number, converged: Boolean(m.gg_converged) },
    fitMs: m.fit_ms,
    scoreMs: m.score_ms,
    scoring: m.scoring === 'nbd' ? 'nbd' : 'bgnbd',
    nbd: m.nbd_r === null || m.nbd_alpha === null ? null : { r: m.nbd_r, alpha: m.nbd_alpha, logLik: m.nbd_loglik },
    notes: m.notes ? (JSON.parse(m.notes) as LocalizedText[]) : [],
  };
}
