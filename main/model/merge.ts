// Reject and merge, the last steps of the one table pipeline: a staged table's broken rows go to the rejects of their
// origin (import_rejects with file and line, or sync_rejects with source and record id), and its valid rows are
// upserted by key — new rows inserted, changed rows replaced, identical rows (or rows older than the stored one by
// updated_at) left alone, so writing the same data twice changes nothing.
import type { Tx } from '../store/db';
import { columnList, q } from './convert';
import { ordOf, type Staged } from './stage';
import { touchDays } from './rollups';
import { recordKeys } from './importKeys';

/** Maps row ordinals of rejected rows to the line they stand on in the file. */
export type LineResolver = (ordinals: number[]) => Promise<Map<number, number>>;

/** Where a write's rejects are recorded. */
export type RejectSink =
  | { kind: 'file'; importId: string; file: string; lines: LineResolver }
  | { kind: 'source'; sourceId: string; stream: string };

export interface TableCounts {
  table: string;
  loaded: number;
  replaced: number;
  unchanged: number;
  rejected: number;
}

async function count(tx: Tx, sql: string): Promise<number> {
  const rows = await tx.all<{ n: bigint | number }>(sql);
  return Number(rows[0]?.n ?? 0);
}

/** Writes the staged table's rejects (rows whose __rej carries a reason); returns how many. */
export async function writeRejects(tx: Tx, staged: Staged, sink: RejectSink): Promise<number> {
  const stg = staged.name;
  const table = staged.spec.name;
  const rejected = await count(tx, `SELECT count(__rej.r) AS n FROM ${stg}`);
  if (rejected === 0) return 0;
  if (sink.kind === 'source') {
    const key = staged.spec.key.map((k) => `CAST(${q(k)} AS VARCHAR)`).join(` || '/' || `);
    await tx.run(
      `INSERT INTO sync_rejects (source_id, stream, "table", record_id, reason, excerpt)
       SELECT $1, $2, $3, left(${key}, 200), __rej.r, left(__rej.c || ' = ' || coalesce(__rej.v, ''), 300) FROM ${stg} WHERE __rej.r IS NOT NULL ORDER BY ${ordOf(staged)}`,
      [sink.sourceId, sink.stream, table],
    );
    return rejected;
  }
  const r = (alias?: string) => ordOf(staged, alias);
  const ords = await tx.all<{ r: bigint | number }>(`SELECT ${r()} AS r FROM ${stg} WHERE __rej.r IS NOT NULL ORDER BY 1`);
  const lines = await sink.lines(ords.map((o) => Number(o.r)));
  const lt = `${stg}_lines`;
  await tx.run(`CREATE TEMP TABLE ${lt} (r BIGINT, line BIGINT)`);
  const app = await tx.connection.createAppender(lt, 'main', 'temp');
  for (const [o, line] of lines) {
    app.appendBigInt(BigInt(o));
    app.appendBigInt(BigInt(line));
    app.endRow();
  }
  app.closeSync();
  await tx.run(
    `INSERT INTO import_rejects (import_id, file, "table", line, "column", value, reason)
     SELECT $1, $2, $3, l.line, s.__rej.c, left(s.__rej.v, 1000), s.__rej.r
     FROM ${stg} s LEFT JOIN ${lt} l ON l.r = ${r('s')} WHERE s.__rej.r IS NOT NULL ORDER BY ${r('s')}`,
    [sink.importId, sink.file, table],
  );
  await tx.run(`DROP TABLE ${lt}`);
  return rejected;
}

/** Rows to merge: a staged table's valid rows, or a table of them made for connector hooks. */
export interface MergeSource {
  staged: Staged;
  /** A table holding only valid rows (with __r); when absent the staged table is read WHERE __rej IS NULL. */
  table?: string;
  /** The import whose new rows are recorded in import_keys (so it can be undone). */
  importId?: string;
  /** Also record the rows this write replaced (a source writing over demo rows keeps them when the demo goes). */
  recordReplaced?: boolean;
}

/** Upserts valid rows into the canonical table; counts what was new, replaced and already there. */
export async function mergeRows(tx: Tx, src: MergeSource): Promise<Omit<TableCounts, 'rejected'>> {
  const { spec } = src.staged;
  const table = spec.name;
  const from = src.table ?? src.staged.name;
  const valid = src.table ? 'true' : '__rej IS NULL';
  const r = (alias?: string) => (src.table ? `${alias ? `${alias}.` : ''}__r` : ordOf(src.staged, alias));
  const cols = columnList(spec);
  const targetEmpty = (await count(tx, `SELECT count(*) AS n FROM (SELECT 1 FROM ${q(table)} LIMIT 1)`)) === 0;
  if (targetEmpty) {
    const loaded = await count(tx, `SELECT count(*) AS n FROM ${from} WHERE ${valid}`);
    if (loaded > 0) await tx.run(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM ${from} WHERE ${valid}`);
    if (loaded > 0 && src.importId) await recordKeys(tx, src.importId, table, spec.key, `${from} WHERE ${valid}`);
    if (loaded > 0) await touchDays(tx, table, `SELECT ${spec.key.map(q).join(', ')} FROM ${from} WHERE ${valid}`, undefined, `SELECT * FROM ${from} WHERE ${valid}`);
    return { table, loaded, replaced: 0, unchanged: 0 };
  }
  const on = spec.key.map((k) => `t.${q(k)} = s.${q(k)}`).join(' AND ');
  const same = spec.columns.map((c) => `t.${q(c.name)} IS NOT DISTINCT FROM s.${q(c.name)}`).join(' AND ');
  // A row whose updated_at is older than the stored one is not newer: it is kept out like an identical row.
  const older = spec.columns.some((c) => c.name === 'updated_at') ? ` OR (s.updated_at < t.updated_at)` : '';
  const cmp = `${from}_cmp`;
  const validRows = src.table ? '' : 'WHERE s.__rej IS NULL';
  // Rows of a new day meet no stored key: the key columns alone tell (a read of those columns only), and whole stored
  // rows are read and compared only when some key is already there (a re-import, a changed row).
  const known = await count(tx, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} s SEMI JOIN ${q(table)} t ON ${on} ${validRows} LIMIT 1)`);
  await tx.run(
    known === 0
      ? `CREATE OR REPLACE TEMP TABLE ${cmp} AS SELECT ${r('s')} AS __r, 'new' AS st FROM ${from} s ${validRows}`
      : `CREATE OR REPLACE TEMP TABLE ${cmp} AS
SELECT ${r('s')} AS __r, CASE WHEN t.__found IS NULL THEN 'new' WHEN (${same})${older} THEN 'same' ELSE 'changed' END AS st
FROM ${from} s LEFT JOIN (SELECT *, true AS __found FROM ${q(table)}) t ON ${on}
${validRows}`,
  );
  const byState = await tx.all<{ st: string; n: bigint | number }>(`SELECT st, count(*) AS n FROM ${cmp} GROUP BY st`);
  const n = (st: string) => Number(byState.find((b) => b.st === st)?.n ?? 0);
  // The days rows stood on before (replaced rows) and after (new and replaced rows) are the daily rollups' to redo.
  const written = `SELECT ${spec.key.map((k) => `s.${q(k)}`).join(', ')} FROM ${from} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st IN ('new', 'changed')`;
  if (n('changed') > 0) await touchDays(tx, table, written);
  if (n('changed') > 0) {
    const using = spec.key.map((k) => `${q(table)}.${q(k)} = c.${q(k)}`).join(' AND ');
    await tx.run(`DELETE FROM ${q(table)} USING (SELECT ${spec.key.map((k) => `s.${q(k)}`).join(', ')} FROM ${from} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st = 'changed') c WHERE ${using}`);
  }
  if (n('new') + n('changed') > 0) {
    await tx.run(`INSERT INTO ${q(table)} (${cols}) SELECT ${spec.columns.map((c) => `s.${q(c.name)}`).join(', ')} FROM ${from} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st IN ('new', 'changed')`);
  }
  // After the write: the written rows carry their own dates (no lookup in the table for them).
  const rows = `SELECT s.* FROM ${from} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st IN ('new', 'changed')`;
  if (n('new') + n('changed') > 0) await touchDays(tx, table, written, undefined, rows);
  const recorded = src.recordReplaced ? `('new', 'changed')` : `('new')`;
  if ((n('new') > 0 || (src.recordReplaced && n('changed') > 0)) && src.importId) {
    await recordKeys(tx, src.importId, table, spec.key, `${from} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st IN ${recorded}`, 's');
  }
  await tx.run(`DROP TABLE ${cmp}`);
  return { table, loaded: n('new'), replaced: n('changed'), unchanged: n('same') };
}
