// Migration 4: explainable identity links (which record a customer was matched with) and fuller import bookkeeping.
export default {
  version: 4,
  name: 'identity explanations and import log details',
  sql: `
ALTER TABLE customer_identity ADD COLUMN matched_with VARCHAR;
ALTER TABLE import_log ADD COLUMN "rows" BIGINT;
ALTER TABLE import_log ADD COLUMN unchanged BIGINT;
ALTER TABLE import_log ADD COLUMN bytes BIGINT;
ALTER TABLE import_log ADD COLUMN error VARCHAR;
`,
};
