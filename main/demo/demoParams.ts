// Demo sizes and dates from a preset plus overrides, the seeded random macros, and SQL literal helpers.
import type { Tx } from '../store/db';
import { DEMO_PRESETS, type DemoPreset } from '../../shared/api/demo';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { LOCATIONS } from './demoCatalog';
import { sqlString } from '../sql/quote';

export interface DemoOptions {
  preset?: DemoPreset;
  customers?: number;
  months?: number;
  seed?: number;
  /** Last business day covered (YYYY-MM-DD); default today in the business time zone. */
  endDate?: string;
  timezone?: string;
  openingHours?: Settings['openingHours'];
  /**
   * The instant the demo is made at. When the demo ends today (no endDate), appointments later today are still
   * booked or confirmed, as in a real agenda; with an endDate the whole last day is past (reproducible runs).
   */
  now?: Date;
}

export interface DemoParams {
  seed: number;
  customers: number;
  months: number;
  start: string;
  end: string;
  /** SQL TIMESTAMPTZ from which appointments are still ahead (booked or confirmed): now, or the day after the end. */
  aheadTs: string;
  tz: string;
  openingHours: Settings['openingHours'];
  locations: number;
  /** Customer records: salon people, WooCommerce accounts, Mercado Livre buyers. */
  salon: number;
  woo: number;
  ml: number;
  /** Recipients per campaign at most. */
  campaignCap: number;
}

export function todayIn(tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function resolveDemoParams(o: DemoOptions): DemoParams {
  const preset = DEMO_PRESETS[o.preset ?? 'small'];
  const customers = o.customers ?? preset.customers;
  const months = o.months ?? preset.months;
  const tz = o.timezone ?? DEFAULT_SETTINGS.timezone;
  const end = o.endDate ?? todayIn(tz);
  const endTs = `timezone('${tz}', CAST(DATE '${end}' + 1 AS TIMESTAMP))`;
  const now = o.now ?? (o.endDate === undefined ? new Date() : null);
  // Only an instant inside the last day moves the cut; any other keeps the whole last day in the past.
  const aheadTs = now ? `least(greatest(TIMESTAMPTZ '${now.toISOString()}', ${endTs} - INTERVAL 1 DAY), ${endTs})` : endTs;
  // The day after the end, `months` months back: an end on the last day of a month covers whole months.
  const e = new Date(`${end}T00:00:00Z`);
  e.setUTCDate(e.getUTCDate() + 1);
  const s = new Date(Date.UTC(e.getUTCFullYear(), e.getUTCMonth() - months, e.getUTCDate()));
  const salon = Math.round(customers * 0.86);
  const woo = Math.round(customers * 0.09);
  return {
    seed: o.seed ?? 42,
    customers,
    months,
    start: s.toISOString().slice(0, 10),
    end,
    aheadTs,
    tz,
    openingHours: o.openingHours ?? DEFAULT_SETTINGS.openingHours,
    locations: customers < 5_000 ? 3 : customers < 200_000 ? 5 : LOCATIONS.length,
    salon,
    woo,
    ml: customers - salon - woo,
    campaignCap: Math.max(200, Math.min(10_000, Math.round(customers * 0.05))),
  };
}

export const sqlStr = sqlString;
export const sqlList = (xs: (string | number)[]): string => `[${xs.map((x) => (typeof x === 'number' ? String(x) : sqlStr(x))).join(', ')}]`;

/**
 * Picks from one of several lists chosen per row: the lists are laid end to end in one literal of equal-size parts
 * (`which` is a 0-based SQL expression, `u` a uniform draw). A constant list inside a CASE branch is copied for every
 * row, which is slow; one flat list outside any CASE is not.
 */
export function pickFrom<T extends string | number>(lists: T[][], which: string, u: string): string {
  const size = Math.max(...lists.map((l) => l.length));
  const flat = lists.flatMap((l) => weightedSlots(l, l.map(() => 1), size));
  return `list_element(${sqlList(flat)}, (${which}) * ${size} + 1 + CAST(floor((${u}) * ${size}) AS INTEGER))`;
}

/** A list of `slots` values where each value appears in proportion to its weight (pick with a uniform index). */
export function weightedSlots<T extends string | number>(values: T[], weights: number[], slots: number): T[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: T[] = [];
  let acc = 0;
  values.forEach((v, i) => {
    acc += weights[i];
    const until = Math.round((acc / total) * slots);
    while (out.length < until) out.push(v);
  });
  return out.length ? out : [values[0]];
}

/**
 * Seeded uniform numbers in [0, 1): du(key, salt) and du3(key, key2, salt) — pure functions of the seed and keys.
 * DuckDB combines the hashes of several arguments by XOR, so draws that differ only by salt would be correlated;
 * hashing the combined hash once more makes them independent.
 */
export async function createRandomMacros(tx: Tx, seed: number): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP MACRO du(a, b) AS ((hash(hash(${seed}, a, b)) >> 11)::DOUBLE / 9007199254740992.0)`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO du3(a, b, c) AS ((hash(hash(${seed}, a, b, c)) >> 11)::DOUBLE / 9007199254740992.0)`);
  await tx.run(`CREATE OR REPLACE TEMP MACRO pick(l, x) AS list_element(l, 1 + CAST(floor(x * len(l)) AS INTEGER))`);
  // Money is kept in integer cents while generating: DECIMAL products and sums widen to 128-bit and are slow to narrow.
  // Cents to DECIMAL(18,2) by a 64-bit decimal product (a cast from DOUBLE is four times slower).
  await tx.run(`CREATE OR REPLACE TEMP MACRO money(c) AS CAST(c AS DECIMAL(16,0)) * CAST(0.01 AS DECIMAL(2,2))`);
}
