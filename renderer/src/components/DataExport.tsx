// Exports of the data itself, as engine jobs with progress: one canonical table as CSV or XLSX (the file imports
// back unchanged), and every table as Parquet — into a folder chosen in the desktop app, or as one .zip that
// downloads in browser mode. A refusal (an XLSX past Excel's row limit) is shown in words, with the other formats.
import { useState } from 'react';
import type { JobSnapshot } from '../../../shared/events';
import type { PainelErrorData, Result } from '../../../shared/errors';
import { call, desktopCall, isDesktop } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import { ErrorNote } from './ErrorNote';
import { ExportJobStatus } from './ExportJobStatus';
import type { CanonicalTable } from '../../../shared/types';

interface Started {
  job: JobSnapshot;
  label: string;
}

function useExportStart() {
  const [started, setStarted] = useState<Started | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const start = async (label: string, run: () => Promise<Result<JobSnapshot> | Result<unknown> | null>) => {
    setError(null);
    const r = await run();
    if (!r) return;
    if (r.ok) setStarted({ job: r.value as JobSnapshot, label });
    else setError(r.error);
  };
  const status = (
    <>
      {error && <ErrorNote error={error} />}
      {started && <ExportJobStatus key={started.job.id} started={started.job} label={started.label} />}
    </>
  );
  return { start, status };
}

/** "Exportar CSV" / "Exportar XLSX" for one canonical table. */
export function TableExportButtons({ table, tableLabel }: { table: CanonicalTable; tableLabel: string }) {
  const { t, locale } = useI18n();
  const { start, status } = useExportStart();
  const run = (format: 'csv' | 'xlsx') => start(t('export.running', { format: format.toUpperCase() }), () => call('export.table', { table, format, locale }));
  return (
    <div className="data-export" role="group" aria-label={t('tables.exportOf', { table: tableLabel })}>
      <div className="data-export-buttons">
        <button type="button" className="btn" title={t('tables.exportNote')} data-testid="table-export-csv" onClick={() => void run('csv')}>
          ⤓ {t('tables.exportCsv')}
        </button>
        <button type="button" className="btn" title={t('tables.exportNote')} data-testid="table-export-xlsx" onClick={() => void run('xlsx')}>
          ⤓ {t('tables.exportXlsx')}
        </button>
      </div>
      {status}
    </div>
  );
}

/** "Exportar dados (Parquet)": every table; desktop asks for the folder, browser mode downloads one .zip. */
export function ParquetExportButton({ withNote = false }: { withNote?: boolean }) {
  const { t, locale } = useI18n();
  const { start, status } = useExportStart();
  const run = () =>
    start(t('data.exportRunning'), async () => {
      if (!isDesktop) return call('export.parquet', { zip: true, locale });
      const chosen = await desktopCall('desktop.openFiles', { folders: true });
      if (!chosen.ok) return chosen;
      const folder = (chosen.value as { paths?: string[] } | null)?.paths?.[0];
      return folder ? call('export.parquet', { folder, locale }) : null;
    });
  return (
    <div className="data-export">
      {withNote && <p className="muted">{t('data.exportParquetBody')}</p>}
      <div className="data-export-buttons">
        <button type="button" className="btn" title={withNote ? undefined : t('data.exportParquetBody')} data-testid="export-parquet" onClick={() => void run()}>
          ⤓ {t('data.exportParquet')}
        </button>
      </div>
      {status}
    </div>
  );
}
