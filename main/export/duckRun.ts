// Running export statements on a read connection: COPY ... TO with DuckDB's own progress polled into the job,
// and chunked streaming of large results (never the whole result in JS). Cancelling interrupts DuckDB.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { JobContext } from '../jobs/jobRunner';
import { AppError } from '../store/errors';

/** A job context for work run outside the job runner (tests, CLI helpers). */
export function noJob(): JobContext {
  const c = new AbortController();
  return { signal: c.signal, progress: () => undefined, checkCancelled: () => undefined };
}

function onAbort(conn: DuckDBConnection, job: JobContext): () => void {
  const stop = () => conn.interrupt();
  job.signal.addEventListener('abort', stop);
  return () => job.signal.removeEventListener('abort', stop);
}

function asCancel(err: unknown, job: JobContext): unknown {
  if (job.signal.aborted) return new AppError('CANCELLED', 'cancelled');
  return err;
}

/** Runs a COPY statement, reporting DuckDB's progress percentage; returns the number of rows written. */
export async function runCopy(conn: DuckDBConnection, sql: string, params: DuckDBValue[], job: JobContext, phase: string): Promise<number> {
  job.checkCancelled();
  await conn.run('SET enable_progress_bar = true');
  await conn.run('SET enable_progress_bar_print = false');
  const off = onAbort(conn, job);
  const timer = setInterval(() => {
    const p = conn.progress;
    if (p.percentage >= 0) job.progress({ phase, done: Math.min(99, Math.floor(p.percentage)), total: 100 });
  }, 250);
  try {
    const r = await conn.run(sql, params);
    return Number(r.rowsChanged);
  } catch (err) {
    throw asCancel(err, job);
  } finally {
    clearInterval(timer);
    off();
    await conn.run('RESET enable_progress_bar').catch(() => undefined);
  }
}

/**
 * Streams a query chunk by chunk (DuckDB's vector size, ~2k rows) into `onRows`; back-pressure comes from
 * awaiting onRows before the next chunk is fetched. Returns the row count.
 */
export async function streamRows(
  conn: DuckDBConnection,
  sql: string,
  params: DuckDBValue[],
  job: JobContext,
  onRows: (rows: DuckDBValue[][]) => void | Promise<void>,
  progress?: { phase: string; total: number | null },
): Promise<number> {
  const off = onAbort(conn, job);
  let n = 0;
  try {
    const result = await conn.stream(sql, params);
    for (;;) {
      job.checkCancelled();
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      await onRows(chunk.getRows());
      n += chunk.rowCount;
      if (progress) job.progress({ phase: progress.phase, done: n, total: progress.total });
    }
    return n;
  } catch (err) {
    throw asCancel(err, job);
  } finally {
    off();
  }
}
