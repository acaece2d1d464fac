// The export menu: CSV, XLSX or PDF of the filtered report as an engine job, with progress; when done the file
// downloads (browser mode) or its folder can be opened (desktop).
import { useRef, useState } from 'react';
import { useFitInWindow } from '../../components/useFitInWindow';
import type { ReportFilteredInput } from '../../../../shared/api/reports';
import type { SortSpec } from '../../../../shared/api/tableSpec';
import type { JobSnapshot } from '../../../../shared/events';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { ExportJobStatus } from '../../components/ExportJobStatus';
import { useI18n } from '../../i18n/useI18n';
import type { PainelErrorData } from '../../../../shared/errors';

const FORMATS = [
  { id: 'csv', label: 'CSV' },
  { id: 'xlsx', label: 'XLSX' },
  { id: 'pdf', label: 'PDF' },
] as const;

export function ExportMenu({ input, sort, title }: { input: ReportFilteredInput; sort: SortSpec[]; title: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const pop = useRef<HTMLDivElement>(null);
  useFitInWindow(pop, open);
  const [started, setStarted] = useState<{ job: JobSnapshot; format: string } | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);

  const run = async (format: 'csv' | 'xlsx' | 'pdf') => {
    setOpen(false);
    setError(null);
    const r = await call('export.run', { ...input, sort, format, locale });
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
          <div className="menu-pop" ref={pop} role="menu" aria-label={t('export.menu')}>
            {FORMATS.map((x) => (
              <button key={x.id} type="button" role="menuitem" className="menu-item" onClick={() => void run(x.id)}>
                {t('export.as', { format: x.label })}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && <ErrorNote error={error} />}
      {started && <ExportJobStatus key={started.job.id} started={started.job} label={t('export.running', { format: started.format.toUpperCase() })} />}
      <span className="visually-hidden">{title}</span>
    </div>
  );
}
