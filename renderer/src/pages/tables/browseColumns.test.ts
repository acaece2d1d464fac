// The Tables page's columns: canonical headers in words, codes in words, rates as percentages, ids as stored,
// instants in the business zone; typed filter words reach the stored codes; other tables stay as they are.
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../../shared/format';
import { MODEL_TABLES } from '../../../../shared/model';
import type { ColumnMeta, ColumnType } from '../../../../shared/types';
import { browseCell, browseColumns, browseFilters, type BrowseColumn } from './browseColumns';

const br = createFormatter({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo' });
const en = createFormatter({ locale: 'en', timeZone: 'America/Sao_Paulo' });
const SQL_TYPE: Record<string, ColumnType> = { id: 'text', text: 'text', money: 'money', rate: 'decimal', qty: 'decimal', int: 'integer', date: 'date', ts: 'timestamp', bool: 'boolean' };
/** A canonical table's columns as query.tables lists them (DuckDB's types mapped to the contract's). */
const listed = (name: string): ColumnMeta[] => MODEL_TABLES.find((t) => t.name === name)!.columns.map((c) => ({ id: c.name, type: SQL_TYPE[c.kind] }));
const col = (cols: BrowseColumn[], id: string) => cols.find((c) => c.id === id)!;

describe('browseColumns', () => {
  it('heads every canonical column in words in both languages', () => {
    for (const t of MODEL_TABLES)
      for (const c of browseColumns(t.name, listed(t.name))) {
        expect(c.label?.['pt-BR'], `${t.name}.${c.id}`).not.toMatch(/_/);
        expect(c.label?.en, `${t.name}.${c.id}`).not.toMatch(/_/);
      }
    const lines = browseColumns('sale_lines', listed('sale_lines'));
    expect(col(lines, 'item_id').label).toEqual({ 'pt-BR': 'Código do item', en: 'Item id' });
    expect(col(browseColumns('payments', listed('payments')), 'occurred_at').label?.['pt-BR']).toBe('Data do pagamento');
  });

  it('says codes, rates, ids, instants, yes/no and time zones as a person reads them', () => {
    const sales = browseColumns('sales', listed('sales'));
    expect(browseCell(br, col(sales, 'status'), 'completed')).toBe('Concluído');
    expect(browseCell(en, col(sales, 'status'), 'no_show')).toBe('No-show');
    expect(browseCell(br, col(sales, 'kind'), 'appointment')).toBe('Atendimento');
    expect(browseCell(br, col(sales, 'source'), 'woo')).toBe('Loja online');
    expect(browseCell(br, col(sales, 'status'), 'aguardando')).toBe('aguardando');
    expect(browseCell(br, col(sales, 'sale_id'), 'salon:1037901')).toBe('salon:1037901');
    expect(col(sales, 'sale_id').isKey).toBe(true);
    expect(browseCell(br, col(sales, 'occurred_at'), '2025-12-05T12:45:00Z')).toBe('05/12/2025 09:45');
    expect(browseCell(br, col(sales, 'total_amount'), 1234.5)).toBe('R$\u00a01.234,50');
    expect(browseCell(br, col(sales, 'coupon_code'), null)).toBe('');

    const pay = browseColumns('payments', listed('payments'));
    expect(browseCell(br, col(pay, 'method'), 'credit_card')).toBe('Cartão de crédito');
    expect(browseCell(en, col(pay, 'kind'), 'refund')).toBe('Refund');
    const staff = browseColumns('employees', listed('employees'));
    expect(col(staff, 'commission_rate').type).toBe('percent');
    expect(browseCell(br, col(staff, 'commission_rate'), 0.45)).toBe('45,0%');
    expect(browseCell(br, col(staff, 'active'), true)).toBe('Sim');
    const people = browseColumns('customers', listed('customers'));
    expect(browseCell(br, col(people, 'gender'), 'F')).toBe('Feminino');
    const campaigns = browseColumns('campaigns', listed('campaigns'));
    expect(browseCell(br, col(campaigns, 'segment_id'), 'birthdays')).toBe('Aniversariantes (este e próximo mês)');
    expect(browseCell(en, col(campaigns, 'segment_id'), 'at_risk')).not.toMatch(/_/);
    expect(browseCell(en, col(campaigns, 'channel'), 'whatsapp')).toBe('WhatsApp');
    const zone = col(browseColumns('locations', listed('locations')), 'timezone');
    expect(browseCell(br, zone, 'America/Sao_Paulo')).toMatch(/^Horário .*Brasília$/);
    expect(browseCell(br, zone, 'Nowhere/At_All')).toBe('Nowhere/At_All');
  });

  it('leaves tables outside the model as they are', () => {
    const cols: ColumnMeta[] = [{ id: 'amount', type: 'money' }, { id: 'status', type: 'text' }];
    expect(browseColumns('big_rows', cols)).toEqual(cols);
  });
});

describe('browseFilters', () => {
  const sales = browseColumns('sales', listed('sales'));
  const pay = browseColumns('payments', listed('payments'));
  it('reads a code column filter as words, in the reader language, accents and case aside', () => {
    expect(browseFilters(sales, { status: 'concl' }, 'pt-BR')).toEqual([{ column: 'status', op: 'in', value: ['completed'] }]);
    expect(browseFilters(sales, { status: 'Cancel' }, 'en')).toEqual([{ column: 'status', op: 'in', value: ['cancelled'] }]);
    expect(browseFilters(pay, { method: 'cartao' }, 'pt-BR')).toEqual([{ column: 'method', op: 'in', value: ['credit_card', 'debit_card'] }]);
    expect(browseFilters(pay, { method: 'pix' }, 'pt-BR')).toEqual([{ column: 'method', op: 'in', value: ['pix'] }]);
    expect(browseFilters(sales, { status: 'aguardando' }, 'pt-BR')).toEqual([{ column: 'status', op: 'contains', value: 'aguardando' }]);
  });

  it('keeps the other columns rules (a percentage typed as such)', () => {
    const staff = browseColumns('employees', listed('employees'));
    expect(browseFilters(staff, { commission_rate: '> 40', name: 'Ana', role: '' }, 'pt-BR')).toEqual([
      { column: 'name', op: 'contains', value: 'Ana' },
      { column: 'commission_rate', op: 'gt', value: 0.4 },
    ]);
  });
});
