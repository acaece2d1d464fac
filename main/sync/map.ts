// Small exact helpers the connectors share: money as integer cents (never binary floating point), timestamps in
// the forms the APIs send, and the record excerpts stored with rejects.
import type { Reject } from './types';

/** Money (string or number) as integer cents; null when absent or not a number. Rounds half away from zero. */
export function cents(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? Math.sign(v) * Math.round(Math.abs(v) * 100 + 1e-7) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(-?)(\d+)(?:[.,](\d*))?\s*$/.exec(v);
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(3, '0');
  let c = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) c += 1;
  return m[1] === '-' ? -c : c;
}

/** Integer cents as a decimal string, "-12.30". */
export function money(c: number | null): string | null {
  if (c === null) return null;
  const neg = c < 0;
  const a = Math.abs(Math.round(c));
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A money field passed through for SQL to cast (and reject when it is not a number). */
export function moneyRaw(v: unknown): string | null {
  const c = cents(v);
  if (c !== null) return money(c);
  return v === null || v === undefined || v === '' ? null : String(v);
}

/** UTC without a zone ("2024-05-01T10:00:00", WooCommerce *_gmt fields) as an ISO instant. */
export function utcNaive(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  return /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
}

/** Epoch milliseconds (number or numeric string) as an ISO instant. */
export function fromEpochMs(v: unknown): string | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? new Date(n).toISOString() : v === null || v === undefined || v === '' ? null : String(v);
}

export function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** "First Last" from two parts (either may be empty). */
export function joinName(first: unknown, last: unknown): string | null {
  return str([str(first) ?? '', str(last) ?? ''].join(' ').trim());
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A reject for a record that is not an object or has no id. */
export function badRecord(table: Reject['table'], record: unknown, reason: string): Reject {
  const id = isObject(record) && (typeof record.id === 'string' || typeof record.id === 'number') ? String(record.id) : null;
  let excerpt: string;
  try {
    excerpt = JSON.stringify(record).slice(0, 300);
  } catch {
    excerpt = String(record).slice(0, 300);
  }
  return { table, recordId: id, reason, excerpt };
}

/** Runs fn over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** ISO instant minus milliseconds (cursor overlap), or null. */
export function minusMs(iso: string | null | undefined, ms: number): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t - ms).toISOString();
}

/** Epoch ms as business-local "YYYY-MM-DD HH:MM:SS" (Bling's filters). */
export function toLocal(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return f.format(new Date(ms)).replace('T', ' ');
}

/** Business-local "YYYY-MM-DD[ HH:MM:SS]" as epoch ms (the zone's offset at that moment). */
export function fromLocal(local: string, timeZone: string): number {
  const asUtc = Date.parse(`${local.length === 10 ? `${local}T00:00:00` : local.replace(' ', 'T')}Z`);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - (Date.parse(`${toLocal(guess, timeZone).replace(' ', 'T')}Z`) - guess);
  return guess;
}
