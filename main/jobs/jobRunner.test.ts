import { describe, expect, it } from 'vitest';
import { JobRunner } from './jobRunner';
import type { JobSnapshot } from '../../shared/events';
import { jobResult, jobTitle } from '../../shared/jobs';

describe('job runner', () => {
  it('reports progress and a result', async () => {
    const runner = new JobRunner();
    const events: JobSnapshot[] = [];
    runner.on('job', (j: JobSnapshot) => events.push(j));
    const job = runner.start('identity', jobTitle('Contando', 'Counting'), async (ctx) => {
      for (let i = 1; i <= 3; i++) ctx.progress({ done: i, total: 3, phase: 'counting' });
      return { linkedCustomers: 3, groups: 1 };
    });
    const end = await runner.wait(job.id);
    expect(end.state).toBe('done');
    expect(end.title).toEqual({ 'pt-BR': 'Contando', en: 'Counting' });
    // The result is read typed by the job's kind, never cast; another kind reads as nothing.
    expect(jobResult(end, 'identity')).toEqual({ linkedCustomers: 3, groups: 1 });
    expect(jobResult(end, 'import')).toBeUndefined();
    expect(events.some((e) => e.progress.done === 3 && e.progress.total === 3)).toBe(true);
    expect(runner.list()[0].id).toBe(job.id);
  });

  it('cancels through the AbortSignal', async () => {
    const runner = new JobRunner();
    const job = runner.start('identity', jobTitle('Lento', 'Slow'), async (ctx) => {
      return new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    });
    runner.cancel(job.id);
    const end = await runner.wait(job.id);
    expect(end.state).toBe('cancelled');
    expect(end.error?.code).toBe('CANCELLED');
  });

  it('keeps a failure as a typed error value', async () => {
    const runner = new JobRunner();
    const job = runner.start('identity', jobTitle('Falha', 'Bad'), async () => {
      throw new Error('disk on fire');
    });
    const end = await runner.wait(job.id);
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'INTERNAL', message: 'disk on fire' });
    expect(() => runner.get('missing')).toThrow(/no job/);
  });
});
