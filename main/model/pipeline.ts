// The one table pipeline every row takes to a canonical table, from a file or from a connector:
//   stage (stage.ts: typed columns + the first broken rule, rules.ts) -> validate (repeated keys, children of
//   rejected sales) -> reject (merge.ts: import_rejects or sync_rejects) -> merge (upsert by key) -> after-write
//   hooks (afterWrite.ts, once the write session ends).
// File imports validate while staging in a committed transaction of their own (scans of committed rows run in
// parallel) and write in the file's transaction; connectors do everything in the batch's transaction, with the cursor.
import type { Tx } from '../store/db';
import { mergeRows, writeRejects, type RejectSink, type TableCounts } from './merge';
import { q } from './convert';
import { markOrphans, markRepeats, ordOf, type Repeats, type Staged } from './stage';

export interface ValidateOptions {
  repeats: Repeats;
  /** Columns that keep the earliest value among a record's reads in the batch (first-seen dates). */
  keepEarliest?: readonly string[];
}

/** Checks that need the whole staged batch: the earliest of repeated reads, then repeated keys. */
export async function validateStaged(tx: Tx, staged: Staged, o: ValidateOptions): Promise<void> {
  const keys = staged.spec.key.map(q);
  for (const col of o.keepEarliest ?? []) {
    await tx.run(
      `UPDATE ${staged.name} SET ${q(col)} = m.v FROM (
         SELECT ${keys.join(', ')}, min(${q(col)}) AS v FROM ${staged.name} WHERE __rej IS NULL GROUP BY ALL HAVING count(*) > 1) m
       WHERE ${keys.map((k) => `${staged.name}.${k} = m.${k}`).join(' AND ')} AND ${staged.name}.__rej IS NULL`,
    );
  }
  await markRepeats(tx, staged, o.repeats);
}

export interface WriteOptions {
  sink: RejectSink;
  /** Columns that keep the earliest of the stored and the new value. */
  keepEarliest?: readonly string[];
  /**
   * SQL run on `new_<table>` (the valid rows, helper columns included) before the merge: a connector's own step,
   * e.g. resolving a campaign recipient by e-mail.
   */
  beforeMerge?: readonly string[];
}

/**
 * True while generated demo rows are in the database (import id 'demo', not removed). Removing the demo deletes
 * every row no import recorded, so while it stands a source's writes are recorded too (as import 'source:<id>'):
 * a shop that connects its store before removing the demo loses none of the store's rows.
 */
async function demoStanding(tx: Tx): Promise<boolean> {
  const r = await tx.all(`SELECT 1 FROM import_log WHERE import_id = 'demo' AND import_id NOT IN (SELECT import_id FROM import_undone) LIMIT 1`);
  return r.length > 0;
}

/** Rejects and merges a validated staged table inside the write's transaction. */
export async function writeStaged(tx: Tx, staged: Staged, o: WriteOptions): Promise<TableCounts> {
  const t = staged.spec.name;
  await markOrphans(tx, staged);
  const rejected = await writeRejects(tx, staged, o.sink);
  const importId = o.sink.kind === 'file' ? o.sink.importId : (await demoStanding(tx)) ? `source:${o.sink.sourceId}` : undefined;
  const recordReplaced = o.sink.kind === 'source';
  if (!o.keepEarliest?.length && !o.beforeMerge?.length) return { ...(await mergeRows(tx, { staged, importId, recordReplaced })), rejected };
  const keys = staged.spec.key.map(q);
  const valid = `new_${t}`;
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${valid} AS SELECT ${ordOf(staged)} AS __r, * EXCLUDE (__rej, __h${staged.rowidBase === null ? ', __r' : ''}) FROM ${staged.name} WHERE __rej IS NULL`);
  for (const col of o.keepEarliest ?? []) {
    await tx.run(
      `UPDATE ${valid} SET ${q(col)} = least(${valid}.${q(col)}, old.${q(col)}) FROM ${q(t)} old
       WHERE ${keys.map((k) => `old.${k} = ${valid}.${k}`).join(' AND ')} AND old.${q(col)} IS NOT NULL AND ${valid}.${q(col)} IS NOT NULL`,
    );
  }
  for (const sql of o.beforeMerge ?? []) await tx.run(sql);
  const counts = await mergeRows(tx, { staged, table: valid, importId, recordReplaced });
  await tx.run(`DROP TABLE ${valid}`);
  return { ...counts, rejected };
}
