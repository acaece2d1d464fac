// The fields a column of a flat sheet (one row per sale or per sale line) can be mapped to, with the header
// words that suggest each one in pt-BR and en. A mapping is "source column -> field id".
export type FieldKind = 'text' | 'id' | 'datetime' | 'date' | 'time' | 'money' | 'qty' | 'phone' | 'email' | 'document' | 'yesno' | 'method' | 'status' | 'itemKind';

export interface SheetField {
  id: string;
  kind: FieldKind;
  /** Header words (compared without accents, case or punctuation). Exact matches first, then "contains". */
  synonyms: string[];
}

export const SHEET_FIELDS: SheetField[] = [
  { id: 'sale.id', kind: 'id', synonyms: ['comanda', 'numero da comanda', 'n comanda', 'venda', 'numero da venda', 'n venda', 'pedido', 'numero do pedido', 'n pedido', 'order id', 'order number', 'sale id', 'id da venda', 'id venda', 'atendimento id', 'cupom', 'nota', 'id', 'numero', 'codigo da venda'] },
  { id: 'sale.date', kind: 'datetime', synonyms: ['data', 'data do atendimento', 'data atendimento', 'data da venda', 'data venda', 'data do pedido', 'data e hora', 'date', 'order date', 'sale date', 'datetime', 'dia', 'data hora', 'agendamento', 'data do agendamento', 'created', 'emissao', 'data de emissao'] },
  { id: 'sale.paidDate', kind: 'datetime', synonyms: ['data de pagamento', 'data do pagamento', 'data pagamento', 'paid date', 'date paid', 'completed date', 'data de conclusao', 'pago em'] },
  { id: 'sale.time', kind: 'time', synonyms: ['hora', 'horario', 'hora do atendimento', 'inicio', 'time', 'start time'] },
  { id: 'sale.status', kind: 'status', synonyms: ['status', 'situacao', 'estado do atendimento', 'order status'] },
  { id: 'sale.total', kind: 'money', synonyms: ['total', 'valor total', 'total da venda', 'total do pedido', 'total da comanda', 'order total', 'grand total', 'total geral'] },
  { id: 'sale.shipping', kind: 'money', synonyms: ['frete', 'valor do frete', 'shipping', 'order shipping', 'shipping total', 'entrega', 'taxa de entrega'] },
  { id: 'sale.discount', kind: 'money', synonyms: ['desconto', 'descontos', 'valor do desconto', 'discount', 'discount amount'] },
  { id: 'line.item', kind: 'text', synonyms: ['servico', 'servicos', 'produto', 'produtos', 'item', 'descricao', 'procedimento', 'service', 'product', 'item name', 'product name', 'nome do servico', 'nome do produto', 'servico produto'] },
  { id: 'line.itemKind', kind: 'itemKind', synonyms: ['tipo', 'tipo de item', 'tipo do item', 'type', 'item type'] },
  { id: 'line.category', kind: 'text', synonyms: ['categoria', 'grupo', 'category', 'linha'] },
  { id: 'line.quantity', kind: 'qty', synonyms: ['quantidade', 'qtd', 'qtde', 'quant', 'qty', 'quantity'] },
  { id: 'line.unitPrice', kind: 'money', synonyms: ['valor unitario', 'preco unitario', 'preco', 'unit price', 'price', 'vl unit', 'valor unit'] },
  { id: 'line.total', kind: 'money', synonyms: ['valor', 'valor do servico', 'valor do item', 'subtotal', 'valor cobrado', 'amount', 'line total', 'item total', 'preco total', 'vl total'] },
  { id: 'employee.name', kind: 'text', synonyms: ['profissional', 'funcionario', 'funcionaria', 'colaborador', 'colaboradora', 'atendente', 'vendedor', 'vendedora', 'cabeleireiro', 'cabeleireira', 'manicure', 'staff', 'employee', 'professional', 'seller', 'stylist'] },
  { id: 'customer.id', kind: 'id', synonyms: ['codigo do cliente', 'cod cliente', 'id cliente', 'id do cliente', 'customer id', 'client id', 'codigo', 'cod', 'codigo cliente', 'matricula'] },
  { id: 'customer.name', kind: 'text', synonyms: ['cliente', 'nome', 'nome do cliente', 'nome da cliente', 'customer', 'customer name', 'client', 'name', 'nome completo'] },
  { id: 'customer.lastName', kind: 'text', synonyms: ['sobrenome', 'last name', 'billing last name', 'surname'] },
  { id: 'customer.phone', kind: 'phone', synonyms: ['telefone', 'celular', 'whatsapp', 'fone', 'tel', 'telefone celular', 'phone', 'mobile', 'contato'] },
  { id: 'customer.email', kind: 'email', synonyms: ['email', 'e mail', 'correio eletronico', 'mail'] },
  { id: 'customer.document', kind: 'document', synonyms: ['cpf', 'cpf cnpj', 'cnpj', 'documento', 'document', 'tax id'] },
  { id: 'customer.birthDate', kind: 'date', synonyms: ['nascimento', 'data de nascimento', 'aniversario', 'birth date', 'birthday', 'date of birth', 'dt nascimento'] },
  { id: 'customer.gender', kind: 'text', synonyms: ['sexo', 'genero', 'gender'] },
  { id: 'customer.city', kind: 'text', synonyms: ['cidade', 'municipio', 'city'] },
  { id: 'customer.state', kind: 'text', synonyms: ['uf', 'estado', 'state'] },
  { id: 'customer.optIn', kind: 'yesno', synonyms: ['aceita marketing', 'aceita receber', 'opt in', 'marketing', 'aceita contato', 'receber promocoes', 'aceita promocoes', 'promocoes', 'newsletter', 'aceita whatsapp'] },
  { id: 'payment.method', kind: 'method', synonyms: ['forma de pagamento', 'forma pagamento', 'pagamento', 'meio de pagamento', 'payment method', 'payment', 'metodo de pagamento', 'forma de pgto', 'pgto'] },
  { id: 'payment.amount', kind: 'money', synonyms: ['valor pago', 'pago', 'amount paid', 'paid', 'recebido', 'valor recebido'] },
];

export const FIELD_BY_ID = new Map(SHEET_FIELDS.map((f) => [f.id, f]));

/** Field id -> the source column (header text) mapped to it. */
export type SheetMapping = Record<string, string>;

const CUSTOMER_ONLY = (f: string) => f.startsWith('customer.');

/**
 * Fields without which a flat sheet cannot become sales: a date, and an amount. A sheet mapped to customer
 * fields only (a client list) needs a name, phone, e-mail or document.
 */
export function missingFields(m: SheetMapping): string[] {
  const fields = Object.keys(m).filter((f) => m[f]);
  if (fields.length && fields.every(CUSTOMER_ONLY)) {
    return fields.some((f) => ['customer.name', 'customer.phone', 'customer.email', 'customer.document', 'customer.id'].includes(f)) ? [] : ['customer.name'];
  }
  const missing: string[] = [];
  if (!m['sale.date']) missing.push('sale.date');
  if (!m['sale.total'] && !m['line.total'] && !m['line.unitPrice']) missing.push('line.total');
  return missing;
}

/** A header reduced to plain words: lower case, no accents or punctuation. */
export function headerWords(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bn[ºo°]\b|[ºo°]\s/g, 'n ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
