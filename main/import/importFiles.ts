// The import job: expands paths into files, loads each file in its own transaction (a failure or a crash leaves that
// file absent) through the model's table pipeline, records the import log, ends the session with the after-write
// hooks (identity when customers changed, caches) and sums it all up.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Db, Tx } from '../store/db';
import { AppError, toErrorData } from '../store/errors';
import type { ImportFileSummary, ImportSummary, ImportTableCounts } from '../../shared/api/import';
import { CANONICAL_TABLES } from '../../shared/types';
import { tableForHeader, tableForName } from './canonicalSchema';
import { sniffCsv } from './dialect';
import { prepareCsvTable, prepareParquetTable, type LoadContext, type PreparedTable, type StageRunner } from './canonicalFile';
import { detectShop, loadShopFile } from './shops/shopFile';
import { LINE_COLUMN, xlsxSheetsToCsv } from './xlsxSheets';
import { AFTER_WRITE_HOOKS } from '../identity/afterWrite';
import type { IdentityResult } from '../identity/matchCustomers';
import { loadSettings } from '../engine/settings';
import { runAfterWrite } from '../model/afterWrite';
import { holdRollupRefresh } from '../model/rollups';
import type { Locale } from '../model/rules';
import { beginWrite } from '../model/stage';
import { loadFlatCsv } from './sheet/flatFile';
import { resolvePlan, type ResolvedPlan, type SheetChoice } from './sheet/plan';
import { loadFlatParquet, parquetHead } from './sheet/parquetSheet';
import { createFormatter } from '../../shared/format';
import { isZip, unpackDatasetZip } from './datasetZip';

const FORMATS: Record<string, ImportFileSummary['format']> = { '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.parquet': 'parquet', '.xlsx': 'xlsx' };

export interface ImportProgress {
  (p: { done: number; total: number; phase: string; message?: string }): void;
}

export interface ImportOptions {
  progress?: ImportProgress;
  checkCancelled?: () => void;
  /** Aborting interrupts the file being loaded (its transaction rolls back, so the file stays absent). */
  signal?: AbortSignal;
  /** Skip re-running customer matching (callers that run it themselves). */
  skipIdentity?: boolean;
  /** How files that are neither canonical tables nor shop exports are mapped. */
  sheets?: SheetChoice;
  /** Language of reject reasons (default: the business's setting). */
  locale?: Locale;
}

/** Files to import from a list of files and folders (folders: their supported files, canonical tables first). */
export function expandPaths(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new AppError('NOT_FOUND', `no such file or folder: ${p}`);
    }
    if (st.isDirectory()) {
      // Painel's own Parquet dataset export: one subfolder per table (month=YYYY-MM/ partitions inside).
      const datasets = readdirSync(abs, { withFileTypes: true })
        .filter((d) => d.isDirectory() && tableForName(d.name) && readdirSync(join(abs, d.name), { recursive: true }).some((f) => String(f).endsWith('.parquet')))
        .map((d) => join(abs, d.name))
        .sort((a, b) => CANONICAL_TABLES.indexOf(tableForName(basename(a)) as never) - CANONICAL_TABLES.indexOf(tableForName(basename(b)) as never));
      const inDir = readdirSync(abs)
        .filter((f) => !f.startsWith('.') && !f.startsWith('~$') && FORMATS[extname(f).toLowerCase()])
        .map((f) => join(abs, f))
        .filter((f) => statSync(f).isFile());
      const rank = (f: string) => {
        const t = tableForName(basename(f, extname(f)));
        return t ? CANONICAL_TABLES.indexOf(t) : CANONICAL_TABLES.length;
      };
      inDir.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      if (!inDir.length && !datasets.length) throw new AppError('NOT_FOUND', `no CSV, Parquet or XLSX files in ${p}`);
      files.push(...datasets, ...inDir);
    } else {
      // A .zip is taken as Painel's Parquet dataset; it is checked when looked at or imported.
      if (!FORMATS[extname(abs).toLowerCase()] && !isZip(abs)) throw new AppError('BAD_INPUT', `${basename(abs)}: not a CSV, Parquet, XLSX or Painel .zip file`);
      files.push(abs);
    }
  }
  return [...new Set(files)];
}

/** Runs fn; meanwhile aborting `signal` interrupts the statement running in `tx` (cancel takes effect at once). */
async function interruptible<T>(signal: AbortSignal | undefined, tx: Tx, fn: () => Promise<T>): Promise<T> {
  const stop = () => tx.connection.interrupt();
  signal?.addEventListener('abort', stop);
  try {
    return await fn();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

function addCounts(into: Map<string, ImportTableCounts>, c: ImportTableCounts): void {
  const t = into.get(c.table) ?? { table: c.table, loaded: 0, replaced: 0, unchanged: 0, rejected: 0 };
  t.loaded += c.loaded;
  t.replaced += c.replaced;
  t.unchanged += c.unchanged;
  t.rejected += c.rejected;
  into.set(c.table, t);
}

/** A file's failure as a person reads it: database and internal messages are replaced by a plain sentence. */
function fileError(err: unknown): { code: string; message: string; details?: unknown } {
  const e = toErrorData(err);
  // A full disk is the person's to fix, so it is named as such rather than blamed on the file.
  if (/no space left|disk is full|ENOSPC|not enough space/i.test(e.message)) return { code: 'IO', message: 'not enough disk space to import this file: free some space on the disk that holds the database and try again' };
  if (e.code === 'DB' || e.code === 'INTERNAL') return { code: e.code, message: 'this file could not be read: it may be damaged, or not a CSV, XLSX or Parquet file' };
  return e;
}

async function logFile(tx: Tx | Db, importId: string, s: ImportFileSummary, startedAt: Date): Promise<void> {
  const file = s.sheet ? `${s.file}#${s.sheet}` : s.file;
  const rows = s.tables.length ? s.tables : [{ table: null, loaded: 0, replaced: 0, unchanged: 0, rejected: 0 }];
  for (const t of rows) {
    await tx.run(
      `INSERT INTO import_log (import_id, file, "table", format, loaded, replaced, rejected, unknown_columns, started_at, finished_at, "rows", unchanged, bytes, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::VARCHAR[], $9::TIMESTAMPTZ, now(), $10, $11, $12, $13)`,
      [importId, file, t.table, s.format, t.loaded, t.replaced, t.rejected, JSON.stringify(s.unknownColumns), startedAt.toISOString(), s.rows, t.unchanged, s.bytes, s.error?.message ?? null],
    );
  }
}

/** Imports one file (or one workbook) in one transaction and returns its summaries (one per sheet for workbooks). */
async function importOne(
  db: Db,
  importId: string,
  path: string,
  ctxBase: Omit<LoadContext, 'file'>,
  signal?: AbortSignal,
  sheets?: SheetChoice,
  /** A table of a dataset .zip: named as the zip and its table (like a workbook's sheet), not by its unpacked path. */
  shown?: { file: string; sheet: string },
): Promise<ImportFileSummary[]> {
  const dataset = statSync(path).isDirectory();
  const format = dataset ? 'parquet' : FORMATS[extname(path).toLowerCase()];
  const bytes = statSync(path).size;
  const startedAt = new Date();
  const t0 = performance.now();
  const name = dataset ? basename(path) : basename(path, extname(path));
  const base = (): ImportFileSummary => ({ file: shown?.file ?? path, ...(shown ? { sheet: shown.sheet } : {}), format, mapping: null, bytes, rows: 0, tables: [], unknownColumns: [], ms: 0 });
  if (format === 'xlsx') return importWorkbook(db, importId, path, ctxBase, signal, sheets);
  const s = base();
  const ctx = { ...ctxBase, file: shown ? `${shown.file}#${shown.sheet}` : path };
  // Run in transactions of their own (committed temp tables are scanned in parallel, rows of the open transaction
  // are not); nothing of the file is visible until the write transaction below commits.
  const stageRun: StageRunner = (fn) => db.transaction((tx) => interruptible(signal, tx, () => fn(tx)));
  let prepared: PreparedTable | null = null;
  try {
    const table = tableForName(name);
    let shop: ReturnType<typeof detectShop> = null;
    let sniff: ReturnType<typeof sniffCsv> | null = null;
    let flat: ResolvedPlan | null = null;
    if (format === 'parquet' && (table || dataset)) {
      if (!table) throw new AppError('BAD_INPUT', `${basename(path)}: name the folder after a canonical table (${CANONICAL_TABLES.join(', ')})`);
      prepared = await prepareParquetTable(stageRun, dataset ? join(path, '**', '*.parquet') : path, table, ctx);
    } else if (format === 'parquet') {
      // Any other Parquet file is a sheet: its schema is the header, mapped like a CSV's.
      const head = await parquetHead(db, path);
      flat = await resolvePlan(db, path, head.header, head.rows, sheets, ctx.locale);
    } else {
      sniff = sniffCsv(path);
      // A file named otherwise whose columns are exactly one table's is that table (Painel's own export, renamed).
      const csvTable = table ?? tableForHeader(sniff.header);
      shop = csvTable ? null : detectShop(sniff.header);
      if (csvTable) prepared = await prepareCsvTable(stageRun, path, sniff, csvTable, ctx);
      else if (!shop) flat = await resolvePlan(db, path, sniff.header, sniff.sample, sheets, ctx.locale);
    }
    await db.transaction((tx) =>
      interruptible(signal, tx, async () => {
        await tx.run(`DELETE FROM import_rejects WHERE file = $1`, [ctx.file]);
        await beginWrite(tx);
        ctx.onWriting();
        if (prepared) {
          const r = await prepared.apply(tx);
          Object.assign(s, { mapping: 'canonical', rows: r.rows, tables: [r.counts], unknownColumns: r.unknownColumns, dialect: r.dialect });
        } else if (shop && sniff) {
          const r = await loadShopFile(tx, path, sniff, shop, ctx);
          Object.assign(s, { mapping: shop, rows: r.rows, tables: r.tables, unknownColumns: r.unknownColumns, dialect: r.dialect });
        } else if (flat) {
          const r = sniff ? await loadFlatCsv(tx, path, sniff, flat, ctx) : await loadFlatParquet(tx, path, flat, ctx);
          Object.assign(s, { mapping: 'sheet', template: flat.template, rows: r.rows, tables: r.tables, unknownColumns: r.unknownColumns, ...(r.dialect ? { dialect: r.dialect } : {}) });
        }
        s.ms = Math.round(performance.now() - t0);
        await logFile(tx, importId, s, startedAt);
      }),
    );
  } catch (err) {
    const e = fileError(err);
    s.error = { code: e.code, message: e.message };
    if (e.details && (e.details as { needsMapping?: boolean }).needsMapping) s.needsMapping = true;
    s.tables = [];
    s.ms = Math.round(performance.now() - t0);
    await logFile(db, importId, s, startedAt).catch(() => undefined);
  } finally {
    await prepared?.dispose().catch(() => undefined);
  }
  return [s];
}

/** A workbook: every sheet named after a canonical table, all in one transaction; a sheet missing a required column is skipped with its error. */
async function importWorkbook(db: Db, importId: string, path: string, ctxBase: Omit<LoadContext, 'file'>, signal?: AbortSignal, sheets?: SheetChoice): Promise<ImportFileSummary[]> {
  const bytes = statSync(path).size;
  const startedAt = new Date();
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'painel-xlsx-'));
  const out: ImportFileSummary[] = [];
  try {
    await db.transaction((tx) =>
      interruptible(signal, tx, async () => {
        await tx.run(`DELETE FROM import_rejects WHERE file LIKE $1 || '#%'`, [path]);
        await beginWrite(tx);
        for await (const sheet of xlsxSheetsToCsv(path, dir)) {
          const s: ImportFileSummary = { file: path, sheet: sheet.sheet, format: 'xlsx', mapping: null, bytes, rows: 0, tables: [], unknownColumns: [], ms: 0 };
          out.push(s);
          try {
            const sniff = sniffCsv(sheet.csvPath, { delimiter: ',', encoding: 'utf-8' });
            // A sheet named otherwise whose columns are exactly one table's is that table (Painel's own export).
            const table = tableForName(sheet.sheet) ?? tableForHeader(sniff.header.filter((h) => h !== LINE_COLUMN));
            if (!table) {
              // A sheet of any other shape is a flat sheet: mapped by the plan given for it (or the workbook), a template or the suggestion.
              const key = `${path}#${sheet.sheet}`;
              const choice = sheets?.plans?.[key] ? { ...sheets, plans: { [path]: sheets.plans[key] } } : sheets;
              const plan = await resolvePlan(tx, path, sniff.header, sniff.sample, choice, ctxBase.locale);
              const r = await loadFlatCsv(tx, sheet.csvPath, sniff, plan, { ...ctxBase, file: key }, LINE_COLUMN);
              Object.assign(s, { mapping: 'sheet', template: plan.template, rows: r.rows, tables: r.tables, unknownColumns: r.unknownColumns });
              s.ms = Math.round(performance.now() - t0);
              await logFile(tx, importId, s, startedAt);
              continue;
            }
            const prepared = await prepareCsvTable((fn) => fn(tx), sheet.csvPath, sniff, table, { ...ctxBase, file: `${path}#${sheet.sheet}` }, LINE_COLUMN);
            try {
              const r = await prepared.apply(tx);
              Object.assign(s, { mapping: 'canonical', rows: r.rows, tables: [r.counts], unknownColumns: r.unknownColumns });
            } finally {
              await prepared.dispose();
            }
          } catch (err) {
            // Only header problems are raised before any SQL runs for the sheet; anything else aborts the workbook.
            if (!(err instanceof AppError) || err.code !== 'BAD_INPUT') throw err;
            // A workbook Painel wrote as a report export is refused as a whole, with the report's name.
            if ((err.details as { report?: unknown } | undefined)?.report) throw err;
            s.error = { code: err.code, message: `sheet ${sheet.sheet}: ${err.message}` };
            if ((err.details as { needsMapping?: boolean } | undefined)?.needsMapping) s.needsMapping = true;
          }
          s.ms = Math.round(performance.now() - t0);
          await logFile(tx, importId, s, startedAt);
        }
      }),
    );
  } catch (err) {
    const e = fileError(err);
    const failed: ImportFileSummary = { file: path, format: 'xlsx', mapping: null, bytes, rows: 0, tables: [], unknownColumns: [], ms: Math.round(performance.now() - t0), error: { code: e.code, message: e.message } };
    await logFile(db, importId, failed, startedAt).catch(() => undefined);
    return [failed];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Imports files and folders; each file is one transaction. */
export async function importFiles(db: Db, paths: string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const t0 = performance.now();
  const importId = randomUUID();
  const locale = opts.locale ?? (await loadSettings(db)).locale;
  // Dataset .zip files are unpacked first and read as the dataset folder; each table is named as the zip's.
  const unpacked = new Map<string, { zip: string; cleanup: () => void }>();
  const summaries: ImportFileSummary[] = [];
  const open: string[] = [];
  try {
    for (const p of paths) {
      if (!isZip(p)) {
        open.push(p);
        continue;
      }
      try {
        const u = await unpackDatasetZip(resolve(p), locale);
        unpacked.set(u.dir, { zip: resolve(p), cleanup: u.cleanup });
        open.push(u.dir);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const failed: ImportFileSummary = { file: resolve(p), format: 'parquet', mapping: null, bytes: statSync(p).size, rows: 0, tables: [], unknownColumns: [], ms: 0, error: { code: err.code, message: err.message } };
        summaries.push(failed);
        await logFile(db, importId, failed, new Date()).catch(() => undefined);
      }
    }
    return await importOpen(db, open, opts, importId, locale, summaries, t0, (file) => {
      const u = unpacked.get(dirname(file));
      return u ? { file: u.zip, sheet: basename(file) } : undefined;
    });
  } finally {
    for (const u of unpacked.values()) u.cleanup();
  }
}

async function importOpen(
  db: Db,
  paths: string[],
  opts: ImportOptions,
  importId: string,
  locale: Locale,
  summaries: ImportFileSummary[],
  t0: number,
  shownAs: (file: string) => { file: string; sheet: string } | undefined,
): Promise<ImportSummary> {
  const files = paths.length ? expandPaths(paths) : [];
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  let doneBytes = 0;
  // The after-write hooks run once for the whole import (also when it stops early): identity when customers changed,
  // then one data.changed, so views reload once and the engine's checkpoint after changes does not run between files.
  let after: Record<string, unknown> = {};
  let finished = false;
  // Each file commits on its own; the daily rollups are recomputed once, with the last file (see holdRollupRefresh).
  const rollups = holdRollupRefresh(db);
  try {
    for (let i = 0; i < files.length; i++) {
      opts.checkCancelled?.();
      if (i === files.length - 1) rollups.release();
      const file = files[i];
      const before = doneBytes;
      opts.progress?.({ done: before, total, phase: basename(file), message: `file ${i + 1}/${files.length}` });
      // Reported from inside the file's transaction (DuckDB's progress of the running statement).
      const onPct = (pct: number) =>
        opts.progress?.({ done: before + Math.round((sizes[i] * pct) / 100), total, phase: basename(file), message: `loading file ${i + 1}/${files.length}` });
      // Sent from inside the transaction that writes the file's rows.
      const onWriting = () => opts.progress?.({ done: before + sizes[i], total, phase: basename(file), message: `writing file ${i + 1}/${files.length}` });
      summaries.push(...(await importOne(db, importId, file, { importId, onPct, onWriting, locale }, opts.signal, opts.sheets, shownAs(file))));
      doneBytes += sizes[i];
      const rows = summaries.reduce((a, x) => a + x.rows, 0);
      opts.progress?.({ done: doneBytes, total, phase: basename(file), message: `${createFormatter({ locale: 'en' }).integer(rows)} rows` });
    }
    finished = true;
  } finally {
    await rollups.settle();
    const changed = [...new Set(summaries.flatMap((x) => x.tables.filter((c) => c.loaded + c.replaced > 0).map((c) => c.table)))];
    // A cancelled import stops at once: only the caches learn what the committed files changed.
    const skip = opts.skipIdentity || !finished ? ['identity'] : [];
    if (changed.includes('customers') && !skip.length) opts.progress?.({ done: total, total, phase: 'identity' });
    after = await runAfterWrite(db, changed, AFTER_WRITE_HOOKS, { skip });
  }
  const byTable = new Map<string, ImportTableCounts>();
  for (const s of summaries) for (const t of s.tables) addCounts(byTable, t);
  const identity = (after.identity as IdentityResult | undefined) ?? null;
  const tables = CANONICAL_TABLES.filter((t) => byTable.has(t)).map((t) => byTable.get(t) as ImportTableCounts);
  return {
    importId,
    files: summaries,
    tables,
    rejected: tables.reduce((a, t) => a + t.rejected, 0),
    failedFiles: summaries.filter((s) => s.error).length,
    identity,
    ms: Math.round(performance.now() - t0),
  };
}
