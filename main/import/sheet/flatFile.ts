// Loads a mapped flat sheet (CSV, or an XLSX sheet written out as CSV) inside the file's transaction: the raw rows
// are staged once, split into canonical tables by the mapping, and each table goes through the same validation,
// rejects and upsert as canonical files. Lines and payments of a rejected sale are rejected with it.
import type { Tx } from '../../store/db';
import type { CsvDialect, ImportTableCounts } from '../../../shared/api/import';
import { TABLE_SPECS } from '../canonicalSchema';
import { lit, q } from '../../model/convert';
import type { SniffedCsv } from '../dialect';
import { csvLines, csvRead, dropRejectTables, finishSalesRead, isEncodingError, refusedRecords } from '../csvSource';
import { firstRowid, stageRows, type Staged } from '../../model/stage';
import { validateStaged, writeStaged } from '../../model/pipeline';
import type { LineResolver } from '../../model/merge';
import { withQueryProgress, type LoadContext } from '../canonicalFile';
import { readableCsv } from '../transcode';
import { flatTables } from './flatMapping';
import type { Suggestion } from './suggest';
import type { SheetMapping } from './fields';

export interface FlatLoadResult {
  tables: ImportTableCounts[];
  rows: number;
  unknownColumns: string[];
  dialect: CsvDialect;
}

export interface FlatPlan {
  mapping: SheetMapping;
  dec: Suggestion['decimal'];
  dateOrder: Suggestion['dateOrder'];
}

let seq = 0;

/** Splits the numbered raw rows into canonical tables and loads each one; returns their counts. */
export async function loadFlatRows(tx: Tx, raw: string, header: string[], plan: FlatPlan, ctx: LoadContext, lines: LineResolver): Promise<ImportTableCounts[]> {
  const tables: ImportTableCounts[] = [];
  // Lines and payments of a rejected sale are set aside with it by the pipeline (the write began in importFiles).
  const n = ++seq;
  const temp = { l: `__painel_flat_l_${process.pid}_${n}`, s2: `__painel_flat_s_${process.pid}_${n}` };
  const sql = flatTables({ mapping: plan.mapping, header, dec: plan.dec, dateOrder: plan.dateOrder, raw, temp });
  for (const stmt of sql.prepare) await tx.run(stmt);
  for (const [table, select] of sql.tables) {
    const spec = TABLE_SPECS[table];
    const rawCols = new Map(spec.columns.map((c) => [c.name, q(c.name)]));
    const stg: Staged = await stageRows(tx, { spec, raw: rawCols, dec: '.', from: `(${select})`, ordinal: '__r', locale: ctx.locale });
    await validateStaged(tx, stg, { repeats: 'reject' });
    tables.push(await writeStaged(tx, stg, { sink: { kind: 'file', importId: ctx.importId, file: ctx.file, lines } }));
    await tx.run(`DROP TABLE ${stg.name}`);
  }
  await nameSourceColumns(tx, plan.mapping, ctx);
  return tables;
}

/** Canonical columns a flat sheet's rejects name, and the fields (first mapped wins) whose source column they stand for. */
const REJECT_COLUMNS: [string, string, string[]][] = [
  ['sales', 'occurred_at', ['sale.paidDate', 'sale.date']],
  ['payments', 'occurred_at', ['sale.paidDate', 'sale.date']],
  ['customers', 'created_at', ['sale.date']],
  ['sales', 'total_amount', ['sale.total', 'line.total', 'line.unitPrice']],
  ['sales', 'status', ['sale.status']],
  ['sales', 'discount_amount', ['sale.discount']],
  ['sales', 'shipping_amount', ['sale.shipping']],
  ['sale_lines', 'quantity', ['line.quantity']],
  ['sale_lines', 'unit_price', ['line.unitPrice', 'line.total']],
  ['sale_lines', 'line_total', ['line.total', 'line.unitPrice']],
  ['payments', 'amount', ['payment.amount', 'sale.total', 'line.total']],
  ['customers', 'birth_date', ['customer.birthDate']],
  ['customers', 'marketing_opt_in', ['customer.optIn']],
  ['items', 'list_price', ['line.unitPrice', 'line.total']],
];

/** Rejects of a flat sheet name the sheet's own column (Data, Valor), not Painel's internal one. */
async function nameSourceColumns(tx: Tx, mapping: SheetMapping, ctx: LoadContext): Promise<void> {
  const whens: string[] = [];
  for (const [table, column, fields] of REJECT_COLUMNS) {
    const source = fields.map((f) => mapping[f]).find(Boolean);
    if (source) whens.push(`WHEN "table" = ${lit(table)} AND "column" = ${lit(column)} THEN ${lit(source)}`);
  }
  if (!whens.length) return;
  await tx.run(`UPDATE import_rejects SET "column" = CASE ${whens.join(' ')} ELSE "column" END WHERE import_id = $1 AND file = $2 AND "column" IS NOT NULL`, [ctx.importId, ctx.file]);
}

/**
 * A flat CSV file (or a sheet's CSV whose column `lineColumn` holds the sheet row) loaded by a plan. Records DuckDB
 * cannot read (short or long rows, stray quotes, bad bytes) are rejected with their line; the rest loads.
 */
export async function loadFlatCsv(tx: Tx, path: string, sniff: SniffedCsv, plan: FlatPlan, ctx: LoadContext, lineColumn?: string): Promise<FlatLoadResult> {
  let encoding = sniff.encoding;
  const raw = `__painel_flat_${process.pid}_${++seq}`;
  const lineIdx = lineColumn ? sniff.header.indexOf(lineColumn) : -1;
  for (;;) {
    const src = await readableCsv(path, encoding);
    try {
      const read = csvRead(src.path, sniff.header.length, { delimiter: sniff.delimiter, encoding: 'utf-8' });
      await withQueryProgress(tx.connection, ctx.onPct, () => tx.run(`CREATE TEMP TABLE ${raw} AS SELECT * FROM ${read.from}`));
      const refused = await refusedRecords(tx, read);
      if (encoding === 'utf-8' && refused.some(isEncodingError)) {
        await tx.run(`DROP TABLE ${raw}`);
        await dropRejectTables(tx, read);
        encoding = 'latin-1';
        continue;
      }
      // Raw rows keep the file's order; their ordinal is the rowid counted from the first one (or the sheet row).
      const ord = lineIdx >= 0 ? `TRY_CAST(c${lineIdx} AS BIGINT)` : `rowid - ${await firstRowid(tx, raw)} + 1`;
      const numbered = `(SELECT ${ord} AS __r, * FROM ${raw})`;
      const csvL = csvLines(src.path, refused);
      const lines: LineResolver = lineIdx >= 0 ? async (ords) => new Map(ords.map((o) => [o, o])) : csvL.resolve;
      const tables = await loadFlatRows(tx, numbered, sniff.header, plan, ctx, lines);
      const rows = await finishSalesRead(tx, { raw, read, refused, refusedLines: csvL.refusedLines, importId: ctx.importId, file: ctx.file, locale: ctx.locale, tables });
      const used = new Set(Object.values(plan.mapping));
      const unknownColumns = sniff.header.filter((h) => h !== lineColumn && h.trim() !== '' && !used.has(h));
      return { tables, rows, unknownColumns, dialect: { delimiter: sniff.delimiter, decimal: plan.dec, encoding } };
    } finally {
      src.cleanup();
    }
  }
}
