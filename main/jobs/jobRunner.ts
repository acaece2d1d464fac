// The job runner: long work with progress events, cancellation through AbortSignal, and a final result.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { JobKind, JobProgress, JobSnapshot } from '../../shared/events';
import type { JobResults, JobTitle } from '../../shared/jobs';
import { AppError, toErrorData } from '../store/errors';

export interface JobContext {
  signal: AbortSignal;
  /** Reports progress; throttled so a tight loop does not flood the event channel. */
  progress(p: Partial<JobProgress>): void;
  /** Throws a CANCELLED error if the job was cancelled. */
  checkCancelled(): void;
}

export type JobFn<T> = (ctx: JobContext) => Promise<T>;

interface Entry {
  snap: JobSnapshot;
  controller: AbortController;
  promise: Promise<JobSnapshot>;
}

export class JobRunner extends EventEmitter {
  private readonly jobs = new Map<string, Entry>();
  private readonly keep = 200;

  /** Starts a job and returns its first snapshot at once. */
  start<K extends JobKind>(kind: K, title: JobTitle, fn: JobFn<JobResults[K]>): JobSnapshot {
    const controller = new AbortController();
    const snap: JobSnapshot = {
      id: randomUUID(),
      kind,
      title,
      state: 'running',
      progress: { done: 0, total: null, phase: 'start' },
      startedAt: new Date().toISOString(),
      endedAt: null,
    };
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (p) => {
        snap.progress = { ...snap.progress, ...p };
        const now = Date.now();
        if (now - lastEmit >= 100 || (snap.progress.total !== null && snap.progress.done >= snap.progress.total)) {
          lastEmit = now;
          this.emitJob(snap);
        }
      },
      checkCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      },
    };
    const promise = (async () => {
      try {
        const result = await fn(ctx);
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
        snap.result = result;
        snap.state = 'done';
      } catch (err) {
        const e = controller.signal.aborted ? { code: 'CANCELLED', message: 'cancelled' } : toErrorData(err);
        snap.state = e.code === 'CANCELLED' ? 'cancelled' : 'failed';
        snap.error = e;
      }
      snap.endedAt = new Date().toISOString();
      this.emitJob(snap);
      return { ...snap };
    })();
    this.jobs.set(snap.id, { snap, controller, promise });
    this.prune();
    this.emitJob(snap);
    return { ...snap };
  }

  private emitJob(snap: JobSnapshot): void {
    this.emit('job', { ...snap, progress: { ...snap.progress } });
  }

  private prune(): void {
    if (this.jobs.size <= this.keep) return;
    for (const [id, e] of this.jobs) {
      if (e.snap.endedAt) this.jobs.delete(id);
      if (this.jobs.size <= this.keep) break;
    }
  }

  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((e) => ({ ...e.snap })).reverse();
  }

  get(id: string): JobSnapshot {
    const e = this.jobs.get(id);
    if (!e) throw new AppError('NOT_FOUND', `no job ${id}`);
    return { ...e.snap };
  }

  cancel(id: string): JobSnapshot {
    const e = this.jobs.get(id);
    if (!e) throw new AppError('NOT_FOUND', `no job ${id}`);
    if (!e.snap.endedAt) e.controller.abort();
    return { ...e.snap };
  }

  /** Resolves with the final snapshot, or the current one after timeoutMs. */
  async wait(id: string, timeoutMs = 30_000): Promise<JobSnapshot> {
    const e = this.jobs.get(id);
    if (!e) throw new AppError('NOT_FOUND', `no job ${id}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<JobSnapshot>((res) => (timer = setTimeout(() => res({ ...e.snap }), timeoutMs)));
    try {
      return await Promise.race([e.promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Cancels every running job (app shutdown). */
  cancelAll(): void {
    for (const e of this.jobs.values()) if (!e.snap.endedAt) e.controller.abort();
  }
}
