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

const INTEGER_TYPE = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/;
const INTEGER_RANGE: Record<string, [number, number]> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INTEGER: [-2147483648, 2147483647],
  UTINYINT: [0, 255],
  USMALLINT: [0, 65535],
  UINTEGER: [0, 4294967295],
  UBIGINT: [0, Number.MAX_SAFE_INTEGER],
};
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const validDate = (s: string) => {
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
};

/** What a value of the cast type looks like, or null when the value fits it. */
function misfit(t: string, v: unknown): string | null {
  if (t === 'VARCHAR') return null;
  if (INTEGER_TYPE.test(t)) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : NaN;
    const [lo, hi] = INTEGER_RANGE[t.replace(/^INT$/, 'INTEGER')] ?? [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    return Number.isInteger(n) && n >= lo && n <= hi ? null : `a whole number from ${lo} to ${hi}`;
  }
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec || /^(DOUBLE|FLOAT|REAL)$/.test(t)) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && NUMBER_TEXT.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n)) return 'a number';
    if (dec && Math.abs(n) >= 10 ** (Number(dec[1]) - Number(dec[2]))) return `a number below ${10 ** (Number(dec[1]) - Number(dec[2]))}`;
    return null;
  }
  if (t === 'DATE') return typeof v === 'string' && DATE_TEXT.test(v) && validDate(v) ? null : 'a date (YYYY-MM-DD)';
  if (t.startsWith('TIMESTAMP')) return typeof v === 'string' && TIMESTAMP_TEXT.test(v) && validDate(v) ? null : 'a date and time (YYYY-MM-DDTHH:MM:SS)';
  if (t === 'BOOLEAN') return typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v)) ? null : 'true or false';
  return null;
}

export function buildWhere(columns: SpecColumn[], filters: ColumnFilter[], search: string, params: ParamList): string[] {
  const clauses: string[] = [];
  for (const f of filters) {
    const c = findColumn(columns, f.column, 'filter');
    const ref = colRef(c);
    const t = castType(c);
    // Checked here, before any SQL runs: a value the cast would refuse is the caller's mistake, not DuckDB's.
    const bind = (v: unknown) => {
      const want = misfit(t, v);
      if (want) throw new AppError('BAD_INPUT', `a filter value does not fit its column: ${c.id} takes ${want}`, { column: c.id, value: v });
      return `CAST(${params.add(v as DuckDBValue)} AS ${t})`;
    };
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

/**
 * How a column is compared when sorting: text in Portuguese order (the ICU collation `pt`, built into the DuckDB
 * Painel ships), so "Érica" sorts with the E's and "ana" beside "Ana"; everything else by value.
 */
export function sortRef(c: SpecColumn, ref: string = colRef(c)): string {
  return c.type === 'text' && (!c.sqlType || c.sqlType === 'VARCHAR') ? `CAST(${ref} AS VARCHAR) COLLATE pt` : ref;
}

/**
 * ORDER BY for a sort. The first `collated` entries (the person's or the table's own sort) compare text in
 * Portuguese order; later ones only make the order total, and compare stored bytes, which costs less.
 */
export function buildOrder(columns: SpecColumn[], sort: SortSpec[], collated = sort.length): string {
  if (!sort.length) return '';
  return `ORDER BY ${sort
    .map((s, i) => {
      const c = findColumn(columns, s.column, 'sort');
      return `${i < collated ? sortRef(c) : colRef(c)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`;
    })
    .join(', ')}`;
}
