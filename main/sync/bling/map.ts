// Bling v3 payloads to canonical rows: a pedido de venda in detail (GET /pedidos/vendas/{id}) and a contato in
// detail (GET /contatos/{id}). Field names follow the Bling API v3 reference (https://developer.bling.com.br/referencia)
// and the response examples of bling-erp-api-js (src/entities/pedidosVendas/__tests__/find-response.ts,
// src/entities/contatos/__tests__/find-response.ts). Money is numbers in reais; days are "YYYY-MM-DD".
import { paymentMethodOf, paymentMethodOfId } from '../../model/paymentMethods';
import { cents, isObject, money, moneyRaw, str } from '../map';
import type { SaleStatus } from '../statusMap';
import type { Page, Row } from '../types';

export const P = 'bling';

/** A payment form as a method: its tipoPagamento (the shared table's Bling ids), else the shared words of its description. */
export function formMethod(f: Record<string, unknown>): string {
  const byId = paymentMethodOfId('bling', Number(f.tipoPagamento));
  return byId !== 'other' ? byId : paymentMethodOf(str(f.descricao));
}

type Rec = Record<string, unknown>;
const id = (v: unknown) => (isObject(v) && (typeof v.id === 'number' || typeof v.id === 'string') && Number(v.id) !== 0 ? String(v.id) : null);

/** A Bling day ("YYYY-MM-DD") is business-local midnight; the staging cast reads zone-less text in that zone. */
export const day = (v: unknown) => {
  const s = str(v);
  return s && s !== '0000-00-00' ? `${s} 00:00:00` : null;
};

export interface PedidoOptions {
  locationId: string | null;
  itemDiscount: string;
  /** "on-completion": parcelas become payments dated by the order's completion; "none": no payments. */
  installments: string;
  status(code: string): SaleStatus;
}

export function mapPedido(p: Rec, forms: Map<string, string>, opts: PedidoOptions): { rows: Page['rows']; saleId: string } {
  const saleId = `${P}:${p.id}`;
  const products = cents(p.totalProdutos);
  // outrasDespesas are charges to the buyer on top of the goods (packing, handling): a surcharge, so gross.
  const other = cents(p.outrasDespesas) ?? 0;
  const gross = products === null ? null : products + other;
  const total = cents(p.total);
  const d = isObject(p.desconto) ? p.desconto : {};
  const discount = d.unidade === 'PERCENTUAL' && products !== null ? Math.round((products * Number(d.valor ?? 0)) / 100) : (cents(d.valor) ?? 0);
  const shipping = cents(isObject(p.transporte) ? p.transporte.frete : 0) ?? 0;
  // What is left is tax Bling adds on top of the goods (IPI, ICMS-ST). A negative rest means the order does not add
  // up: tax stays 0 and the staging check sets the order aside with that reason instead of folding it anywhere.
  const rest = gross === null || total === null ? null : total - gross + discount - shipping;
  const tax = rest === null ? null : Math.max(rest, 0);
  const code = isObject(p.situacao) ? String(p.situacao.id ?? '') : '';
  const status = opts.status(code);
  const seller = id(p.vendedor) ? `${P}:vendedor:${id(p.vendedor)}` : null;
  const lines: Row[] = (Array.isArray(p.itens) ? p.itens : []).filter(isObject).map((it, i) => {
    const q = Number(it.quantidade);
    const unit = cents(it.valor);
    const base = unit !== null && Number.isFinite(q) ? Math.round(q * unit) : null;
    const disc = opts.itemDiscount === 'percent' ? (base === null ? null : Math.round((base * Number(it.desconto ?? 0)) / 100)) : (cents(it.desconto) ?? 0);
    return {
      sale_id: saleId,
      line_no: String(i + 1),
      item_id: id(it.produto) ? `${P}:${id(it.produto)}` : null,
      // The item's comissao is Bling's own figure for the seller; the line is credited to that seller, and
      // Painel's commission comes from the seller's rate in the employee settings.
      employee_id: seller,
      quantity: Number.isFinite(q) ? String(q) : str(it.quantidade),
      unit_price: unit === null ? str(it.valor) : money(unit),
      discount_amount: money(disc),
      line_total: base === null || disc === null ? null : money(base - disc),
      duration_min: null,
    };
  });
  // Marketplace commission and the freight the seller paid (taxas) are fees of the order's payment.
  const t = isObject(p.taxas) ? p.taxas : null;
  const fee = t ? (cents(t.taxaComissao) ?? 0) + (cents(t.custoFrete) ?? 0) : null;
  const occurred = day(p.dataSaida) ?? day(p.data);
  // Parcelas are the payment plan (due dates), not receipts: they count as received when the order reaches a paid
  // situação, on that day, and not before (installments setting).
  const parcelas = opts.installments === 'on-completion' && status === 'completed' ? (Array.isArray(p.parcelas) ? p.parcelas : []).filter(isObject) : [];
  const payments: Row[] = parcelas.map((x, i) => ({
    payment_id: `${P}:${x.id}`,
    sale_id: saleId,
    occurred_at: occurred,
    method: forms.get(String(isObject(x.formaPagamento) ? x.formaPagamento.id : '')) ?? 'other',
    kind: 'payment',
    amount: moneyRaw(x.valor),
    fee_amount: i === 0 && fee !== null ? money(fee) : null,
  }));
  return {
    saleId,
    rows: {
      sales: [
        {
          sale_id: saleId,
          source: P,
          kind: 'order',
          customer_id: id(p.contato) ? `${P}:${id(p.contato)}` : null,
          location_id: opts.locationId,
          employee_id: seller,
          status,
          created_at: day(p.data),
          occurred_at: occurred,
          gross_amount: gross === null ? str(p.totalProdutos) : money(gross),
          discount_amount: money(discount),
          coupon_code: null,
          tax_amount: tax === null ? null : money(tax),
          shipping_amount: money(shipping),
          total_amount: total === null ? str(p.total) : money(total),
          points_earned: null,
          points_redeemed: null,
          updated_at: null,
        },
      ],
      sale_lines: lines,
      payments,
    },
  };
}

/** A contato (the list's summary merged with its detail): e-mail, address, birth date and gender come from the detail. */
export function mapContato(c: Rec): Row {
  const geral = isObject(c.endereco) && isObject(c.endereco.geral) ? c.endereco.geral : {};
  const extra = isObject(c.dadosAdicionais) ? c.dadosAdicionais : {};
  const birth = str(extra.dataNascimento);
  return {
    customer_id: `${P}:${c.id}`,
    name: str(c.nome),
    email: str(c.email),
    phone: str(c.celular) ?? str(c.telefone),
    document: str(c.numeroDocumento),
    gender: str(extra.sexo),
    birth_date: birth && birth !== '0000-00-00' ? birth : null,
    city: str(geral.municipio),
    state: str(geral.uf),
    created_at: null,
    marketing_opt_in: null,
    source: P,
  };
}
