// Runs an export as a job: the target is checked before the job starts (so a conflict or a forbidden path is an
// immediate error the UI can ask about), the writer fills the temp file, and only a finished file is renamed
// into place and offered for download.
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportJobResult } from '../../shared/api/export';
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import type { JobContext } from '../jobs/jobRunner';
import { rememberDownload } from './downloads';
import { fileTarget, folderTarget, type Target } from './target';
import type { ExportContext, Locale } from './types';
import type { JobTitle } from '../../shared/jobs';

export interface TargetInput {
  folder?: string;
  fileName?: string;
  overwrite: boolean;
  locale?: Locale;
}

/** The engine's own exports folder (browser mode and downloads): beside the database file. */
export function exportsDir(engine: Engine): string {
  const dir = engine.db.path === ':memory:' ? join(tmpdir(), 'painel-exports') : join(dirname(engine.db.path), 'exports');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file name safe on every desktop file system. */
export function safeFileName(name: string): string {
  return name.replace(/[<>:"/\\|?*\x00-\x1f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 200) || 'export';
}

function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const taken = new Set(readdirSync(dir));
  for (let i = 2; ; i++) {
    const n = `${stem} (${i})${ext}`;
    if (!taken.has(n)) return n;
  }
}

/** Resolves where the export goes; without a folder the engine's exports folder is used with a free name. */
export function planTarget(engine: Engine, input: TargetInput, defaultName: string, extension: string, kind: 'file' | 'folder' = 'file'): { target: Target; managed: boolean } {
  const managed = !input.folder;
  const folder = input.folder ?? exportsDir(engine);
  let name = input.fileName ?? safeFileName(defaultName) + extension;
  if (managed && !input.overwrite) name = freeName(folder, extension && !name.toLowerCase().endsWith(extension) ? name + extension : name);
  const req = { folder, name, overwrite: input.overwrite, extension: extension || undefined };
  return { target: kind === 'file' ? fileTarget(req) : folderTarget(req), managed };
}

export async function exportContext(engine: Engine, locale?: Locale, now = new Date()): Promise<ExportContext> {
  const s = await engine.settings();
  return { locale: locale ?? s.locale, businessName: s.legalName || s.businessName, currency: s.currency, timezone: s.timezone, now };
}

export interface ExportJobSpec {
  kind: 'export';
  title: JobTitle;
  target: Target;
  format: ExportJobResult['format'];
  /** Offer a download (files only). */
  download: boolean;
  /** Writes the export into `tempPath`; returns the data rows written. */
  write: (tempPath: string, job: JobContext) => Promise<number>;
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (st.isFile()) return st.size;
  let n = 0;
  for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

export function startExportJob(engine: Engine, spec: ExportJobSpec): JobSnapshot {
  return engine.jobs.start(spec.kind, spec.title, async (job): Promise<ExportJobResult> => {
    const { target } = spec;
    try {
      job.progress({ phase: 'start', done: 0, total: null });
      const rows = await spec.write(target.tempPath, job);
      job.checkCancelled();
      target.commit();
      const fileName = basename(target.finalPath);
      const result: ExportJobResult = {
        path: target.finalPath,
        fileName,
        format: spec.format,
        rows,
        bytes: sizeOf(target.finalPath),
        download: spec.download ? rememberDownload(engine, target.finalPath, fileName) : null,
      };
      job.progress({ phase: 'done', done: rows, total: rows });
      return result;
    } finally {
      target.abort();
    }
  });
}
