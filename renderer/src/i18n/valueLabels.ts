// Words for codes (payment methods, statuses, kinds, lifecycle, RFM clusters, channels, segments) and for empty
// values that mean something ("Online", "Sem profissional"), so tables and charts never show a code or a blank.
import { CODE_LISTS, codeWord, type CodeListName } from '../../../shared/codeLists';
import { modelLabel } from '../../../shared/model';
import type { LocalizedText } from '../../../shared/types';
import type { Locale } from '../../../shared/format';

export function segmentLabel(locale: Locale, id: string): string {
  return codeWord('segment', id, locale);
}

/** Columns of tables without report metadata (the raw tables page) whose values are codes. */
const CODE_COLUMN = /(^|_)(method|status|kind|lifecycle|cluster|channel|event_type|from|to)$/;

export function isCodeColumn(id: string | undefined): boolean {
  return !!id && CODE_COLUMN.test(id);
}

/** The word for a code of any list (RFM clusters, lifecycle, the model's lists); unknown values pass through. */
export function codeLabel(locale: Locale, value: string): string {
  for (const list of ['rfmCluster', 'migration', 'lifecycle'] as const) {
    const w = CODE_LISTS[list][value];
    if (w) return w[locale];
  }
  return modelLabel(value)?.[locale] ?? value;
}

export interface WordedColumn {
  id?: string;
  type: string;
  codes?: CodeListName;
  empty?: LocalizedText;
}

/**
 * The words a cell shows instead of its value, or null when the value is shown as it is: an empty value with a
 * meaning, a code of the column's declared list (or, without a declared list, of a code-named text column).
 */
export function cellWords(locale: Locale, col: WordedColumn, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return col.empty ? col.empty[locale] : null;
  if (typeof v !== 'string' || col.type !== 'text') return null;
  if (col.codes) return codeWord(col.codes, v, locale);
  return isCodeColumn(col.id) ? codeLabel(locale, v) : null;
}
