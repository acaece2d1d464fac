// A Parquet file that is not one of Painel's tables, read as a flat sheet: its header is the Parquet schema, its
// cells the values as text (instants with their offset), and it is mapped and loaded like a CSV or XLSX sheet.
// The line of a row is its 1-based row number in the file.
import type { Db, Tx } from '../../store/db';
import { lit, q } from '../../model/convert';
import { LINE_COLUMN } from '../xlsxSheets';
import { withQueryProgress, type LoadContext } from '../canonicalFile';
import { flatTables } from './flatMapping';
import { loadFlatTables, nextTemp, type FlatLoadResult, type FlatPlan } from './flatFile';
import { sampleDateFormat } from './values';

interface ParquetColumn {
  name: string;
  type: string;
}

async function describe(db: Db | Tx, path: string): Promise<ParquetColumn[]> {
  const rows = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/** A column's values as the text a sheet cell would hold: instants keep their instant (UTC with Z). */
function asText(c: ParquetColumn): string {
  if (c.type.startsWith('TIMESTAMP WITH TIME ZONE')) return `strftime(timezone('UTC', ${q(c.name)}), '%Y-%m-%dT%H:%M:%SZ')`;
  return `CAST(${q(c.name)} AS VARCHAR)`;
}

/** The file's columns c0..cN as text, then its row number as the line column (header order). */
function textFrom(path: string, cols: ParquetColumn[], limit?: number): string {
  const cells = cols.map((c, i) => `${asText(c)} AS c${i}`);
  return `(SELECT ${[...cells, `CAST(file_row_number + 1 AS VARCHAR) AS c${cols.length}`].join(', ')}
    FROM read_parquet(${lit(path)}, file_row_number = true)${limit ? ` LIMIT ${limit}` : ''})`;
}

/** Header (the Parquet schema's names) and the first rows as text, for the suggestion and the preview. */
export async function parquetHead(db: Db | Tx, path: string, limit = 200): Promise<{ header: string[]; rows: string[][]; lines: number[] }> {
  const cols = await describe(db, path);
  const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${textFrom(path, cols, limit)}`);
  return {
    header: cols.map((c) => c.name),
    rows: rows.map((r) => cols.map((_, i) => r[`c${i}`] ?? '')),
    lines: rows.map((r) => Number(r[`c${cols.length}`])),
  };
}

/** Loads a non-canonical Parquet file by a plan inside the file's transaction. */
export async function loadFlatParquet(tx: Tx, path: string, plan: FlatPlan, ctx: LoadContext): Promise<FlatLoadResult> {
  const cols = await describe(tx, path);
  const header = [...cols.map((c) => c.name), LINE_COLUMN];
  const head = await parquetHead(tx, path);
  const dateCol = header.indexOf(plan.mapping['sale.date'] ?? '');
  const dateFormat = dateCol >= 0 ? sampleDateFormat(head.rows.map((r) => r[dateCol] ?? ''), plan.dateOrder) : null;
  const temp = nextTemp();
  const sql = flatTables({ mapping: plan.mapping, header, dec: plan.dec, dateOrder: plan.dateOrder, from: textFrom(path, cols), lineIdx: cols.length, dateFormat, temp });
  await withQueryProgress(tx.connection, ctx.onPct, () => tx.run(sql.parse));
  for (const stmt of sql.prepare(0n)) await tx.run(stmt);
  const tables = await loadFlatTables(tx, sql.tables(), plan, ctx, async (ords) => new Map(ords.map((o) => [o, o])));
  const rows = Number((await tx.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${temp.l}`))[0].n);
  for (const t of [...Object.values(temp), ...sql.temps]) await tx.run(`DROP TABLE IF EXISTS ${t}`);
  const used = new Set(Object.values(plan.mapping));
  return { tables, rows, unknownColumns: cols.map((c) => c.name).filter((h) => !used.has(h)) };
}
