// How the Tables page shows a canonical table: headers in the model's own words, values typed by the model (a rate
// as a percentage), codes of closed lists in words, instants and money through the one formatter. Ids stay as they
// are (they are the data itself) under a header in words. Only the screen changes: exports keep the stored values.
import { CODE_LISTS, type CodeListName } from '../../../../shared/codeLists';
import type { ColumnFilter } from '../../../../shared/api/tableSpec';
import { formatCell, type Formatter, type Locale } from '../../../../shared/format';
import { columnHeader, isCanonicalTable, modelTable, type ModelColumn } from '../../../../shared/model';
import type { ColumnMeta, ColumnType, LocalizedText } from '../../../../shared/types';
import { parseColumnFilter } from '../../components/table/columnFilter';

export interface BrowseColumn extends ColumnMeta {
  label?: LocalizedText;
  /** Lists whose words the values are said in, tried in order. */
  codes?: CodeListName[];
  /** An identifier: shown as stored, never grouped or reworded. */
  isKey?: boolean;
  /** An IANA time zone, said by its name ("Horário de Brasília"). */
  zone?: boolean;
}

/** Columns whose values are codes of a list though the model does not declare one. */
const CODES_BY_NAME: Record<string, CodeListName[]> = {
  source: ['source'],
  gender: ['gender'],
  // A campaign aims at one of the app's segments or at an RFM cluster.
  segment_id: ['segment', 'rfmCluster'],
};

const TYPE_OF_KIND: Partial<Record<ModelColumn['kind'], ColumnType>> = { rate: 'percent', qty: 'decimal', int: 'integer', id: 'text', text: 'text' };

/** A table's columns as the page shows them; tables outside the model keep their own names and values. */
export function browseColumns(table: string, columns: readonly ColumnMeta[]): BrowseColumn[] {
  if (!isCanonicalTable(table)) return [...columns];
  const model = new Map(modelTable(table).columns.map((c) => [c.name, c]));
  return columns.map((c) => {
    const m = model.get(c.id);
    if (!m) return c;
    const label = { 'pt-BR': columnHeader(c.id, 'pt-BR', table), en: columnHeader(c.id, 'en', table) };
    const codes = m.values ? [m.values] : CODES_BY_NAME[c.id];
    const type = TYPE_OF_KIND[m.kind] ?? c.type;
    return { ...c, label, type, ...(codes ? { codes } : m.kind === 'id' ? { isKey: true } : {}), ...(c.id === 'timezone' ? { zone: true } : {}) };
  });
}

/** The words of a code in the first of the column's lists that knows it; an unknown code is shown as it is. */
function codeWords(locale: Locale, lists: CodeListName[], code: string): string {
  for (const list of lists) {
    const w = CODE_LISTS[list][code];
    if (w) return w[locale];
  }
  return code;
}

function zoneName(locale: Locale, zone: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/** One cell as a person reads it. */
export function browseCell(f: Formatter, col: BrowseColumn, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (col.codes && typeof v === 'string') return codeWords(f.locale, col.codes, v);
  if (col.zone && typeof v === 'string') return zoneName(f.locale, v);
  if (col.isKey) return String(v);
  return formatCell(f, col, v);
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

/**
 * The filters for the typed texts. A code column's text is read as words: "concl" keeps the sales whose status
 * says "Concluído" (the stored codes are matched, so DuckDB still filters); a text matching no word matches codes.
 */
export function browseFilters(columns: readonly BrowseColumn[], filterText: Record<string, string>, locale: Locale): ColumnFilter[] {
  const out: ColumnFilter[] = [];
  for (const c of columns) {
    const text = filterText[c.id];
    if (!text?.trim()) continue;
    if (c.codes) {
      const want = fold(text);
      const codes = c.codes.flatMap((list) => Object.entries(CODE_LISTS[list]).filter(([code, w]) => fold(w[locale]).includes(want) || fold(code).includes(want)).map(([code]) => code));
      out.push(codes.length ? { column: c.id, op: 'in', value: [...new Set(codes)] } : { column: c.id, op: 'contains', value: text.trim() });
      continue;
    }
    const f = parseColumnFilter(c.id, c.type, text);
    if (f) out.push(f);
  }
  return out;
}
