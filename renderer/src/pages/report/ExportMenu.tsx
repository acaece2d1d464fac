// The export menu: CSV, XLSX or PDF of the filtered report as an engine job, with progress; when done the file
// downloads (browser mode) or its folder can be opened (desktop).
import { useEffect, useRef, useState } from 'react';
import type { exportApi, ExportJobResult } from '../../../../shared/api/export';
import type { ReportFilteredInput } from '../../../../shared/api/reports';
import type { SortSpec } from '../../../../shared/api/tableSpec';
import type { JobSnapshot } from '../../../../shared/events';
import { callIn, downloadUrl, isDesktop, showInFolder } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { JobProgress } from '../../components/JobProgress';
import { useI18n } from '../../i18n/useI18n';
import { useJob } from '../../state/jobs';
import type { PainelErrorData } from '../../../../shared/errors';

const FORMATS = [
  { id: 'csv', label: 'CSV' },
  { id: 'xlsx', label: 'XLSX' },
  { id: 'pdf', label: 'PDF' },
] as const;

export function ExportMenu({ input, sort, title }: { input: ReportFilteredInput; sort: SortSpec[]; title: string }) {
  const { t, f, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<{ job: JobSnapshot; format: string } | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const job = useJob(started?.job.id ?? null, started?.job);
  const result = job?.state === 'done' ? (job.result as ExportJobResult | undefined) : undefined;
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

  const run = async (format: 'csv' | 'xlsx' | 'pdf') => {
    setOpen(false);
    setError(null);
    const r = await callIn<typeof exportApi, 'export.run'>('export.run', { ...input, sort, format, locale });
    if (r.ok) setStarted({ job: r.value, format });
    else setError(r.error);
  };

  return (
    <div className="export">
      <div className="menu">
        <button type="button" className="btn" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
          ⤓ {t('export.menu')}
        </button>
        {open && (
          <div className="menu-pop" role="menu" aria-label={t('export.menu')}>
            {FORMATS.map((x) => (
              <button key={x.id} type="button" role="menuitem" className="menu-item" onClick={() => void run(x.id)}>
                {t('export.as', { format: x.label })}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && <ErrorNote error={error} />}
      {job && started && (
        <div className="export-status card" data-testid="export-status">
          <JobProgress job={job} label={t('export.running', { format: started.format.toUpperCase() })} />
          {result && (
            <div className="export-done">
              <span className="muted">{t('export.rows', { n: f.integer(result.rows) })}</span>
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
      )}
      <span className="visually-hidden">{title}</span>
    </div>
  );
}
