// Migration 21: the latest revenue forecast per granularity (the forecast report reads it), with its backtest.
export default {
  version: 21,
  name: 'analytics: forecasts',
  sql: `
CREATE TABLE forecast_runs (
  run_id VARCHAR NOT NULL,
  granularity VARCHAR NOT NULL,
  horizon INTEGER NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  history_end DATE,
  history_length INTEGER,
  season_length INTEGER,
  model VARCHAR,
  best_model VARCHAR,
  notes JSON,
  backtest JSON
);
CREATE TABLE forecast_points (
  run_id VARCHAR NOT NULL,
  date DATE NOT NULL,
  point DOUBLE, lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE
);
`,
};
