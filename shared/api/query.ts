// query.*: browse any canonical table or view page by page, with sort, filter, search and counts in DuckDB.
import { z } from 'zod';
import { method } from './define';
import { identifier, tableSpecFields } from './tableSpec';
import type { ColumnMeta, TablePage } from '../types';

export interface TableListing {
  name: string;
  kind: 'table' | 'view';
  rows: number | null;
  columns: ColumnMeta[];
}

export const query = {
  /** Tables and views that can be browsed, with their columns. */
  'query.tables': method<TableListing[]>()('Tables and views that can be browsed, with their columns.', z.object({}).strict()),
  /** A page of a canonical table or view as Arrow IPC bytes, sorted, filtered and searched in DuckDB. */
  'query.page': method<TablePage>()(
    'A page of a canonical table or view as Arrow IPC bytes, sorted, filtered and searched in DuckDB.',
    z.object({ table: identifier, ...tableSpecFields }).strict(),
  ),
};
