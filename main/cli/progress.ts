// Renders job events as one progress line on a TTY (or a line per phase when not a TTY) and waits for the end,
// for a job of a local engine or of the running app's engine alike.
import type { JobSnapshot } from '../../shared/events';
import { say, type CliIo } from './command';
import type { EngineTarget } from './target';
import { AppError } from '../store/errors';

export function progressLine(j: JobSnapshot): string {
  const p = j.progress;
  const pct = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
  const count = p.total ? ` ${say.integer(p.done)}/${say.integer(p.total)}` : p.done ? ` ${say.integer(p.done)}` : '';
  // The CLI's own lines are English (like its errors); the app shows each locale's title.
  return `${j.title.en} · ${p.phase}${count}${pct}${p.message ? ` · ${p.message}` : ''}`;
}

/** Follows a job until it ends; Ctrl-C cancels it. Throws the job's error as an AppError. */
export async function followJob(target: EngineTarget, start: JobSnapshot, io: CliIo, show?: (j: JobSnapshot) => void): Promise<JobSnapshot> {
  let lastPhase = '';
  const draw =
    show ??
    ((j: JobSnapshot) => {
      if (io.isTTY) io.err(`\r\x1b[2K${progressLine(j)}`);
      else if (j.progress.phase !== lastPhase) io.err(`${progressLine(j)}\n`);
      lastPhase = j.progress.phase;
    });
  const off = await target.onEvent((e) => {
    if (e.type === 'job' && e.job.id === start.id && !e.job.endedAt) draw(e.job);
  });
  const onSigint = () => void target.call('jobs.cancel', { id: start.id });
  process.once('SIGINT', onSigint);
  try {
    let end = start;
    while (!end.endedAt) {
      const r = await target.call('jobs.wait', { id: start.id, timeoutMs: 60_000 });
      if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
      end = r.value as JobSnapshot;
    }
    if (io.isTTY && !show) io.err('\r\x1b[2K');
    if (end.state !== 'done') {
      const e = end.error ?? { code: 'INTERNAL', message: 'job did not finish' };
      throw new AppError(e.code as never, e.message, e.details);
    }
    return end;
  } finally {
    off();
    process.off('SIGINT', onSigint);
  }
}
