// "Import files": a native file dialog on desktop, a file chooser button in browser mode (files are uploaded to
// the loopback host first, since a page cannot hand the engine a path); then import.run as a job with progress and
// the result per file (a spreadsheet that needs a mapping leads to the Import page).
import { useState } from 'react';
import type { JobSnapshot } from '../../../shared/events';
import type { PainelErrorData } from '../../../shared/errors';
import { call, desktopCall, isDesktop, uploadFile } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { FilePicker } from '../components/FilePicker';
import { JobProgress } from '../components/JobProgress';
import { useI18n } from '../i18n/useI18n';
import { useJob } from '../state/jobs';
import { ImportResult } from './importer/ImportResult';
import { jobResult } from '../../../shared/jobs';

const ACCEPT = '.csv,.parquet,.xlsx,.txt,.zip';

export function ImportFiles() {
  const { t } = useI18n();
  const [started, setStarted] = useState<JobSnapshot | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const job = useJob(started?.id ?? null, started);

  const runImport = async (paths: string[]) => {
    const r = await call('import.run', { paths });
    if (r.ok) setStarted(r.value);
    else setError(r.error);
  };

  const onFiles = async (files: File[]) => {
    if (!files.length) return;
    setError(null);
    const paths: string[] = [];
    setUploading({ done: 0, total: files.length });
    for (const file of files) {
      const r = await uploadFile(file);
      if (!r.ok) {
        setUploading(null);
        setError(r.error);
        return;
      }
      paths.push(r.value.path);
      setUploading({ done: paths.length, total: files.length });
    }
    setUploading(null);
    await runImport(paths);
  };

  const onDialog = async () => {
    setError(null);
    const r = await desktopCall('desktop.openFiles', { filters: ['csv', 'parquet', 'xlsx', 'zip'] });
    if (!r.ok) return setError(r.error);
    const paths = (r.value as { paths?: string[] } | null)?.paths ?? [];
    if (paths.length) await runImport(paths);
  };

  return (
    <div className="import-files">
      {isDesktop ? (
        <button type="button" className="btn" onClick={() => void onDialog()}>
          {t('first.import')}
        </button>
      ) : (
        <FilePicker label={t('first.chooseFiles')} accept={ACCEPT} inputId="import-input" onFiles={(files) => void onFiles(files)} />
      )}
      {uploading && (
        <div className="progress" role="progressbar" aria-label={t('first.uploading')} aria-valuenow={Math.round((uploading.done / uploading.total) * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div style={{ width: `${(uploading.done / uploading.total) * 100}%` }} />
        </div>
      )}
      {job && <JobProgress job={job} label={t('first.import')} />}
      {/* What happened to each file: a full bar alone said "done" even when nothing loaded. */}
      {jobResult(job, 'import') && <ImportResult summary={jobResult(job, 'import')!} mapHref="" />}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
