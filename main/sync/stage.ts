// Staging and merging, set-based in DuckDB: a batch of pages goes to temp tables (text columns, via the appender),
// is cast and checked in SQL (bad rows go to sync_rejects), deduplicated, and upserted into the canonical tables
// together with the stream's new cursor — all inside the caller's single transaction.
import type { CanonicalTable } from '../../shared/types';
import type { Db, Tx } from '../store/db';
import { MERGE_ORDER, RULES, TABLE_KEYS } from './rules';
import type { Page, Reject, Row } from './types';

export interface ColumnDef {
  name: string;
  type: string;
  notNull: boolean;
}

const typeCache = new WeakMap<Db, Map<string, ColumnDef[]>>();

/** Columns of every canonical table, read once from the catalog. */
export async function canonicalColumns(db: Db): Promise<Map<string, ColumnDef[]>> {
  const hit = typeCache.get(db);
  if (hit) return hit;
  const rows = await db.all<{ t: string; c: string; ty: string; nn: boolean }>(
    `SELECT table_name AS t, column_name AS c, data_type AS ty, is_nullable = 'NO' AS nn FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name IN (${MERGE_ORDER.map((t) => `'${t}'`).join(', ')}) ORDER BY table_name, ordinal_position`,
  );
  const map = new Map<string, ColumnDef[]>();
  for (const r of rows) {
    if (!map.has(r.t)) map.set(r.t, []);
    map.get(r.t)!.push({ name: r.c, type: r.ty, notNull: r.nn });
  }
  typeCache.set(db, map);
  return map;
}

/** Pages gathered between two commits. */
export class Batch {
  readonly rows = new Map<CanonicalTable, Row[]>();
  readonly parents = new Map<'sale_lines' | 'payments', Set<string>>();
  readonly deletes = new Map<CanonicalTable, Set<string>>();
  readonly rejects: Reject[] = [];
  cursor: unknown = undefined;
  pages = 0;
  size = 0;

  add(page: Page): void {
    for (const [t, rows] of Object.entries(page.rows) as [CanonicalTable, Row[]][]) {
      if (!rows?.length) continue;
      const list = this.rows.get(t) ?? [];
      for (const r of rows) list.push(r);
      this.rows.set(t, list);
      this.size += rows.length;
    }
    for (const [t, ids] of Object.entries(page.replaceChildren ?? {}) as ['sale_lines' | 'payments', string[]][]) {
      const set = this.parents.get(t) ?? new Set<string>();
      for (const id of ids) set.add(id);
      this.parents.set(t, set);
    }
    for (const [t, ids] of Object.entries(page.deletes ?? {}) as [CanonicalTable, string[]][]) {
      const set = this.deletes.get(t) ?? new Set<string>();
      for (const id of ids) set.add(id);
      this.deletes.set(t, set);
    }
    if (page.rejects) this.rejects.push(...page.rejects);
    this.cursor = page.cursor;
    this.pages++;
  }
}

export interface CommitOptions {
  sourceId: string;
  stream: string;
  /** Ids of this table are recorded in sync_seen (a full sync's deletion sweep). */
  sweepTable?: { table: CanonicalTable; key: string } | null;
  /** Columns that keep the earliest of the stored and the new value (first-seen dates derived from orders). */
  keepEarliest?: Partial<Record<CanonicalTable, string[]>>;
  /** Extra SQL run on `new_<table>` before the merge (e.g. resolve a customer by e-mail). */
  afterStage?: Partial<Record<CanonicalTable, string[]>>;
}

export interface CommitResult {
  rows: number;
  rejected: number;
  tables: CanonicalTable[];
}

/** Longest text a synced field may hold. */
export const MAX_TEXT = 10_000;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Stages, checks and merges one table's rows; returns the number merged. */
async function mergeTable(tx: Tx, t: CanonicalTable, rows: Row[], defs: ColumnDef[], o: CommitOptions): Promise<{ merged: number; rejected: number }> {
  const canon = defs.map((d) => d.name);
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c.startsWith('_') && c !== '_seq');
  const cols = [...canon, ...extras];
  // Staging through DuckDB's appender on the writer connection: part of the open transaction, and the fastest path.
  await tx.run(`CREATE OR REPLACE TEMP TABLE stg_${t} (_seq INTEGER, ${cols.map((c) => `${q(c)} VARCHAR`).join(', ')})`);
  const ap = await tx.connection.createAppender(`stg_${t}`, 'main', 'temp');
  try {
    rows.forEach((r, i) => {
      ap.appendInteger(i);
      for (const c of cols) {
        const v = r[c];
        if (v === null || v === undefined) ap.appendNull();
        else ap.appendVarchar(String(v));
      }
      ap.endRow();
    });
    ap.flushSync();
  } finally {
    ap.closeSync();
  }
  const keys = TABLE_KEYS[t];
  const casts = defs.map((d) => (d.type === 'VARCHAR' ? `${q(d.name)}` : `TRY_CAST(${q(d.name)} AS ${d.type}) AS ${q(d.name)}`));
  const badCast = defs
    .filter((d) => d.type !== 'VARCHAR')
    .map((d) => `WHEN r.${q(d.name)} IS NOT NULL AND c.${q(d.name)} IS NULL THEN ${lit(`${d.name} is not a valid ${d.type.toLowerCase()}: `)} || left(r.${q(d.name)}, 40)`);
  // A text longer than any real name, code or address is a hostile or broken record, not data (it would also bloat
  // every report and export that reads it).
  const tooLong = canon.map((c) => `WHEN length(r.${q(c)}) > ${MAX_TEXT} THEN ${lit(`${c} is longer than ${MAX_TEXT} characters`)}`);
  const missing = defs.filter((d) => d.notNull).map((d) => `WHEN c.${q(d.name)} IS NULL THEN ${lit(`missing ${d.name}`)}`);
  const rules = (RULES[t] ?? []).map(([pred, reason]) => `WHEN coalesce((${pred.replace(/\b([a-z_]+)\b/g, (w) => (canon.includes(w) ? `c.${w}` : w))}), false) THEN ${lit(reason)}`);
  const orphan = t === 'sale_lines' || t === 'payments' ? [`WHEN c.sale_id IN (SELECT sale_id FROM rej_sales) THEN 'its sale was rejected'`] : [];
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE typ_${t} AS
     SELECT c.*, CASE ${[...tooLong, ...badCast, ...missing, ...rules, ...orphan].join(' ')} ELSE NULL END AS _reason
     FROM (SELECT _seq, ${[...casts, ...extras.map(q)].join(', ')} FROM stg_${t}) c JOIN stg_${t} r USING (_seq)`,
  );
  const keyExpr = keys.map((k) => `CAST(${q(k)} AS VARCHAR)`).join(` || '/' || `);
  await tx.run(
    `INSERT INTO sync_rejects (source_id, stream, "table", record_id, reason) SELECT $1, $2, $3, left(${keyExpr}, 200), _reason FROM typ_${t} WHERE _reason IS NOT NULL`,
    [o.sourceId, o.stream, t],
  );
  if (t === 'sales') await tx.run(`INSERT INTO rej_sales SELECT sale_id FROM typ_sales WHERE _reason IS NOT NULL AND sale_id IS NOT NULL`);
  if (o.sweepTable?.table === t) {
    await tx.run(`INSERT INTO sync_seen SELECT $1, $2, $3, ${q(o.sweepTable.key)} FROM typ_${t} WHERE ${q(o.sweepTable.key)} IS NOT NULL`, [o.sourceId, o.stream, t]);
  }
  const part = `PARTITION BY ${keys.map(q).join(', ')}`;
  const earliest = (o.keepEarliest?.[t] ?? []).map((c) => `min(${q(c)}) OVER (${part}) AS ${q(c)}`);
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE new_${t} AS SELECT * EXCLUDE (_seq, _reason) ${earliest.length ? `REPLACE (${earliest.join(', ')})` : ''} FROM typ_${t} WHERE _reason IS NULL
     QUALIFY row_number() OVER (${part} ORDER BY _seq DESC) = 1`,
  );
  for (const col of o.keepEarliest?.[t] ?? []) {
    await tx.run(
      `UPDATE new_${t} SET ${q(col)} = least(new_${t}.${q(col)}, old.${q(col)}) FROM ${t} old
       WHERE ${keys.map((k) => `old.${q(k)} = new_${t}.${q(k)}`).join(' AND ')} AND old.${q(col)} IS NOT NULL AND new_${t}.${q(col)} IS NOT NULL`,
    );
  }
  for (const sql of o.afterStage?.[t] ?? []) await tx.run(sql);
  await tx.run(`DELETE FROM ${t} USING new_${t} n WHERE ${keys.map((k) => `${t}.${q(k)} = n.${q(k)}`).join(' AND ')}`);
  await tx.run(`INSERT INTO ${t} (${canon.map(q).join(', ')}) SELECT ${canon.map(q).join(', ')} FROM new_${t}`);
  const [{ good, bad }] = await tx.all<{ good: number; bad: number }>(
    `SELECT count(*) FILTER (WHERE _reason IS NULL)::INTEGER AS good, count(*) FILTER (WHERE _reason IS NOT NULL)::INTEGER AS bad FROM typ_${t}`,
  );
  return { merged: good, rejected: bad };
}

/** Writes a batch and the stream's cursor in the caller's transaction. */
export async function commitBatch(tx: Tx, db: Db, batch: Batch, o: CommitOptions): Promise<CommitResult> {
  const columns = await canonicalColumns(db);
  const result: CommitResult = { rows: 0, rejected: 0, tables: [] };
  await tx.run(`CREATE OR REPLACE TEMP TABLE rej_sales (sale_id VARCHAR)`);
  for (const t of MERGE_ORDER) {
    const ids = batch.deletes.get(t);
    if (ids?.size) {
      const key = TABLE_KEYS[t][0];
      await tx.run(`DELETE FROM ${t} WHERE ${q(key)} IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify([...ids])]);
      result.tables.push(t);
    }
    if (t === 'sale_lines' || t === 'payments') {
      const parents = batch.parents.get(t);
      if (parents?.size) {
        await tx.run(
          `DELETE FROM ${t} WHERE sale_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')) EXCEPT SELECT sale_id FROM rej_sales)`,
          [JSON.stringify([...parents])],
        );
        if (!result.tables.includes(t)) result.tables.push(t);
      }
    }
    const rows = batch.rows.get(t);
    if (!rows?.length) continue;
    const r = await mergeTable(tx, t, rows, columns.get(t) ?? [], o);
    result.rows += r.merged;
    result.rejected += r.rejected;
    if (!result.tables.includes(t)) result.tables.push(t);
  }
  for (const rej of batch.rejects) {
    await tx.run(`INSERT INTO sync_rejects (source_id, stream, "table", record_id, reason, excerpt) VALUES ($1, $2, $3, $4, $5, $6)`, [
      o.sourceId,
      o.stream,
      rej.table ?? null,
      rej.recordId ?? null,
      rej.reason.slice(0, 500),
      rej.excerpt?.slice(0, 300) ?? null,
    ]);
  }
  result.rejected += batch.rejects.length;
  await saveCursor(tx, o.sourceId, o.stream, batch.cursor, result.rows);
  return result;
}

export async function saveCursor(tx: Tx, sourceId: string, stream: string, cursor: unknown, rows: number): Promise<void> {
  const json = JSON.stringify(cursor ?? null);
  const existing = await tx.all(`SELECT 1 FROM sync_state WHERE source_id = $1 AND stream = $2`, [sourceId, stream]);
  if (existing.length) {
    await tx.run(`UPDATE sync_state SET cursor = $3::JSON, last_attempt_at = now(), rows_pulled = rows_pulled + $4 WHERE source_id = $1 AND stream = $2`, [sourceId, stream, json, rows]);
  } else {
    await tx.run(`INSERT INTO sync_state (source_id, stream, cursor, last_attempt_at, rows_pulled) VALUES ($1, $2, $3::JSON, now(), $4)`, [sourceId, stream, json, rows]);
  }
}

/** Deletes rows of a full sweep's table that the source no longer has (and the lines/payments of deleted sales). */
export async function finishSweep(tx: Tx, sourceId: string, stream: string, prefix: string, sweep: { table: CanonicalTable; key: string; where?: string }): Promise<number> {
  const gone = `SELECT ${q(sweep.key)} FROM ${sweep.table} WHERE starts_with(${q(sweep.key)}, $1) ${sweep.where ? `AND (${sweep.where})` : ''}
    AND ${q(sweep.key)} NOT IN (SELECT id FROM sync_seen WHERE source_id = $2 AND stream = $3)`;
  const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${gone})`, [`${prefix}:`, sourceId, stream]);
  if (n > 0) {
    if (sweep.table === 'sales') {
      for (const child of ['sale_lines', 'payments']) await tx.run(`DELETE FROM ${child} WHERE sale_id IN (${gone})`, [`${prefix}:`, sourceId, stream]);
    }
    await tx.run(`DELETE FROM ${sweep.table} WHERE ${q(sweep.key)} IN (${gone})`, [`${prefix}:`, sourceId, stream]);
  }
  await tx.run(`DELETE FROM sync_seen WHERE source_id = $1 AND stream = $2`, [sourceId, stream]);
  return n;
}
