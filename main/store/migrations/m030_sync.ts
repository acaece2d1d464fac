// Migration 30: sync bookkeeping beside m001's sources/sync_state — one row per source run (status, error in plain
// words, counts), records a source sent that broke a rule, and ids seen during a deletion sweep (committed with pages).
export default {
  version: 30,
  name: 'sync runs, rejects and sweeps',
  sql: `
CREATE TABLE sync_runs (
  run_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  mode VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  state VARCHAR NOT NULL,
  error VARCHAR,
  rows_pulled BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  requests BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sync_rejects (
  source_id VARCHAR NOT NULL,
  stream VARCHAR NOT NULL,
  "table" VARCHAR,
  record_id VARCHAR,
  reason VARCHAR NOT NULL,
  excerpt VARCHAR,
  rejected_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE sync_seen (
  source_id VARCHAR NOT NULL,
  stream VARCHAR NOT NULL,
  "table" VARCHAR NOT NULL,
  id VARCHAR NOT NULL
);
`,
};
