// A small hand-made dataset with known answers for the report tests (business time zone America/Sao_Paulo,
// UTC-3): a sale at 23:30 local on Mar 31 that is Apr 1 in UTC, a refund in the month after its sale, a split
// payment, a partial payment, cancelled / no-show / booked appointments with deposits, a walk-in without a
// customer, one customer on two sources linked in customer_identity, a campaign, loyalty and listings.
import type { Db } from '../store/db';
import { rebuildRollupsTx } from '../model/rollups';

export const FIXTURE_SQL = `
INSERT INTO locations VALUES ('L1', 'Centro', 'São Paulo', 'SP', NULL), ('L2', 'Shopping', 'São Paulo', 'SP', NULL);
INSERT INTO employees VALUES
  ('E1', 'Ana', 'stylist', 'L1', 0.0500, DATE '2024-01-01', true),
  ('E2', 'Bia', 'manicure', 'L2', 0.3333, DATE '2024-01-01', true),
  ('E3', 'Caio', 'seller', 'L1', 0.1000, DATE '2024-01-01', true);
INSERT INTO items VALUES
  ('SVC1', 'Corte', 'service', 'cabelo', 80.00, NULL, 60),
  ('SVC2', 'Manicure', 'service', 'unhas', 40.00, 10.00, 45),
  ('PRD1', 'Shampoo', 'product', 'produtos', 50.00, 20.00, NULL);
INSERT INTO customers (customer_id, name, email, phone, gender, birth_date, city, created_at, source) VALUES
  ('C1', 'Maria Souza', 'maria@example.com', '11999990001', 'F', DATE '1985-07-20', 'São Paulo', TIMESTAMPTZ '2025-01-01 12:00:00+00', 'salon'),
  ('woo:77', 'Maria S.', 'maria@example.com', NULL, NULL, NULL, 'São Paulo', TIMESTAMPTZ '2025-06-01 12:00:00+00', 'woo'),
  ('C2', 'João Lima', 'joao@example.com', '11999990002', 'M', DATE '1990-05-10', 'Santos', TIMESTAMPTZ '2026-03-01 12:00:00+00', 'salon'),
  ('C3', 'Lia Reis', NULL, '11999990003', 'F', NULL, 'São Paulo', TIMESTAMPTZ '2026-03-01 12:00:00+00', 'salon');
INSERT INTO customer_identity (customer_id, unified_id, rule, matched_value) VALUES ('woo:77', 'C1', 'email', 'maria@example.com');
INSERT INTO sales (sale_id, source, kind, customer_id, location_id, employee_id, status, created_at, occurred_at,
  gross_amount, discount_amount, coupon_code, tax_amount, shipping_amount, total_amount) VALUES
  ('S1', 'salon', 'appointment', 'C1', 'L1', 'E1', 'completed', '2026-03-25 12:00:00+00', '2026-04-01 02:30:00+00', 100.10, 10.00, 'BEMVINDA', 0, 0, 90.10),
  ('S2', 'salon', 'appointment', 'C2', 'L1', 'E2', 'completed', '2026-03-14 12:00:00+00', '2026-03-15 13:00:00+00', 120.00, 0, NULL, 0, 0, 120.00),
  ('woo:S3', 'woo', 'order', 'woo:77', NULL, NULL, 'completed', '2026-03-20 14:00:00+00', '2026-03-20 15:00:00+00', 200.00, 20.00, 'PROMO10', 18.00, 15.00, 213.00),
  ('S4', 'salon', 'appointment', 'C3', 'L2', 'E2', 'cancelled', '2026-03-05 12:00:00+00', '2026-03-18 17:00:00+00', 80.00, 0, NULL, 0, 0, 80.00),
  ('S5', 'salon', 'appointment', 'C2', 'L1', 'E1', 'no_show', '2026-03-20 12:00:00+00', '2026-03-25 14:00:00+00', 80.00, 0, NULL, 0, 0, 80.00),
  ('S6', 'salon', 'appointment', NULL, 'L1', 'E1', 'completed', '2026-04-05 11:00:00+00', '2026-04-05 12:00:00+00', 80.00, 0, NULL, 0, 0, 80.00),
  ('S7', 'salon', 'appointment', 'C3', 'L2', 'E2', 'booked', '2026-04-01 12:00:00+00', '2026-04-20 13:00:00+00', 40.00, 0, NULL, 0, 0, 40.00),
  ('S8', 'salon', 'appointment', 'C1', 'L1', 'E1', 'completed', '2026-02-01 12:00:00+00', '2026-02-10 13:00:00+00', 50.00, 0, NULL, 0, 0, 50.00),
  ('S9', 'salon', 'appointment', 'C1', 'L1', 'E1', 'completed', '2025-03-01 12:00:00+00', '2025-03-12 13:00:00+00', 60.00, 0, NULL, 0, 0, 60.00);
INSERT INTO sale_lines VALUES
  ('S1', 1, 'SVC1', 'E1', 1, 100.10, 10.00, 90.10, 60),
  ('S2', 1, 'SVC2', NULL, 1, 40.00, 0, 40.00, 45),
  ('S2', 2, 'PRD1', 'E3', 2, 40.00, 0, 80.00, NULL),
  ('woo:S3', 1, 'PRD1', NULL, 4, 50.00, 20.00, 180.00, NULL),
  ('S4', 1, 'SVC1', 'E2', 1, 80.00, 0, 80.00, 60),
  ('S5', 1, 'SVC1', 'E1', 1, 80.00, 0, 80.00, 60),
  ('S6', 1, 'SVC1', 'E1', 1, 80.00, 0, 80.00, 60),
  ('S7', 1, 'SVC2', 'E2', 1, 40.00, 0, 40.00, 45),
  ('S8', 1, 'SVC2', 'E1', 1, 50.00, 0, 50.00, 45),
  ('S9', 1, 'SVC1', 'E1', 1, 60.00, 0, 60.00, 60);
INSERT INTO payments VALUES
  ('P1', 'S1', '2026-04-01 02:35:00+00', 'cash', 'payment', 90.10, 0),
  ('P2a', 'S2', '2026-03-15 13:10:00+00', 'pix', 'payment', 70.00, 0),
  ('P2b', 'S2', '2026-03-15 13:10:00+00', 'credit_card', 'payment', 50.00, 2.50),
  ('woo:P3', 'woo:S3', '2026-03-20 15:01:00+00', 'pix', 'payment', 200.00, 5.00),
  ('woo:R3', 'woo:S3', '2026-04-02 14:00:00+00', 'pix', 'refund', 45.00, 0),
  ('P4', 'S4', '2026-03-10 12:00:00+00', 'pix', 'payment', 20.00, 0),
  ('R4', 'S4', '2026-03-17 12:00:00+00', 'pix', 'refund', 20.00, 0),
  ('P5', 'S5', '2026-03-20 12:00:00+00', 'pix', 'payment', 30.00, 0),
  ('P6', 'S6', '2026-04-05 12:05:00+00', 'cash', 'payment', 80.00, 0),
  ('P8', 'S8', '2026-02-10 13:05:00+00', 'debit_card', 'payment', 50.00, 1.00),
  ('P9', 'S9', '2025-03-12 13:05:00+00', 'cash', 'payment', 60.00, 0);
INSERT INTO loyalty_transactions VALUES
  ('LT1', 'C1', 'S1', '2026-03-10 12:00:00+00', 'earned', 90),
  ('LT2', 'woo:77', 'woo:S3', '2026-03-20 15:00:00+00', 'earned', 213),
  ('LT3', 'C1', NULL, '2026-03-21 12:00:00+00', 'redeemed', 50);
INSERT INTO campaigns VALUES ('K1', 'Março', 'email', NULL, '2026-03-01 12:00:00+00', 100.00);
INSERT INTO campaign_events VALUES
  ('ev1', 'K1', 'C2', 'sent', '2026-03-02 12:00:00+00', NULL),
  ('ev2', 'K1', 'C2', 'delivered', '2026-03-02 12:01:00+00', NULL),
  ('ev3', 'K1', 'C2', 'opened', '2026-03-03 12:00:00+00', NULL),
  ('ev4', 'K1', 'C2', 'clicked', '2026-03-03 12:01:00+00', NULL),
  ('ev5', 'K1', 'C2', 'converted', '2026-03-15 13:00:00+00', 120.00),
  ('ev6', 'K1', 'C3', 'sent', '2026-03-02 12:00:00+00', NULL),
  ('ev7', 'K1', 'C3', 'delivered', '2026-03-02 12:01:00+00', NULL);
INSERT INTO listing_snapshots VALUES
  ('ml:1', 'PRD1', 'me', '2026-03-01 12:00:00+00', 'Shampoo 300ml', 45.00, 50.00, 50, 10, true),
  ('ml:1', 'PRD1', 'me', '2026-03-31 12:00:00+00', 'Shampoo 300ml', 42.00, 50.00, 35, 25, true),
  ('ml:2', 'PRD1', 'x', '2026-03-31 12:00:00+00', 'Shampoo concorrente', 40.00, 40.00, 80, 100, false),
  ('ml:3', 'PRD1', 'y', '2026-03-30 12:00:00+00', 'Shampoo outro', 44.00, 44.00, 20, 7, false);
`;

export async function loadReportFixture(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(FIXTURE_SQL);
    await rebuildRollupsTx(tx);
    tx.touched('sales');
  });
}

/** March 2026, the fixture's main month. */
export const MARCH = { preset: 'custom' as const, from: '2026-03-01', to: '2026-03-31' };
