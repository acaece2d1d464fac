// Materialised report results: a report's SQL runs once per (SQL, parameters, data version, time zone) into a
// table of an in-memory database attached to the engine's DuckDB; pages, counts, totals and charts then read
// that table, so the first page with its totals costs one execution and later pages, sorts and filters are cheap.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Db } from '../store/db';
import { StateKey } from '../store/state';

const SCHEMA = 'report_cache';
/** Result tables kept per database (least recently used dropped first)... */
const MAX_ENTRIES = 24;
/** ...and rows kept in all of them together, which bounds the memory the cache holds. */
const MAX_ROWS = 3_000_000;

interface Entry {
  table: string;
  version: number;
  ready: Promise<string>;
  rows: number;
}

class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private attached: Promise<void> | null = null;
  private next = 0;

  constructor(private readonly db: Db) {}

  private attach(): Promise<void> {
    this.attached ??= this.db.all(`ATTACH IF NOT EXISTS ':memory:' AS ${SCHEMA}`).then(() => undefined);
    return this.attached;
  }

  /** The qualified name of a table holding the result of `sql` (computed at most once while it is cached). */
  async table(sql: string, params: DuckDBValue[]): Promise<string> {
    const db = this.db;
    const key = `${db.timezone}\u0000${sql}\u0000${JSON.stringify(params, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === db.dataVersion) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.ready;
    }
    this.evict(hit ? [key] : []);
    const table = `${SCHEMA}.r${++this.next}`;
    // Registered before any await, so concurrent requests for the same result (page and totals) share one run.
    const entry: Entry = { table, version: db.dataVersion, rows: 0, ready: Promise.resolve(table) };
    entry.ready = this.attach()
      // CREATE TABLE AS answers with the number of rows it stored.
      .then(() => db.all<{ Count?: bigint | number }>(`CREATE OR REPLACE TABLE ${table} AS ${sql}`, params))
      .then((created) => {
        entry.rows = Number(created[0]?.Count ?? 0);
        this.trim(entry);
        return table;
      });
    this.entries.set(key, entry);
    entry.ready.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return entry.ready;
  }

  /** Drops the least recently used results (never `keep`) while all together hold more than MAX_ROWS rows. */
  private trim(keep: Entry): void {
    let total = [...this.entries.values()].reduce((n, e) => n + e.rows, 0);
    for (const [k, e] of [...this.entries]) {
      if (total <= MAX_ROWS) break;
      if (e === keep || e.rows === 0) continue;
      total -= e.rows;
      this.entries.delete(k);
      void e.ready.then((t) => this.db.all(`DROP TABLE IF EXISTS ${t}`)).catch(() => undefined);
    }
  }

  /** Drops stale entries (older data version), the named keys, and the oldest beyond the limit. */
  private evict(keys: string[]): void {
    const drop: Entry[] = [];
    for (const [k, e] of this.entries) {
      if (e.version !== this.db.dataVersion || keys.includes(k)) {
        drop.push(e);
        this.entries.delete(k);
      }
    }
    while (this.entries.size >= MAX_ENTRIES) {
      const [k, e] = this.entries.entries().next().value as [string, Entry];
      drop.push(e);
      this.entries.delete(k);
    }
    for (const e of drop) {
      // A query still reading the table keeps its own snapshot; failures to drop only leave memory to reclaim later.
      void e.ready.then((t) => this.db.all(`DROP TABLE IF EXISTS ${t}`)).catch(() => undefined);
    }
  }

  /** Drops every entry, or those whose SQL does not satisfy `keep`. */
  clear(keep: (sql: string) => boolean = () => false): void {
    this.evict([...this.entries.keys()].filter((k) => !keep(k.split('\u0000')[1] ?? '')));
  }
}

const CACHE = new StateKey<ResultCache, Db>('reports.resultCache', (db) => new ResultCache(db));

/** The database's report result cache (kept in the database's state). */
export function resultCache(db: Db): ResultCache {
  return db.state(CACHE);
}

/** Forgets the cached results of a database (benchmarks measure cold runs with it), all or all but some. */
export function clearReportCache(db: Db, keep?: (sql: string) => boolean): void {
  db.peekState(CACHE)?.clear(keep);
}
