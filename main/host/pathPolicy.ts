// Which files and folders a transport may name in import.run/inspect/preview and export.*: the desktop window only
// paths the person chose in a native dialog (or the engine's exports folder), a browser page only its uploads and
// the exports folder, this machine's CLI and tests any path. Uploads are deleted once imported (or, left unmapped, after a day).
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ImportSummary } from '../../shared/api/import';
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import { exportsDir } from '../export/exportJob';
import { AppError } from '../store/errors';

export type Transport = 'desktop' | 'browser' | 'local';

/** Browser mode's uploads: a private folder beside the database, one subfolder per uploaded file. */
export function uploadDir(engine: Engine): string {
  return engine.db.path === ':memory:' ? join(tmpdir(), 'painel-uploads') : join(dirname(engine.db.path), 'uploads');
}
/** Paths chosen in the desktop's native dialogs: a chosen folder covers what is inside it. */
export type PathGrants = Set<string>;

export function isInside(folder: string, path: string): boolean {
  const r = relative(resolve(folder), resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

const granted = (grants: PathGrants, path: string) => [...grants].some((g) => isInside(g, path));

/** Throws FORBIDDEN when the transport may not read or write a path the input names. */
export function checkPaths(engine: Engine, transport: Transport, grants: PathGrants, method: string, input: unknown): void {
  if (transport === 'local') return;
  const i = input as { paths?: string[]; path?: string; folder?: string };
  // Reading a file (importing it, or looking at its first rows) is limited alike.
  const reads = method === 'import.run' ? (i.paths ?? []) : method === 'import.inspect' || method === 'import.preview' ? [i.path ?? ''] : [];
  for (const p of reads) {
    const ok = transport === 'browser' ? isInside(uploadDir(engine), p) && resolve(p) !== resolve(uploadDir(engine)) : granted(grants, p);
    if (!ok) {
      throw new AppError(
        'FORBIDDEN',
        transport === 'browser'
          ? `Em modo navegador, importe arquivos enviados pela página. / In browser mode, import files uploaded through the page: ${p}`
          : `Escolha o arquivo na janela de seleção. / Choose the file in the file dialog: ${p}`,
      );
    }
  }
  if (method.startsWith('export.') && typeof i.folder === 'string') {
    const ok = isInside(exportsDir(engine), i.folder) || (transport === 'desktop' && granted(grants, i.folder));
    if (!ok) throw new AppError('FORBIDDEN', `Esta pasta não foi escolhida para exportar. / This folder was not chosen for exports: ${i.folder}`);
  }
}

/** Uploads nobody came back for (a sheet left unmapped) are removed after a day. */
const ABANDONED_MS = 24 * 3600 * 1000;

/**
 * Browser mode: once an import job ends, deletes each uploaded file it loaded (each upload has its own folder under
 * uploads/). A file that still needs a mapping, or failed, stays for the next step, and goes after a day.
 */
export function forgetUploads(engine: Engine, job: unknown, input: unknown): void {
  const root = resolve(uploadDir(engine));
  const id = (job as JobSnapshot | null)?.id;
  if (!id) return;
  const sweep = (end: JobSnapshot | null) => {
    const loaded = new Set(((end?.result as ImportSummary | undefined)?.files ?? []).filter((f) => !f.error).map((f) => resolve(f.file)));
    for (const p of (input as { paths?: string[] }).paths ?? []) {
      const d = dirname(resolve(p));
      if (loaded.has(resolve(p)) && isInside(root, d) && d !== root) rmSync(d, { recursive: true, force: true });
    }
    if (!existsSync(root)) return;
    for (const e of readdirSync(root, { withFileTypes: true })) {
      const d = join(root, e.name);
      if (e.isDirectory() && Date.now() - statSync(d).mtimeMs > ABANDONED_MS) rmSync(d, { recursive: true, force: true });
    }
  };
  engine.jobs.wait(id, 7 * 24 * 3600 * 1000).then(sweep, () => sweep(null));
}
