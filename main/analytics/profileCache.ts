// An in-memory cache of customer profiles (profiles.ts) per as-of date and RFM settings, in a DuckDB database
// attached in memory: segment sizes, member pages and customer 360 then read a table instead of re-aggregating
// every sale. An entry is dropped when sales, customers or identity links change (the Db's change events).
import type { Db } from '../store/db';
import { StateKey } from '../store/state';
import { ParamList } from '../sql/specSql';
import { profileSql } from './profiles';
import type { RfmOptions } from './rfm';

/** Tables a profile is computed from. */
const BASE_TABLES = new Set(['sales', 'customers', 'customer_identity']);
const MAX_ENTRIES = 3;

interface CacheState {
  version: number;
  attached: Promise<void> | null;
  entries: Map<string, { table: string; ready: Promise<void> }>;
  next: number;
}

const STATE = new StateKey<CacheState, Db>('analytics.profileCache', (db) => {
  const st: CacheState = { version: 0, attached: null, entries: new Map(), next: 0 };
  db.on('changed', (e: { tables: string[] }) => {
    if (e.tables.some((t) => BASE_TABLES.has(t))) st.version++;
  });
  return st;
});

function stateOf(db: Db): CacheState {
  return db.state(STATE);
}

function keyOf(db: Db, rfm: RfmOptions, version: number): string {
  return JSON.stringify([version, db.timezone, rfm.asOf, rfm.windowDays, rfm.frequencyMode, rfm.frequencyMode === 'fixed' ? rfm.frequencyThresholds : null]);
}

/** SQL reading the cached profile as of rfm.asOf (built on first use; concurrent callers share one build). */
export async function cachedProfileSql(db: Db, rfm: RfmOptions): Promise<string> {
  const s = stateOf(db);
  s.attached ??= db.run(`ATTACH IF NOT EXISTS ':memory:' AS painel_cache`);
  await s.attached;
  const key = keyOf(db, rfm, s.version);
  let entry = s.entries.get(key);
  if (!entry) {
    const table = `painel_cache.profile_${s.next++}`;
    const p = new ParamList();
    const sql = profileSql(rfm, p);
    entry = { table, ready: db.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`, p.values) };
    s.entries.set(key, entry);
    entry.ready.catch(() => s.entries.delete(key));
    while (s.entries.size > MAX_ENTRIES) {
      const [oldKey, old] = s.entries.entries().next().value as [string, { table: string; ready: Promise<void> }];
      s.entries.delete(oldKey);
      void old.ready.then(() => db.run(`DROP TABLE IF EXISTS ${old.table}`)).catch(() => undefined);
    }
  } else {
    // most recently used last, so eviction drops the oldest
    s.entries.delete(key);
    s.entries.set(key, entry);
  }
  await entry.ready;
  return `SELECT * FROM ${entry.table}`;
}
