// The model is the schema: a migrated database has exactly the model's tables, columns, types and NOT NULLs, and the
// DDL generated for migration 2 creates the same tables the hand-written migration 2 created in existing files.
import { describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { CANONICAL_TABLES, canonicalDdl, enumLabelSql, SQL_TYPES, TABLE_SPECS } from './schema';

/** Migration 2 as it was written by hand before the model generated it: the tables existing databases hold. */
const FROZEN_V2 = `
CREATE TABLE locations (location_id VARCHAR NOT NULL, name VARCHAR, city VARCHAR, state VARCHAR, timezone VARCHAR);
CREATE TABLE employees (employee_id VARCHAR NOT NULL, name VARCHAR, role VARCHAR, location_id VARCHAR, commission_rate DECIMAL(6,4), hired_at DATE, active BOOLEAN);
CREATE TABLE customers (customer_id VARCHAR NOT NULL, name VARCHAR, email VARCHAR, phone VARCHAR, document VARCHAR, gender VARCHAR,
  birth_date DATE, city VARCHAR, state VARCHAR, created_at TIMESTAMPTZ, marketing_opt_in BOOLEAN, source VARCHAR);
CREATE TABLE items (item_id VARCHAR NOT NULL, name VARCHAR, kind VARCHAR, category VARCHAR, list_price DECIMAL(18,2), cost DECIMAL(18,2), duration_min INTEGER);
CREATE TABLE sales (sale_id VARCHAR NOT NULL, source VARCHAR, kind VARCHAR, customer_id VARCHAR, location_id VARCHAR, employee_id VARCHAR,
  status VARCHAR NOT NULL, created_at TIMESTAMPTZ, occurred_at TIMESTAMPTZ NOT NULL, gross_amount DECIMAL(18,2), discount_amount DECIMAL(18,2),
  coupon_code VARCHAR, tax_amount DECIMAL(18,2), shipping_amount DECIMAL(18,2), total_amount DECIMAL(18,2) NOT NULL, points_earned INTEGER,
  points_redeemed INTEGER, updated_at TIMESTAMPTZ);
CREATE TABLE sale_lines (sale_id VARCHAR NOT NULL, line_no INTEGER NOT NULL, item_id VARCHAR NOT NULL, employee_id VARCHAR,
  quantity DECIMAL(18,3), unit_price DECIMAL(18,2), discount_amount DECIMAL(18,2), line_total DECIMAL(18,2), duration_min INTEGER);
CREATE TABLE payments (payment_id VARCHAR NOT NULL, sale_id VARCHAR, occurred_at TIMESTAMPTZ NOT NULL, method VARCHAR NOT NULL,
  kind VARCHAR NOT NULL, amount DECIMAL(18,2) NOT NULL, fee_amount DECIMAL(18,2));
CREATE TABLE loyalty_transactions (loyalty_txn_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, sale_id VARCHAR, occurred_at TIMESTAMPTZ NOT NULL,
  kind VARCHAR NOT NULL, points INTEGER NOT NULL);
CREATE TABLE campaigns (campaign_id VARCHAR NOT NULL, name VARCHAR, channel VARCHAR, segment_id VARCHAR, started_at TIMESTAMPTZ, budget DECIMAL(18,2));
CREATE TABLE campaign_events (event_id VARCHAR NOT NULL, campaign_id VARCHAR NOT NULL, customer_id VARCHAR, event_type VARCHAR NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL, revenue_amount DECIMAL(18,2));
CREATE TABLE listing_snapshots (listing_id VARCHAR NOT NULL, item_id VARCHAR, seller_id VARCHAR, observed_at TIMESTAMPTZ NOT NULL, title VARCHAR,
  price DECIMAL(18,2), original_price DECIMAL(18,2), available_quantity INTEGER, sold_quantity INTEGER, is_own BOOLEAN);
`;

type Col = { t: string; c: string; ty: string; nn: boolean; pos: number };

async function columnsOf(db: Db): Promise<Col[]> {
  return db.all<Col>(
    `SELECT table_name AS t, column_name AS c, data_type AS ty, is_nullable = 'NO' AS nn, ordinal_position::INTEGER AS pos
     FROM information_schema.columns WHERE table_schema = 'main' AND table_name IN (SELECT unnest($1::VARCHAR[])) ORDER BY t, pos`,
    [JSON.stringify(CANONICAL_TABLES)],
  );
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await Db.open({ path: ':memory:', readers: 1 });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('canonical schema from the model', () => {
  it('a migrated database has exactly the columns, types and required columns of the model', async () => {
    const { cols, typeNames } = await withDb(async (db) => {
      await migrate(db);
      // DuckDB's own name of each model type (TIMESTAMPTZ reads back as TIMESTAMP WITH TIME ZONE).
      const names = await db.all<{ k: string; n: string }>(Object.entries(SQL_TYPES).map(([k, ty]) => `SELECT '${k}' AS k, typeof(CAST(NULL AS ${ty})) AS n`).join(' UNION ALL '));
      return { cols: await columnsOf(db), typeNames: new Map(names.map((r) => [r.k, r.n])) };
    });
    const fromModel = CANONICAL_TABLES.flatMap((t) =>
      TABLE_SPECS[t].columns.map((c, i) => ({ t, c: c.name, ty: typeNames.get(c.kind), nn: !!c.required, pos: i + 1 })),
    ).sort((a, b) => a.t.localeCompare(b.t) || a.pos - b.pos);
    expect(cols.length).toBeGreaterThan(90);
    expect(cols).toEqual(fromModel);
  });

  it('migration 2 generated from the model creates the tables existing databases were made with', async () => {
    const frozen = await withDb(async (db) => {
      await db.run(FROZEN_V2);
      return columnsOf(db);
    });
    const generated = await withDb(async (db) => {
      await db.run(canonicalDdl(2));
      return columnsOf(db);
    });
    expect(frozen).toHaveLength(generated.length);
    expect(generated).toEqual(frozen);
  });

  it('every closed list of the model is a column rule with words in both languages', () => {
    const lists = CANONICAL_TABLES.flatMap((t) => TABLE_SPECS[t].columns.filter((c) => c.values).map((c) => `${t}.${c.name}`));
    expect(lists).toEqual(['items.kind', 'sales.kind', 'sales.status', 'payments.method', 'payments.kind', 'loyalty_transactions.kind', 'campaigns.channel', 'campaign_events.event_type']);
  });

  it('exports say the words of a code in either language; a code outside the list passes through', async () => {
    const rows = await withDb((db) =>
      db.all<{ x: string; pt: string; en: string }>(
        `SELECT x, ${enumLabelSql('x', 'paymentMethod', 'pt-BR')} AS pt, ${enumLabelSql('x', 'paymentMethod', 'en')} AS en FROM (VALUES ('credit_card'), ('pix'), ('cheque')) t(x) ORDER BY x`,
      ),
    );
    expect(rows).toEqual([
      { x: 'cheque', pt: 'cheque', en: 'cheque' },
      { x: 'credit_card', pt: 'Cartão de crédito', en: 'Credit card' },
      { x: 'pix', pt: 'Pix', en: 'Pix' },
    ]);
  });
});
