// Keeps the latest forecast of each granularity in forecast_runs / forecast_points, so reports, exports and the
// dashboard read the same numbers the forecast screen showed.
import { randomUUID } from 'node:crypto';
import type { ForecastResult } from '../../shared/analytics';
import type { Db } from '../store/db';

export async function storeForecast(db: Db, f: ForecastResult): Promise<string> {
  const runId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.run(`DELETE FROM forecast_points WHERE run_id IN (SELECT run_id FROM forecast_runs WHERE granularity = $1)`, [f.granularity]);
    await tx.run(`DELETE FROM forecast_runs WHERE granularity = $1`, [f.granularity]);
    await tx.run(
      `INSERT INTO forecast_runs (run_id, granularity, horizon, history_end, history_length, season_length, model, best_model, notes, backtest)
       VALUES ($1, $2, $3, CAST($4 AS DATE), $5, $6, $7, $8, $9::JSON, $10::JSON)`,
      [runId, f.granularity, f.horizon, f.historyEnd, f.historyLength, f.seasonLength, f.model, f.bestModel, JSON.stringify(f.notes), JSON.stringify(f.backtest)],
    );
    if (f.points.length) {
      const values: (string | number)[] = [];
      const rows = f.points.map((p) => {
        values.push(runId, p.date, p.point, p.lo80, p.hi80, p.lo95, p.hi95);
        const b = values.length - 7;
        return `($${b + 1}, CAST($${b + 2} AS DATE), $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await tx.run(`INSERT INTO forecast_points VALUES ${rows.join(', ')}`, values);
    }
    tx.touched('forecast_runs');
  });
  return runId;
}
