// Migration 11: v_report_lines — v_sale_lines plus the sale's occurred_at, so report filters on a period can
// compare UTC instants (pruned in the scan) before any time-zone conversion.
export default {
  version: 11,
  name: 'report lines view',
  sql: `
CREATE OR REPLACE VIEW v_report_lines AS
SELECT l.*, s.status, s.source, s.kind AS sale_kind, s.location_id, s.customer_key, s.biz_date, s.biz_ts,
  COALESCE(l.employee_id, s.employee_id) AS staff_id, s.occurred_at
FROM sale_lines l JOIN v_sales s ON s.sale_id = l.sale_id;
`,
};
