// Files dropped on the desktop window: the preload turns the dropped File objects into their paths (only files a
// person actually dropped or picked have one) and sends them on a channel of their own, which the page's generic
// call cannot reach; here they are checked before the window may import them.
import { statSync } from 'node:fs';
import { extname, isAbsolute } from 'node:path';
import type { Result } from '../shared/errors';

/** What a drop may bring: import files (a .zip is Painel's Parquet dataset, checked on import), or folders of them. */
const IMPORTABLE = new Set(['.csv', '.txt', '.tsv', '.parquet', '.xlsx', '.zip']);
export const MAX_DROPPED = 100;

/** The dropped paths if every one is an absolute path to an importable file or a folder; otherwise why not. */
export function checkDroppedPaths(paths: unknown): Result<string[]> {
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_DROPPED || !paths.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 4096)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `drop between 1 and ${MAX_DROPPED} files` } };
  }
  for (const p of paths as string[]) {
    if (!isAbsolute(p) || p.includes('\0')) return { ok: false, error: { code: 'BAD_INPUT', message: 'a dropped item has no file path (drop files from the file manager)' } };
    let st;
    try {
      st = statSync(p);
    } catch {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'a dropped file no longer exists' } };
    }
    if (!st.isDirectory() && !(st.isFile() && IMPORTABLE.has(extname(p).toLowerCase()))) {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'only CSV, XLSX and Parquet files, Painel .zip exports, or folders of them can be imported' } };
    }
  }
  return { ok: true, value: [...new Set(paths as string[])] };
}

/**
 * The drop channel's handler: a call from a frame that is not the Painel window is refused; checked paths are
 * granted to the window (as a dialog's choice would be) and returned for the Import page to inspect.
 */
export function dropHandler(isPainelFrame: (sender: unknown, frameUrl: string) => boolean, grant: (paths: string[]) => void) {
  return (sender: unknown, frameUrl: string, paths: unknown): Result<{ paths: string[] }> => {
    if (!isPainelFrame(sender, frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'drop from a frame that is not the Painel window' } };
    const r = checkDroppedPaths(paths);
    if (!r.ok) return r;
    grant(r.value);
    return { ok: true, value: { paths: r.value } };
  };
}
