// Renders job events as one progress line on a TTY (or a line per phase when not a TTY) and waits for the end.
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import type { CliIo } from './command';
import { AppError } from '../store/errors';

function line(j: JobSnapshot): string {
  const p = j.progress;
  const pct = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : '';
  const count = p.total ? ` ${p.done.toLocaleString('pt-BR')}/${p.total.toLocaleString('pt-BR')}` : p.done ? ` ${p.done.toLocaleString('pt-BR')}` : '';
  return `${j.title} · ${p.phase}${count}${pct}${p.message ? ` · ${p.message}` : ''}`;
}

/** Follows a job until it ends; Ctrl-C cancels it. Throws the job's error as an AppError. */
export async function followJob(engine: Engine, start: JobSnapshot, io: CliIo): Promise<JobSnapshot> {
  let lastPhase = '';
  const off = engine.onEvent((e) => {
    if (e.type !== 'job' || e.job.id !== start.id) return;
    if (io.isTTY) io.err(`\r\x1b[2K${line(e.job)}`);
    else if (e.job.progress.phase !== lastPhase) io.err(`${line(e.job)}\n`);
    lastPhase = e.job.progress.phase;
  });
  const onSigint = () => engine.jobs.cancel(start.id);
  process.once('SIGINT', onSigint);
  try {
    const end = await engine.jobs.wait(start.id, 24 * 3600 * 1000);
    if (io.isTTY) io.err('\r\x1b[2K');
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
