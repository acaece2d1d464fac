// The table browser's choices (table, sort, search, column filters), kept across restarts.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SortSpec } from '../../../shared/api/tableSpec';

interface TablesState {
  table: string | null;
  sort: SortSpec[];
  search: string;
  filterText: Record<string, string>;
  setTable(table: string): void;
  setSort(sort: SortSpec[]): void;
  setSearch(search: string): void;
  setFilterText(column: string, text: string): void;
}

export const useTablesStore = create<TablesState>()(
  persist(
    (set) => ({
      table: null,
      sort: [],
      search: '',
      filterText: {},
      setTable: (table) => set({ table, sort: [], search: '', filterText: {} }),
      setSort: (sort) => set({ sort }),
      setSearch: (search) => set({ search }),
      setFilterText: (column, text) => set((s) => ({ filterText: { ...s.filterText, [column]: text } })),
    }),
    { name: 'painel.tables', version: 1 },
  ),
);
