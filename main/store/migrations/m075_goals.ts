// Migration 75: monthly goals (metas) per unit and per professional: revenue and number of services.
export default {
  version: 75,
  name: 'monthly goals',
  sql: `
CREATE TABLE goals (
  month VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  scope_id VARCHAR NOT NULL,
  revenue_goal DECIMAL(18,2),
  services_goal INTEGER,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (month, scope, scope_id)
);
`,
};
