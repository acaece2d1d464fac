// The sync service of one engine: runs as jobs ("sync now" and the schedule), live progress per source, the state
// the app and `painel sync --status` show, source settings with write-only credentials, and waiting while offline.
import { AFTER_WRITE_HOOKS } from '../identity/afterWrite';
import { runAfterWrite } from '../model/afterWrite';
import type { SourceKind, SyncReject, SyncSourceInfo, SyncSourceProgress, SyncStatus, SyncSummary } from '../../shared/api/sync';
import { SOURCE_KINDS } from '../../shared/api/sync';
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import { AppError } from '../store/errors';
import { DEFAULT_NAMES, loadSources, parseConfig, upsertSource } from './config';
import { CONNECTORS } from './connectors';
import { canReach, hasNetwork, isLoopback } from './offline';
import { rebindOrigin } from './origin';
import { runSync } from './runner';
import { authNames, TokenRefreshers } from './tokens';
import { envVarFor } from '../engine/secrets';
import { StateKey } from '../store/state';
import { jobTitle, type JobTitle } from '../../shared/jobs';

export interface ScheduleOptions {
  /** Length of a "minute" of settings.sync.everyMinutes (tests shorten it). */
  minuteMs?: number;
  /** How often connectivity is probed while offline. */
  probeMs?: number;
  probe?: (url: string) => Promise<boolean>;
  networkUp?: () => boolean;
}

const SERVICE = new StateKey<SyncService, Engine>('sync.service', (engine) => new SyncService(engine));

/** The engine's one sync service (kept in the engine's state). */
export function syncService(engine: Engine): SyncService {
  return engine.state(SERVICE);
}

export function startSyncSchedule(engine: Engine, opts: ScheduleOptions = {}): SyncService {
  const s = syncService(engine);
  s.startSchedule(opts);
  engine.onClose(() => s.stopSchedule());
  return s;
}

type RunRow = { source_id: string; state: string; error: string | null; rows: number; rejected: number; started: Date | null; finished: Date | null };

export class SyncService {
  private current: { jobId: string | null; progress: Map<SourceKind, SyncSourceProgress> } | null = null;
  /** Some source could not be reached for lack of network at the last run. */
  offline = false;
  private timer: NodeJS.Timeout | null = null;
  private nextRunAt: number | null = null;
  private schedule: ScheduleOptions | null = null;
  networkUp: () => boolean = hasNetwork;
  private readonly listeners = new Set<(id: SourceKind, p: SyncSourceProgress) => void>();

  /** OAuth refreshers of this engine: one refresh at a time per source, whichever run asks. */
  readonly tokens = new TokenRefreshers();

  constructor(readonly engine: Engine) {}

  /** Per-source progress of any run (CLI progress lines); returns the unsubscribe function. */
  subscribe(fn: (id: SourceKind, p: SyncSourceProgress) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Runs a sync now in the caller's task (jobs, CLI and tests); one at a time per engine. */
  async run(opts: { source?: SourceKind; full?: boolean; signal: AbortSignal; onProgress?: (id: SourceKind, p: SyncSourceProgress) => void; jobId?: string }): Promise<SyncSummary> {
    if (this.current) throw new AppError('CONFLICT', 'a sync is already running');
    const all = await loadSources(this.engine.db);
    const sources = all.filter((s) => (opts.source ? s.sourceId === opts.source : s.enabled));
    if (opts.source && !sources.length) throw new AppError('NOT_FOUND', `the source ${opts.source} is not set up (add its base URL and credentials first)`);
    if (!sources.length) throw new AppError('NOT_READY', 'no source is set up yet');
    const settings = await this.engine.settings();
    this.current = { jobId: opts.jobId ?? null, progress: new Map(sources.map((s) => [s.sourceId, { phase: 'waiting', pages: 0, rows: 0, rejected: 0 }])) };
    const changed = new Set<string>();
    try {
      const summary = await runSync({
        db: this.engine.db,
        secrets: this.engine.secrets,
        sources,
        full: !!opts.full,
        signal: opts.signal,
        overlapMinutes: settings.sync.overlapMinutes,
        timezone: settings.timezone,
        networkUp: this.networkUp,
        tokens: this.tokens,
        locale: settings.locale,
        onCommit: (tables) => tables.forEach((t) => changed.add(t)),
        log: (l) => this.engine.log(l),
        onProgress: (id, p) => {
          this.current?.progress.set(id, p);
          opts.onProgress?.(id, p);
          for (const fn of this.listeners) fn(id, p);
        },
      });
      this.offline = summary.sources.some((s) => s.state === 'offline');
      // The write session ends as an import's does: identity when customers changed, then caches (a cancelled run
      // stops at once: only the caches learn what its commits changed).
      await runAfterWrite(this.engine.db, [...changed], AFTER_WRITE_HOOKS, { skip: opts.signal.aborted ? ['identity'] : [] });
      return summary;
    } finally {
      this.current = null;
    }
  }

  /** Starts a sync job, or returns the running one. */
  start(opts: { source?: SourceKind; full?: boolean; title?: JobTitle }): JobSnapshot {
    if (this.current?.jobId) return this.engine.jobs.get(this.current.jobId);
    const title = opts.title ?? (opts.source ? jobTitle(`Sincronização: ${DEFAULT_NAMES[opts.source]}`, `Sync: ${DEFAULT_NAMES[opts.source]}`) : jobTitle('Sincronização', 'Sync'));
    let jobId: string | null = null;
    const snap = this.engine.jobs.start('sync', title, async (job) => {
      await Promise.resolve();
      const summary = await this.run({
        ...opts,
        signal: job.signal,
        jobId: jobId ?? undefined,
        onProgress: () => {
          const ps = [...(this.current?.progress.entries() ?? [])];
          const rows = ps.reduce((a, [, p]) => a + p.rows, 0);
          job.progress({ done: rows, total: null, phase: 'syncing', message: ps.map(([id, p]) => `${id} ${p.rows} (${p.phase})`).join(' · ') });
        },
      });
      job.progress({ done: summary.rows, total: null, phase: summary.ok ? 'done' : 'partial' });
      return summary;
    });
    jobId = snap.id;
    return snap;
  }

  async sources(): Promise<SyncSourceInfo[]> {
    const db = this.engine.db;
    const stored = new Map((await loadSources(db)).map((s) => [s.sourceId, s]));
    const runs = new Map(
      (
        await db.all<RunRow>(
          `SELECT source_id, state, error, rows_pulled::DOUBLE AS rows, rejected::DOUBLE AS rejected, started_at AS started, finished_at AS finished FROM sync_runs
           QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY started_at DESC) = 1`,
        )
      ).map((r) => [r.source_id, r]),
    );
    const totals = new Map(
      (await db.all<{ s: string; n: number; ok: Date | null; at: Date | null }>(`SELECT source_id AS s, sum(rows_pulled)::DOUBLE AS n, max(last_success_at) AS ok, max(last_attempt_at) AS at FROM sync_state GROUP BY 1`)).map((r) => [
        r.s,
        r,
      ]),
    );
    const lastOk = new Map((await db.all<{ s: string; at: Date }>(`SELECT source_id AS s, max(finished_at) AS at FROM sync_runs WHERE state = 'ok' GROUP BY 1`)).map((r) => [r.s, r.at]));
    const out: SyncSourceInfo[] = [];
    for (const kind of SOURCE_KINDS) {
      const s = stored.get(kind);
      const run = runs.get(kind);
      const live = this.current?.progress.get(kind) ?? null;
      const connector = CONNECTORS[kind];
      const credentials = [];
      for (const c of connector.secrets) credentials.push({ name: c.name, required: c.required, set: !!(await this.engine.secrets.get(`${kind}.${c.name}`)), envVar: envVarFor(`${kind}.${c.name}`) });
      const state: SyncSourceInfo['state'] = live ? 'syncing' : !run ? 'never' : run.state === 'ok' ? 'ok' : run.state === 'offline' ? 'offline' : 'failed';
      const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
      out.push({
        sourceId: kind,
        kind,
        name: s?.name ?? DEFAULT_NAMES[kind],
        baseUrl: s?.baseUrl || connector.defaultBaseUrl,
        enabled: s?.enabled ?? false,
        configured: !!s,
        config: s?.config ?? parseConfig(kind, {}),
        credentials,
        state,
        lastSuccessAt: iso(lastOk.get(kind) ?? totals.get(kind)?.ok),
        lastAttemptAt: iso(run?.started ?? totals.get(kind)?.at),
        lastError: state === 'failed' || state === 'offline' ? (run?.error ?? (run?.state === 'running' ? 'the last sync was interrupted before it finished' : null)) : null,
        rowsPulled: totals.get(kind)?.n ?? 0,
        lastRunRows: run?.rows ?? 0,
        lastRunRejected: run?.rejected ?? 0,
        progress: live,
      });
    }
    return out;
  }

  async status(): Promise<SyncStatus> {
    const settings = await this.engine.settings();
    return {
      running: this.running,
      jobId: this.current?.jobId ?? null,
      offline: this.offline,
      everyMinutes: settings.sync.everyMinutes,
      nextRunAt: this.nextRunAt ? new Date(this.nextRunAt).toISOString() : null,
      sources: await this.sources(),
    };
  }

  async configure(input: { sourceId: SourceKind; name?: string; baseUrl?: string | null; enabled?: boolean; config?: Record<string, unknown>; credentials?: Record<string, string> }): Promise<SyncSourceInfo> {
    const connector = CONNECTORS[input.sourceId];
    const names = new Set(connector.secrets.map((s) => s.name));
    for (const k of Object.keys(input.credentials ?? {})) if (!names.has(k)) throw new AppError('BAD_INPUT', `${input.sourceId} has no credential "${k}" (known: ${[...names].join(', ')})`);
    await upsertSource(this.engine.db, input.sourceId, input);
    // A new address for the source: credentials given for the old one are cleared unless given again now.
    if (input.baseUrl) {
      const given = Object.entries(input.credentials ?? {}).filter(([, v]) => v !== '').map(([k]) => k);
      await rebindOrigin(this.engine.secrets, input.sourceId, input.baseUrl, [...connector.secrets.map((s) => s.name), ...authNames(connector.auth)], given);
    }
    for (const [k, v] of Object.entries(input.credentials ?? {})) {
      const key = `${input.sourceId}.${k}`;
      if (v === '') await this.engine.secrets.delete(key);
      else await this.engine.secrets.set(key, v);
      // A pasted authorization code or refresh token replaces the saved session.
      if ((k === 'code' || k === 'refreshToken') && v) {
        await this.engine.secrets.delete(`${input.sourceId}.accessToken`);
        if (k === 'code') await this.engine.secrets.delete(`${input.sourceId}.refreshToken`);
      }
    }
    return (await this.sources()).find((s) => s.sourceId === input.sourceId)!;
  }

  async rejects(input: { source?: SourceKind; limit: number }): Promise<SyncReject[]> {
    const rows = await this.engine.db.all<{ source_id: string; stream: string; table: string | null; record_id: string | null; reason: string; rejected_at: Date }>(
      `SELECT source_id, stream, "table", record_id, reason, rejected_at FROM sync_rejects ${input.source ? 'WHERE source_id = $1' : ''} ORDER BY rejected_at DESC LIMIT ${input.limit}`,
      input.source ? [input.source] : [],
    );
    return rows.map((r) => ({ sourceId: r.source_id, stream: r.stream, table: r.table, recordId: r.record_id, reason: r.reason, rejectedAt: new Date(r.rejected_at).toISOString() }));
  }

  /** Every N minutes while online; while offline, probes connectivity instead of failing again and again. */
  startSchedule(opts: ScheduleOptions = {}): void {
    this.schedule = opts;
    if (opts.networkUp) this.networkUp = opts.networkUp;
    void this.arm();
  }

  stopSchedule(): void {
    this.schedule = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
  }

  private async arm(): Promise<void> {
    if (!this.schedule) return;
    const minute = this.schedule.minuteMs ?? 60_000;
    let every = 0;
    try {
      every = (await this.engine.settings()).sync.everyMinutes;
    } catch {
      return; // the engine is closing
    }
    const wait = this.offline ? (this.schedule.probeMs ?? 30_000) : every > 0 ? every * minute : minute;
    this.nextRunAt = every > 0 ? Date.now() + wait : null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(every > 0), wait);
    this.timer.unref();
  }

  private async tick(due: boolean): Promise<void> {
    if (!this.schedule) return;
    try {
      if (this.running || !due) return;
      if (this.offline) {
        const remote = (await loadSources(this.engine.db)).filter((s) => s.enabled && !isLoopback(s.baseUrl || CONNECTORS[s.kind].defaultBaseUrl || ''));
        const probe = this.schedule.probe ?? ((u: string) => canReach(u, this.networkUp));
        const back = remote.length === 0 || (await Promise.all(remote.map((s) => probe(s.baseUrl || CONNECTORS[s.kind].defaultBaseUrl || '')))).some(Boolean);
        if (!back) return;
        this.offline = false;
      }
      const job = this.start({ title: jobTitle('Sincronização agendada', 'Scheduled sync') });
      await this.engine.jobs.wait(job.id, 24 * 3600_000);
    } catch (err) {
      if (!(err instanceof AppError && (err.code === 'NOT_READY' || err.code === 'CONFLICT'))) this.engine.log(`scheduled sync: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await this.arm();
    }
  }
}
