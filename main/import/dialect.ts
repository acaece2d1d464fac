// CSV dialect detection from the head of a file: encoding (UTF-8 with or without BOM, else Latin-1), delimiter,
// header names and a sample of rows (used to tell a `.` decimal mark from a pt-BR `,`).
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { AppError } from '../store/errors';
import type { CsvDialect } from '../../shared/api/import';

export interface SniffedCsv extends Omit<CsvDialect, 'decimal'> {
  header: string[];
  /** The first rows (as text cells), for value-based detection. */
  sample: string[][];
  bom: boolean;
  bytes: number;
}

const HEAD_BYTES = 256 * 1024;
const CANDIDATES = [',', ';', '\t', '|'];

/** Splits CSV text into records (RFC 4180 quoting, "" escapes, newlines inside quotes); the last partial record is dropped when `partial`. */
export function parseCsvText(text: string, delimiter: string, maxRecords: number, partial: boolean): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuote = false;
  let i = 0;
  while (i < text.length && out.length < maxRecords) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuote = false;
      } else cell += ch;
    } else if (ch === '"') inQuote = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (!(row.length === 1 && row[0] === '')) out.push(row);
      row = [];
    } else cell += ch;
    i++;
  }
  if (!partial && out.length < maxRecords && (cell !== '' || row.length)) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

function firstLineOutsideQuotes(text: string): string {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuote = !inQuote;
    else if ((ch === '\n' || ch === '\r') && !inQuote) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let inQuote = false;
  for (const c of line) {
    if (c === '"') inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}

/** Reads the head of a CSV file and detects how to read it. */
export function sniffCsv(path: string, forced?: Partial<Pick<CsvDialect, 'delimiter' | 'encoding'>>): SniffedCsv {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new AppError('IO', `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let head: Buffer;
  let bytes: number;
  try {
    bytes = fstatSync(fd).size;
    head = Buffer.alloc(Math.min(HEAD_BYTES, bytes));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new AppError('BAD_INPUT', `${path} is UTF-16 text: save it as CSV (UTF-8 or Latin-1) and import again`);
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = bom ? head.subarray(3) : head;
  let encoding: CsvDialect['encoding'] = forced?.encoding ?? 'utf-8';
  let text: string;
  if (!forced?.encoding) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body, { stream: head.length < bytes });
    } catch {
      encoding = 'latin-1';
      text = new TextDecoder('latin1').decode(body);
    }
  } else text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'latin1').decode(body);
  if (!text.trim()) throw new AppError('BAD_INPUT', `${path} is empty`);
  const headerLine = firstLineOutsideQuotes(text.replace(/^\s*\n/, ''));
  let delimiter = forced?.delimiter ?? ',';
  if (!forced?.delimiter) {
    let best = 0;
    for (const c of CANDIDATES) {
      const n = countOutsideQuotes(headerLine, c);
      if (n > best) {
        best = n;
        delimiter = c;
      }
    }
  }
  const records = parseCsvText(text, delimiter, 501, head.length < bytes);
  const header = (records[0] ?? []).map((h) => h.trim());
  return { delimiter, encoding, header, sample: records.slice(1), bom, bytes };
}

const PT_NUMBER = /^\s*-?\s*(R\$\s*)?-?\d{1,3}(\.\d{3})*(,\d+)?\s*$|^\s*-?\s*(R\$\s*)?\d+,\d+\s*$/;
const DOT_DECIMAL = /^\s*-?\d*\.\d{1,2}\s*$|^\s*-?\d*\.\d{4,}\s*$/;

/** The decimal mark of a file from sample values of its numeric columns: `,` when any looks like 1.234,56 or 12,5. */
export function detectDecimalMark(values: string[], delimiter: string): '.' | ',' {
  let comma = false;
  let dot = false;
  for (const v of values) {
    if (!v || !v.trim()) continue;
    if (v.includes(',') && PT_NUMBER.test(v)) comma = true;
    else if (DOT_DECIMAL.test(v)) dot = true;
  }
  if (comma) return ',';
  if (dot) return '.';
  return delimiter === ';' ? ',' : '.';
}
