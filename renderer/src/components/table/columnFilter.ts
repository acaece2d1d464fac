// Turns the small text typed in a column's filter box into a table-spec filter: text columns match by
// "contains"; numbers and dates accept "> 10", "<= 2024-01-31", "10..20" or "= 5".
import type { ColumnFilter } from '../../../../shared/api/tableSpec';
import type { ColumnType } from '../../../../shared/types';

const NUMERIC: ColumnType[] = ['integer', 'decimal', 'money', 'percent'];

function value(raw: string, type: ColumnType): string | number | null {
  const s = raw.trim();
  if (!s) return null;
  if (NUMERIC.includes(type)) {
    // Accept both "1.234,56" (pt-BR) and "1234.56".
    const normal = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
    const n = Number(normal.replace(/[^\d.+-]/g, ''));
    if (!Number.isFinite(n)) return null;
    return type === 'percent' ? n / 100 : n;
  }
  if (type === 'date' || type === 'timestamp') {
    const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (br) return `${br[3]}-${br[2].padStart(2, '0')}-${br[1].padStart(2, '0')}`;
    return /^\d{4}-\d{2}(-\d{2})?$/.test(s) ? (s.length === 7 ? `${s}-01` : s) : null;
  }
  return s;
}

/** The filter for one column's text, or null when the text is empty or cannot be read. */
export function parseColumnFilter(column: string, type: ColumnType, text: string): ColumnFilter | null {
  const s = text.trim();
  if (!s) return null;
  if (type === 'text' || type === 'json') return { column, op: 'contains', value: s };
  if (type === 'boolean') {
    const yes = /^(s|sim|y|yes|true|1)$/i.test(s);
    const no = /^(n|não|nao|no|false|0)$/i.test(s);
    return yes || no ? { column, op: 'eq', value: yes } : null;
  }
  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(s);
  if (range) {
    const a = value(range[1], type);
    const b = value(range[2], type);
    return a !== null && b !== null ? { column, op: 'between', value: [a, b] } : null;
  }
  const m = /^(>=|<=|<>|!=|>|<|=)?\s*(.+)$/.exec(s);
  if (!m) return null;
  const v = value(m[2], type);
  if (v === null) return null;
  const ops: Record<string, ColumnFilter['op']> = { '>=': 'ge', '<=': 'le', '<>': 'ne', '!=': 'ne', '>': 'gt', '<': 'lt', '=': 'eq' };
  return { column, op: ops[m[1] ?? '='] ?? 'eq', value: v };
}
