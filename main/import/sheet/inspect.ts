// A first look at a file before importing it (CSV, XLSX or Parquet): is it a canonical table, a shop export or a
// sheet to map; its columns, first rows, the suggested mapping and the saved template that fits its header shape.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Db } from '../../store/db';
import { AppError } from '../../store/errors';
import type { SheetInspect } from '../../../shared/api/import';
import { tableForHeader, tableForName } from '../canonicalSchema';
import { sniffCsv } from '../dialect';
import { detectShop } from '../shops/shopFile';
import { LINE_COLUMN, xlsxSheetsToCsv } from '../xlsxSheets';
import { suggestMapping } from './suggest';
import { templateForHeader } from './templates';
import { parquetHead } from './parquetSheet';
import { reportRefusal, type SheetChoice } from './plan';
import { loadSettings } from '../../engine/settings';
import { isZip, readDatasetZip } from '../datasetZip';
import { expandPaths } from '../importFiles';

const PREVIEW_ROWS = 20;

/** Header, first rows and their lines of a CSV file or of the first sheet of a workbook that is not a canonical table. */
async function readHead(db: Db, path: string): Promise<{ sheet?: string; header: string[]; rows: string[][]; lines: number[]; canonical: boolean }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') {
    if (tableForName(basename(path, ext)) || statSync(path).isDirectory()) return { header: [], rows: [], lines: [], canonical: true };
    const head = await parquetHead(db, path, PREVIEW_ROWS);
    return { ...head, canonical: false };
  }
  if (ext !== '.xlsx') {
    const s = sniffCsv(path);
    const rows = s.sample.slice(0, PREVIEW_ROWS);
    return { header: s.header, rows, lines: rows.map((_, i) => i + 2), canonical: false };
  }
  const dir = mkdtempSync(join(tmpdir(), 'painel-inspect-'));
  try {
    for await (const sheet of xlsxSheetsToCsv(path, dir)) {
      if (tableForName(sheet.sheet)) continue;
      const s = sniffCsv(sheet.csvPath, { delimiter: ',', encoding: 'utf-8' });
      const li = s.header.indexOf(LINE_COLUMN);
      const rows = s.sample.slice(0, PREVIEW_ROWS);
      return { sheet: sheet.sheet, header: s.header.filter((_, i) => i !== li), rows: rows.map((r) => r.filter((_, i) => i !== li)), lines: rows.map((r) => Number(r[li])), canonical: false };
    }
    return { header: [], rows: [], lines: [], canonical: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `reportOf` names the report a header is Painel's own export of (such a file is not imported: see `refusal`). */
export async function inspectFile(db: Db, path: string, reportOf?: SheetChoice['reportOf']): Promise<SheetInspect> {
  try {
    statSync(path);
  } catch {
    throw new AppError('NOT_FOUND', `no such file: ${basename(path)}`);
  }
  // A dataset folder or .zip (Painel's Parquet export): its tables are known by their folders.
  if (statSync(path).isDirectory() || isZip(path)) {
    const base: SheetInspect = { file: path, name: basename(path), header: [], rows: [], lines: [], kind: 'canonical', suggestion: null, template: null };
    if (!isZip(path)) return { ...base, tables: [...new Set(expandPaths([path]).map((f) => tableForName(basename(f, extname(f)))).filter((t) => t !== null))] };
    try {
      return { ...base, tables: (await readDatasetZip(path, (await loadSettings(db)).locale)).tables };
    } catch (err) {
      if (err instanceof AppError && err.code === 'BAD_INPUT') return { ...base, refusal: err.message };
      throw err;
    }
  }
  const head = await readHead(db, path);
  const table = tableForName(basename(path, extname(path))) ?? (head.canonical ? null : tableForHeader(head.header));
  const base = { file: path, name: basename(path), sheet: head.sheet, header: head.header, rows: head.rows, lines: head.lines };
  if (table || head.canonical) return { ...base, kind: 'canonical', table: table ?? undefined, suggestion: null, template: null };
  if (detectShop(head.header)) return { ...base, kind: 'shop', suggestion: null, template: null };
  const report = reportOf?.(head.header);
  if (report) return { ...base, kind: 'sheet', suggestion: null, template: null, refusal: reportRefusal(path, report, (await loadSettings(db)).locale) };
  const template = await templateForHeader(db, head.header);
  const suggestion = suggestMapping(head.header, head.rows);
  if (template) {
    suggestion.mapping = template.mapping;
    suggestion.dateOrder = template.dateOrder;
    suggestion.decimal = template.dec;
    for (const c of suggestion.columns) {
      const f = Object.entries(template.mapping).find(([, col]) => col === c.column)?.[0] ?? null;
      Object.assign(c, { field: f, by: f ? 'template' : null });
    }
  }
  return { ...base, kind: 'sheet', suggestion, template: template?.name ?? null };
}
