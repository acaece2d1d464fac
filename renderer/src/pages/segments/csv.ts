// A contact list as CSV text (UTF-8 with BOM so spreadsheet apps read accents; quoted fields) and a way to
// save text as a file from the page.
import type { LocalizedText } from '../../../../shared/types';
import type { Row } from '../../api/arrowRows';

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // A leading = + - @ would be run as a formula by spreadsheet apps.
  const safe = /^[=+\-@]/.test(s) && !/^[+-]?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header names each column as people read it; cells come as `cell` words them (codes said in words). */
export function csvText(columns: { id: string; label?: LocalizedText }[], rows: Row[], locale: keyof LocalizedText, cell: (v: unknown, i: number) => unknown = (v) => v): string {
  const lines = [columns.map((c) => field(c.label?.[locale] ?? c.id)).join(','), ...rows.map((r) => r.map((v, i) => field(cell(v, i))).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function saveTextFile(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
