// The engine: one database, one job runner, settings and an event stream, shared by every transport.
// Opening it starts nothing: the entry points (desktop shell, browser mode) start background services.
import { ensureRollups } from '../model/rollups';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PainelEvent } from '../../shared/events';
import type { Settings } from '../../shared/settings';
import { Db } from '../store/db';
import { StateSlots, type StateKey } from '../store/state';
import { migrate } from '../store/migrate';
import { loadSettings } from './settings';
import { JobRunner } from '../jobs/jobRunner';
import { EnvSecretStore, type SecretStore } from './secrets';
import { VERSION } from './version';
import { CANONICAL_TABLES } from '../../shared/types';
import { corruptError, isCorruption, probeDatabase } from '../store/recovery';

/** Files and folders this process creates get no group/other permissions (umask 077); not settable in workers. */
function restrictNewFiles(): void {
  try {
    process.umask(0o077);
  } catch {
    // worker threads cannot change the process umask; the explicit modes below still apply
  }
}

export interface EngineOptions {
  dbPath: string;
  log?: (line: string) => void;
  threads?: number;
  /** Source credentials: the desktop shell passes a safeStorage-backed store; default: PAINEL_* environment variables. */
  secrets?: SecretStore;
}

export class Engine {
  readonly events = new EventEmitter();
  readonly jobs = new JobRunner();
  readonly version = VERSION;
  private cachedSettings: Settings | null = null;
  private readonly closeHooks: (() => void)[] = [];
  private readonly slots = new StateSlots<Engine>(this);
  private checkpointTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly db: Db,
    readonly log: (line: string) => void,
    readonly secrets: SecretStore,
  ) {
    db.on('changed', (e: { tables: string[]; version: number }) => {
      this.cachedSettings = null;
      this.emit({ type: 'data.changed', tables: e.tables, version: e.version });
    });
    this.jobs.on('job', (job) => this.emit({ type: 'job', job }));
    // Checkpoint soon after changes so committed work lives in the database file, not only in its write log.
    db.on('changed', () => {
      if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
      this.checkpointTimer = setTimeout(() => {
        this.checkpointTimer = null;
        db.checkpoint().catch((err: unknown) => log(`checkpoint failed: ${err instanceof Error ? err.message : String(err)}`));
      }, 1500);
      this.checkpointTimer.unref();
    });
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    const log = opts.log ?? ((l: string) => process.stderr.write(`[painel] ${l}\n`));
    if (opts.dbPath !== ':memory:') {
      // Everything Painel writes beside the database (the file, its write log, backups, exports, logs, the runtime
      // file) is readable by its owner only; a folder Painel creates is private too.
      restrictNewFiles();
      mkdirSync(dirname(opts.dbPath), { recursive: true, mode: 0o700 });
    }
    let db: Db;
    try {
      db = await Db.open({ path: opts.dbPath, log, threads: opts.threads });
    } catch (err) {
      throw isCorruption(err) ? corruptError(opts.dbPath, err) : err;
    }
    try {
      try {
        await migrate(db);
        await probeDatabase(db, CANONICAL_TABLES);
      } catch (err) {
        throw isCorruption(err) ? corruptError(opts.dbPath, err) : err;
      }
      const secrets = opts.secrets ?? new EnvSecretStore(process.env, opts.dbPath === ':memory:' ? undefined : join(dirname(opts.dbPath), 'secrets.enc'));
      const engine = new Engine(db, log, secrets);
      const s = await engine.settings();
      if (s.timezone !== db.timezone) await db.setTimezone(s.timezone);
      // A database that never had daily rollups (or had them in another time zone) gets them built now.
      await ensureRollups(db);
      return engine;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  emit(event: PainelEvent): void {
    this.events.emit('event', event);
  }

  onEvent(listener: (e: PainelEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  async settings(): Promise<Settings> {
    if (!this.cachedSettings) this.cachedSettings = await loadSettings(this.db);
    return this.cachedSettings;
  }

  invalidateSettings(): void {
    this.cachedSettings = null;
  }

  /** State a module keeps for this engine (the sync service, the download registry), made on first use. */
  state<T>(key: StateKey<T, Engine>): T {
    return this.slots.get(key);
  }

  /** Runs fn when the engine closes (timers of background services). */
  onClose(fn: () => void): void {
    this.closeHooks.push(fn);
  }

  /**
   * Stops background work, cancels running jobs and waits for them to stop, then closes the database (which ends
   * its statements in flight before its connections). Synchronous when nothing runs; await it before exiting.
   */
  async close(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    for (const fn of this.closeHooks.splice(0)) fn();
    const running = this.jobs.list().filter((j) => !j.endedAt);
    this.jobs.cancelAll();
    if (running.length) {
      this.db.interruptAll();
      await Promise.allSettled(running.map((j) => this.jobs.wait(j.id, 10_000)));
    }
    await this.db.close();
  }
}
