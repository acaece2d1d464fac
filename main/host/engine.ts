// The engine: one database, one job runner, settings and an event stream, shared by every transport.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PainelEvent } from '../../shared/events';
import type { Settings } from '../../shared/settings';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { loadSettings } from '../store/settings';
import { JobRunner } from '../jobs/jobRunner';
import { VERSION } from './version';

export interface EngineOptions {
  dbPath: string;
  log?: (line: string) => void;
  threads?: number;
}

export class Engine {
  readonly events = new EventEmitter();
  readonly jobs = new JobRunner();
  readonly version = VERSION;
  private cachedSettings: Settings | null = null;

  private constructor(
    readonly db: Db,
    readonly log: (line: string) => void,
  ) {
    db.on('changed', (e: { tables: string[]; version: number }) => {
      this.cachedSettings = null;
      this.emit({ type: 'data.changed', tables: e.tables, version: e.version });
    });
    this.jobs.on('job', (job) => this.emit({ type: 'job', job }));
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    const log = opts.log ?? ((l: string) => process.stderr.write(`[painel] ${l}\n`));
    if (opts.dbPath !== ':memory:') mkdirSync(dirname(opts.dbPath), { recursive: true });
    const db = await Db.open({ path: opts.dbPath, log, threads: opts.threads });
    try {
      await migrate(db);
      const engine = new Engine(db, log);
      const s = await engine.settings();
      if (s.timezone !== db.timezone) await db.setTimezone(s.timezone);
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

  close(): void {
    this.jobs.cancelAll();
    this.db.close();
  }
}
