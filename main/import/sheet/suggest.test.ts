// Mapping suggestions from header words (pt-BR, en, accents and case ignored) and from sampled values.
import { describe, expect, it } from 'vitest';
import { detectDateOrder, detectValues, suggestMapping } from './suggest';

describe('mapping suggestions', () => {
  it('maps a salon sheet by its pt-BR headers and reads its money as pt-BR', () => {
    const s = suggestMapping(
      ['DATA', 'Cliente', 'Telefone', 'Serviço', 'Profissional', 'Valor', 'Forma de Pagamento'],
      [['03/11/2026', 'Ana', '(11) 98765-4321', 'Corte', 'Carla', 'R$ 1.234,56', 'Pix']],
    );
    expect(s.mapping).toEqual({
      'sale.date': 'DATA',
      'customer.name': 'Cliente',
      'customer.phone': 'Telefone',
      'line.item': 'Serviço',
      'employee.name': 'Profissional',
      'line.total': 'Valor',
      'payment.method': 'Forma de Pagamento',
    });
    expect(s.missing).toEqual([]);
    expect(s.decimal).toBe(',');
  });

  it('maps unnamed columns by their values and leaves plain text unmapped', () => {
    const s = suggestMapping(['col1', 'col2', 'col3', 'col4', 'col5'], [
      ['ana@x.com', '123.456.789-09', '15/04/2026', 'texto livre', '(11) 3456-7890'],
      ['bia@y.com.br', '987.654.321-00', '16/04/2026', 'mais texto', '(21) 99876-5432'],
    ]);
    expect(s.mapping).toEqual({ 'customer.email': 'col1', 'customer.document': 'col2', 'sale.date': 'col3', 'customer.phone': 'col5' });
    expect(s.columns.find((c) => c.column === 'col4')).toEqual({ column: 'col4', field: null, detected: null, by: null });
    expect(s.missing).toEqual(['line.total']);
  });

  it('a header the values contradict is not trusted', () => {
    const s = suggestMapping(['Data', 'Quando'], [['Ana', '03/11/2026'], ['Bia', '04/11/2026']]);
    expect(s.mapping['sale.date']).toBe('Quando');
  });

  it('detects value kinds and the day/month order', () => {
    expect(detectValues(['Sim', 'Não', 'sim'])).toBe('yesno');
    expect(detectValues(['R$ 10,00', '1.234,56'])).toBe('money');
    expect(detectValues(['Pix', 'Dinheiro', 'Cartão de crédito'])).toBe('method');
    expect(detectDateOrder(['11/25/2026', '12/01/2026'])).toBe('mdy');
    expect(detectDateOrder(['25/11/2026', '01/12/2026'])).toBe('dmy');
  });
});
