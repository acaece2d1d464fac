// The Brazilian WooCommerce gateway ids in the shared payment-method table: each plugin's ids read as the method they
// take, the same in JS (sync) and in SQL over a whole column (the shop-file import), on a real DuckDB.
import { describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { paymentMethodOf, paymentMethodSql } from './paymentMethods';

/** Gateway id -> method, as each plugin registers the id (WC_Payment_Gateway::$id in its source). */
const GATEWAYS: Record<string, string> = {
  'woo-pagarme-payments-credit_card': 'credit_card',
  'woo-pagarme-payments-pix': 'pix',
  'woo-pagarme-payments-billet': 'boleto',
  'pagarme-banking-ticket': 'boleto',
  'woo-mercado-pago-custom': 'credit_card',
  'woo-mercado-pago-ticket': 'boleto',
  'woo-mercado-pago-pix': 'pix',
  'woo-mercado-pago-basic': 'wallet',
  'rm-pagbank-cc': 'credit_card',
  'rm-pagbank-pix': 'pix',
  'rm-pagbank-boleto': 'boleto',
  cielo_credit: 'credit_card',
  cielo_debit: 'debit_card',
  rede_credit: 'credit_card',
  rede_debit: 'debit_card',
  'getnet-creditcard': 'credit_card',
  'getnet-billet': 'boleto',
  'getnet-pix': 'pix',
  wc_piggly_pix_gateway: 'pix',
  paghiper_billet: 'boleto',
  cod: 'cash',
  bacs: 'other',
};

describe('Brazilian gateway ids', () => {
  it('each reads as the method it takes, in JS and in SQL alike', async () => {
    for (const [id, m] of Object.entries(GATEWAYS)) expect(paymentMethodOf(id), id).toBe(m);
    const db = await Db.open({ path: ':memory:' });
    const rows = await db.all<{ id: string; m: string }>(
      `SELECT id, ${paymentMethodSql('id')} AS m FROM (SELECT unnest(from_json($1, '["VARCHAR"]')) AS id) ORDER BY id`,
      [JSON.stringify(Object.keys(GATEWAYS))],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.m]))).toEqual(GATEWAYS);
    db.close();
  });
});
