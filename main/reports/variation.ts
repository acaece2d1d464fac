// How a figure varies against its comparison: rates (percent columns) by the difference in percentage points
// (0.012 = +1.2 p.p.), everything else by the relative change; one rule for the dashboard, reports and exports.
import type { ColumnType } from '../../shared/types';

export type VariationKind = 'relative' | 'points';

export const variationKind = (type: ColumnType): VariationKind => (type === 'percent' ? 'points' : 'relative');

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The variation of `cur` against `base`; null when either is missing, or for a relative change when the base is zero. */
export function variationOf(type: ColumnType, cur: unknown, base: unknown): number | null {
  const a = num(cur);
  const b = num(base);
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  if (variationKind(type) === 'points') return Math.round((a - b) * 1e6) / 1e6;
  return b === 0 ? null : Math.round(((a - b) / Math.abs(b)) * 1e6) / 1e6;
}
