// Writes the canonical tables as an import folder (one CSV or Parquet file per table, named after it): the
// inverse of `painel import`, used for backups in the import format, round-trip checks and benchmarks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db';
import { CANONICAL_TABLES, type CanonicalTable } from '../../shared/types';
import { TABLE_SPECS } from './canonicalSchema';
import { lit, q } from '../model/convert';

export interface ExportedFile {
  table: CanonicalTable;
  path: string;
}

/** Exports every canonical table (timestamps with their UTC offset, `.` decimals, UTF-8) into `dir`. */
export async function exportCanonical(db: Db, dir: string, format: 'csv' | 'parquet' = 'csv', tables: readonly CanonicalTable[] = CANONICAL_TABLES): Promise<ExportedFile[]> {
  mkdirSync(dir, { recursive: true });
  const out: ExportedFile[] = [];
  for (const table of tables) {
    const path = join(dir, `${table}.${format}`);
    const cols = TABLE_SPECS[table].columns.map((c) => q(c.name)).join(', ');
    const options = format === 'csv' ? `FORMAT csv, HEADER true, DELIMITER ','` : `FORMAT parquet`;
    // Rows in key order so two exports of the same data are byte-identical.
    const order = TABLE_SPECS[table].key.map(q).join(', ');
    await db.run(`COPY (SELECT ${cols} FROM ${q(table)} ORDER BY ${order}) TO ${lit(path)} (${options})`);
    out.push({ table, path });
  }
  return out;
}
