// Builds parameterised WHERE / ORDER BY clauses from a table spec. Column ids are checked against
// declared metadata and quoted; every user value is a bound parameter, never spliced into SQL.
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnFilter, SortSpec } from '../../shared/api/tableSpec';
import type { ColumnType } from '../../shared/types';
import { AppError } from '../store/errors';
import { sqlIdent } from './quote';

export interface SpecColumn {
  id: string;
  type: ColumnType;
  /** SQL type used to cast filter values (from the catalog or the report definition). */
  sqlType?: string;
  searchable?: boolean;
  /** SQL expression for the column when it is not a plain column of the source (reports). */
  expr?: string;
}

const SAFE_TYPE = /^[A-Z][A-Z0-9_ ]*(\(\d+(,\s*\d+)?\))?$/;

function castType(c: SpecColumn): string {
  if (c.sqlType && SAFE_TYPE.test(c.sqlType.toUpperCase())) return c.sqlType.toUpperCase();
  switch (c.type) {
    case 'integer':
      return 'BIGINT';
    case 'money':
      return 'DECIMAL(18,2)';
    case 'decimal':
    case 'percent':
      return 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMPTZ';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

export function colRef(c: SpecColumn): string {
  return c.expr ? `(${c.expr})` : sqlIdent(c.id);
}

export function findColumn(columns: SpecColumn[], id: string, what: string): SpecColumn {
  const c = columns.find((x) => x.id === id);
  if (!c) throw new AppError('BAD_INPUT', `cannot ${what} by unknown column "${id}"`, { column: id, allowed: columns.map((x) => x.id) });
  return c;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export class ParamList {
  readonly values: DuckDBValue[] = [];
  add(v: DuckDBValue): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export function buildWhere(columns: SpecColumn[], filters: ColumnFilter[], search: string, params: ParamList): string[] {
  const clauses: string[] = [];
  for (const f of filters) {
    const c = findColumn(columns, f.column, 'filter');
    const ref = colRef(c);
    const t = castType(c);
    const bind = (v: unknown) => `CAST(${params.add(v as DuckDBValue)} AS ${t})`;
    switch (f.op) {
      case 'eq':
        clauses.push(`${ref} = ${bind(f.value)}`);
        break;
      case 'ne':
        clauses.push(`${ref} IS DISTINCT FROM ${bind(f.value)}`);
        break;
      case 'lt':
        clauses.push(`${ref} < ${bind(f.value)}`);
        break;
      case 'le':
        clauses.push(`${ref} <= ${bind(f.value)}`);
        break;
      case 'gt':
        clauses.push(`${ref} > ${bind(f.value)}`);
        break;
      case 'ge':
        clauses.push(`${ref} >= ${bind(f.value)}`);
        break;
      case 'contains':
        clauses.push(`${ref}::VARCHAR ILIKE ${params.add(`%${escapeLike(String(f.value))}%`)} ESCAPE '\\'`);
        break;
      case 'starts':
        clauses.push(`${ref}::VARCHAR ILIKE ${params.add(`${escapeLike(String(f.value))}%`)} ESCAPE '\\'`);
        break;
      case 'in': {
        const vals = f.value as unknown[];
        clauses.push(vals.length === 0 ? 'false' : `${ref} IN (${vals.map(bind).join(', ')})`);
        break;
      }
      case 'between': {
        const [a, b] = f.value as unknown[];
        clauses.push(`${ref} BETWEEN ${bind(a)} AND ${bind(b)}`);
        break;
      }
      case 'is_null':
        clauses.push(`${ref} IS NULL`);
        break;
      case 'not_null':
        clauses.push(`${ref} IS NOT NULL`);
        break;
    }
  }
  const term = search.trim();
  if (term) {
    const searchable = columns.filter((c) => c.searchable ?? c.type === 'text');
    if (searchable.length) {
      const p = params.add(`%${escapeLike(term)}%`);
      clauses.push(`(${searchable.map((c) => `${colRef(c)} ILIKE ${p} ESCAPE '\\'`).join(' OR ')})`);
    }
  }
  return clauses;
}

export function buildOrder(columns: SpecColumn[], sort: SortSpec[]): string {
  if (!sort.length) return '';
  return `ORDER BY ${sort.map((s) => `${colRef(findColumn(columns, s.column, 'sort'))} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}`;
}

/** Turns DuckDB conversion errors caused by a filter value into BAD_INPUT. */
export function asInputError(err: unknown): unknown {
  const msg = err instanceof Error ? err.message : String(err);
  if (/^(Conversion|Invalid Input) Error/.test(msg)) return new AppError('BAD_INPUT', `a filter value does not fit its column: ${msg.split('\n')[0]}`);
  return err;
}
