// Migration 20: customer analytics tables — monthly RFM snapshots (with the settings and data fingerprint each
// was built from), BG/NBD + Gamma-Gamma model fits and the per-customer value scores of the latest fit.
export default {
  version: 20,
  name: 'analytics: rfm snapshots and customer value',
  sql: `
CREATE TABLE rfm_snapshots (
  as_of DATE, customer_id VARCHAR, recency INT, frequency INT, monetary DECIMAL(18,2),
  r TINYINT, f TINYINT, m TINYINT, cluster VARCHAR
);
CREATE TABLE rfm_snapshot_runs (
  as_of DATE NOT NULL,
  window_days INTEGER NOT NULL,
  frequency_mode VARCHAR NOT NULL,
  frequency_thresholds INTEGER[],
  customers BIGINT NOT NULL,
  fingerprint VARCHAR NOT NULL,
  built_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE clv_models (
  model_id VARCHAR NOT NULL,
  as_of DATE NOT NULL,
  fitted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  customers BIGINT NOT NULL,
  repeat_customers BIGINT NOT NULL,
  bg_r DOUBLE, bg_alpha DOUBLE, bg_a DOUBLE, bg_b DOUBLE, bg_loglik DOUBLE, bg_iterations INTEGER, bg_converged BOOLEAN,
  gg_p DOUBLE, gg_q DOUBLE, gg_v DOUBLE, gg_loglik DOUBLE, gg_iterations INTEGER, gg_converged BOOLEAN,
  fit_ms DOUBLE, score_ms DOUBLE
);
CREATE TABLE customer_value (
  model_id VARCHAR NOT NULL,
  as_of DATE NOT NULL,
  customer_id VARCHAR NOT NULL,
  x INTEGER NOT NULL,
  t_x INTEGER NOT NULL,
  t_cal INTEGER NOT NULL,
  monetary DECIMAL(18,2),
  p_alive DOUBLE,
  churn_risk DOUBLE,
  expected_visits_90 DOUBLE,
  expected_visits_365 DOUBLE,
  expected_avg_value DECIMAL(18,2),
  expected_value_365 DECIMAL(18,2)
);
`,
};
