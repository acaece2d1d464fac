// Imports one canonical table from one source (a CSV file, a Parquet file, or an XLSX sheet written out as CSV):
// staged and checked first, then written inside the file's transaction.
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Tx } from '../store/db';
import { AppError } from '../store/errors';
import type { CsvDialect, ImportTableCounts } from '../../shared/api/import';
import { normalizeHeader, TABLE_SPECS, type TableSpec } from './canonicalSchema';
import { lit, q, type DecimalMark } from '../model/convert';
import type { Locale } from '../model/rules';
import { firstRowid, stageRows, type Staged } from '../model/stage';
import { validateStaged, writeStaged } from '../model/pipeline';
import type { LineResolver } from '../model/merge';
import { readableCsv } from './transcode';
import { detectDecimalMark, type SniffedCsv } from './dialect';
import { csvLines, csvRead, dropRejectTables, insertRefused, isEncodingError, refusedRecords, type RefusedRecord } from './csvSource';
import type { CanonicalTable } from '../../shared/types';

export interface HeaderMap {
  /** Canonical column -> index in the header. */
  index: Map<string, number>;
  unknown: string[];
  missing: string[];
  /** Table columns named twice in the header: which one is meant cannot be guessed. */
  duplicate: string[];
}

/** Matches a file's header to a table's columns (case, accents and spacing ignored). */
export function mapHeader(header: string[], spec: TableSpec, ignore: string[] = []): HeaderMap {
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const known = new Set(spec.columns.map((c) => c.name));
  header.forEach((h, i) => {
    if (ignore.includes(h)) return;
    const n = normalizeHeader(h);
    if (known.has(n) && !index.has(n)) index.set(n, i);
    else if (known.has(n)) duplicate.push(n);
    else if (h.trim() !== '') unknown.push(h);
  });
  const missing = spec.columns.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
  return { index, unknown, missing, duplicate: [...new Set(duplicate)] };
}

export function requireColumns(file: string, table: string, m: HeaderMap): void {
  if (m.duplicate.length) {
    throw new AppError('BAD_INPUT', `${basename(file)}: the column${m.duplicate.length > 1 ? 's' : ''} ${m.duplicate.join(', ')} appear${m.duplicate.length > 1 ? '' : 's'} twice in the header`, {
      duplicateColumns: m.duplicate,
    });
  }
  if (m.missing.length) {
    throw new AppError('BAD_INPUT', `${basename(file)}: missing required column${m.missing.length > 1 ? 's' : ''} ${m.missing.join(', ')} for table ${table}`, {
      missingColumns: m.missing,
    });
  }
}

const NUMERIC = new Set(['money', 'rate', 'qty', 'int']);

/**
 * Undoes the spreadsheet-formula protection Painel's CSV writer puts on text ("'+55 11…", "'=…"): an apostrophe
 * before = + - @ tab or CR is dropped, so a table exported as CSV imports back to the very same text.
 */
export function unprotectSql(v: string): string {
  return `CASE WHEN starts_with(${v}, '''') AND ascii(substr(${v}, 2, 1)) IN (61, 43, 45, 64, 9, 13) THEN substr(${v}, 2) ELSE ${v} END`;
}

/** Polls DuckDB's progress of the running statement while `fn` runs. */
export async function withQueryProgress<T>(conn: DuckDBConnection, onPct: (pct: number) => void, fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    try {
      const p = conn.progress.percentage;
      if (p >= 0) onPct(Math.min(100, p));
    } catch {
      // progress is advisory
    }
  }, 250);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

export interface TableLoadResult {
  counts: ImportTableCounts;
  rows: number;
  unknownColumns: string[];
  dialect?: CsvDialect;
}

export interface LoadContext {
  importId: string;
  /** File name recorded with rejects. */
  file: string;
  onPct: (pct: number) => void;
  /** Called once the file's write transaction has begun. */
  onWriting: () => void;
  /** Language of reject reasons. */
  locale: Locale;
}

/** Runs staging work in a transaction: its own (committed, so later scans of the staged rows run in parallel) or the caller's. */
export type StageRunner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** A file staged into a temp table and checked for duplicate ids; `apply` writes it inside the file's transaction. */
export interface PreparedTable {
  apply(tx: Tx): Promise<TableLoadResult>;
  /** Drops the staged rows and any temporary copy of the file. */
  dispose(): Promise<void>;
}

/** Stages a canonical table from a CSV file (`lineColumn` names a header column that already holds the line, as in sheets). */
export async function prepareCsvTable(
  run: StageRunner,
  path: string,
  sniff: SniffedCsv,
  table: CanonicalTable,
  ctx: LoadContext,
  lineColumn?: string,
): Promise<PreparedTable> {
  const spec = TABLE_SPECS[table];
  const m = mapHeader(sniff.header, spec, lineColumn ? [lineColumn] : []);
  requireColumns(path, table, m);
  const numericValues: string[] = [];
  for (const c of spec.columns) {
    const i = m.index.get(c.name);
    if (i !== undefined && NUMERIC.has(c.kind)) for (const row of sniff.sample) numericValues.push(row[i] ?? '');
  }
  const dec: DecimalMark = detectDecimalMark(numericValues, sniff.delimiter);
  // Columns whose sampled values carry no padding are not trimmed (closed value sets and yes/no always are).
  const noTrim = new Set<string>();
  for (const c of spec.columns) {
    const i = m.index.get(c.name);
    if (i === undefined || c.values || c.kind === 'bool') continue;
    if (sniff.sample.every((row) => row[i] === undefined || row[i] === row[i].trim())) noTrim.add(c.name);
  }
  const lineIdx = lineColumn ? sniff.header.indexOf(lineColumn) : -1;
  const raw = new Map<string, string>();
  for (const c of spec.columns) {
    const i = m.index.get(c.name);
    if (i !== undefined) raw.set(c.name, c.kind === 'id' || c.kind === 'text' ? unprotectSql(`c${i}`) : `c${i}`);
  }
  // Without a line column the staged table keeps the file's order and its rowid gives the ordinal (a window
  // function here would serialise the parallel CSV scan).
  const ordinal = lineIdx >= 0 ? `TRY_CAST(c${lineIdx} AS BIGINT)` : null;
  let encoding = sniff.encoding;
  for (;;) {
    const src = await readableCsv(path, encoding);
    const read = csvRead(src.path, sniff.header.length, { delimiter: sniff.delimiter, encoding: 'utf-8' });
    const dropAll = async (stgName?: string) => {
      await run(async (tx) => {
        if (stgName) await tx.run(`DROP TABLE IF EXISTS ${stgName}`);
        await dropRejectTables(tx, read);
      });
      src.cleanup();
    };
    let staged: { stg: Staged; refused: RefusedRecord[] };
    try {
      staged = await run(async (tx) => {
        const stg = await withQueryProgress(tx.connection, ctx.onPct, () => stageRows(tx, { spec, raw, dec, from: read.from, ordinal, noTrim, locale: ctx.locale }));
        return { stg, refused: await refusedRecords(tx, read) };
      });
    } catch (err) {
      await dropAll().catch(() => undefined);
      throw err;
    }
    const { stg, refused } = staged;
    if (encoding === 'utf-8' && refused.some(isEncodingError)) {
      // The head looked like UTF-8 but a later byte is not: the file is Latin-1 (Windows-1252) after all.
      await dropAll(stg.name);
      encoding = 'latin-1';
      continue;
    }
    try {
      // Rowids are renumbered when the staging transaction commits: read the first one again.
      if (stg.rowidBase !== null) stg.rowidBase = await run((tx) => firstRowid(tx, stg.name));
      await run((tx) => validateStaged(tx, stg, { repeats: 'reject' }));
    } catch (err) {
      await dropAll(stg.name).catch(() => undefined);
      throw err;
    }
    const lines = csvLines(src.path, refused);
    const resolve: LineResolver = lineIdx >= 0 ? async (ords) => new Map(ords.map((o) => [o, o])) : lines.resolve;
    const dialect = { delimiter: sniff.delimiter, decimal: dec, encoding };
    return {
      async apply(tx) {
        const rows = Number((await tx.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${stg.name}`))[0].n) + refused.length;
        const counts = await writeStaged(tx, stg, { sink: { kind: 'file', importId: ctx.importId, file: ctx.file, lines: resolve } });
        if (refused.length) {
          await insertRefused(tx, refused, await lines.refusedLines(), ctx.importId, ctx.file, table, ctx.locale);
          counts.rejected += refused.length;
        }
        return { counts, rows, unknownColumns: m.unknown, dialect };
      },
      dispose: () => dropAll(stg.name),
    };
  }
}

/** Stages a canonical table from a Parquet file; the line of a row is its 1-based row number. */
export async function prepareParquetTable(run: StageRunner, path: string, table: CanonicalTable, ctx: LoadContext): Promise<PreparedTable> {
  const spec = TABLE_SPECS[table];
  const desc = await run((tx) => tx.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`));
  const header = desc.map((d) => d.column_name);
  const m = mapHeader(header, spec);
  requireColumns(path, table, m);
  const raw = new Map<string, string>();
  for (const c of spec.columns) {
    const i = m.index.get(c.name);
    if (i !== undefined) raw.set(c.name, `CAST(${q(header[i])} AS VARCHAR)`);
  }
  const from = `read_parquet(${lit(path)}, file_row_number = true)`;
  const stg = await run((tx) => withQueryProgress(tx.connection, ctx.onPct, () => stageRows(tx, { spec, raw, dec: '.', from, ordinal: 'file_row_number + 1', locale: ctx.locale })));
  const drop = () => run((tx) => tx.run(`DROP TABLE IF EXISTS ${stg.name}`));
  try {
    await run((tx) => validateStaged(tx, stg, { repeats: 'reject' }));
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
  return {
    async apply(tx) {
      const rows = Number((await tx.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${stg.name}`))[0].n);
      const counts = await writeStaged(tx, stg, { sink: { kind: 'file', importId: ctx.importId, file: ctx.file, lines: async (ords) => new Map(ords.map((o) => [o, o])) } });
      return { counts, rows, unknownColumns: m.unknown };
    },
    dispose: drop,
  };
}
