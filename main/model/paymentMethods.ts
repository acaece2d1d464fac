// The one table of payment-method words and ids -> canonical method, used by every connector (in JS, per record)
// and by file imports (as a SQL CASE over a whole column). Both renderings come from the same ordered entries,
// so a word added here is understood everywhere; the first entry that matches wins.
import type { PaymentMethod } from '../../shared/model';
import { sqlString } from '../sql/quote';

export interface MethodEntry {
  method: PaymentMethod;
  /** Whole values (after lower case, accents removed and trimming) that mean this method. */
  exact?: readonly string[];
  /** Fragments that mean this method anywhere in the value (gateway ids such as "woo-mercado-pago-pix"). */
  contains?: readonly string[];
}

/**
 * Ordered: specific before general ("prepaid_card" is a voucher before "card" makes it a credit card; "pix" and
 * "debit" win over "card"; a gift card is a voucher; a wallet's credit option is a card). Sources: WooCommerce gateway ids, Mercado Livre payment types,
 * the salon back end's and spreadsheets' Portuguese words.
 */
export const PAYMENT_METHOD_ENTRIES: readonly MethodEntry[] = [
  // Gateway ids of the Brazilian WooCommerce plugins as each registers them (WC_Payment_Gateway::$id, read in the
  // plugins' sources), first: their words mislead ("woo-pagarme-payments-billet" is a boleto, not a Pagar.me card;
  // "woo-mercado-pago-custom" is the card form; "rm-pagbank-cc" a card). Pagar.me, Mercado Pago, PagBank Connect,
  // Cielo (Claudio Sanches, Link Nacional), Rede, Getnet, Pix por Piggly, PagHiper.
  { method: 'pix', exact: ['woo-pagarme-payments-pix', 'pagarme-pix', 'woo-mercado-pago-pix', 'rm-pagbank-pix', 'lkn_cielo_pix', 'rede_pix', 'getnet-pix', 'wc_piggly_pix_gateway', 'paghiper_pix'] },
  { method: 'boleto', exact: ['woo-pagarme-payments-billet', 'pagarme-banking-ticket', 'woo-mercado-pago-ticket', 'rm-pagbank-boleto', 'getnet-billet', 'paghiper_billet'] },
  { method: 'debit_card', exact: ['woo-pagarme-payments-debit_card', 'cielo_debit', 'lkn_cielo_debit', 'rede_debit'] },
  {
    method: 'credit_card',
    exact: ['woo-pagarme-payments-credit_card', 'woo-pagarme-payments-billet-and-card', 'pagarme-credit-card', 'woo-mercado-pago-custom', 'rm-pagbank-cc', 'cielo_credit', 'lkn_cielo_credit', 'rede_credit', 'getnet-creditcard'],
  },
  { method: 'voucher', exact: ['woo-pagarme-payments-voucher'] },
  // Checkout Pro and the PagBank redirect: the buyer picks any method inside the wallet's own page.
  { method: 'wallet', exact: ['woo-mercado-pago-basic', 'woo-mercado-pago-credits', 'rm-pagbank', 'rm-pagbank-redirect'] },
  { method: 'pix', exact: ['bank_transfer', 'transferencia pix'], contains: ['pix'] },
  { method: 'boleto', contains: ['boleto', 'bank_slip', 'ticket'] },
  { method: 'debit_card', contains: ['debit', 'debito'] },
  { method: 'cash', exact: ['cod', 'especie', 'pec', 'din', 'money'], contains: ['dinheiro', 'cash'] },
  { method: 'voucher', exact: ['vale', 'prepaid_card'], contains: ['voucher', 'gift', 'vale-presente', 'vale presente', 'cartao presente'] },
  // A wallet gateway's card option ("woo-mercado-pago-credit") is a credit card.
  { method: 'credit_card', exact: ['credito', 'credit'], contains: ['credit', 'credito'] },
  { method: 'wallet', exact: ['account_money', 'carteira'], contains: ['wallet', 'carteira', 'mercadopago', 'mercado pago', 'mercado-pago', 'paypal', 'picpay', 'ame digital', 'pagbank', 'apple pay', 'google pay'] },
  { method: 'credit_card', contains: ['card', 'cartao', 'stripe', 'pagseguro', 'cielo', 'rede', 'pagarme', 'getnet', 'stone', 'maquininha', 'parcelado'] },
  { method: 'other', exact: ['outro', 'outros', 'other'] },
];

/** A value as the entries are written: lower case, no accents, trimmed. */
export function normalizeMethodWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** The canonical method a word or gateway id stands for, or null when no entry matches (or the value is empty). */
export function matchPaymentMethod(value: string | null | undefined): PaymentMethod | null {
  const v = normalizeMethodWord(value ?? '');
  if (!v) return null;
  for (const e of PAYMENT_METHOD_ENTRIES) {
    if (e.exact?.includes(v) || e.contains?.some((w) => v.includes(w))) return e.method;
  }
  return null;
}

/** The canonical method of a word or gateway id (`other` when nothing matches or the value is empty). */
export function paymentMethodOf(value: string | null | undefined): PaymentMethod {
  return matchPaymentMethod(value) ?? 'other';
}

/** The same mapping as a SQL CASE over a text expression (NULL and empty text give `other`). */
export function paymentMethodSql(expr: string): string {
  const v = `lower(trim(strip_accents(coalesce(CAST(${expr} AS VARCHAR), ''))))`;
  const whens = PAYMENT_METHOD_ENTRIES.map((e) => {
    const tests = [...(e.exact?.length ? [`${v} IN (${e.exact.map(sqlString).join(', ')})`] : []), ...(e.contains ?? []).map((w) => `contains(${v}, ${sqlString(w)})`)];
    return `WHEN ${tests.join(' OR ')} THEN '${e.method}'`;
  });
  return `CASE ${whens.join(' ')} ELSE 'other' END`;
}

/** Numeric payment-type ids of sources that send codes instead of words (Bling's "tipoPagamento"). */
export const SOURCE_METHOD_IDS: Readonly<Record<string, Readonly<Record<number, PaymentMethod>>>> = {
  bling: { 1: 'cash', 3: 'credit_card', 4: 'debit_card', 5: 'wallet', 10: 'voucher', 11: 'voucher', 12: 'voucher', 13: 'voucher', 15: 'boleto', 17: 'pix', 19: 'wallet' },
};

/** The canonical method of a source's numeric payment type (`other` when unknown). */
export function paymentMethodOfId(source: string, id: number | null | undefined): PaymentMethod {
  return (id !== null && id !== undefined && SOURCE_METHOD_IDS[source]?.[id]) || 'other';
}
