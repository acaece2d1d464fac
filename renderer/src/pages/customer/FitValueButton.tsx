// Runs the customer-value model (BG/NBD + Gamma-Gamma over every customer) as a job, with progress, when no
// prediction exists yet.
import { useEffect, useRef, useState } from 'react';
import type { JobSnapshot } from '../../../../shared/events';
import type { PainelErrorData } from '../../../../shared/errors';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { JobProgress } from '../../components/JobProgress';
import { useI18n } from '../../i18n/useI18n';
import { useJob } from '../../state/jobs';

export function FitValueButton({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [started, setStarted] = useState<JobSnapshot | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const job = useJob(started?.id ?? null, started);
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (job?.state === 'done' && notified.current !== job.id) {
      notified.current = job.id;
      onDone();
    }
  }, [job, onDone]);
  const run = async () => {
    setError(null);
    const r = await call('analytics.fitCustomerValue', {});
    if (r.ok) setStarted(r.value);
    else setError(r.error);
  };
  return (
    <div className="fit-value">
      {!job && (
        <button type="button" className="btn btn-small" onClick={() => void run()}>
          {t('c360.fitValue')}
        </button>
      )}
      {job && <JobProgress job={job} label={t('c360.fitValue')} />}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
