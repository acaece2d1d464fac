// The import history in words: a workbook's sheets and a dataset's tables named after the file, and what an import
// that brought no new row did.
import { describe, expect, it } from 'vitest';
import type { ImportLogEntry } from '../../../../shared/api/import';
import { filesInWords, groupImports, outcomeWithoutNewRows } from './historyGroups';

const entry = (o: Partial<ImportLogEntry>): ImportLogEntry => ({
  importId: 'i1',
  file: '/tmp/x.csv',
  table: null,
  format: 'csv',
  loaded: 0,
  replaced: 0,
  unchanged: 0,
  rejected: 0,
  unknownColumns: [],
  error: null,
  startedAt: '2026-12-05T10:00:00Z',
  finishedAt: null,
  ...o,
});

describe('filesInWords', () => {
  it('names a workbook and its sheets', () => {
    expect(filesInWords('pt-BR', [entry({ file: '/home/ana/clientes.xlsx#Clientes', format: 'xlsx' })])).toBe('clientes.xlsx — planilha Clientes');
    const two = [entry({ file: 'C:\\dados\\loja.xlsx#Clientes', format: 'xlsx', table: 'customers' }), entry({ file: 'C:\\dados\\loja.xlsx#Vendas', format: 'xlsx', table: 'sales' }), entry({ file: 'C:\\dados\\loja.xlsx#Vendas', format: 'xlsx', table: 'payments' })];
    expect(filesInWords('pt-BR', two)).toBe('loja.xlsx — planilhas Clientes e Vendas');
    expect(filesInWords('en', two)).toBe('loja.xlsx — sheets Clientes and Vendas');
  });

  it('names a dataset zip by its tables, and plain files by their names', () => {
    const zip = (t: string) => entry({ file: `/d/painel.zip#${t}`, format: 'parquet', table: t });
    expect(filesInWords('pt-BR', [zip('customers'), zip('sales')])).toBe('painel.zip — tabelas Clientes e Vendas');
    expect(filesInWords('en', [zip('items')])).toBe('painel.zip — table Items');
    expect(filesInWords('pt-BR', ['locations', 'employees', 'customers', 'items'].map(zip))).toBe('painel.zip — 4 tabelas');
    expect(filesInWords('pt-BR', [entry({ file: '/a/atendimentos.csv' }), entry({ file: '/a/#notas/b.csv' })])).toBe('atendimentos.csv; b.csv');
    // A rejected row names its file the same way (the rows table beside it).
    expect(filesInWords('en', [{ file: '/x/loja.xlsx#Vendas', table: 'payments' }])).toBe('loja.xlsx — sheet Vendas');
    expect(filesInWords('pt-BR', [{ file: '/x/painel.zip#sales.parquet', table: 'sales' }])).toBe('painel.zip — tabela Vendas');
  });
});

describe('groupImports', () => {
  it('adds up an import and says what it did without new rows', () => {
    const [g, h] = groupImports('pt-BR', [
      entry({ file: '/x/Itens.xlsx#Itens', format: 'xlsx', table: 'items', unchanged: 40 }),
      entry({ importId: 'i2', file: '/x/a.csv', table: 'sales', replaced: 2, unchanged: 3 }),
    ]);
    expect(g).toMatchObject({ files: 'Itens.xlsx — planilha Itens', loaded: 0, unchanged: 40 });
    expect(outcomeWithoutNewRows(g)).toEqual({ key: 'nothingChanged', n: 40 });
    expect(outcomeWithoutNewRows(h)).toEqual({ key: 'onlyReplaced', n: 2 });
    expect(outcomeWithoutNewRows({ ...h, replaced: 0, unchanged: 0, rejected: 3 })).toEqual({ key: 'notLoaded', n: 0 });
  });
});
