// Events pushed from the engine to every open window or client (IPC event channel, HTTP SSE, CLI).

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  total: number | null;
  phase: string;
  message?: string;
}

export interface JobSnapshot {
  id: string;
  kind: string;
  title: string;
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
