// A job's progress bar with its phase and message, and a cancel button while it runs.
import type { JobSnapshot } from '../../../shared/events';
import { progressWords } from '../../../shared/jobs';
import { call } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import { isFinished, jobFraction } from '../state/jobs';
import { jobBar } from './jobBar';

export function JobProgress({ job, label }: { job: JobSnapshot; label: string }) {
  const { t, f, locale } = useI18n();
  const frac = jobFraction(job);
  const running = !isFinished(job);
  const bar = jobBar(job);
  return (
    <div className="job" data-testid="job-progress" data-state={job.state}>
      <div className="job-line">
        <span>{label}</span>
        <span className="muted">
          {job.state === 'failed' ? t('job.failed', { message: job.error?.message ?? '' }) : job.state === 'cancelled' ? t('job.cancelled') : job.state === 'done' ? t('job.done') : progressWords(job.progress, locale)}
          {running && frac !== null ? ` · ${f.percent(frac, 0)}` : ''}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={frac === null ? undefined : Math.round(frac * 100)}>
        <div className={bar.indeterminate ? 'indeterminate' : bar.glide ? '' : 'settled'} data-testid="job-bar" style={{ width: `${bar.percent}%` }} />
      </div>
      {running && (
        <button type="button" className="btn btn-small" onClick={() => void call('jobs.cancel', { id: job.id })}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
