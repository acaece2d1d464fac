// Job kinds and the result each one ends with, so a finished job's result is read typed (jobResult) instead of
// cast; and job titles as pt-BR/en pairs, so each locale shows its own language.
import type { CustomerValueModel, RfmSnapshotInfo } from './analytics';
import type { DemoSummary } from './api/demo';
import type { ExportJobResult } from './api/export';
import type { IdentityResult } from './api/identity';
import type { ImportSummary } from './api/import';
import type { BackupFile, BackupResult, RestoreResult } from './api/settings';
import type { SyncSummary } from './api/sync';
import type { JobKind, JobSnapshot } from './events';
import type { LocalizedText } from './types';

export interface JobResults {
  export: ExportJobResult;
  backup: BackupResult;
  /** The rotating automatic copy: null when none was due. */
  'backup.auto': BackupFile | null;
  restore: RestoreResult;
  import: ImportSummary;
  demo: DemoSummary;
  sync: SyncSummary;
  identity: IdentityResult;
  'analytics.rfmHistory': { months: number; rebuilt: number; snapshots: RfmSnapshotInfo[] };
  'analytics.customerValue': CustomerValueModel;
}

export type { JobKind };

/** Fails the build when a job kind has no result type here, or a result type no kind. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const JOB_RESULTS_COVER_EVERY_KIND: Exact<keyof JobResults, JobKind> = true;

/** A job's title in both languages. */
export type JobTitle = LocalizedText;

export const jobTitle = (pt: string, en: string): JobTitle => ({ 'pt-BR': pt, en });

/**
 * The result of a finished job of the given kind; undefined while it runs, when it failed, or when the snapshot
 * is of another kind (so a result is never read as the wrong type).
 */
export function jobResult<K extends JobKind>(job: JobSnapshot | null | undefined, kind: K): JobResults[K] | undefined {
  if (!job || job.kind !== kind || job.state !== 'done') return undefined;
  return job.result as JobResults[K];
}

/** The result of a job that ended well (after waiting for it); throws when it is of another kind or did not finish. */
export function finishedResult<K extends JobKind>(job: JobSnapshot, kind: K): JobResults[K] {
  if (job.kind !== kind || job.state !== 'done') throw new Error(`job ${job.id} is not a finished ${kind} job`);
  return job.result as JobResults[K];
}
