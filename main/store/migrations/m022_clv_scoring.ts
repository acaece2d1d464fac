// Migration 22: how each customer-value model scores (BG/NBD, or the NBD limit when the data show no dropout), the
// NBD fit behind that decision, and the notes shown to the owner when a fit is degenerate.
export default {
  version: 22,
  name: 'analytics: customer value scoring and notes',
  sql: `
ALTER TABLE clv_models ADD COLUMN scoring VARCHAR DEFAULT 'bgnbd';
ALTER TABLE clv_models ADD COLUMN nbd_r DOUBLE;
ALTER TABLE clv_models ADD COLUMN nbd_alpha DOUBLE;
ALTER TABLE clv_models ADD COLUMN nbd_loglik DOUBLE;
ALTER TABLE clv_models ADD COLUMN notes JSON;
`,
};
