// Migration 50: spreadsheet mapping templates (applied again to files with the same header shape) and the keys
// each import added, so an import can be undone (its rows removed, others untouched).
export default {
  version: 50,
  name: 'import templates and import rows',
  sql: `
CREATE TABLE import_templates (
  name VARCHAR PRIMARY KEY,
  shape VARCHAR NOT NULL,
  mapping VARCHAR NOT NULL,
  date_order VARCHAR NOT NULL,
  decimal_mark VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE import_rows (
  import_id VARCHAR NOT NULL,
  "table" VARCHAR NOT NULL,
  "key" VARCHAR NOT NULL
);
CREATE TABLE import_undone (
  import_id VARCHAR NOT NULL,
  undone_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
};
