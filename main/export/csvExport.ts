// CSV export written by DuckDB itself (COPY ... TO), RFC 4180 with CRLF records, in two dialects: standard
// (`,`, `.`, UTF-8) and Excel pt-BR (`;`, `,` decimal mark, DD/MM/YYYY, UTF-8 with BOM). Formatting and formula
// neutralisation are SQL expressions, so 10M rows cost little more than DuckDB's plain COPY.
import { writeFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JobContext } from '../jobs/jobRunner';
import { runCopy } from './duckRun';
import { csvExpr, describeQuery, projectSql } from './projection';
import { sqlString } from '../sql/quote';
import { columnLabel, type CsvDialect, type ExportContext, type ExportSource, type Locale } from './types';

export const CSV_EOL = '\r\n';

export function csvDelimiter(dialect: CsvDialect): string {
  return dialect === 'excel-br' ? ';' : ',';
}

/** The dialect a locale gets unless the user picks one. */
export function defaultDialect(locale: Locale): CsvDialect {
  return locale === 'pt-BR' ? 'excel-br' : 'standard';
}

/** One RFC 4180 field: quoted when it holds the delimiter, a quote, CR or LF. */
export function csvField(v: string, delimiter: string): string {
  return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** What the header line names: people-facing labels (files for people), or column ids (the CLI, for scripts). */
export type CsvHeader = 'labels' | 'ids';

export function csvHeader(source: ExportSource, dialect: CsvDialect, locale: Locale, header: CsvHeader = 'labels'): string {
  const d = csvDelimiter(dialect);
  return source.columns.map((c) => csvField(header === 'ids' ? c.id : columnLabel(c, locale), d)).join(d);
}

/** Writes the whole result to `path`; returns the number of data rows. The one CSV writer of Painel. */
export async function writeCsv(conn: DuckDBConnection, source: ExportSource, ctx: ExportContext, dialect: CsvDialect, path: string, job: JobContext, header: CsvHeader = 'labels'): Promise<number> {
  const types = await describeQuery(conn, source.sql, source.params);
  const select = projectSql(source, (c) => csvExpr(c, types.get(c.id), dialect, ctx.locale, header === 'labels'), (_c, i) => `c${i}`);
  // DuckDB's HEADER would use SQL aliases; the prefix carries the BOM and the people-facing labels instead.
  const prefix = (dialect === 'excel-br' ? '\uFEFF' : '') + csvHeader(source, dialect, ctx.locale, header) + CSV_EOL;
  const options = [
    'FORMAT csv',
    'HEADER false',
    `DELIMITER ${sqlString(csvDelimiter(dialect))}`,
    `QUOTE '"'`,
    `ESCAPE '"'`,
    `NEW_LINE ${sqlString(CSV_EOL)}`,
    `PREFIX ${sqlString(prefix)}`,
    `SUFFIX ${sqlString(CSV_EOL)}`,
  ];
  const rows = await runCopy(conn, `COPY (${select}) TO ${sqlString(path)} (${options.join(', ')})`, source.params, job, 'csv');
  // With no rows DuckDB writes prefix + suffix; the file should be the header line alone.
  if (rows === 0) writeFileSync(path, prefix);
  return rows;
}
