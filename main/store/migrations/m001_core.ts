// Migration 1: the engine's own bookkeeping tables (settings, sources, sync state, import log and rejects).
export default {
  version: 1,
  name: 'core',
  sql: `
CREATE TABLE settings (key VARCHAR NOT NULL, value JSON NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE sources (
  source_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  name VARCHAR,
  base_url VARCHAR,
  enabled BOOLEAN NOT NULL DEFAULT true,
  config JSON,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE sync_state (
  source_id VARCHAR NOT NULL,
  stream VARCHAR NOT NULL,
  cursor JSON,
  last_success_at TIMESTAMPTZ,
  last_attempt_at TIMESTAMPTZ,
  last_error VARCHAR,
  rows_pulled BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE import_rejects (
  import_id VARCHAR,
  file VARCHAR NOT NULL,
  "table" VARCHAR,
  line BIGINT,
  "column" VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE import_log (
  import_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  "table" VARCHAR,
  format VARCHAR,
  loaded BIGINT,
  replaced BIGINT,
  rejected BIGINT,
  unknown_columns VARCHAR[],
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ
);
`,
};
