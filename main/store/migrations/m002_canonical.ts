// Migration 2: the canonical tables of specs/data-model.md. Ids are unique by import/sync logic, not by
// index: ART primary keys would slow bulk loads of tens of millions of rows and block upsert-by-merge.
export default {
  version: 2,
  name: 'canonical tables',
  sql: `
CREATE TABLE locations (location_id VARCHAR NOT NULL, name VARCHAR, city VARCHAR, state VARCHAR, timezone VARCHAR);
CREATE TABLE employees (
  employee_id VARCHAR NOT NULL, name VARCHAR, role VARCHAR, location_id VARCHAR,
  commission_rate DECIMAL(6,4), hired_at DATE, active BOOLEAN
);
CREATE TABLE customers (
  customer_id VARCHAR NOT NULL, name VARCHAR, email VARCHAR, phone VARCHAR, document VARCHAR, gender VARCHAR,
  birth_date DATE, city VARCHAR, state VARCHAR, created_at TIMESTAMPTZ, marketing_opt_in BOOLEAN, source VARCHAR
);
CREATE TABLE items (
  item_id VARCHAR NOT NULL, name VARCHAR, kind VARCHAR, category VARCHAR,
  list_price DECIMAL(18,2), cost DECIMAL(18,2), duration_min INTEGER
);
CREATE TABLE sales (
  sale_id VARCHAR NOT NULL, source VARCHAR, kind VARCHAR, customer_id VARCHAR, location_id VARCHAR, employee_id VARCHAR,
  status VARCHAR NOT NULL, created_at TIMESTAMPTZ, occurred_at TIMESTAMPTZ NOT NULL,
  gross_amount DECIMAL(18,2), discount_amount DECIMAL(18,2), coupon_code VARCHAR, tax_amount DECIMAL(18,2),
  shipping_amount DECIMAL(18,2), total_amount DECIMAL(18,2) NOT NULL, points_earned INTEGER, points_redeemed INTEGER,
  updated_at TIMESTAMPTZ
);
CREATE TABLE sale_lines (
  sale_id VARCHAR NOT NULL, line_no INTEGER NOT NULL, item_id VARCHAR NOT NULL, employee_id VARCHAR,
  quantity DECIMAL(18,3), unit_price DECIMAL(18,2), discount_amount DECIMAL(18,2), line_total DECIMAL(18,2), duration_min INTEGER
);
CREATE TABLE payments (
  payment_id VARCHAR NOT NULL, sale_id VARCHAR, occurred_at TIMESTAMPTZ NOT NULL, method VARCHAR NOT NULL,
  kind VARCHAR NOT NULL, amount DECIMAL(18,2) NOT NULL, fee_amount DECIMAL(18,2)
);
CREATE TABLE loyalty_transactions (
  loyalty_txn_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, sale_id VARCHAR, occurred_at TIMESTAMPTZ NOT NULL,
  kind VARCHAR NOT NULL, points INTEGER NOT NULL
);
CREATE TABLE campaigns (
  campaign_id VARCHAR NOT NULL, name VARCHAR, channel VARCHAR, segment_id VARCHAR, started_at TIMESTAMPTZ, budget DECIMAL(18,2)
);
CREATE TABLE campaign_events (
  event_id VARCHAR NOT NULL, campaign_id VARCHAR NOT NULL, customer_id VARCHAR, event_type VARCHAR NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL, revenue_amount DECIMAL(18,2)
);
CREATE TABLE listing_snapshots (
  listing_id VARCHAR NOT NULL, item_id VARCHAR, seller_id VARCHAR, observed_at TIMESTAMPTZ NOT NULL, title VARCHAR,
  price DECIMAL(18,2), original_price DECIMAL(18,2), available_quantity INTEGER, sold_quantity INTEGER, is_own BOOLEAN
);
`,
};
