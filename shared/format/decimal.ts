// Exact decimal arithmetic on text for display: DuckDB DECIMAL values arrive as text ('-1234.565') and are
// rounded and grouped digit by digit (BigInt), so 0.005 and 1e12 + 0.01 never pass through a float.

/** A decimal as a signed integer of units and a scale: -12.5 = { units: -125n, scale: 1 }. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Reads a wire value as an exact decimal. Text is taken digit for digit; a JS number is read from its shortest
 * round-trip text (0.1 + 0.2 is 0.30000000000000004, but 1.005 is 1.005). Empty, non-numeric and non-finite
 * values give null.
 */
export function toDecimal(v: unknown): Decimal | null {
  if (typeof v === 'bigint') return { units: v, scale: 0 };
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  const m = DECIMAL_TEXT.exec(String(v).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  let units = BigInt(`${m[2] || '0'}${frac}`);
  let scale = frac.length - exp;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] === '-' ? -units : units, scale };
}

/** Multiplies by 10^n exactly (percent: n = 2; thousands: n = -3). */
export function shift(d: Decimal, n: number): Decimal {
  const scale = d.scale - n;
  return scale >= 0 ? { units: d.units, scale } : { units: d.units * 10n ** BigInt(-scale), scale: 0 };
}

/** Rounds to `places` decimals, halves away from zero (as DuckDB's ROUND and the books do: 0.005 -> 0.01). */
export function round(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return { units: d.units * 10n ** BigInt(places - d.scale), scale: places };
  const div = 10n ** BigInt(d.scale - places);
  const neg = d.units < 0n;
  const abs = neg ? -d.units : d.units;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return { units: neg ? -q : q, scale: places };
}

export function isZero(d: Decimal): boolean {
  return d.units === 0n;
}

export function abs(d: Decimal): Decimal {
  return d.units < 0n ? { units: -d.units, scale: d.scale } : d;
}

/** |d| >= 10^n (n may be negative). */
export function atLeastPow10(d: Decimal, n: number): boolean {
  const units = abs(d).units;
  const k = n + d.scale;
  return k >= 0 ? units >= 10n ** BigInt(k) : units >= 1n;
}

/**
 * Digits of a rounded decimal: sign, integer digits and `minPlaces..places` fraction digits (trailing zeros
 * past minPlaces dropped). A value that rounds to zero has no sign ("0,00", never "-0,00").
 */
export function digits(d: Decimal, places: number, minPlaces = places): { negative: boolean; int: string; frac: string } {
  const r = round(d, places);
  const negative = r.units < 0n;
  const text = (negative ? -r.units : r.units).toString().padStart(places + 1, '0');
  const int = text.slice(0, text.length - places);
  let frac = text.slice(text.length - places);
  while (frac.length > minPlaces && frac.endsWith('0')) frac = frac.slice(0, -1);
  return { negative, int, frac };
}

/** Groups integer digits in threes with `sep`. */
export function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
