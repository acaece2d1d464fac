// XLSX workbooks: each sheet is streamed (exceljs reader, never the whole workbook in memory) into a temporary
// UTF-8 CSV whose first column is the sheet row number, so the CSV path does all the validation and loading.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../store/errors';

export const LINE_COLUMN = '__painel_line';

export interface SheetCsv {
  sheet: string;
  csvPath: string;
  rows: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as local wall-clock ISO (Excel has no time zone), formulas by their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const hasTime = v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds();
    return hasTime ? `${d} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}` : d;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
    return '';
  }
  return String(v);
}

const csvField = (s: string) => (/[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes every sheet of a workbook as CSV into `dir`; yields each sheet once its file is complete. */
export async function* xlsxSheetsToCsv(path: string, dir: string): AsyncGenerator<SheetCsv> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  } catch (err) {
    throw new AppError('IO', `cannot read workbook ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let n = 0;
  try {
    for await (const ws of reader) {
      const sheet = (ws as unknown as { name: string }).name;
      const csvPath = join(dir, `sheet${++n}.csv`);
      const out = createWriteStream(csvPath, { encoding: 'utf8' });
      let width = 0;
      let rows = 0;
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.every((x) => x.trim() === '')) continue;
        if (width === 0) {
          width = values.length;
          if (!out.write(`${LINE_COLUMN},${values.map(csvField).join(',')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
          continue;
        }
        values.length = width;
        const line = `${row.number},${Array.from(values, (x) => csvField(x ?? '')).join(',')}\n`;
        rows++;
        if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (width > 0) yield { sheet, csvPath, rows };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_INPUT', `${path} is not a readable XLSX workbook: ${err instanceof Error ? err.message : String(err)}`);
  }
}
