// First start on an empty database: load the demo data, import files, or connect a source — each runs as an
// engine job with a progress bar; when data arrives every view reloads by itself (data.changed).
import { useState } from 'react';
import type { JobSnapshot } from '../../../shared/events';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { href } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { JobProgress } from '../components/JobProgress';
import { useI18n } from '../i18n/useI18n';
import { useJob } from '../state/jobs';
import { ImportFiles } from './ImportFiles';

export function FirstStart() {
  const { t } = useI18n();
  const [demoJob, setDemoJob] = useState<JobSnapshot | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const job = useJob(demoJob?.id ?? null, demoJob);

  const loadDemo = async () => {
    setError(null);
    const r = await call('demo.generate', { preset: 'small' });
    if (r.ok) setDemoJob(r.value);
    else setError(r.error);
  };

  return (
    <section className="page first-start" aria-labelledby="first-title" data-testid="first-start">
      <header>
        <h1 id="first-title">{t('first.title')}</h1>
        <p className="muted">{t('first.intro')}</p>
      </header>
      <div className="grid first-grid">
        <div className="card first-card">
          <h2>{t('first.demo')}</h2>
          <p className="muted">{t('first.demoBody')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void loadDemo()} disabled={!!job && job.state === 'running'}>
            {t('first.demo')}
          </button>
          {job && <JobProgress job={job} label={t('first.demo')} />}
        </div>
        <div className="card first-card">
          <h2>{t('first.import')}</h2>
          <p className="muted">{t('first.importBody')}</p>
          <ImportFiles />
        </div>
        <div className="card first-card">
          <h2>{t('first.connect')}</h2>
          <p className="muted">{t('first.connectBody')}</p>
          <a className="btn" href={href('/sync')}>
            {t('first.connect')}
          </a>
        </div>
      </div>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
