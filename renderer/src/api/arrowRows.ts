// Decodes an Arrow IPC page (as sent by query.page and report pages) into plain row arrays for rendering.
import { tableFromIPC } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type Row = Cell[];

/** Rows as arrays in column order; nulls stay null (typed vectors would turn them into 0). */
export function arrowToRows(bytes: Uint8Array): { names: string[]; rows: Row[] } {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const n = table.numRows;
  const rows: Row[] = Array.from({ length: n }, () => new Array<Cell>(names.length));
  names.forEach((_, c) => {
    const vec = table.getChildAt(c);
    if (!vec) return;
    for (let r = 0; r < n; r++) {
      const v: unknown = vec.isValid(r) ? vec.get(r) : null;
      rows[r][c] = typeof v === 'bigint' ? Number(v) : (v as Cell);
    }
  });
  return { names, rows };
}
