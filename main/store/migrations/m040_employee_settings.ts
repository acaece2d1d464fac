// Migration 40: per-employee settings the exports need: whether a professional is a partner (profissional-
// parceiro, Lei 13.352/2016), whose share of service revenue the monthly closing pack separates from the salon's.
export default {
  version: 40,
  name: 'employee settings',
  sql: `
CREATE TABLE employee_settings (
  employee_id VARCHAR NOT NULL,
  partner BOOLEAN NOT NULL DEFAULT false,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
};
