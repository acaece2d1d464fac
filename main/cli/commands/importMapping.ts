// painel import on spreadsheets: prints the suggested mapping of files that need one (nothing is written), and
// lists saved templates. Fields are named in words (their ids live in the saved templates, not in messages).
import type { SheetInspect, SheetTemplateInfo } from '../../../shared/api/import';

/** Field ids in the words a person reads on the terminal. */
export const FIELD_WORDS: Record<string, string> = {
  'sale.id': 'sale number',
  'sale.date': 'sale date',
  'sale.paidDate': 'payment date',
  'sale.time': 'time',
  'sale.status': 'status',
  'sale.total': 'sale total',
  'sale.shipping': 'shipping',
  'sale.discount': 'discount',
  'line.item': 'service / product',
  'line.itemKind': 'service or product',
  'line.category': 'category',
  'line.quantity': 'quantity',
  'line.unitPrice': 'unit price',
  'line.total': 'amount',
  'employee.name': 'professional',
  'customer.id': 'customer code',
  'customer.name': 'customer name',
  'customer.lastName': 'customer last name',
  'customer.phone': 'phone',
  'customer.email': 'e-mail',
  'customer.document': 'CPF/CNPJ',
  'customer.birthDate': 'birth date',
  'customer.gender': 'gender',
  'customer.city': 'city',
  'customer.state': 'state',
  'customer.optIn': 'accepts marketing',
  'payment.method': 'payment method',
  'payment.amount': 'amount paid',
};

const word = (f: string) => FIELD_WORDS[f] ?? f;

export function printSuggestion(s: SheetInspect, out: (t: string) => void): void {
  const sg = s.suggestion;
  if (!sg) return;
  out(`${s.name}${s.sheet ? ` [${s.sheet}]` : ''}: its columns need a mapping. Suggested:\n`);
  const width = Math.max(...sg.columns.map((c) => c.column.length), 6);
  for (const c of sg.columns) {
    const how = c.by === 'values' ? ' (from its values)' : c.by === 'template' ? ' (saved template)' : '';
    out(`    ${c.column.padEnd(width)}  ->  ${c.field ? `${word(c.field)}${how}` : '(not imported)'}\n`);
  }
  out(`    dates ${sg.dateOrder === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}, decimal mark "${sg.decimal}"\n`);
  if (sg.missing.length) out(`    missing: ${sg.missing.map(word).join(', ')}\n`);
}

export function printTemplates(list: SheetTemplateInfo[], out: (t: string) => void): void {
  if (!list.length) {
    out('no saved mappings yet (save one with painel import FILE --accept-suggested --save-template NAME)\n');
    return;
  }
  for (const t of list) {
    out(`${t.name}  (${t.updatedAt.slice(0, 10)})\n`);
    for (const [f, c] of Object.entries(t.mapping)) out(`    ${c}  ->  ${word(f)}\n`);
  }
}
