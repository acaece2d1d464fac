// Test and benchmark helpers: simulators on a fixture dataset, the sources and secrets to reach them, and an exact
// comparison of a synced database with what the simulators hold.
import type { SourceKind } from '../../../shared/api/sync';
import type { CanonicalTable } from '../../../shared/types';
import type { Db } from '../../store/db';
import { parseConfig } from '../config';
import { TABLE_KEYS } from '../../model/schema';
import { EnvSecretStore } from '../../engine/secrets';
import { createSimulator, simulatorEnv, SIMULATED } from '../simulators/index';
import { SimDataset } from '../simulators/dataset';
import type { Simulator } from '../simulators/simulator';
import type { SourceConfig } from '../types';
import { buildFixture, type FixtureSize } from './fixture';

const FIXTURE_PREFIX: Record<SourceKind, string> = { supabase: 'salon', woocommerce: 'woo', bling: 'bling', mercadolivre: 'ml', hubspot: 'hubspot' };

export interface SimSet {
  data: SimDataset;
  sims: Map<SourceKind, Simulator>;
  close(): Promise<void>;
}

export async function startSimulators(opts: { kinds?: SourceKind[]; size?: Partial<FixtureSize>; creds?: Partial<Record<SourceKind, Record<string, string>>>; data?: SimDataset } = {}): Promise<SimSet> {
  const kinds = opts.kinds ?? SIMULATED;
  const data = opts.data ?? (await SimDataset.create());
  if (!opts.data) await buildFixture(data, opts.size, kinds.map((k) => FIXTURE_PREFIX[k]));
  const sims = new Map<SourceKind, Simulator>();
  for (const k of kinds) {
    const sim = await createSimulator(k, data, opts.creds?.[k]);
    await sim.listen();
    sims.set(k, sim);
  }
  return {
    data,
    sims,
    async close() {
      for (const s of sims.values()) await s.close();
      data.close();
    },
  };
}

/** Source settings for simulators: their base URLs and settings, quick retries so fault tests stay fast. */
export function simSources(set: SimSet, extra: Partial<Record<string, unknown>> = {}, kinds?: SourceKind[]): SourceConfig[] {
  return [...set.sims.values()]
    .filter((s) => !kinds || kinds.includes(s.kind))
    .map((s) => ({
      sourceId: s.kind,
      kind: s.kind,
      name: s.kind,
      baseUrl: s.server.baseUrl,
      enabled: true,
      config: parseConfig(s.kind, { retryBaseMs: 5, retryMaxMs: 50, timeoutMs: 2000, ratePerSec: 0, ...s.config, ...extra }),
    }));
}

export function simEnv(set: SimSet): Record<string, string> {
  return Object.assign({}, ...[...set.sims.values()].map(simulatorEnv));
}

const stores = new WeakMap<SimSet, EnvSecretStore>();

/** One store per simulator set: rotated OAuth tokens must survive from one sync to the next. */
export function simSecrets(set: SimSet): EnvSecretStore {
  let s = stores.get(set);
  if (!s) stores.set(set, (s = new EnvSecretStore(simEnv(set))));
  return s;
}

const ser = (row: Record<string, unknown>) =>
  JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v));

export interface TableDiff {
  table: CanonicalTable;
  expected: number;
  actual: number;
  equal: boolean;
  example?: { expected?: string; actual?: string };
}

/** Every table a simulator fills, compared row by row with the synced database (volatile columns left out). */
export async function compareWithSource(db: Db, sim: Simulator): Promise<TableDiff[]> {
  const out: TableDiff[] = [];
  for (const t of sim.tables) {
    const keys = TABLE_KEYS[t];
    const vol = sim.volatile[t] ?? [];
    const exp = (await sim.data.expected(t, sim.prefix, vol)).map(ser);
    const got = (
      await db.all(
        `SELECT DISTINCT * ${vol.length ? `EXCLUDE (${vol.join(', ')})` : ''} FROM ${t} WHERE starts_with(${keys[0]}, $1) ORDER BY ${keys.filter((k) => !vol.includes(k)).join(', ')}`,
        [`${sim.prefix}:`],
      )
    ).map(ser);
    const i = exp.findIndex((e, j) => e !== got[j]);
    const equal = exp.length === got.length && i === -1;
    out.push({ table: t, expected: exp.length, actual: got.length, equal, ...(equal ? {} : { example: { expected: exp[i === -1 ? got.length : i], actual: got[i === -1 ? exp.length : i] } }) });
  }
  return out;
}

/** A fingerprint of every canonical table (row count, distinct keys, order-independent content hash). */
export async function fingerprint(db: Db, exclude: Partial<Record<CanonicalTable, string[]>> = { listing_snapshots: ['observed_at'] }): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [t, keys] of Object.entries(TABLE_KEYS)) {
    const vol = exclude[t as CanonicalTable] ?? [];
    const k = keys.filter((c) => !vol.includes(c));
    const rows = vol.length ? `(SELECT DISTINCT * EXCLUDE (${vol.join(', ')}) FROM ${t})` : t;
    const [r] = await db.all<{ n: number; k: number; h: string }>(
      `SELECT count(*)::DOUBLE AS n, count(DISTINCT (${k.join(', ')}))::DOUBLE AS k, coalesce(sum(hash(x::VARCHAR)), 0)::VARCHAR AS h FROM ${rows} x`,
    );
    out[t] = `${r.n}/${r.k}/${r.h}`;
  }
  return out;
}
