// Where an export is written: a file (or folder) inside a chosen folder, never outside it (`..` and links are
// resolved first), never over an existing file without the overwrite flag, and written under a temporary name in
// the same folder then renamed, so a partial export never sits under the final name.
import { existsSync, linkSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../store/errors';
import { DATASET_MARKER } from '../../shared/api/export';

export interface TargetRequest {
  /** The chosen folder (absolute). */
  folder: string;
  /** File (or folder) name inside it; may name an existing subfolder, never leave the folder. */
  name: string;
  overwrite: boolean;
  /** Added to the name when missing (".csv"). */
  extension?: string;
}

export interface Target {
  finalPath: string;
  tempPath: string;
  /** Moves the finished temp file into place (checks again for a file that appeared meanwhile). */
  commit(): void;
  /** Removes the temp file or folder; safe to call twice and after commit. */
  abort(): void;
}

/** A marker written into folder exports so that only a previous export folder can be replaced. */
export const FOLDER_MARKER = DATASET_MARKER;

function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

function resolveInside(req: TargetRequest): { folder: string; finalPath: string } {
  if (!req.folder || !isAbsolute(req.folder)) throw new AppError('BAD_INPUT', `the target folder must be an absolute path, got "${req.folder}"`);
  const name = req.name.trim();
  if (!name || name.includes('\0') || name.length > 255) throw new AppError('BAD_INPUT', 'the file name is empty or invalid');
  let folder: string;
  try {
    folder = realpathSync(req.folder);
  } catch {
    throw new AppError('NOT_FOUND', `the folder ${req.folder} does not exist`);
  }
  if (!statSync(folder).isDirectory()) throw new AppError('BAD_INPUT', `${req.folder} is not a folder`);
  let wanted = resolve(folder, name);
  if (req.extension && extname(wanted).toLowerCase() !== req.extension) wanted += req.extension;
  if (!isInside(folder, wanted) || wanted === folder) throw new AppError('FORBIDDEN', `"${req.name}" is outside the chosen folder`, { folder: req.folder, name: req.name });
  let parent: string;
  try {
    parent = realpathSync(dirname(wanted));
  } catch {
    throw new AppError('NOT_FOUND', `the folder of "${req.name}" does not exist`);
  }
  if (!isInside(folder, parent)) throw new AppError('FORBIDDEN', `"${req.name}" leads outside the chosen folder through a link`, { folder: req.folder, name: req.name });
  const finalPath = join(parent, basename(wanted));
  let st;
  try {
    st = lstatSync(finalPath);
  } catch {
    st = null;
  }
  if (st?.isSymbolicLink()) throw new AppError('FORBIDDEN', `${finalPath} is a link; choose another name`, { path: finalPath });
  return { folder, finalPath };
}

function tempName(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.part`);
}

function conflict(finalPath: string): AppError {
  return new AppError('CONFLICT', `${finalPath} already exists; confirm to overwrite it`, { path: finalPath, exists: true });
}

/** Prepares a file target; throws CONFLICT when the file exists and overwrite is false. */
export function fileTarget(req: TargetRequest): Target {
  const { finalPath } = resolveInside(req);
  if (existsSync(finalPath)) {
    if (statSync(finalPath).isDirectory()) throw new AppError('CONFLICT', `${finalPath} is a folder`, { path: finalPath });
    if (!req.overwrite) throw conflict(finalPath);
  }
  const tempPath = tempName(finalPath);
  let done = false;
  return {
    finalPath,
    tempPath,
    commit() {
      if (req.overwrite) renameSync(tempPath, finalPath);
      else {
        // link() fails if the name was taken meanwhile, so a no-overwrite export can never replace a file.
        try {
          linkSync(tempPath, finalPath);
          unlinkSync(tempPath);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw conflict(finalPath);
          if (existsSync(finalPath)) throw conflict(finalPath);
          renameSync(tempPath, finalPath);
        }
      }
      done = true;
    },
    abort() {
      if (!done) rmSync(tempPath, { force: true });
    },
  };
}

/** Prepares a folder target (Parquet datasets); only a previous Painel export folder may be replaced. */
export function folderTarget(req: TargetRequest): Target {
  const { finalPath } = resolveInside(req);
  if (existsSync(finalPath)) {
    if (!req.overwrite) throw conflict(finalPath);
    if (!statSync(finalPath).isDirectory() || !existsSync(join(finalPath, FOLDER_MARKER)))
      throw new AppError('CONFLICT', `${finalPath} exists and is not a previous export folder; choose another name`, { path: finalPath });
  }
  const tempPath = tempName(finalPath);
  mkdirSync(tempPath);
  let done = false;
  return {
    finalPath,
    tempPath,
    commit() {
      writeFileSync(join(tempPath, FOLDER_MARKER), JSON.stringify({ writtenBy: 'Painel', at: new Date().toISOString() }));
      let old: string | null = null;
      if (existsSync(finalPath)) {
        if (!req.overwrite) throw conflict(finalPath);
        old = `${tempName(finalPath)}.old`;
        renameSync(finalPath, old);
      }
      renameSync(tempPath, finalPath);
      done = true;
      if (old) rmSync(old, { recursive: true, force: true });
    },
    abort() {
      if (!done) rmSync(tempPath, { recursive: true, force: true });
    },
  };
}

/** Splits a CLI --out path into folder + name (relative paths against the working directory). */
export function splitOutPath(out: string, cwd = process.cwd()): { folder: string; name: string } {
  const abs = resolve(cwd, out);
  return { folder: dirname(abs), name: basename(abs) };
}
