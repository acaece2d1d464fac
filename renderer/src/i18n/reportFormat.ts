// A report value as people read it: code columns (payment method, status, kind...) by their words, everything
// else through the one formatter (shared/format) by its column metadata.
import type { ReportColumnMeta } from '../../../shared/reports';
import { formatAxis as axis, formatCell, type Formatter } from '../../../shared/format';
import { cellWords } from './valueLabels';

export type ColumnLike = Pick<ReportColumnMeta, 'type'> & Partial<Pick<ReportColumnMeta, 'unit' | 'format' | 'decimals' | 'id' | 'codes' | 'empty'>>;

export function formatValue(f: Formatter, col: ColumnLike, v: unknown): string {
  const words = cellWords(f.locale, col, v);
  if (words !== null) return words;
  return formatCell(f, col, v);
}

/** Short form for chart axes: codes in words, compact money, percentages without decimals. */
export function formatAxis(f: Formatter, col: ColumnLike, v: unknown): string {
  const words = cellWords(f.locale, col, v);
  return words !== null ? words : axis(f, col, v);
}
