// The table browser's choices (table, sort, search, column filters, whether Painel's internal tables are listed),
// kept across restarts.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SortSpec } from '../../../shared/api/tableSpec';

interface TablesState {
  table: string | null;
  sort: SortSpec[];
  search: string;
  filterText: Record<string, string>;
  internals: boolean;
  setTable(table: string): void;
  setSort(sort: SortSpec[]): void;
  setSearch(search: string): void;
  setFilterText(column: string, text: string): void;
  setInternals(on: boolean): void;
}

export const useTablesStore = create<TablesState>()(
  persist(
    (set) => ({
      table: null,
      sort: [],
      search: '',
      filterText: {},
      internals: false,
      setTable: (table) => set({ table, sort: [], search: '', filterText: {} }),
      setSort: (sort) => set({ sort }),
      setSearch: (search) => set({ search }),
      setFilterText: (column, text) => set((s) => ({ filterText: { ...s.filterText, [column]: text } })),
      setInternals: (internals) => set({ internals }),
    }),
    { name: 'painel.tables', version: 1 },
  ),
);
