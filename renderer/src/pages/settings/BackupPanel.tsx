// Backup and restore of the database file: a backup job (downloaded in browser mode), the list of backups,
// and restore with a confirmation, each with a progress bar.
import { useEffect, useRef, useState } from 'react';
import type { JobSnapshot } from '../../../../shared/events';
import type { PainelErrorData } from '../../../../shared/errors';
import { call, downloadUrl, isDesktop, showInFolder } from '../../api/client';
import { useCall } from '../../api/useCall';
import { ErrorNote } from '../../components/ErrorNote';
import { JobProgress } from '../../components/JobProgress';
import { useI18n } from '../../i18n/useI18n';
import { isFinished, useJob } from '../../state/jobs';
import { jobResult } from '../../../../shared/jobs';

export function BackupPanel() {
  const { t, f } = useI18n();
  const list = useCall('settings.backups', {});
  const [started, setStarted] = useState<{ job: JobSnapshot; what: 'backup' | 'restore' } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const job = useJob(started?.job.id ?? null, started?.job);
  const reloaded = useRef<string | null>(null);
  const result = (started?.what === 'backup' && jobResult(job, 'backup')) || null;
  const { reload } = list;
  useEffect(() => {
    if (job && isFinished(job) && reloaded.current !== job.id) {
      reloaded.current = job.id;
      reload();
    }
  }, [job, reload]);

  const backup = async () => {
    setError(null);
    const r = await call('settings.backup', {});
    if (r.ok) setStarted({ job: r.value, what: 'backup' });
    else setError(r.error);
  };
  const restore = async (fileName: string) => {
    setConfirm(null);
    setError(null);
    const r = await call('settings.restore', { fileName });
    if (r.ok) setStarted({ job: r.value, what: 'restore' });
    else setError(r.error);
  };

  return (
    <div className="backup-panel">
      <h3>{t('settings.backup')}</h3>
      <button type="button" className="btn" onClick={() => void backup()} disabled={!!job && !isFinished(job)}>
        {t('settings.backupNow')}
      </button>
      {job && started && <JobProgress job={job} label={started.what === 'backup' ? t('settings.backupNow') : t('settings.restore')} />}
      {result && (
        <p className="backup-done">
          {result.download && !isDesktop ? (
            <a className="btn btn-small" href={downloadUrl(result.download) ?? '#'} download={result.fileName}>
              {t('export.download', { file: result.fileName })}
            </a>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => void showInFolder(result.path)}>
              {t('export.openFolder')}
            </button>
          )}
        </p>
      )}
      {error && <ErrorNote error={error} />}
      {list.error && <ErrorNote error={list.error} />}
      {list.data && list.data.length > 0 && (
        <table className="simple-table">
          <caption>{t('settings.backups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.backupFile')}</th>
              <th scope="col">{t('settings.backupDate')}</th>
              <th scope="col">{t('settings.dataSize')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.fileName}>
                <td>{b.fileName}</td>
                <td>{f.timestamp(b.createdAt)}</td>
                <td>{f.bytes(b.bytes)}</td>
                <td>
                  {confirm === b.fileName ? (
                    <span className="confirm">
                      {t('settings.restoreConfirm')}{' '}
                      <button type="button" className="btn btn-small btn-primary" onClick={() => void restore(b.fileName)}>
                        {t('settings.restore')}
                      </button>{' '}
                      <button type="button" className="btn btn-small" onClick={() => setConfirm(null)}>
                        {t('common.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => setConfirm(b.fileName)}>
                      {t('settings.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
