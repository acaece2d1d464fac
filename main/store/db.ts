// The one owner of the DuckDB file: connections, the single write path, transactions, timing and the data version.
// Closing waits for (or interrupts) the statements in flight, then closes connections, then the instance.
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api';
import { EventEmitter } from 'node:events';
import { chmodSync, existsSync, renameSync } from 'node:fs';
import { AppError } from './errors';
import { StateSlots, type StateKey } from './state';

/**
 * Only the extensions built into the DuckDB binary Painel ships (core_functions, icu, json, parquet): nothing is
 * downloaded or loaded from disk at run time, and community extensions are refused even if a query asks.
 */
export const DUCKDB_SAFETY: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
};

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface DbOptions {
  /** File path, or ':memory:'. */
  path: string;
  /** Business time zone applied to every connection (default America/Sao_Paulo). */
  timezone?: string;
  /** Queries slower than this are logged (default 500 ms). */
  slowQueryMs?: number;
  /** Read connections in the pool (default 3). */
  readers?: number;
  /** DuckDB threads (default: all cores). */
  threads?: number;
  log?: (line: string) => void;
}

export interface SlowQuery {
  sql: string;
  ms: number;
  at: string;
}

/** A write transaction: every statement runs on the writer connection inside BEGIN/COMMIT. */
export interface Tx {
  run(sql: string, params?: Params): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  reader(sql: string, params?: Params): Promise<DuckDBResultReader>;
  connection: DuckDBConnection;
  /** Declares tables this transaction changed; a data.changed event follows the commit. */
  touched(...tables: string[]): void;
  /**
   * Work that must land with this transaction's rows (derived tables kept current, e.g. daily rollups): run once
   * per key, inside the transaction, just before COMMIT; a failure rolls everything back.
   */
  beforeCommit(key: string, fn: (tx: Tx) => Promise<void>): void;
  /** State the database keeps for a module (see Db.state), reachable from inside a transaction. */
  state<T>(key: StateKey<T, Db>): T;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

export class Db extends EventEmitter {
  readonly path: string;
  readonly slowQueries: SlowQuery[] = [];
  dataVersion = 0;
  timezone: string;
  /** Set when a write log that could not be replayed was moved aside at open. */
  walSetAside: string | null = null;
  private readonly writeLock = new Mutex();
  private readonly slots = new StateSlots<Db>(this);
  private next = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Statements dispatched to DuckDB and not settled yet: closing waits for them before closing connections. */
  private readonly inflight = new Set<Promise<unknown>>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readersPool: DuckDBConnection[],
    private readonly opts: DbOptions,
  ) {
    super();
    this.path = opts.path;
    this.timezone = opts.timezone ?? 'America/Sao_Paulo';
  }

  /** State a module keeps for this database (caches keyed by data version), made on first use. */
  state<T>(key: StateKey<T, Db>): T {
    return this.slots.get(key);
  }

  /** That state if it was made (clearing a cache need not create it). */
  peekState<T>(key: StateKey<T, Db>): T | undefined {
    return this.slots.peek(key);
  }

  static async open(opts: DbOptions): Promise<Db> {
    const config: Record<string, string> = { ...DUCKDB_SAFETY };
    if (opts.threads) config.threads = String(opts.threads);
    let instance: DuckDBInstance;
    let walSetAside: string | null = null;
    try {
      try {
        instance = await DuckDBInstance.create(opts.path, config);
      } catch (err) {
        // A write log left half-written (disk full, power cut mid-commit) cannot be replayed. Committed work is
        // checkpointed into the file soon after every change (Engine), so the log holds at most the transaction
        // that failed: keep it aside, never delete it, and open the file as last checkpointed.
        const walPath = `${opts.path}.wal`;
        if (!/replaying WAL/i.test(String(err)) || !existsSync(walPath)) throw err;
        walSetAside = `${walPath}.unreplayable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(walPath, walSetAside);
        opts.log?.(`the write log of ${opts.path} could not be replayed; it was kept as ${walSetAside}`);
        instance = await DuckDBInstance.create(opts.path, config);
      }
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/Could not set lock|Conflicting lock/i.test(msg)) throw new AppError('CONFLICT', `The database ${opts.path} is in use by another Painel process. Close it and try again.`, { cause: msg });
      if (/not a valid DuckDB database|corrupt|Invalid|checksum/i.test(msg)) throw new AppError('DB', `The database file ${opts.path} is damaged or not a Painel database: ${msg}`, { corrupt: true });
      throw new AppError('IO', `Could not open the database ${opts.path}: ${msg}`);
    }
    // The database and its write log hold the business's customers: readable by their owner only.
    if (opts.path !== ':memory:') for (const f of [opts.path, `${opts.path}.wal`]) if (existsSync(f)) chmodSync(f, 0o600);
    const writer = await instance.connect();
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < (opts.readers ?? 3); i++) readers.push(await instance.connect());
    const db = new Db(instance, writer, readers, opts);
    db.walSetAside = walSetAside;
    await db.setTimezone(db.timezone);
    return db;
  }

  /** Sets the business time zone on every connection (a "day" in reports is taken in it). */
  async setTimezone(tz: string): Promise<void> {
    if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz)) throw new AppError('BAD_INPUT', `invalid time zone: ${tz}`);
    const ok = await this.writer.runAndReadAll(`SELECT count(*)::INT AS n FROM pg_timezone_names() WHERE name = $1`, [tz]);
    if ((ok.getRowObjectsJS()[0]?.n as number) !== 1) throw new AppError('BAD_INPUT', `unknown time zone: ${tz}`);
    for (const c of [this.writer, ...this.readersPool]) {
      await c.run(`SET TimeZone = '${tz}'`);
      await c.run(`SET VARIABLE biz_tz = '${tz}'`);
    }
    this.timezone = tz;
  }

  private pick(): DuckDBConnection {
    const c = this.readersPool[this.next % this.readersPool.length];
    this.next++;
    return c;
  }

  /** Remembers a statement in flight until it settles (closing waits for it). */
  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const forget = () => void this.inflight.delete(p);
    p.then(forget, forget);
    return p;
  }

  private timed<T>(sql: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('UNAVAILABLE', 'the database is closed'));
    const t0 = performance.now();
    return this.track(fn()).then((r) => {
      const ms = performance.now() - t0;
      if (ms >= (this.opts.slowQueryMs ?? 500)) {
        const entry = { sql: sql.replace(/\s+/g, ' ').slice(0, 500), ms: Math.round(ms), at: new Date().toISOString() };
        this.slowQueries.push(entry);
        if (this.slowQueries.length > 200) this.slowQueries.shift();
        this.opts.log?.(`slow query ${entry.ms} ms: ${entry.sql}`);
      }
      return r;
    });
  }

  /** Runs a read query on a pooled connection and returns row objects with JS values. */
  async all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    const r = await this.reader(sql, params);
    return r.getRowObjectsJS() as T[];
  }

  /** Runs a read query and returns the DuckDB reader (columnar access). */
  reader(sql: string, params?: Params): Promise<DuckDBResultReader> {
    const c = this.pick();
    return this.timed(sql, () => c.runAndReadAll(sql, params));
  }

  /** A read connection for streaming large results (exports). */
  readConnection(): DuckDBConnection {
    return this.pick();
  }

  /** Runs one write statement on the single write path. */
  run(sql: string, params?: Params): Promise<void> {
    return this.writeLock.lock(() => this.timed(sql, async () => void (await this.writer.run(sql, params))));
  }

  /** Runs fn inside one write transaction; rolls back on any error. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.writeLock.lock(async () => {
      const touched = new Set<string>();
      const pending = new Map<string, (tx: Tx) => Promise<void>>();
      const w = this.writer;
      const tx: Tx = {
        connection: w,
        run: (sql, params) => this.timed(sql, async () => void (await w.run(sql, params))),
        all: async <R,>(sql: string, params?: Params) => (await this.timed(sql, () => w.runAndReadAll(sql, params))).getRowObjectsJS() as R[],
        reader: (sql, params) => this.timed(sql, () => w.runAndReadAll(sql, params)),
        touched: (...t) => t.forEach((x) => touched.add(x)),
        beforeCommit: (key, fn) => void (pending.has(key) || pending.set(key, fn)),
        state: (key) => this.state(key),
      };
      await this.timed('BEGIN TRANSACTION', () => w.run('BEGIN TRANSACTION'));
      let result: T;
      try {
        result = await fn(tx);
        // Work registered while finishing may register more: run until nothing is left.
        while (pending.size) {
          const [key, step] = pending.entries().next().value as [string, (tx: Tx) => Promise<void>];
          pending.delete(key);
          await step(tx);
        }
        await this.timed('COMMIT', () => w.run('COMMIT'));
      } catch (err) {
        try {
          // Also while closing: an interrupted transaction is undone before its connection closes.
          await this.track(w.run('ROLLBACK'));
        } catch {
          // the transaction may already be aborted; nothing more to undo
        }
        throw err;
      }
      if (touched.size) this.changed([...touched]);
      return result;
    });
  }

  /** Marks tables as changed: bumps the data version and tells listeners. */
  changed(tables: string[]): void {
    this.dataVersion++;
    this.emit('changed', { tables, version: this.dataVersion });
  }

  /** Interrupts every running query (used by cancellation of long reads). */
  interruptAll(): void {
    for (const c of [this.writer, ...this.readersPool]) c.interrupt();
  }

  async checkpoint(): Promise<void> {
    await this.run('CHECKPOINT');
  }

  /**
   * Closes in the order DuckDB needs: statements in flight end first (interrupted, then awaited: a connection
   * closed under a running statement blocks its destructor forever, or crashes the process), then connections
   * (which destroy their prepared statements), then the instance. Synchronous when nothing is in flight.
   */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    const finish = () => {
      for (const c of [...this.readersPool, this.writer]) c.closeSync();
      this.instance.closeSync();
    };
    if (!this.inflight.size) {
      finish();
      this.closing = Promise.resolve();
      return this.closing;
    }
    this.interruptAll();
    this.closing = (async () => {
      while (this.inflight.size) await Promise.allSettled([...this.inflight]);
      finish();
    })();
    return this.closing;
  }
}
