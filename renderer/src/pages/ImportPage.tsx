// The Import page: files dropped or chosen (uploaded first in browser mode), each looked at; sheets that need a
// mapping get the mapping step; one import job with per-file progress; the result per file and the rejected rows;
// past imports with undo and "remove the demo data".
import { useEffect, useState, type DragEvent } from 'react';
import type { SheetInspect } from '../../../shared/api/import';
import type { JobSnapshot } from '../../../shared/events';
import type { PainelErrorData } from '../../../shared/errors';
import { call, desktopCall, droppedPaths, isDesktop, uploadFile } from '../api/client';
import type { Route } from '../app/router';
import { ErrorNote } from '../components/ErrorNote';
import { FilePicker } from '../components/FilePicker';
import { JobProgress } from '../components/JobProgress';
import { isFinished, useJob } from '../state/jobs';
import { ImportHistory } from './importer/ImportHistory';
import { ImportResult } from './importer/ImportResult';
import { MappingStep, type SheetPlan } from './importer/MappingStep';
import { useImportText } from './importer/importText';
import { jobResult } from '../../../shared/jobs';
import { isCanonicalTable, modelTable } from '../../../shared/model';
import { useI18n } from '../i18n/useI18n';

const ACCEPT = '.csv,.parquet,.xlsx,.txt,.tsv,.zip';

interface Chosen {
  look: SheetInspect;
  plan: SheetPlan | null;
}

const planOf = (look: SheetInspect): SheetPlan | null =>
  look.kind === 'sheet' && look.suggestion ? { mapping: look.suggestion.mapping, dateOrder: look.suggestion.dateOrder, decimal: look.suggestion.decimal } : null;

export default function ImportPage({ route }: { route: Route }) {
  const { tx } = useImportText();
  const { l } = useI18n();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<PainelErrorData | null>(null);
  const [started, setStarted] = useState<JobSnapshot | null>(null);
  const [over, setOver] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const job = useJob(started?.id ?? null, started);
  const summary = jobResult(job, 'import') ?? null;
  // A finished import is listed in the history at once (with what it changed), not on the next visit.
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) setHistoryKey((k) => k + 1);
  }, [finished, job?.id]);

  const inspect = async (paths: string[]) => {
    setBusy(tx('looking'));
    const out: Chosen[] = [];
    for (const path of paths) {
      const r = await call('import.inspect', { path });
      if (!r.ok) {
        setError(r.error);
        break;
      }
      out.push({ look: r.value, plan: planOf(r.value) });
    }
    setBusy(null);
    setStarted(null);
    setChosen(out);
  };

  const preset = route.query.get('paths');
  useEffect(() => {
    if (preset) void inspect(preset.split('\n').filter(Boolean));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);

  const onFiles = async (files: File[]) => {
    if (!files.length) return;
    setError(null);
    const paths: string[] = [];
    for (const [i, file] of files.entries()) {
      setBusy(`${tx('uploading')} ${i + 1}/${files.length}`);
      const r = await uploadFile(file);
      if (!r.ok) {
        setBusy(null);
        return setError(r.error);
      }
      paths.push(r.value.path);
    }
    await inspect(paths);
  };

  // Desktop: files, or a folder (Painel's Parquet dataset as the desktop app exports it, or a folder of tables).
  const onDialog = async (folders = false) => {
    setError(null);
    const r = await desktopCall('desktop.openFiles', folders ? { folders: true } : { filters: ['csv', 'parquet', 'xlsx', 'zip'] });
    if (!r.ok) return setError(r.error);
    const paths = (r.value as { paths?: string[] } | null)?.paths ?? [];
    if (paths.length) await inspect(paths);
  };

  // Desktop: dropped files are read where they are (their paths, through the shell); browser mode uploads them.
  const onDropped = async (files: File[]) => {
    if (!files.length) return;
    setError(null);
    const r = await droppedPaths(files);
    if (!r.ok) return setError(r.error);
    await inspect(r.value.paths);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    void (isDesktop ? onDropped(files) : onFiles(files));
  };

  const runImport = async () => {
    setError(null);
    const plans: Record<string, SheetPlan> = {};
    for (const c of chosen) if (c.plan) plans[c.look.sheet ? `${c.look.file}#${c.look.sheet}` : c.look.file] = c.plan;
    const paths = chosen.filter((c) => !c.look.refusal).map((c) => c.look.file);
    if (!paths.length) return;
    const r = await call('import.run', { paths, plans });
    if (r.ok) setStarted(r.value);
    else setError(r.error);
  };

  // Painel's own files: a table by its name, a dataset by the names of its tables.
  const knownLine = (look: SheetInspect) => {
    const word = (t: string) => (isCanonicalTable(t) ? l(modelTable(t).label, t) : t);
    if (look.tables && /\.zip$/i.test(look.name)) return tx('dataset', { tables: look.tables.map(word).join(', ') });
    if (look.tables) return look.tables.length ? tx('folder', { tables: look.tables.map(word).join(', ') }) : tx('folderOther');
    return tx('canonical', { table: look.table ? word(look.table) : look.name });
  };

  useEffect(() => {
    if (job && job.state !== 'running') setHistoryKey((k) => k + 1);
  }, [job?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="page import-page" aria-labelledby="import-title" data-testid="import-page">
      <header>
        <h1 id="import-title">{tx('title')}</h1>
        <p className="muted">{tx('intro')}</p>
      </header>
      <div
        className={`card drop-zone${over ? ' drop-over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{tx('drop')}</p>
        {isDesktop ? (
          <span className="data-head-actions">
            <button type="button" className="btn" onClick={() => void onDialog()}>
              {tx('choose')}
            </button>
            <button type="button" className="btn" onClick={() => void onDialog(true)}>
              {tx('chooseFolder')}
            </button>
          </span>
        ) : (
          <FilePicker label={tx('choose')} accept={ACCEPT} testId="import-page-input" onFiles={(files) => void onFiles(files)} />
        )}
        {busy && <p className="muted">{busy}</p>}
      </div>
      {error && <ErrorNote error={error} />}
      {chosen.length > 0 && !summary && (
        <div className="card">
          {chosen.map((c, i) =>
            c.look.refusal ? (
              <p key={c.look.file + (c.look.sheet ?? '')} className="source-error" role="alert" data-testid="import-refusal">
                <strong>{c.look.name}</strong> — {c.look.refusal}
              </p>
            ) : c.plan ? (
              <MappingStep key={c.look.file + (c.look.sheet ?? '')} look={c.look} plan={c.plan} onPlan={(p) => setChosen(chosen.map((x, j) => (j === i ? { ...x, plan: p } : x)))} />
            ) : (
              <p key={c.look.file} data-testid="import-known">
                <strong>{c.look.name}</strong> — {c.look.kind === 'shop' ? tx('shop') : knownLine(c.look)}
              </p>
            ),
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" data-testid="import-run" disabled={!!job && job.state === 'running'} onClick={() => void runImport()}>
              {tx('importNow')}
            </button>
          </div>
        </div>
      )}
      {job && <JobProgress job={job} label={tx('importNow')} />}
      {summary && (
        <div className="card">
          <h2>{tx('resultTitle')}</h2>
          <ImportResult summary={summary} />
        </div>
      )}
      <ImportHistory refreshKey={historyKey} />
    </section>
  );
}
