// The engine's side of the canonical model: the pure data of shared/model (tables, columns, closed lists, words) with
// what only the engine needs — DuckDB types, the tables' DDL (migration 2 is generated from it), keys and load order.
// shared/model holds the data because the renderer may import only shared/; everything in main/ reads it from here.
import { sqlIdent, sqlString } from '../sql/quote';
import { CANONICAL_TABLES, ENUMS, enumCodes, MODEL_TABLES, type EnumName, type Words, type CanonicalTable, type ColumnKind, type ModelColumn, type ModelTable } from '../../shared/model';

export { CANONICAL_TABLES, type CanonicalTable, type ColumnKind };

/** A column with its closed list resolved to the allowed codes. */
export interface ColumnSpec extends Omit<ModelColumn, 'values'> {
  values?: readonly string[];
}

export interface TableSpec extends Omit<ModelTable, 'name' | 'columns'> {
  name: CanonicalTable;
  columns: ColumnSpec[];
}

/** The DuckDB type each kind of value is stored as. */
export const SQL_TYPES: Record<ColumnKind, string> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  money: 'DECIMAL(18,2)',
  rate: 'DECIMAL(6,4)',
  qty: 'DECIMAL(18,3)',
  int: 'INTEGER',
  date: 'DATE',
  ts: 'TIMESTAMPTZ',
  bool: 'BOOLEAN',
};

function spec(t: ModelTable): TableSpec {
  return {
    ...t,
    name: t.name as CanonicalTable,
    columns: t.columns.map(({ values, ...c }) => (values ? { ...c, values: enumCodes(values) } : { ...c })),
  };
}

/** Every canonical table by name, as the engine reads it. */
export const TABLE_SPECS = Object.fromEntries(MODEL_TABLES.map((t) => [t.name, spec(t)])) as Record<CanonicalTable, TableSpec>;

/** The columns that identify a row of each table (rows are unique by these; upserts replace by them). */
export const TABLE_KEYS = Object.fromEntries(MODEL_TABLES.map((t) => [t.name, [...t.key]])) as Record<CanonicalTable, string[]>;

/** Parents before children, so lines and payments of a rejected sale are set aside with it. */
export const MERGE_ORDER: readonly CanonicalTable[] = CANONICAL_TABLES;

/**
 * CREATE TABLE for a canonical table as of a schema version: only columns added at or before `version` (a later
 * column is added by its own migration, so the table an old migration created never changes).
 */
export function tableDdl(table: CanonicalTable, version = Number.MAX_SAFE_INTEGER): string {
  const cols = TABLE_SPECS[table].columns
    .filter((c) => (c.since ?? 2) <= version)
    .map((c) => `${sqlIdent(c.name)} ${SQL_TYPES[c.kind]}${c.required ? ' NOT NULL' : ''}`);
  return `CREATE TABLE ${sqlIdent(table)} (${cols.join(', ')});`;
}

/** The DDL of every canonical table as of a schema version. */
export function canonicalDdl(version = Number.MAX_SAFE_INTEGER): string {
  return CANONICAL_TABLES.map((t) => tableDdl(t, version)).join('\n');
}

/** A SQL CASE giving the words of a closed list's codes in one language (unknown codes pass through). */
export function enumLabelSql(expr: string, list: EnumName, locale: keyof Words): string {
  return `CASE ${expr} ${ENUMS[list].map((v) => `WHEN ${sqlString(v.code)} THEN ${sqlString(v.label[locale])}`).join(' ')} ELSE ${expr} END`;
}
