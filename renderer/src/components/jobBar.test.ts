// The progress bar of a job: a finished job's bar stands at its end at once (no glide from where it was).
import { describe, expect, it } from 'vitest';
import { jobBar } from './jobBar';

const p = (done: number, total: number | null) => ({ phase: 'write', done, total });

describe('jobBar', () => {
  it('glides while running and stands full, without gliding, once done', () => {
    expect(jobBar({ state: 'running', progress: p(60, 100) })).toEqual({ percent: 60, indeterminate: false, glide: true });
    expect(jobBar({ state: 'done', progress: p(60, 100) })).toEqual({ percent: 100, indeterminate: false, glide: false });
    expect(jobBar({ state: 'done', progress: p(0, null) })).toEqual({ percent: 100, indeterminate: false, glide: false });
  });

  it('slides while the total is unknown and stops where a failed or cancelled job stopped', () => {
    expect(jobBar({ state: 'running', progress: p(5, null) })).toMatchObject({ indeterminate: true, glide: false });
    expect(jobBar({ state: 'failed', progress: p(30, 100) })).toEqual({ percent: 30, indeterminate: false, glide: false });
    expect(jobBar({ state: 'cancelled', progress: p(0, null) })).toEqual({ percent: 100, indeterminate: false, glide: false });
    expect(jobBar({ state: 'running', progress: p(150, 100) }).percent).toBe(100);
  });
});
