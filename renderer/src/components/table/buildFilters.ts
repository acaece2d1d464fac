// The table-spec filters for a set of per-column filter texts (unreadable texts are skipped, and shown as invalid).
import type { ColumnFilter } from '../../../../shared/api/tableSpec';
import type { ColumnType } from '../../../../shared/types';
import { parseColumnFilter } from './columnFilter';

export function buildFilters(columns: { id: string; type: ColumnType }[], filterText: Record<string, string>): ColumnFilter[] {
  const out: ColumnFilter[] = [];
  for (const c of columns) {
    const text = filterText[c.id];
    if (!text) continue;
    const f = parseColumnFilter(c.id, c.type, text);
    if (f) out.push(f);
  }
  return out;
}
