// Handlers for jobs.*.
import type { jobs } from '../../shared/api/jobs';
import type { Handlers } from './types';

export const jobsHandlers = {
  'jobs.list': async (_i, ctx) => ctx.jobs.list(),
  'jobs.get': async (i, ctx) => ctx.jobs.get(i.id),
  'jobs.cancel': async (i, ctx) => ctx.jobs.cancel(i.id),
  'jobs.wait': async (i, ctx) => ctx.jobs.wait(i.id, i.timeoutMs),
} satisfies Handlers<typeof jobs>;
