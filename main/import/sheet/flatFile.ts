// Loads a mapped flat sheet (CSV, or an XLSX sheet written out as CSV) inside the file's transaction: the file is
// read and parsed once, split into canonical tables by the mapping, and each table goes through the same validation,
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
import { flatTables, UNIQUE_KEYS } from './flatMapping';
import { sampleDateFormat } from './values';
import type { CanonicalTable } from '../../../shared/types';
import type { Suggestion } from './suggest';
import type { SheetMapping } from './fields';

export interface FlatLoadResult {
  tables: ImportTableCounts[];
  rows: number;
  unknownColumns: string[];
  /** How a CSV was read (absent for Parquet). */
  dialect?: CsvDialect;
}

export interface FlatPlan {
  mapping: SheetMapping;
  dec: Suggestion['decimal'];
  dateOrder: Suggestion['dateOrder'];
}

let seq = 0;

/** Names of the temporary tables one sheet's load keeps its parsed rows, sales and payment words in. */
export function nextTemp(): { l: string; s2: string; pm: string } {
  const n = ++seq;
  return { l: `__painel_flat_l_${process.pid}_${n}`, s2: `__painel_flat_s_${process.pid}_${n}`, pm: `__painel_flat_pm_${process.pid}_${n}` };
}

/** Loads each canonical table of a parsed sheet (flatTables) in load order; returns their counts. */
export async function loadFlatTables(tx: Tx, selects: [CanonicalTable, string][], plan: FlatPlan, ctx: LoadContext, lines: LineResolver): Promise<ImportTableCounts[]> {
  const tables: ImportTableCounts[] = [];
  // Lines and payments of a rejected sale are set aside with it by the pipeline (the write began in importFiles).
  for (const [table, select] of selects) {
    const spec = TABLE_SPECS[table];
    const rawCols = new Map(spec.columns.map((c) => [c.name, q(c.name)]));
    // Every value was trimmed when its cell was read (or is made here: ids, amounts), so none is trimmed again.
    const noTrim = new Set(rawCols.keys());
    const stg: Staged = await stageRows(tx, { spec, raw: rawCols, dec: '.', from: `(${select})`, ordinal: '__r', locale: ctx.locale, noTrim });
    // Rows grouped by their key (or numbered within their sale) cannot repeat it: no pass looks for repeats there.
    if (!UNIQUE_KEYS.has(table)) await validateStaged(tx, stg, { repeats: 'reject' });
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
 * A flat CSV file (or a sheet's CSV whose column `lineColumn` holds the sheet row) loaded by a plan. The file is read
 * and parsed in one pass; records DuckDB cannot read (short or long rows, stray quotes, bad bytes) are rejected with
 * their line, the rest loads.
 */
export async function loadFlatCsv(tx: Tx, path: string, sniff: SniffedCsv, plan: FlatPlan, ctx: LoadContext, lineColumn?: string): Promise<FlatLoadResult> {
  let encoding = sniff.encoding;
  const temp = nextTemp();
  const lineIdx = lineColumn ? sniff.header.indexOf(lineColumn) : -1;
  const dateCol = sniff.header.indexOf(plan.mapping['sale.date'] ?? '');
  const dateFormat = dateCol >= 0 ? sampleDateFormat(sniff.sample.map((r) => r[dateCol] ?? ''), plan.dateOrder) : null;
  for (;;) {
    const src = await readableCsv(path, encoding);
    try {
      const read = csvRead(src.path, sniff.header.length, { delimiter: sniff.delimiter, encoding: 'utf-8' });
      const sql = flatTables({ mapping: plan.mapping, header: sniff.header, dec: plan.dec, dateOrder: plan.dateOrder, from: read.from, lineIdx, dateFormat, temp });
      await withQueryProgress(tx.connection, ctx.onPct, () => tx.run(sql.parse));
      const refused = await refusedRecords(tx, read);
      if (encoding === 'utf-8' && refused.some(isEncodingError)) {
        await tx.run(`DROP TABLE ${sql.parsed}`);
        await dropRejectTables(tx, read);
        encoding = 'latin-1';
        continue;
      }
      // Parsed rows keep the file's order; their ordinal is the rowid counted from the first one (or the sheet row).
      const base = await firstRowid(tx, sql.parsed);
      const csvL = csvLines(src.path, refused);
      const lines: LineResolver = lineIdx >= 0 ? async (ords) => new Map(ords.map((o) => [o, o])) : csvL.resolve;
      for (const stmt of sql.prepare(base)) await tx.run(stmt);
      const tables = await loadFlatTables(tx, sql.tables(), plan, ctx, lines);
      for (const t of [temp.s2, temp.pm, ...sql.temps]) await tx.run(`DROP TABLE IF EXISTS ${t}`);
      const rows = await finishSalesRead(tx, { raw: temp.l, read, refused, refusedLines: csvL.refusedLines, importId: ctx.importId, file: ctx.file, locale: ctx.locale, tables });
      const used = new Set(Object.values(plan.mapping));
      const unknownColumns = sniff.header.filter((h) => h !== lineColumn && h.trim() !== '' && !used.has(h));
      return { tables, rows, unknownColumns, dialect: { delimiter: sniff.delimiter, decimal: plan.dec, encoding } };
    } finally {
      src.cleanup();
    }
  }
}
