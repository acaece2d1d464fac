// Parquet for analysts: any report result as one Parquet file (native types, column ids as names), and the
// canonical tables as a dataset folder, event tables hive-partitioned by business-local month (month=YYYY-MM).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CanonicalTable } from '../../shared/types';
import type { JobContext } from '../jobs/jobRunner';
import { runCopy } from './duckRun';
import { sqlIdent, sqlString } from '../sql/quote';
import type { ExportSource } from './types';

/** Writes the report's full result to one Parquet file; returns the row count. */
export async function writeReportParquet(conn: DuckDBConnection, source: ExportSource, path: string, job: JobContext): Promise<number> {
  const cols = source.columns.map((c) => sqlIdent(c.id)).join(', ');
  return runCopy(conn, `COPY (SELECT ${cols} FROM (${source.sql}) AS q) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`, source.params, job, 'parquet');
}

const MONTH = (col: string) => `strftime(timezone(getvariable('biz_tz'), ${col}), '%Y-%m')`;

/** The month each event table is partitioned by (sale lines take their sale's month); others are one file. */
const PARTITIONED: Partial<Record<CanonicalTable, string>> = {
  sales: `SELECT *, ${MONTH('occurred_at')} AS month FROM sales`,
  sale_lines: `SELECT l.*, ${MONTH('s.occurred_at')} AS month FROM sale_lines l LEFT JOIN (SELECT sale_id, min(occurred_at) AS occurred_at FROM sales GROUP BY sale_id) s ON s.sale_id = l.sale_id`,
  payments: `SELECT *, ${MONTH('occurred_at')} AS month FROM payments`,
  loyalty_transactions: `SELECT *, ${MONTH('occurred_at')} AS month FROM loyalty_transactions`,
  campaign_events: `SELECT *, ${MONTH('occurred_at')} AS month FROM campaign_events`,
  listing_snapshots: `SELECT *, ${MONTH('observed_at')} AS month FROM listing_snapshots`,
};

export interface DatasetTable {
  table: CanonicalTable;
  rows: number;
  partitioned: boolean;
}

/** Writes each table under dir/<table>/ (month=YYYY-MM/… when partitioned, else <table>.parquet). */
export async function writeDataset(conn: DuckDBConnection, dir: string, tables: readonly CanonicalTable[], job: JobContext): Promise<DatasetTable[]> {
  const out: DatasetTable[] = [];
  for (const [i, table] of tables.entries()) {
    job.checkCancelled();
    job.progress({ phase: `parquet ${table}`, done: i, total: tables.length });
    const tdir = join(dir, table);
    const partitionSql = PARTITIONED[table];
    const r = await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${sqlIdent(table)}`);
    const count = Number(r.getRowObjectsJS()[0].n);
    const subJob = { ...job, progress: () => undefined };
    if (partitionSql && count > 0) {
      const rows = await runCopy(conn, `COPY (${partitionSql}) TO ${sqlString(tdir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month), FILENAME_PATTERN 'part_{i}')`, [], subJob, 'parquet');
      out.push({ table, rows, partitioned: true });
    } else {
      mkdirSync(tdir, { recursive: true });
      const rows = await runCopy(conn, `COPY (SELECT * FROM ${sqlIdent(table)}) TO ${sqlString(join(tdir, `${table}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`, [], subJob, 'parquet');
      out.push({ table, rows, partitioned: false });
    }
  }
  job.progress({ phase: 'parquet', done: tables.length, total: tables.length });
  return out;
}
