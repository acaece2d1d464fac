// A sync batch through the model's one table pipeline: pages gathered between two commits go to temp tables (text
// columns, via the appender), then stage -> validate -> reject (sync_rejects) -> merge like a file's rows, together
// with the stream's deletions, replaced children and new cursor — all inside the caller's single transaction.
import type { CanonicalTable } from '../../shared/types';
import type { Tx } from '../store/db';
import { q } from '../model/convert';
import { validateStaged, writeStaged } from '../model/pipeline';
import type { Locale } from '../model/rules';
import { MERGE_ORDER, TABLE_KEYS, TABLE_SPECS } from '../model/schema';
import { touchDays } from '../model/rollups';
import { beginWrite, REJECTED_SALES, stageRows } from '../model/stage';
import type { Page, Reject, Row } from './types';

export { MAX_TEXT } from '../model/rules';

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
  /** Language of reject reasons (default pt-BR). */
  locale?: Locale;
}

export interface CommitResult {
  /** Valid rows written or confirmed (new, replaced or already stored). */
  rows: number;
  rejected: number;
  /** Tables whose rows changed (inserted, replaced or deleted). */
  tables: CanonicalTable[];
}

let seq = 0;

/** Appends one table's rows as text and hands them to the pipeline; returns the counts. */
async function mergeTable(tx: Tx, t: CanonicalTable, rows: Row[], o: CommitOptions): Promise<{ merged: number; rejected: number; changed: boolean }> {
  const spec = TABLE_SPECS[t];
  const canon = spec.columns.map((c) => c.name);
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c.startsWith('_') && c !== '_seq');
  const cols = [...canon, ...extras];
  const rawTable = `__painel_sync_raw_${process.pid}_${++seq}`;
  // Staging through DuckDB's appender on the writer connection: part of the open transaction, and the fastest path.
  await tx.run(`CREATE TEMP TABLE ${rawTable} (_seq INTEGER, ${cols.map((c) => `${q(c)} VARCHAR`).join(', ')})`);
  const ap = await tx.connection.createAppender(rawTable, 'main', 'temp');
  try {
    rows.forEach((r, i) => {
      ap.appendInteger(i + 1);
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
  const locale = o.locale ?? 'pt-BR';
  const raw = new Map(canon.map((c) => [c, q(c)]));
  const stg = await stageRows(tx, { spec, raw, dec: '.', from: rawTable, ordinal: '_seq', extras, locale });
  await tx.run(`DROP TABLE ${rawTable}`);
  const keepEarliest = o.keepEarliest?.[t] ?? [];
  await validateStaged(tx, stg, { repeats: 'latest', keepEarliest });
  if (o.sweepTable?.table === t) {
    await tx.run(`INSERT INTO sync_seen SELECT $1, $2, $3, ${q(o.sweepTable.key)} FROM ${stg.name} WHERE ${q(o.sweepTable.key)} IS NOT NULL`, [o.sourceId, o.stream, t]);
  }
  const c = await writeStaged(tx, stg, { sink: { kind: 'source', sourceId: o.sourceId, stream: o.stream }, keepEarliest, beforeMerge: o.afterStage?.[t] });
  await tx.run(`DROP TABLE ${stg.name}`);
  return { merged: c.loaded + c.replaced + c.unchanged, rejected: c.rejected, changed: c.loaded + c.replaced > 0 };
}

/** Writes a batch and the stream's cursor in the caller's transaction. */
export async function commitBatch(tx: Tx, batch: Batch, o: CommitOptions): Promise<CommitResult> {
  const result: CommitResult = { rows: 0, rejected: 0, tables: [] };
  await beginWrite(tx);
  for (const t of MERGE_ORDER) {
    const ids = batch.deletes.get(t);
    if (ids?.size) {
      const key = TABLE_KEYS[t][0];
      await touchDays(tx, t, `SELECT ${q(key)} FROM ${t} WHERE ${q(key)} IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify([...ids])]);
      await tx.run(`DELETE FROM ${t} WHERE ${q(key)} IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify([...ids])]);
      result.tables.push(t);
    }
    if (t === 'sale_lines' || t === 'payments') {
      const parents = batch.parents.get(t);
      if (parents?.size) {
        await touchDays(tx, 'sales', `SELECT unnest(from_json($1, '["VARCHAR"]')) AS sale_id`, [JSON.stringify([...parents])]);
        await tx.run(
          `DELETE FROM ${t} WHERE sale_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')) EXCEPT SELECT sale_id FROM ${REJECTED_SALES})`,
          [JSON.stringify([...parents])],
        );
        if (!result.tables.includes(t)) result.tables.push(t);
      }
    }
    const rows = batch.rows.get(t);
    if (!rows?.length) continue;
    const r = await mergeTable(tx, t, rows, o);
    result.rows += r.merged;
    result.rejected += r.rejected;
    if (r.changed && !result.tables.includes(t)) result.tables.push(t);
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
    await touchDays(tx, sweep.table, gone, [`${prefix}:`, sourceId, stream]);
    if (sweep.table === 'sales') {
      for (const child of ['sale_lines', 'payments']) await tx.run(`DELETE FROM ${child} WHERE sale_id IN (${gone})`, [`${prefix}:`, sourceId, stream]);
    }
    await tx.run(`DELETE FROM ${sweep.table} WHERE ${q(sweep.key)} IN (${gone})`, [`${prefix}:`, sourceId, stream]);
  }
  await tx.run(`DELETE FROM sync_seen WHERE source_id = $1 AND stream = $2`, [sourceId, stream]);
  return n;
}
