// Every canonical column has words in both languages (the Tables page and reject reasons head it with them), and a
// table's own meaning of a shared name wins where it differs.
import { describe, expect, it } from 'vitest';
import { COLUMN_WORDS, columnHeader, columnWord, MODEL_TABLES } from './index';

describe('column words', () => {
  it('name every column of every canonical table in pt-BR and en', () => {
    const missing = MODEL_TABLES.flatMap((t) => t.columns.filter((c) => !COLUMN_WORDS[c.name]?.['pt-BR'] || !COLUMN_WORDS[c.name]?.en).map((c) => `${t.name}.${c.name}`));
    expect(missing).toEqual([]);
    for (const t of MODEL_TABLES)
      for (const c of t.columns) {
        for (const locale of ['pt-BR', 'en'] as const) {
          const header = columnHeader(c.name, locale, t.name);
          expect(header, `${t.name}.${c.name}`).not.toMatch(/_/);
          expect(header[0], `${t.name}.${c.name}`).toBe(header[0].toLocaleUpperCase(locale));
        }
      }
  });

  it('say what a shared name means in its table', () => {
    expect(columnWord('occurred_at', 'pt-BR', 'sales')).toBe('data da venda');
    expect(columnWord('occurred_at', 'pt-BR', 'payments')).toBe('data do pagamento');
    expect(columnWord('occurred_at', 'en', 'campaign_events')).toBe('event date');
    expect(columnWord('occurred_at', 'pt-BR')).toBe('data da venda');
    expect(columnHeader('item_id', 'pt-BR', 'sale_lines')).toBe('Código do item');
    expect(columnHeader('kind', 'en', 'items')).toBe('Service or product');
  });

  it('keep an unknown column as it is', () => {
    expect(columnWord('big_amount', 'pt-BR', 'sales')).toBe('big_amount');
    expect(columnHeader('big_amount', 'en')).toBe('big_amount');
  });
});
