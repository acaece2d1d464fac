// Undoing an import: the rows it added (their keys recorded in import_keys, model/importKeys.ts) are removed, every
// other row stays; and removing the demo data: every row that no standing import or source sync recorded, offered
// only after the demo was generated.
import type { Db, Tx } from '../../store/db';
import { AppError } from '../../store/errors';
import { CANONICAL_TABLES } from '../../../shared/types';
import { TABLE_SPECS } from '../canonicalSchema';
import { q } from '../../model/convert';
import { forgetImport, keyHashSql, recordedKeysSql, recordedTables } from '../../model/importKeys';
import { touchDays } from '../../model/rollups';
import { rebuildIdentity } from '../../identity/matchCustomers';

export const DEMO_IMPORT_ID = 'demo';

export interface RemovedRows {
  tables: { table: string; rows: number }[];
}

/** Deletes the rows of a table whose key hash passes `keyFilter` (`IN (...)` / `NOT IN (...)`); returns how many. */
async function deleteWhere(tx: Tx, table: string, keyFilter: string): Promise<number> {
  const spec = TABLE_SPECS[table as keyof typeof TABLE_SPECS];
  const where = `${keyHashSql(spec.key)} ${keyFilter}`;
  const [{ n }] = await tx.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(table)} WHERE ${where}`);
  if (Number(n) > 0) await touchDays(tx, table, `SELECT ${spec.key.map(q).join(', ')} FROM ${q(table)} WHERE ${where}`);
  if (Number(n) > 0) await tx.run(`DELETE FROM ${q(table)} WHERE ${where}`);
  return Number(n);
}

async function finish(db: Db, removed: RemovedRows['tables']): Promise<RemovedRows> {
  const changed = removed.filter((r) => r.rows > 0).map((r) => r.table);
  if (changed.length) db.changed(changed);
  if (changed.includes('customers')) await rebuildIdentity(db);
  return { tables: removed };
}

/** Removes the rows an import added; rows it replaced keep their new values, rows of other imports stay. */
export async function undoImport(db: Db, importId: string): Promise<RemovedRows> {
  if (importId === DEMO_IMPORT_ID) return removeDemo(db);
  const removed = await db.transaction(async (tx) => {
    const known = await tx.all(`SELECT 1 FROM import_log WHERE import_id = $1 LIMIT 1`, [importId]);
    if (!known.length) throw new AppError('NOT_FOUND', 'no import with this id');
    const done = await tx.all(`SELECT 1 FROM import_undone WHERE import_id = $1`, [importId]);
    if (done.length) throw new AppError('CONFLICT', 'already undone');
    const out: RemovedRows['tables'] = [];
    const tables = await recordedTables(tx, importId);
    for (const t of CANONICAL_TABLES.filter((c) => tables.includes(c)).reverse()) {
      out.push({ table: t, rows: await deleteWhere(tx, t, `IN (${recordedKeysSql(t, importId)})`) });
    }
    await forgetImport(tx, importId);
    await tx.run(`DELETE FROM import_rejects WHERE import_id = $1`, [importId]);
    await tx.run(`INSERT INTO import_undone (import_id) VALUES ($1)`, [importId]);
    return out;
  });
  return finish(db, removed);
}

/** True when demo data was generated and not removed since. */
export async function hasDemo(db: Db | Tx): Promise<boolean> {
  const r = await db.all(`SELECT 1 FROM import_log WHERE import_id = $1 AND import_id NOT IN (SELECT import_id FROM import_undone) LIMIT 1`, [DEMO_IMPORT_ID]);
  return r.length > 0;
}

/** Records that the demo was generated (the demo only fills an empty database, so its rows are all rows then). */
export async function markDemo(db: Db): Promise<void> {
  await db.run(`DELETE FROM import_undone WHERE import_id = $1`, [DEMO_IMPORT_ID]);
  await db.run(`DELETE FROM import_log WHERE import_id = $1`, [DEMO_IMPORT_ID]);
  await db.run(`INSERT INTO import_log (import_id, file, format, loaded, started_at, finished_at) VALUES ($1, 'demo', 'demo', 0, now(), now())`, [DEMO_IMPORT_ID]);
}

/** Removes every row that no (still standing) file import or source sync recorded: the demo's rows. */
export async function removeDemo(db: Db): Promise<RemovedRows> {
  if (!(await hasDemo(db))) throw new AppError('NOT_FOUND', 'there is no demo data to remove');
  const removed = await db.transaction(async (tx) => {
    const out: RemovedRows['tables'] = [];
    for (const t of [...CANONICAL_TABLES].reverse()) {
      out.push({ table: t, rows: await deleteWhere(tx, t, `NOT IN (${recordedKeysSql(t)})`) });
    }
    await tx.run(`INSERT INTO import_undone (import_id) VALUES ($1)`, [DEMO_IMPORT_ID]);
    return out;
  });
  return finish(db, removed);
}
