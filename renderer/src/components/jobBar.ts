// How full a job's progress bar is drawn and whether it may glide there: a finished job's bar stands at its end at
// once, so "Concluído" never sits beside a bar still growing towards it.
import type { JobSnapshot } from '../../../shared/events';

export interface JobBar {
  /** Width of the filled part, 0..100. */
  percent: number;
  /** The total is unknown: a sliding band instead of a width. */
  indeterminate: boolean;
  /** A running job's bar grows smoothly between two snapshots; a finished one jumps. */
  glide: boolean;
}

export function jobBar(job: Pick<JobSnapshot, 'state' | 'progress'>): JobBar {
  const { done, total } = job.progress;
  const frac = total ? Math.max(0, Math.min(1, done / total)) : null;
  if (job.state === 'done') return { percent: 100, indeterminate: false, glide: false };
  if (job.state === 'failed' || job.state === 'cancelled') return { percent: Math.round((frac ?? 1) * 100), indeterminate: false, glide: false };
  if (frac === null) return { percent: 30, indeterminate: true, glide: false };
  return { percent: Math.round(frac * 100), indeterminate: false, glide: true };
}
