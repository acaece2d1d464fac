// One payment-method table, two renderings: the JS lookup connectors use and the SQL CASE file imports use agree on
// every word, and the words of each source land on the method they mean.
import { describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { paymentMethodOf, paymentMethodOfId, paymentMethodSql } from './paymentMethods';

const EXPECTED: Record<string, string> = {
  // WooCommerce gateway ids
  'woo-mercado-pago-pix': 'pix',
  pagarme_pix: 'pix',
  bacs_boleto: 'boleto',
  'pagseguro-boleto': 'boleto',
  cod: 'cash',
  stripe: 'credit_card',
  pagseguro: 'credit_card',
  'cielo-debit': 'debit_card',
  'woo-mercado-pago-basic': 'wallet',
  'woo-mercado-pago-credit': 'credit_card',
  paypal: 'wallet',
  picpay: 'wallet',
  gift_card: 'voucher',
  // Mercado Livre payment types
  credit_card: 'credit_card',
  debit_card: 'debit_card',
  ticket: 'boleto',
  bank_transfer: 'pix',
  account_money: 'wallet',
  prepaid_card: 'voucher',
  pec: 'cash',
  // Words in files and the salon back end
  Dinheiro: 'cash',
  ' Espécie ': 'cash',
  'Cartão de Crédito': 'credit_card',
  'cartão de débito': 'debit_card',
  credito: 'credit_card',
  debito: 'debit_card',
  PIX: 'pix',
  Boleto: 'boleto',
  carteira: 'wallet',
  Vale: 'voucher',
  'Vale-presente': 'voucher',
  outro: 'other',
  bitcoin: 'other',
  '': 'other',
};

describe('payment methods', () => {
  it('the JS lookup and the SQL CASE give the same method for every word', async () => {
    const words = Object.keys(EXPECTED);
    const db = await Db.open({ path: ':memory:', readers: 1 });
    try {
      const rows = await db.all<{ w: string; m: string }>(`SELECT w, ${paymentMethodSql('w')} AS m FROM (SELECT unnest($1::VARCHAR[]) AS w)`, [JSON.stringify(words)]);
      const nullRow = await db.all<{ m: string }>(`SELECT ${paymentMethodSql('NULL')} AS m`);
      expect(nullRow[0].m).toBe('other');
      expect(rows).toHaveLength(words.length);
      for (const r of rows) {
        expect(r.m, r.w).toBe(EXPECTED[r.w]);
        expect(paymentMethodOf(r.w), r.w).toBe(EXPECTED[r.w]);
      }
    } finally {
      db.close();
    }
  });

  it("Bling's numeric payment types map to methods, unknown ones to other", () => {
    expect(paymentMethodOfId('bling', 17)).toBe('pix');
    expect(paymentMethodOfId('bling', 15)).toBe('boleto');
    expect(paymentMethodOfId('bling', 3)).toBe('credit_card');
    expect(paymentMethodOfId('bling', 99)).toBe('other');
    expect(paymentMethodOfId('bling', null)).toBe('other');
  });
});
