// Whether the business time zone kept one UTC offset over the whole span a report can touch (all recorded
// activity up to the period's end plus the look-ahead some reports use). When it did (America/Sao_Paulo since
// 2019), a business date is plain arithmetic on the instant, far cheaper than a time-zone conversion per row.
import type { Db } from '../store/db';
import { dataBounds } from './dataBounds';

const DAY = 86_400_000;
const spans = new Map<string, number | null>();

function offsetMinutes(fmt: Intl.DateTimeFormat, at: number): number {
  const name = fmt.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The single UTC offset (minutes) of `tz` on every day of [from, to], or null when it changes. */
export function fixedOffset(tz: string, from: string, to: string): number | null {
  const key = `${tz}|${from}|${to}`;
  if (spans.has(key)) return spans.get(key) as number | null;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
  const start = Date.parse(`${from}T00:00:00Z`) - 2 * DAY;
  const end = Date.parse(`${to}T00:00:00Z`) + 2 * DAY;
  const first = offsetMinutes(fmt, start);
  let out: number | null = first;
  for (let t = start; t <= end && out !== null; t += DAY / 4) if (offsetMinutes(fmt, t) !== first) out = null;
  if (spans.size > 500) spans.clear();
  spans.set(key, out);
  return out;
}

let enabled = true;
/** Tests switch the fixed-offset path off to check that both paths give the same rows. */
export function useFixedOffsets(on: boolean): void {
  enabled = on;
}

/** The offset in microseconds to use for the request, or null to use exact per-bucket lookups. */
export async function requestOffsetUs(db: Db, tz: string, periodFrom: string, periodTo: string): Promise<number | null> {
  if (!enabled) return null;
  // Rows only exist from the first recorded date; reports look up to 60 days past the period (rebooking).
  const from = (await dataBounds(db)).earliest ?? periodFrom;
  const ahead = new Date(Date.parse(`${periodTo}T00:00:00Z`) + 62 * DAY).toISOString().slice(0, 10);
  const minutes = fixedOffset(tz, from < ahead ? from : periodFrom, ahead);
  return minutes === null ? null : minutes * 60_000_000;
}
