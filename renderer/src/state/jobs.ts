// Following a job started by the UI: its snapshots arrive as events; a slow poll covers a dropped event stream.
import { useEffect, useState } from 'react';
import type { JobSnapshot } from '../../../shared/events';
import { call } from '../api/client';
import { useAppStore } from './appStore';

export const isFinished = (j: JobSnapshot | null | undefined) => !!j && (j.state === 'done' || j.state === 'failed' || j.state === 'cancelled');

/** The latest snapshot of a job (null when no job id). */
export function useJob(id: string | null, initial?: JobSnapshot | null): JobSnapshot | null {
  const fromEvents = useAppStore((s) => (id ? s.jobs[id] : undefined));
  const [polled, setPolled] = useState<JobSnapshot | null>(initial ?? null);
  const latest = pickNewest(fromEvents, polled?.id === id ? polled : null);
  const finished = isFinished(latest);
  useEffect(() => {
    if (!id || finished) return;
    const timer = window.setInterval(async () => {
      const r = await call('jobs.get', { id });
      if (r.ok) setPolled(r.value);
    }, 1500);
    return () => window.clearInterval(timer);
  }, [id, finished]);
  return latest ?? (initial && initial.id === id ? initial : null);
}

function pickNewest(a: JobSnapshot | undefined, b: JobSnapshot | null): JobSnapshot | null {
  if (!a) return b;
  if (!b) return a;
  if (isFinished(a)) return a;
  if (isFinished(b)) return b;
  return a.progress.done >= b.progress.done ? a : b;
}

/** Progress 0..1 of a job, or null when its total is unknown. */
export function jobFraction(j: JobSnapshot | null): number | null {
  if (!j) return null;
  if (j.state === 'done') return 1;
  const { done, total } = j.progress;
  return total ? Math.min(1, done / total) : null;
}
