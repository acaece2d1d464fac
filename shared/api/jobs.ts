// jobs.*: long work (import, sync, demo, export) with progress, cancellation and a result.
import { z } from 'zod';
import { method } from './define';
import type { JobSnapshot } from '../events';

const jobId = z.string().min(1).max(64);

export const jobs = {
  /** Every job of this run, newest first. */
  'jobs.list': method<JobSnapshot[]>()('Every job of this run, newest first.', z.object({}).strict()),
  /** One job's current state. */
  'jobs.get': method<JobSnapshot>()("One job's current state.", z.object({ id: jobId }).strict()),
  /** Asks a running job to stop; it ends in state cancelled. */
  'jobs.cancel': method<JobSnapshot>()('Asks a running job to stop; it ends in state cancelled.', z.object({ id: jobId }).strict()),
  /** Waits until the job ends (or the timeout passes) and returns its state. */
  'jobs.wait': method<JobSnapshot>()(
    'Waits until the job ends (or the timeout passes) and returns its state.',
    z.object({ id: jobId, timeoutMs: z.number().int().min(0).max(600_000).default(30_000) }).strict(),
  ),
};
