// The sync runner: every source in parallel, each isolated; per source its streams in order, pages gathered into
// batches that are merged with the stream's cursor in one DuckDB transaction, so a crash loses and duplicates nothing.
import { randomUUID } from 'node:crypto';
import type { SourceKind, SyncSourceProgress, SyncSourceResult, SyncSummary } from '../../shared/api/sync';
import type { Db } from '../store/db';
import { AppError, toErrorData } from '../store/errors';
import { CONNECTORS } from './connectors';
import { SourceHttp } from './http';
import { mapLimit } from './map';
import { hasNetwork, isLoopback } from './offline';
import { redactor, type SecretStore } from '../engine/secrets';
import { Batch, commitBatch, finishSweep } from './stage';
import { assertOrigin } from './origin';
import { authNames, createAuthApplier, SourceSecrets, TokenRefreshers } from './tokens';
import type { Locale } from '../model/rules';
import type { KnownStatus } from './statusMap';
import type { Connector, PageFacts, SourceConfig, Stream, StreamContext } from './types';
import type { Tx } from '../store/db';

export interface RunOptions {
  db: Db;
  secrets: SecretStore;
  sources: SourceConfig[];
  full: boolean;
  signal: AbortSignal;
  overlapMinutes: number;
  timezone: string;
  connectors?: Partial<Record<SourceKind, Connector>>;
  onProgress?(sourceId: SourceKind, p: SyncSourceProgress): void;
  /** After each commit that changed tables (batches, deletion sweeps, links after the run). */
  onCommit?(tables: string[]): void;
  /** Language of reject reasons (default pt-BR). */
  locale?: Locale;
  log?(line: string): void;
  /** Overrides the network check (tests of offline behaviour). */
  networkUp?: () => boolean;
  /** The engine's OAuth refreshers (one refresh at a time per source across runs); a run alone gets its own. */
  tokens?: TokenRefreshers;
}

/** Runs the given sources in parallel; one source failing never stops the others. */
export async function runSync(options: RunOptions): Promise<SyncSummary> {
  const o = { ...options, tokens: options.tokens ?? new TokenRefreshers() };
  const t0 = Date.now();
  const results = await Promise.all(o.sources.map((s) => runSource(o, s)));
  for (const s of o.sources) {
    const after = (o.connectors?.[s.kind] ?? CONNECTORS[s.kind]).afterRun;
    if (!after || o.signal.aborted) continue;
    try {
      const tables = await o.db.transaction(async (tx) => {
        const t = await after(tx);
        tx.touched(...t);
        return t;
      });
      if (tables.length) o.onCommit?.(tables);
    } catch (err) {
      o.log?.(`sync ${s.sourceId}: linking after the run failed: ${toErrorData(err).message}`);
    }
  }
  return { mode: o.full ? 'full' : 'incremental', ok: results.every((r) => r.state === 'ok'), sources: results, rows: results.reduce((a, r) => a + r.rows, 0), ms: Date.now() - t0 };
}

function plain(err: unknown, redact: (s: string) => string): { state: SyncSourceResult['state']; message: string } {
  const e = toErrorData(err);
  const offline = e.code === 'UNAVAILABLE' && !!(e.details as { offline?: boolean } | undefined)?.offline;
  return { state: e.code === 'CANCELLED' ? 'cancelled' : offline ? 'offline' : 'failed', message: redact(e.message).slice(0, 500) };
}

async function runSource(o: RunOptions & { tokens: TokenRefreshers }, source: SourceConfig): Promise<SyncSourceResult> {
  const connector = o.connectors?.[source.kind] ?? CONNECTORS[source.kind];
  const t0 = Date.now();
  const runId = randomUUID();
  const progress: SyncSourceProgress = { phase: 'starting', pages: 0, rows: 0, rejected: 0 };
  const report = () => o.onProgress?.(source.sourceId, { ...progress });
  const secrets = new SourceSecrets(source.sourceId, o.secrets);
  let redact = (s: string) => s;
  let http: SourceHttp | null = null;
  const result: SyncSourceResult = { sourceId: source.sourceId, state: 'ok', rows: 0, rejected: 0, requests: 0, ms: 0, error: null };
  await o.db.run(`INSERT INTO sync_runs (run_id, source_id, mode, started_at, state) VALUES ($1, $2, $3, now(), 'running')`, [runId, source.sourceId, o.full ? 'full' : 'incremental']);
  report();
  try {
    await secrets.load([...connector.secrets.map((s) => s.name), ...authNames(connector.auth)]);
    const known = new Set(secrets.all());
    redact = (text) => redactor(known)(text);
    const baseUrl = source.baseUrl || connector.defaultBaseUrl;
    if (!baseUrl) throw new AppError('BAD_INPUT', `${source.name}: no base URL set; add it in the source settings`);
    // Credentials go only to the address they were given for, and never over plain http to another computer.
    await assertOrigin(o.secrets, source, baseUrl, [...connector.secrets.map((s) => s.name), ...authNames(connector.auth)]);
    if (!isLoopback(baseUrl) && !(o.networkUp ?? hasNetwork)()) throw new AppError('UNAVAILABLE', 'no network connection; the sync will run again when the computer is back online', { offline: true });
    const c = source.config as { timeoutMs: number; maxAttempts: number; retryBaseMs?: number; retryMaxMs: number; maxRetryAfterMs: number; ratePerSec?: number; flushRows: number };
    const httpClient = new SourceHttp({
      sourceName: source.name,
      baseUrl,
      timeoutMs: c.timeoutMs,
      maxAttempts: c.maxAttempts,
      retryBaseMs: c.retryBaseMs ?? connector.defaults?.retryBaseMs ?? 500,
      retryMaxMs: c.retryMaxMs,
      maxRetryAfterMs: c.maxRetryAfterMs,
      ratePerSec: c.ratePerSec === undefined ? (connector.defaults?.ratePerSec ?? null) : c.ratePerSec || null,
      maxBodyBytes: 64 * 1024 * 1024,
      signal: o.signal,
      auth: null,
      errorMessage: (b) => connector.errorMessage(b),
      redact: (s) => redact(s),
      onRetry: (reason) => {
        progress.phase = `${progress.phase.split(' · ')[0]} · retrying (${reason})`;
        report();
      },
    });
    http = httpClient;
    httpClient.policy.auth = createAuthApplier(connector.auth, secrets, httpClient, source.config, (v) => known.add(v), o.tokens);
    for (const s of connector.secrets) if (s.required && connector.auth.type === 'headers') secrets.require(s.name);
    let firstError: unknown = null;
    let fatal: unknown = null;
    // Streams are independent tables; a source may read a few at once (its rate limit still holds for all).
    const concurrency = (source.config.streamConcurrency as number | undefined) ?? connector.defaults?.streamConcurrency ?? 1;
    await mapLimit(connector.streams, concurrency, async (stream) => {
      if (fatal) return;
      try {
        await runStream(o, source, connector, stream, httpClient, progress, report, result);
      } catch (err) {
        const p = plain(err, redact);
        await o.db.run(`UPDATE sync_state SET last_error = $3, last_attempt_at = now() WHERE source_id = $1 AND stream = $2`, [source.sourceId, stream.name, p.message]);
        if (p.state !== 'failed' || toErrorData(err).code === 'UNAUTHORIZED') fatal ??= err;
        else firstError ??= new AppError(toErrorData(err).code, `${stream.name}: ${p.message}`);
      }
    });
    if (fatal) throw fatal;
    if (firstError) throw firstError;
    await o.db.run(`UPDATE sync_state SET last_success_at = now(), last_error = NULL WHERE source_id = $1`, [source.sourceId]);
  } catch (err) {
    const p = plain(err, redact);
    result.state = p.state;
    result.error = p.message;
    o.log?.(`sync ${source.sourceId}: ${p.state}: ${p.message}`);
  }
  result.requests = http?.stats.requests ?? 0;
  result.ms = Date.now() - t0;
  progress.phase = result.state === 'ok' ? 'done' : result.state;
  report();
  try {
    await o.db.run(`UPDATE sync_runs SET finished_at = now(), state = $2, error = $3, rows_pulled = $4, rejected = $5, requests = $6 WHERE run_id = $1`, [
      runId,
      result.state,
      result.error,
      result.rows,
      result.rejected,
      result.requests,
    ]);
  } catch {
    // the database is closing (shutdown during a sync): the run row stays "running" and reads as interrupted
  }
  return result;
}

/** A source's statuses and order groups, saved in the transaction of the rows they came with. */
async function saveFacts(tx: Tx, sourceId: string, list: PageFacts[]): Promise<void> {
  const statuses = [...new Map(list.flatMap((f) => f.statuses ?? []).map((x) => [x.code, x])).values()];
  if (statuses.length) {
    await tx.run(
      `INSERT OR REPLACE INTO sync_source_statuses (source_id, code, name, inherited, seen_at)
       SELECT $1, s.code, s.name, s.inherited, now() FROM (SELECT unnest(from_json($2, '[{"code":"VARCHAR","name":"VARCHAR","inherited":"VARCHAR"}]'), recursive := true)) s`,
      [sourceId, JSON.stringify(statuses)],
    );
  }
  const groups = [...new Map(list.flatMap((f) => f.groups ?? []).map((x) => [x.saleId, x])).values()];
  if (groups.length) {
    await tx.run(
      `INSERT OR REPLACE INTO sync_order_groups (sale_id, group_id)
       SELECT g.saleId, g.groupId FROM (SELECT unnest(from_json($1, '[{"saleId":"VARCHAR","groupId":"VARCHAR"}]'), recursive := true)) g`,
      [JSON.stringify(groups)],
    );
  }
}

async function storedCursor(db: Db, sourceId: string, stream: string): Promise<unknown> {
  const rows = await db.all<{ c: string | null }>(`SELECT cursor::VARCHAR AS c FROM sync_state WHERE source_id = $1 AND stream = $2`, [sourceId, stream]);
  return rows[0]?.c ? JSON.parse(rows[0].c) : null;
}

async function runStream(
  o: RunOptions,
  source: SourceConfig,
  connector: Connector,
  stream: Stream,
  http: SourceHttp,
  progress: SyncSourceProgress,
  report: () => void,
  result: SyncSourceResult,
): Promise<void> {
  const cursor = o.full ? null : await storedCursor(o.db, source.sourceId, stream.name);
  const sweeping = o.full && !!stream.sweep;
  if (sweeping) await o.db.run(`DELETE FROM sync_seen WHERE source_id = $1 AND stream = $2`, [source.sourceId, stream.name]);
  const flushRows = (source.config.flushRows as number) ?? 5000;
  const statuses = await o.db.all<KnownStatus>(`SELECT code, name, inherited FROM sync_source_statuses WHERE source_id = $1 ORDER BY code`, [source.sourceId]);
  const ctx: StreamContext = {
    statuses,
    source,
    http,
    overlapMs: o.overlapMinutes * 60_000,
    full: o.full,
    startedAt: new Date(),
    timezone: o.timezone,
    signal: o.signal,
    phase: (text) => {
      progress.phase = `${stream.name} ${text}`.trim();
      report();
    },
  };
  progress.phase = stream.name;
  report();
  let batch = new Batch();
  let facts: PageFacts[] = [];
  let lastFlush = Date.now();
  const flush = async () => {
    if (batch.pages === 0) return;
    const b = batch;
    const f = facts;
    batch = new Batch();
    facts = [];
    const r = await o.db.transaction(async (tx) => {
      await saveFacts(tx, source.sourceId, f);
      const res = await commitBatch(tx, b, {
        sourceId: source.sourceId,
        stream: stream.name,
        sweepTable: sweeping ? stream.sweep : null,
        keepEarliest: stream.keepEarliest,
        afterStage: stream.afterStage,
        locale: o.locale,
      });
      tx.touched(...res.tables);
      return res;
    });
    result.rows += r.rows;
    result.rejected += r.rejected;
    progress.rows += r.rows;
    progress.rejected += r.rejected;
    lastFlush = Date.now();
    if (r.tables.length) o.onCommit?.(r.tables);
    report();
  };
  // One commit may run while the next pages are fetched (network and merge overlap); commits stay in order, and
  // a batch's cursor is only saved with its own rows.
  let pending: Promise<void> = Promise.resolve();
  const iterator = stream.pages(ctx, cursor)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const page = next.value;
      if (o.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      batch.add(page);
      if (page.facts) facts.push(page.facts);
      progress.pages++;
      report();
      if (batch.size >= flushRows || Date.now() - lastFlush >= 1000) {
        await pending;
        pending = flush();
        pending.catch(() => undefined);
      }
      if (page.done) break;
    }
  } finally {
    await pending.catch(() => undefined);
  }
  await pending;
  await flush();
  if (sweeping && stream.sweep) {
    const sweep = stream.sweep;
    const n = await o.db.transaction(async (tx) => {
      const gone = await finishSweep(tx, source.sourceId, stream.name, connector.prefix, sweep);
      if (gone > 0) tx.touched(sweep.table);
      return gone;
    });
    if (n > 0) o.onCommit?.(sweep.table === 'sales' ? ['sales', 'sale_lines', 'payments'] : [sweep.table]);
  }
}
