// Shop exports (WooCommerce orders CSV, Bling "vendas" CSV): the raw file is staged once, mapped by header names
// into canonical tables with SQL, and each table goes through the same validation and upsert as canonical files.
import type { Tx } from '../../store/db';
import type { CsvDialect, ImportTableCounts } from '../../../shared/api/import';
import { normalizeHeader, TABLE_SPECS } from '../canonicalSchema';
import { q } from '../../model/convert';
import { firstRowid, stageRows } from '../../model/stage';
import { validateStaged, writeStaged } from '../../model/pipeline';
import { detectDecimalMark, type SniffedCsv } from '../dialect';
import { csvLines, csvRead, dropRejectTables, finishSalesRead, isEncodingError, refusedRecords } from '../csvSource';
import { withQueryProgress, type LoadContext } from '../canonicalFile';
import { readableCsv } from '../transcode';
import { ShopColumns } from './shopColumns';
import { wooOrdersMapping, WOO_SIGNATURE } from './wooOrders';
import { blingVendasMapping, BLING_SIGNATURE } from './blingVendas';

export type ShopKind = 'woocommerce-orders' | 'bling-vendas';

/** Which shop export a header is, if any. */
export function detectShop(header: string[]): ShopKind | null {
  const n = new Set(header.map(normalizeHeader));
  const has = (group: readonly string[]) => group.some((a) => n.has(a));
  if (WOO_SIGNATURE.every(has)) return 'woocommerce-orders';
  if (BLING_SIGNATURE.every(has)) return 'bling-vendas';
  return null;
}

/** Text form of a typed SQL value for the canonical staging step. */
export const txt = (expr: string) => `CAST(${expr} AS VARCHAR)`;

export async function loadShopFile(
  tx: Tx,
  path: string,
  sniff: SniffedCsv,
  kind: ShopKind,
  ctx: LoadContext,
): Promise<{ tables: ImportTableCounts[]; rows: number; unknownColumns: string[]; dialect: CsvDialect }> {
  const names: string[] = [];
  for (const h of sniff.header) {
    let n = normalizeHeader(h) || 'column';
    while (names.includes(n)) n += '_';
    names.push(n);
  }
  let encoding = sniff.encoding;
  const raw = `__painel_shop_${process.pid}_${Date.now()}`;
  for (;;) {
    const src = await readableCsv(path, encoding);
    try {
      const read = csvRead(src.path, names.length, { delimiter: sniff.delimiter, encoding: 'utf-8' });
      await withQueryProgress(tx.connection, ctx.onPct, () =>
        tx.run(`CREATE TEMP TABLE ${raw} AS SELECT ${names.map((n, i) => `c${i} AS ${q(n)}`).join(', ')} FROM ${read.from}`),
      );
      const refused = await refusedRecords(tx, read);
      if (encoding === 'utf-8' && refused.some(isEncodingError)) {
        await tx.run(`DROP TABLE ${raw}`);
        await dropRejectTables(tx, read);
        encoding = 'latin-1';
        continue;
      }
      const numericLike = names.filter((n) => /total|valor|preco|price|desconto|discount|frete|shipping|subtotal|tax/.test(n));
      const sampleValues = sniff.sample.flatMap((row) => numericLike.map((n) => row[names.indexOf(n)] ?? ''));
      const cols = new ShopColumns(names, detectDecimalMark(sampleValues, sniff.delimiter));
      // Raw rows keep the file's order; their ordinal is the rowid counted from the first one.
      const numbered = `(SELECT rowid - ${await firstRowid(tx, raw)} + 1 AS __r, * FROM ${raw})`;
      const mapping = kind === 'woocommerce-orders' ? wooOrdersMapping(cols, numbered, path) : blingVendasMapping(cols, numbered, path);
      const lines = csvLines(src.path, refused);
      const tables: ImportTableCounts[] = [];
      for (const [table, sql] of mapping.tables) {
        const spec = TABLE_SPECS[table];
        const rawCols = new Map(spec.columns.map((c) => [c.name, q(c.name)]));
        const stg = await stageRows(tx, { spec, raw: rawCols, dec: '.', from: `(${sql})`, ordinal: '__r', locale: ctx.locale });
        await validateStaged(tx, stg, { repeats: 'reject' });
        tables.push(await writeStaged(tx, stg, { sink: { kind: 'file', importId: ctx.importId, file: ctx.file, lines: lines.resolve } }));
        await tx.run(`DROP TABLE ${stg.name}`);
      }
      const rows = await finishSalesRead(tx, { raw, read, refused, refusedLines: lines.refusedLines, importId: ctx.importId, file: ctx.file, locale: ctx.locale, tables });
      const unknownColumns = sniff.header.filter((_, i) => !cols.used.has(names[i]));
      return { tables, rows, unknownColumns, dialect: { delimiter: sniff.delimiter, decimal: cols.dec, encoding } };
    } finally {
      src.cleanup();
    }
  }
}

