// import.*, demo.* and identity.rebuild through the dispatcher: jobs with progress and results, rejects and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { JobSnapshot, PainelEvent } from '../../shared/events';
import type { ImportLogEntry, ImportReject, ImportSummary } from '../../shared/api/import';
import type { DemoSummary } from '../../shared/api/demo';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
});
afterAll(() => t.close());

async function runJob<T>(method: string, input: unknown): Promise<{ end: JobSnapshot; result: T; events: PainelEvent[] }> {
  const events: PainelEvent[] = [];
  const off = t.engine.onEvent((e) => events.push(e));
  const job = await t.call<JobSnapshot>(method, input);
  const end = await t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 120_000 });
  off();
  return { end, result: end.result as T, events };
}

describe('import.* over the contract', () => {
  it('runs an import job with progress in bytes, then lists its rejects and log', async () => {
    const p = join(t.dir, 'sale_lines.csv');
    writeFileSync(p, 'sale_id,line_no,item_id,quantity\ns1,1,i1,1\ns1,2,i2,-2\ns2,x,i1,1\n');
    const { end, result, events } = await runJob<ImportSummary>('import.run', { paths: [p] });
    expect(end.state).toBe('done');
    expect(result.tables).toEqual([{ table: 'sale_lines', loaded: 1, replaced: 0, unchanged: 0, rejected: 2 }]);
    const progress = events.filter((e): e is Extract<PainelEvent, { type: 'job' }> => e.type === 'job' && e.job.id === end.id);
    expect(progress.at(-1)?.job.progress).toMatchObject({ done: result.files[0].bytes, total: result.files[0].bytes });
    expect(events.some((e) => e.type === 'data.changed' && e.tables.includes('sale_lines'))).toBe(true);
    const rej = await t.call<{ rows: ImportReject[]; total: number }>('import.rejects', { importId: result.importId });
    expect(rej.total).toBe(2);
    expect(rej.rows.map((r) => [r.line, r.column, r.value])).toEqual([
      [3, 'quantity', '-2'],
      [4, 'line_no', 'x'],
    ]);
    const log = await t.call<ImportLogEntry[]>('import.history', {});
    expect(log[0]).toMatchObject({ importId: result.importId, table: 'sale_lines', loaded: 1, rejected: 2, error: null });
  });

  it('answers NOT_FOUND at once for a path that does not exist', async () => {
    await expect(t.call('import.run', { paths: [join(t.dir, 'missing-folder')] })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('demo.* over the contract', () => {
  it('lists presets and generates as a job whose result sums up the tables', async () => {
    expect(await t.call('demo.presets', {})).toEqual([
      { name: 'small', customers: 2000, months: 12 },
      { name: 'medium', customers: 50000, months: 24 },
      { name: 'large', customers: 1000000, months: 36 },
    ]);
    const e = await openTestEngine();
    try {
      const job = await e.call<JobSnapshot>('demo.generate', { customers: 150, months: 2, endDate: '2025-03-31' });
      const end = await e.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 120_000 });
      expect(end.state).toBe('done');
      const s = end.result as DemoSummary;
      expect(s).toMatchObject({ customers: 150, months: 2, from: '2025-02-01', to: '2025-03-31', seed: 42 });
      const again = await e.call<JobSnapshot>('demo.generate', { customers: 150, months: 2 });
      const failed = await e.call<JobSnapshot>('jobs.wait', { id: again.id, timeoutMs: 120_000 });
      expect(failed).toMatchObject({ state: 'failed', error: { code: 'CONFLICT' } });
      const rebuilt = await e.call<JobSnapshot>('identity.rebuild', {});
      const r = await e.call<JobSnapshot>('jobs.wait', { id: rebuilt.id, timeoutMs: 60_000 });
      expect(r.result).toEqual(s.identity);
    } finally {
      e.close();
    }
  });
});
