// Sync: every source with its state (never, syncing with progress, ok, failed in plain words, offline), last
// success, rows pulled, "sync now", the schedule, and a write-only credentials form.
import { useState } from 'react';
import type { SourceState, SyncSourceInfo } from '../../../shared/api/sync';
import type { JobSnapshot } from '../../../shared/events';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { JobProgress } from '../components/JobProgress';
import { useI18n, type MessageKey } from '../i18n/useI18n';
import { useJob } from '../state/jobs';
import { useSyncStatus } from '../state/syncStatus';
import { ageText } from '../app/ConnectionBadge';
import { SourceForm } from './sync/SourceForm';
import { SyncSchedule } from './sync/SyncSchedule';

const STATE_KEY: Record<SourceState, MessageKey> = {
  never: 'sync.state.never',
  syncing: 'sync.state.syncing',
  ok: 'sync.state.ok',
  failed: 'sync.state.failed',
  offline: 'sync.state.offline',
};

function SourceCard({ source, onSync, busy }: { source: SyncSourceInfo; onSync(): void; busy: boolean }) {
  const { t, f } = useI18n();
  const [editing, setEditing] = useState(false);
  const p = source.progress;
  return (
    <article className="card source-card" data-testid={`source-${source.sourceId}`} data-state={source.state} aria-labelledby={`src-${source.sourceId}`}>
      <header className="source-head">
        <h2 id={`src-${source.sourceId}`}>{source.name}</h2>
        <span className={`state state-${source.state}`}>{t(STATE_KEY[source.state])}</span>
      </header>
      {source.state === 'syncing' && p && (
        <div className="job">
          <div className="job-line">
            <span>{p.phase}</span>
            <span className="muted">{t('sync.progressRows', { rows: f.integer(p.rows), pages: f.integer(p.pages) })}</span>
          </div>
          <div className="progress" role="progressbar" aria-label={t('sync.state.syncing')}>
            <div className="indeterminate" style={{ width: '30%' }} />
          </div>
        </div>
      )}
      {source.state === 'failed' && source.lastError && (
        <p className="source-error" role="alert">
          {source.lastError}
        </p>
      )}
      <dl className="facts">
        <dt>{t('sync.lastSuccess')}</dt>
        <dd>{source.lastSuccessAt ? `${f.timestamp(source.lastSuccessAt)} (${ageText(t, source.lastSuccessAt)})` : t('top.neverSynced')}</dd>
        <dt>{t('sync.rowsPulled')}</dt>
        <dd>
          {f.integer(source.rowsPulled)} · {t('sync.lastRun', { rows: f.integer(source.lastRunRows), rejected: f.integer(source.lastRunRejected) })}
        </dd>
        {source.baseUrl && (
          <>
            <dt>{t('sync.baseUrl')}</dt>
            <dd>{source.baseUrl}</dd>
          </>
        )}
      </dl>
      <div className="source-actions">
        <button type="button" className="btn btn-primary" onClick={onSync} disabled={busy || !source.configured || !source.enabled}>
          {t('sync.now')}
        </button>
        <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {source.configured ? t('sync.edit') : t('sync.setup')}
        </button>
      </div>
      {editing && <SourceForm source={source} onDone={() => setEditing(false)} />}
    </article>
  );
}

export default function SyncPage() {
  const { t } = useI18n();
  const { status, error } = useSyncStatus();
  const [started, setStarted] = useState<JobSnapshot | null>(null);
  const [startError, setStartError] = useState<PainelErrorData | null>(null);
  const job = useJob(started?.id ?? status?.jobId ?? null, started);
  const busy = !!status?.running;

  const start = async (source?: SyncSourceInfo['sourceId']) => {
    setStartError(null);
    const r = await call('sync.start', source ? { source } : {});
    if (r.ok) setStarted(r.value);
    else setStartError(r.error);
  };

  return (
    <section className="page sync-page" aria-labelledby="sync-title">
      <header className="page-head">
        <div>
          <h1 id="sync-title">{t('nav.sync')}</h1>
          <p className="muted">{t('sync.intro')}</p>
        </div>
        {status && (
          <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={busy}>
            {t('sync.all')}
          </button>
        )}
      </header>
      {error && <ErrorNote error={error} />}
      {startError && <ErrorNote error={startError} />}
      {status?.offline && <div className="note note-info">{t('sync.offline')}</div>}
      {job && <JobProgress job={job} label={t('sync.job')} />}
      {status && <SyncSchedule status={status} />}
      {status && (
        <div className="grid source-grid">
          {status.sources.map((s) => (
            <SourceCard key={s.sourceId} source={s} busy={busy} onSync={() => void start(s.sourceId)} />
          ))}
        </div>
      )}
    </section>
  );
}
