// Column metadata of browsable tables and views, read from DuckDB's catalog and mapped to contract column types.
import type { ColumnMeta, ColumnType } from '../../shared/types';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import { StateKey } from '../store/state';

const HIDDEN = new Set(['schema_migrations', 'settings']);

export interface SqlColumn extends ColumnMeta {
  sqlType: string;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  columns: SqlColumn[];
}

export function columnTypeOf(sqlType: string): ColumnType {
  const t = sqlType.toUpperCase();
  if (t === 'BOOLEAN') return 'boolean';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return 'integer';
  if (t === 'DECIMAL(18,2)') return 'money';
  if (/^DECIMAL|^DOUBLE|^FLOAT|^REAL/.test(t)) return 'decimal';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'VARCHAR') return 'text';
  return 'json';
}

const CATALOG = new StateKey<{ hit: { version: number; tables: Promise<TableInfo[]> } | null }, Db>('sql.catalog', () => ({ hit: null }));

/** Browsable tables and views with their columns; cached until the data version changes. */
export function listTables(db: Db): Promise<TableInfo[]> {
  const cache = db.state(CATALOG);
  if (cache.hit && cache.hit.version === db.dataVersion) return cache.hit.tables;
  const tables = readTables(db);
  const entry = { version: db.dataVersion, tables };
  cache.hit = entry;
  tables.catch(() => cache.hit === entry && (cache.hit = null));
  return tables;
}

async function readTables(db: Db): Promise<TableInfo[]> {
  const rows = await db.all<{ table_name: string; kind: string; column_name: string; data_type: string }>(`
    SELECT c.table_name, CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind, c.column_name, c.data_type
    FROM duckdb_columns() c
    LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
    WHERE c.schema_name = 'main' AND c.database_name = current_database() AND NOT c.table_name LIKE '\\_%' ESCAPE '\\'
    ORDER BY c.table_name, c.column_index`);
  const byName = new Map<string, TableInfo>();
  for (const r of rows) {
    if (HIDDEN.has(r.table_name)) continue;
    let t = byName.get(r.table_name);
    if (!t) byName.set(r.table_name, (t = { name: r.table_name, kind: r.kind as 'table' | 'view', columns: [] }));
    const type = columnTypeOf(r.data_type);
    t.columns.push({ id: r.column_name, sqlType: r.data_type, type, searchable: type === 'text', total: type === 'money' ? 'sum' : 'none' });
  }
  return [...byName.values()];
}

export async function tableInfo(db: Db, name: string): Promise<TableInfo> {
  const t = (await listTables(db)).find((x) => x.name === name);
  if (!t) throw new AppError('NOT_FOUND', `no table or view named ${name}`);
  return t;
}
