// Migration 3: customer identity links and the views reports read. Business-local dates come from the
// session variable biz_tz (set on every connection by Db), so a "day" is always the business's day.
export default {
  version: 3,
  name: 'identity and report views',
  sql: `
CREATE TABLE customer_identity (
  customer_id VARCHAR NOT NULL,
  unified_id VARCHAR NOT NULL,
  rule VARCHAR,
  matched_value VARCHAR,
  linked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE customer_identity_splits (
  customer_id VARCHAR NOT NULL,
  other_customer_id VARCHAR NOT NULL,
  split_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE VIEW v_sales AS
SELECT s.*,
  COALESCE(ci.unified_id, s.customer_id) AS customer_key,
  timezone(getvariable('biz_tz'), s.occurred_at) AS biz_ts,
  CAST(timezone(getvariable('biz_tz'), s.occurred_at) AS DATE) AS biz_date,
  CAST(timezone(getvariable('biz_tz'), s.created_at) AS DATE) AS biz_created_date
FROM sales s LEFT JOIN customer_identity ci ON ci.customer_id = s.customer_id;
CREATE VIEW v_payments AS
SELECT p.*,
  timezone(getvariable('biz_tz'), p.occurred_at) AS biz_ts,
  CAST(timezone(getvariable('biz_tz'), p.occurred_at) AS DATE) AS biz_date
FROM payments p;
CREATE VIEW v_sale_lines AS
SELECT l.*, s.status, s.source, s.kind AS sale_kind, s.location_id, s.customer_key, s.biz_date, s.biz_ts,
  COALESCE(l.employee_id, s.employee_id) AS staff_id
FROM sale_lines l JOIN v_sales s ON s.sale_id = l.sale_id;
CREATE VIEW v_customers AS
SELECT c.*, COALESCE(ci.unified_id, c.customer_id) AS customer_key
FROM customers c LEFT JOIN customer_identity ci ON ci.customer_id = c.customer_id;
`,
};
