// Reading a CSV file through DuckDB: read_csv with the sniffed dialect (all text, explicit column names), records
// DuckDB refuses (wrong column count, bad quoting or encoding) collected with their lines, and line resolution.
import type { Tx } from '../store/db';
import type { CsvDialect } from '../../shared/api/import';
import { lit } from '../model/convert';
import type { LineResolver } from '../model/merge';
import { physicalLines } from './lineMap';

export interface CsvRead {
  /** The FROM item: read_csv(...) with columns c0..cN (all VARCHAR) in header order. */
  from: string;
  rejectsTable: string;
  rejectsScan: string;
}

export interface RefusedRecord {
  logicalLine: number;
  type: string;
  message: string;
  text: string;
}

let seq = 0;

export function csvRead(path: string, columns: number, dialect: Omit<CsvDialect, 'decimal'>): CsvRead {
  const n = ++seq;
  const rejectsTable = `__painel_csvrej_${process.pid}_${n}`;
  const rejectsScan = `__painel_csvscan_${process.pid}_${n}`;
  const cols = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const from = `read_csv(${lit(path)}, header = true, auto_detect = false, columns = {${cols}}, delim = ${lit(dialect.delimiter)},
    quote = '"', escape = '"', encoding = ${lit(dialect.encoding)}, store_rejects = true,
    rejects_table = ${lit(rejectsTable)}, rejects_scan = ${lit(rejectsScan)})`;
  return { from, rejectsTable, rejectsScan };
}

/** Records DuckDB refused while reading, in file order. */
export async function refusedRecords(tx: Tx, read: CsvRead): Promise<RefusedRecord[]> {
  const rows = await tx.all<{ line: bigint | number; error_type: string; error_message: string; csv_line: string | null }>(
    `SELECT line, error_type::VARCHAR AS error_type, error_message, csv_line FROM ${read.rejectsTable} ORDER BY line`,
  );
  const seen = new Set<number>();
  const out: RefusedRecord[] = [];
  for (const r of rows) {
    const line = Number(r.line);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push({ logicalLine: line, type: r.error_type, message: r.error_message.split('\n')[0], text: (r.csv_line ?? '').replace(/^\n+/, '') });
  }
  return out;
}

export async function dropRejectTables(tx: Tx, read: CsvRead): Promise<void> {
  await tx.run(`DROP TABLE IF EXISTS ${read.rejectsTable}`);
  await tx.run(`DROP TABLE IF EXISTS ${read.rejectsScan}`);
}

/**
 * Ends the read of a file whose rows become sales (shop exports, flat sheets): lines the CSV reader refused are
 * rejects of its sales, the raw and reject tables are dropped. Returns the number of rows the file held.
 */
export async function finishSalesRead(
  tx: Tx,
  o: { raw: string; read: CsvRead; refused: RefusedRecord[]; refusedLines: () => Promise<Map<number, number>>; importId: string; file: string; locale: 'pt-BR' | 'en'; tables: { table: string; rejected: number }[] },
): Promise<number> {
  if (o.refused.length) {
    await insertRefused(tx, o.refused, await o.refusedLines(), o.importId, o.file, 'sales', o.locale);
    const sales = o.tables.find((t) => t.table === 'sales');
    if (sales) sales.rejected += o.refused.length;
  }
  const rows = Number((await tx.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${o.raw}`))[0].n) + o.refused.length;
  await tx.run(`DROP TABLE ${o.raw}`);
  await dropRejectTables(tx, o.read);
  return rows;
}

export function isEncodingError(r: RefusedRecord): boolean {
  return /UNICODE|ENCODING/i.test(r.type) || /unicode|encod/i.test(r.message);
}

/** Resolves lines of rejected rows and refused records with one pass over the file, shared by every table of it. */
export function csvLines(path: string, refused: RefusedRecord[]): { resolve: LineResolver; refusedLines: () => Promise<Map<number, number>> } {
  const logical = refused.map((r) => r.logicalLine);
  let refusedCache: Map<number, number> | null = null;
  return {
    resolve: async (ordinals) => {
      const a = await physicalLines(path, { validOrdinals: ordinals, refusedLogicalLines: logical });
      refusedCache = a.refused;
      return a.valid;
    },
    refusedLines: async () => (refusedCache ??= (await physicalLines(path, { validOrdinals: [], refusedLogicalLines: logical })).refused),
  };
}

const REFUSED: Record<string, [string, string]> = {
  'MISSING COLUMNS': ['a linha tem menos colunas que o cabeçalho', 'the row has fewer columns than the header'],
  'TOO MANY COLUMNS': ['a linha tem mais colunas que o cabeçalho', 'the row has more columns than the header'],
  'UNQUOTED VALUE': ['uma aspa não foi fechada ou vem seguida de texto (confira as aspas desta linha)', 'a quote is not closed or is followed by text (check the quotes on this line)'],
  'INVALID UNICODE': ['a linha tem caracteres inválidos para a codificação do arquivo', "the line has characters that are not valid text in this file's encoding"],
  'INVALID ENCODING': ['a linha tem caracteres inválidos para a codificação do arquivo', "the line has characters that are not valid text in this file's encoding"],
  'LINE SIZE OVER MAXIMUM': ['a linha é longa demais (provavelmente uma aspa não fechada)', 'the line is too long (a quote is probably not closed)'],
};

/** A plain reason (pt-BR or en) for a record DuckDB could not read, never its parser message. */
export function refusedReason(r: RefusedRecord, locale: 'pt-BR' | 'en' = 'en'): string {
  const i = locale === 'pt-BR' ? 0 : 1;
  const found = /Found: (\d+)/.exec(r.message)?.[1];
  const expected = /Expected Number of Columns: (\d+)/.exec(r.message)?.[1];
  const counts = found && expected ? (i === 0 ? ` (${found} em vez de ${expected})` : ` (${found} instead of ${expected})`) : '';
  const words = REFUSED[r.type.toUpperCase()] ?? ['a linha não pôde ser lida como CSV', 'the line could not be read as CSV'];
  return r.type.toUpperCase().endsWith('COLUMNS') ? words[i] + counts : words[i];
}

/** Inserts refused records into import_rejects for `table`. */
export async function insertRefused(tx: Tx, refused: RefusedRecord[], lines: Map<number, number>, importId: string, file: string, table: string, locale: 'pt-BR' | 'en' = 'en'): Promise<void> {
  for (const r of refused) {
    await tx.run(`INSERT INTO import_rejects (import_id, file, "table", line, "column", value, reason) VALUES ($1, $2, $3, $4, NULL, $5, $6)`, [
      importId,
      file,
      table,
      lines.get(r.logicalLine) ?? r.logicalLine,
      r.text.slice(0, 1000),
      refusedReason(r, locale),
    ]);
  }
}
