// Loads one staged table inside the file's transaction: duplicate ids, rejects with lines, and the upsert
// (new ids inserted, changed rows replaced, identical rows left alone so a re-import changes nothing).
import type { Tx } from '../store/db';
import type { ImportTableCounts } from '../../shared/api/import';
import type { TableSpec } from './canonicalSchema';
import { columnList, lit, q, stagingSelect, type DecimalMark } from './convertSql';

/** Maps row ordinals (__r) of rejected rows to the line they stand on in the file. */
export type LineResolver = (ordinals: number[]) => Promise<Map<number, number>>;

export interface StageInput {
  spec: TableSpec;
  /** Canonical column -> text expression over `from`. */
  raw: Map<string, string>;
  dec: DecimalMark;
  from: string;
  /** Expression giving each row's ordinal; null: the staged table keeps file order, so its rowid + 1 is the ordinal. */
  ordinal: string | null;
  noTrim?: ReadonlySet<string>;
}

/** A staged table: its name and how its row ordinals are read. */
export interface Staged {
  name: string;
  /**
   * Set when ordinals come from rowids (a plain CREATE TABLE AS keeps the order of the file, in parallel): the first
   * rowid. Rows added inside a transaction are numbered from a large offset until commit, so ordinals subtract it.
   */
  rowidBase: bigint | null;
}

/** The ordinal of a staged row, optionally through a table alias. */
function ordOf(stg: Staged, alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return stg.rowidBase !== null ? `(${a}rowid - ${stg.rowidBase} + 1)` : `${a}__r`;
}

/** The first rowid of a table (0 when empty). */
export async function firstRowid(tx: Tx, table: string): Promise<bigint> {
  const r = await tx.all<{ b: bigint | null }>(`SELECT min(rowid) AS b FROM ${table}`);
  return BigInt(r[0]?.b ?? 0);
}

let seq = 0;

/** Creates a temp table with the typed rows of a source and their reject reasons. */
export async function stageRows(tx: Tx, input: StageInput): Promise<Staged> {
  const name = `__painel_stg_${process.pid}_${++seq}`;
  await tx.run(`CREATE TEMP TABLE ${name} AS ${stagingSelect(input.spec, input.raw, input.dec, input.from, input.ordinal, input.noTrim)}`);
  return { name, rowidBase: input.ordinal === null ? await firstRowid(tx, name) : null };
}

async function count(tx: Tx, sql: string): Promise<number> {
  const rows = await tx.all<{ n: bigint | number }>(sql);
  return Number(rows[0]?.n ?? 0);
}

/** Marks every repeat of an id within the staged rows (all but the first occurrence) as rejected. */
export async function rejectDuplicates(tx: Tx, staged: Staged, spec: TableSpec): Promise<void> {
  const stg = staged.name;
  const key = spec.key.map(q).join(', ');
  const desc = spec.key.join(', ');
  const value = spec.key.length === 1 ? `CAST(${q(spec.key[0])} AS VARCHAR)` : `concat_ws(' / ', ${spec.key.map((k) => `CAST(${q(k)} AS VARCHAR)`).join(', ')})`;
  await tx.run(`
UPDATE ${stg} SET __rej = {'c': ${lit(desc)}, 'v': d.v, 'r': ${lit(`duplicate ${desc} within the file (the first row was kept)`)}}
FROM (
  SELECT r, v FROM (
    SELECT ${ordOf(staged)} AS r, ${value} AS v, row_number() OVER (PARTITION BY ${key} ORDER BY ${ordOf(staged)}) AS n
    FROM ${stg}
    WHERE __rej IS NULL AND __h IN (SELECT __h FROM ${stg} WHERE __rej IS NULL GROUP BY 1 HAVING count(*) > 1)
  ) WHERE n > 1
) d
WHERE ${ordOf(staged, stg)} = d.r`);
}

export interface FinishInput {
  stg: Staged;
  spec: TableSpec;
  importId: string;
  file: string;
  lines: LineResolver;
}

/** A row's key as one text value (the import_rows record that lets an import be undone). */
export function rowKeySql(key: readonly string[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return key.length === 1 ? `CAST(${a}${q(key[0])} AS VARCHAR)` : `concat_ws(chr(31), ${key.map((k) => `CAST(${a}${q(k)} AS VARCHAR)`).join(', ')})`;
}

/** Writes rejects and upserts the valid staged rows (duplicates already marked) into the canonical table. */
export async function finishTable(tx: Tx, f: FinishInput): Promise<ImportTableCounts> {
  const { spec } = f;
  const stg = f.stg.name;
  const r = (alias?: string) => ordOf(f.stg, alias);
  const table = spec.name;
  const [totals] = await tx.all<{ n: bigint; rej: bigint }>(`SELECT count(*) AS n, count(__rej) AS rej FROM ${stg}`);
  const rejected = Number(totals.rej);
  if (rejected > 0) {
    const ords = await tx.all<{ r: bigint | number }>(`SELECT ${r()} AS r FROM ${stg} WHERE __rej IS NOT NULL ORDER BY 1`);
    const lines = await f.lines(ords.map((o) => Number(o.r)));
    const lt = `${stg}_lines`;
    await tx.run(`CREATE TEMP TABLE ${lt} (r BIGINT, line BIGINT)`);
    const app = await tx.connection.createAppender(lt, 'main', 'temp');
    for (const [r, line] of lines) {
      app.appendBigInt(BigInt(r));
      app.appendBigInt(BigInt(line));
      app.endRow();
    }
    app.closeSync();
    await tx.run(
      `INSERT INTO import_rejects (import_id, file, "table", line, "column", value, reason)
       SELECT $1, $2, $3, l.line, s.__rej.c, left(s.__rej.v, 1000), s.__rej.r
       FROM ${stg} s LEFT JOIN ${lt} l ON l.r = ${r('s')} WHERE s.__rej IS NOT NULL ORDER BY ${r('s')}`,
      [f.importId, f.file, table],
    );
    await tx.run(`DROP TABLE ${lt}`);
  }
  const cols = columnList(spec);
  const targetEmpty = (await count(tx, `SELECT count(*) AS n FROM (SELECT 1 FROM ${q(table)} LIMIT 1)`)) === 0;
  if (targetEmpty) {
    const loaded = Number(totals.n) - rejected;
    await tx.run(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM ${stg} WHERE __rej IS NULL`);
    await tx.run(`INSERT INTO import_rows SELECT $1, $2, ${rowKeySql(spec.key)} FROM ${stg} WHERE __rej IS NULL`, [f.importId, table]);
    return { table, loaded, replaced: 0, unchanged: 0, rejected };
  }
  const on = spec.key.map((k) => `t.${q(k)} = s.${q(k)}`).join(' AND ');
  const same = spec.columns.map((c) => `t.${q(c.name)} IS NOT DISTINCT FROM s.${q(c.name)}`).join(' AND ');
  // A row whose updated_at is older than the stored one is not newer: it is kept out like an identical row.
  const older = spec.columns.some((c) => c.name === 'updated_at') ? ` OR (s.updated_at < t.updated_at)` : '';
  const cmp = `${stg}_cmp`;
  await tx.run(`CREATE TEMP TABLE ${cmp} AS
SELECT ${r('s')} AS __r, CASE WHEN t.__found IS NULL THEN 'new' WHEN (${same})${older} THEN 'same' ELSE 'changed' END AS st
FROM ${stg} s LEFT JOIN (SELECT *, true AS __found FROM ${q(table)}) t ON ${on}
WHERE s.__rej IS NULL`);
  const byState = await tx.all<{ st: string; n: bigint | number }>(`SELECT st, count(*) AS n FROM ${cmp} GROUP BY st`);
  const n = (st: string) => Number(byState.find((b) => b.st === st)?.n ?? 0);
  if (n('changed') > 0) {
    const using = spec.key.map((k) => `${q(table)}.${q(k)} = c.${q(k)}`).join(' AND ');
    await tx.run(`DELETE FROM ${q(table)} USING (SELECT ${spec.key.map((k) => `s.${q(k)}`).join(', ')} FROM ${stg} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st = 'changed') c WHERE ${using}`);
  }
  if (n('new') + n('changed') > 0) {
    await tx.run(`INSERT INTO ${q(table)} (${cols}) SELECT ${spec.columns.map((c) => `s.${q(c.name)}`).join(', ')} FROM ${stg} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st IN ('new', 'changed')`);
    if (n('new') > 0) {
      await tx.run(`INSERT INTO import_rows SELECT $1, $2, ${rowKeySql(spec.key, 's')} FROM ${stg} s JOIN ${cmp} c0 ON c0.__r = ${r('s')} WHERE st = 'new'`, [f.importId, table]);
    }
  }
  await tx.run(`DROP TABLE ${cmp}`);
  return { table, loaded: n('new'), replaced: n('changed'), unchanged: n('same'), rejected };
}
