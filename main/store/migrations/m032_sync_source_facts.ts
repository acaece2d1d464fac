// Migration 32: what a source told us about itself that is not a canonical row: its own order statuses (Bling
// situações with the default one each inherits, WooCommerce or Mercado Livre statuses seen) for the status-mapping
// settings, and the group an order was bought in (a Mercado Livre pack: one cart, several orders).
export default {
  version: 32,
  name: 'sync source statuses and order groups',
  sql: `
CREATE TABLE sync_source_statuses (
  source_id VARCHAR NOT NULL,
  code VARCHAR NOT NULL,
  name VARCHAR,
  inherited VARCHAR,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, code)
);
CREATE TABLE sync_order_groups (sale_id VARCHAR PRIMARY KEY, group_id VARCHAR NOT NULL);
`,
};
