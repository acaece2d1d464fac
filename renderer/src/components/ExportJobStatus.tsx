// The progress and outcome of an export job (report export, closing pack): when done, browser mode downloads the
// file at once and offers the link again; the desktop app shows where it was saved and opens its folder.
import { useEffect, useRef } from 'react';
import type { JobSnapshot } from '../../../shared/events';
import { downloadUrl, isDesktop, showInFolder } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import { useJob } from '../state/jobs';
import { JobProgress } from './JobProgress';
import { jobResult } from '../../../shared/jobs';

export function ExportJobStatus({ started, label, showRows = true }: { started: JobSnapshot; label: string; showRows?: boolean }) {
  const { t, f } = useI18n();
  const job = useJob(started.id, started);
  const result = jobResult(job, 'export');
  const downloaded = useRef<string | null>(null);

  useEffect(() => {
    if (!result?.download || downloaded.current === job?.id) return;
    downloaded.current = job?.id ?? null;
    const url = downloadUrl(result.download);
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = result.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }, [result, job?.id]);

  if (!job) return null;
  return (
    <div className="export-status card" data-testid="export-status" data-state={job.state}>
      <JobProgress job={job} label={label} />
      {result && (
        <div className="export-done">
          {showRows && <span className="muted">{t('export.rows', { n: f.integer(result.rows) })}</span>}
          {result.download && !isDesktop ? (
            <a className="btn btn-small" href={downloadUrl(result.download) ?? '#'} download={result.fileName} data-testid="export-download">
              {t('export.download', { file: result.fileName })}
            </a>
          ) : (
            <>
              <span className="muted export-path">{t('export.savedAt', { path: result.path })}</span>
              <button type="button" className="btn btn-small" onClick={() => void showInFolder(result.path)}>
                {t('export.openFolder')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
