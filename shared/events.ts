// Events pushed from the engine to every open window or client (IPC event channel, HTTP SSE, CLI).
import type { LocalizedText } from './types';

/** Every kind of job; shared/jobs.ts gives each its result type. */
export const JOB_KINDS = ['export', 'backup', 'backup.auto', 'restore', 'import', 'demo', 'sync', 'identity', 'analytics.rfmHistory', 'analytics.customerValue'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  total: number | null;
  phase: string;
  message?: string;
}

export interface JobSnapshot {
  id: string;
  kind: JobKind;
  /** What the job does, in both languages (each locale shows its own). */
  title: LocalizedText;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  endedAt: string | null;
  result?: unknown;
  error?: { code: string; message: string; details?: unknown };
}

export type PainelEvent =
  | { type: 'job'; job: JobSnapshot }
  /** Tables whose rows changed (import, sync, demo): views reload. */
  | { type: 'data.changed'; tables: string[]; version: number }
  | { type: 'settings.changed'; keys: string[] };
