// The undo records of imports: which rows each import (or source sync while the demo stands) added, as the 128-bit
// MD5 of each row's key beside a small integer origin (one per import and table) — written in one cheap pass of
// integers, so recording costs little next to the rows themselves; undo and "remove the demo" match keys by it.
import type { Tx } from '../store/db';
import { lit, q } from './convert';

/** A row's key as one text value (columns joined by chr(31)); its MD5 is what the undo records hold. */
export function rowKeySql(key: readonly string[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return key.length === 1 ? `CAST(${a}${q(key[0])} AS VARCHAR)` : `concat_ws(chr(31), ${key.map((k) => `CAST(${a}${q(k)} AS VARCHAR)`).join(', ')})`;
}

/** The 128-bit hash of a row's key (UHUGEINT), as recorded in import_keys. */
export function keyHashSql(key: readonly string[], alias = ''): string {
  return `md5_number(${rowKeySql(key, alias)})`;
}

/** The origin number of an import's rows in one table, made on first use. */
export async function originOf(tx: Tx, importId: string, table: string): Promise<number> {
  const found = await tx.all<{ o: number }>(`SELECT origin AS o FROM import_origins WHERE import_id = $1 AND "table" = $2`, [importId, table]);
  if (found.length) return found[0].o;
  const [{ o }] = await tx.all<{ o: number }>(`SELECT (coalesce(max(origin), 0) + 1)::INTEGER AS o FROM import_origins`);
  await tx.run(`INSERT INTO import_origins (origin, import_id, "table") VALUES ($1, $2, $3)`, [o, importId, table]);
  return o;
}

/** Records as the import's the rows of `fromWhere` (a FROM clause and its WHERE; key columns read through `alias`). */
export async function recordKeys(tx: Tx, importId: string, table: string, key: readonly string[], fromWhere: string, alias = ''): Promise<void> {
  const origin = await originOf(tx, importId, table);
  await tx.run(`INSERT INTO import_keys (origin, h) SELECT ${origin}, ${keyHashSql(key, alias)} FROM ${fromWhere}`);
}

/** The key hashes recorded in one table: by one import, or (no import given) by every standing import and source. */
export function recordedKeysSql(table: string, importId?: string): string {
  const which = importId === undefined ? '' : ` AND o.import_id = ${lit(importId)}`;
  return `SELECT k.h FROM import_keys k JOIN import_origins o ON o.origin = k.origin WHERE o."table" = ${lit(table)}${which}`;
}

/** Forgets an import's records (after its rows were removed). */
export async function forgetImport(tx: Tx, importId: string): Promise<void> {
  await tx.run(`DELETE FROM import_keys WHERE origin IN (SELECT origin FROM import_origins WHERE import_id = $1)`, [importId]);
  await tx.run(`DELETE FROM import_origins WHERE import_id = $1`, [importId]);
}

/** The tables an import recorded rows in. */
export async function recordedTables(tx: Tx, importId: string): Promise<string[]> {
  const rows = await tx.all<{ t: string }>(`SELECT DISTINCT o."table" AS t FROM import_origins o WHERE o.import_id = $1 AND EXISTS (SELECT 1 FROM import_keys k WHERE k.origin = o.origin)`, [importId]);
  return rows.map((r) => r.t);
}
