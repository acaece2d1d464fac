// Stage and validate, the first steps of the one table pipeline: rows from a file (text expressions over a scan) or
// from a connector (JS rows appended as text) become a temp table of typed canonical columns, each row carrying the
// first rule it breaks (__rej, from rules.ts), the key's hash (__h) and its ordinal; then the checks that need the
// whole batch — repeated keys and children of rejected sales — mark their rows the same way.
import type { Tx } from '../store/db';
import { columnList, q, typedExpr, type DecimalMark } from './convert';
import { REASONS, reasonText, rejectSql, ruleChecks, type Locale } from './rules';
import { SQL_TYPES, type TableSpec } from './schema';
import { sqlString } from '../sql/quote';
import { columnWord } from '../../shared/model';

export interface StageInput {
  spec: TableSpec;
  /** Canonical column -> text expression over `from` (columns the source lacks are absent). */
  raw: ReadonlyMap<string, string>;
  dec: DecimalMark;
  from: string;
  /** Expression giving each row's ordinal; null: the staged table keeps file order, so its rowid + 1 is the ordinal. */
  ordinal: string | null;
  locale: Locale;
  /** Columns known to hold no padded values (trimming every value of a column costs as much as parsing it). */
  noTrim?: ReadonlySet<string>;
  /** Helper columns of `from` carried through unchanged (connector-only values such as an e-mail to match). */
  extras?: readonly string[];
}

/** A staged table: its name and how its row ordinals are read. */
export interface Staged {
  name: string;
  spec: TableSpec;
  /**
   * Set when ordinals come from rowids (a plain CREATE TABLE AS keeps the order of the file, in parallel): the first
   * rowid. Rows added inside a transaction are numbered from a large offset until commit, so ordinals subtract it.
   */
  rowidBase: bigint | null;
  locale: Locale;
}

/** The ordinal of a staged row, optionally through a table alias. */
export function ordOf(stg: Staged, alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return stg.rowidBase !== null ? `(${a}rowid - ${stg.rowidBase} + 1)` : `${a}__r`;
}

/**
 * A SELECT over `from` giving `__r` (when `ordinal` is given), every canonical column typed, the extras, `__rej`
 * (NULL, or the first broken rule) and `__h`. Only projections: a join, sort or aggregate would lose the file order
 * that rowid ordinals rely on.
 */
export function stagingSelect(input: Omit<StageInput, 'locale'> & { locale?: Locale }): string {
  const { spec, raw, dec, from, ordinal } = input;
  const noTrim = input.noTrim ?? new Set<string>();
  const extras = (input.extras ?? []).map(q);
  const l1 = [...(ordinal ? [`${ordinal} AS __r`] : []), ...extras];
  const l2 = [...(ordinal ? ['__r'] : []), ...extras];
  for (const c of spec.columns) {
    const r = raw.get(c.name);
    const v = q(`__v_${c.name}`);
    if (r === undefined) {
      l2.push(`NULL::${SQL_TYPES[c.kind]} AS ${q(c.name)}`);
      continue;
    }
    l1.push(noTrim.has(c.name) ? `NULLIF(CAST(${r} AS VARCHAR), '') AS ${v}` : `NULLIF(trim(CAST(${r} AS VARCHAR)), '') AS ${v}`);
    l2.push(v, `${typedExpr(c, v, dec)} AS ${q(c.name)}`);
  }
  const checks = ruleChecks(spec, new Set(raw.keys()), input.locale ?? 'pt-BR');
  const rej = checks.length ? `CASE ${checks.join('\n  ')} END` : `NULL::STRUCT(c VARCHAR, v VARCHAR, r VARCHAR)`;
  // __h: the key's hash, computed in this pass so the duplicate check groups integers.
  return `SELECT ${ordinal ? '__r, ' : ''}${extras.map((e) => `${e}, `).join('')}${columnList(spec)}, ${rej} AS __rej, hash(${spec.key.map(q).join(', ')}) AS __h
FROM (SELECT ${l2.join(', ')} FROM (SELECT ${l1.join(', ')} FROM ${from}))`;
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
  await tx.run(`CREATE TEMP TABLE ${name} AS ${stagingSelect(input)}`);
  return { name, spec: input.spec, rowidBase: input.ordinal === null ? await firstRowid(tx, name) : null, locale: input.locale };
}

/** Which of several rows with the same key is the row: files keep the first and reject the rest; a connector that
 * read one record twice in a batch keeps its latest read (the earlier ones are set aside without a reject). */
export type Repeats = 'reject' | 'latest';

/** Marks repeats of a key within the staged rows (every occurrence but the one kept). */
export async function markRepeats(tx: Tx, staged: Staged, repeats: Repeats): Promise<void> {
  const { spec } = staged;
  const stg = staged.name;
  const key = spec.key.map(q).join(', ');
  const desc = spec.key.join(', ');
  const value = spec.key.length === 1 ? `CAST(${q(spec.key[0])} AS VARCHAR)` : `concat_ws(' / ', ${spec.key.map((k) => `CAST(${q(k)} AS VARCHAR)`).join(', ')})`;
  const order = `${ordOf(staged)}${repeats === 'latest' ? ' DESC' : ''}`;
  // A repeat kept out of a connector's batch is not an error: it carries no reason and is never written as a reject.
  const rej = repeats === 'reject' ? rejectSql(desc, 'd.v', sqlString(reasonText(REASONS.duplicate, staged.locale, { key: spec.key.map((k) => columnWord(k, staged.locale, spec.name)).join(', ') }))) : `{'c': NULL, 'v': NULL, 'r': NULL}`;
  await tx.run(`
UPDATE ${stg} SET __rej = ${rej}
FROM (
  SELECT r, v FROM (
    SELECT ${ordOf(staged)} AS r, ${value} AS v, row_number() OVER (PARTITION BY ${key} ORDER BY ${order}) AS n
    FROM ${stg}
    WHERE __rej IS NULL AND __h IN (SELECT __h FROM ${stg} WHERE __rej IS NULL GROUP BY 1 HAVING count(*) > 1)
  ) WHERE n > 1
) d
WHERE ${ordOf(staged, stg)} = d.r`);
}

/** The sale ids rejected so far in this write (lines and payments of a rejected sale are set aside with it). */
export const REJECTED_SALES = '__painel_rejected_sales';

/** Starts a write (one transaction of one file or one batch of a source): no sale is rejected yet. */
export async function beginWrite(tx: Tx): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${REJECTED_SALES} (sale_id VARCHAR)`);
}

/** Records rejected sales, or rejects lines and payments whose sale was rejected in the same write. */
export async function markOrphans(tx: Tx, staged: Staged): Promise<void> {
  const t = staged.spec.name;
  if (t === 'sales') {
    await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${REJECTED_SALES} (sale_id VARCHAR)`);
    await tx.run(`INSERT INTO ${REJECTED_SALES} SELECT sale_id FROM ${staged.name} WHERE __rej.r IS NOT NULL AND sale_id IS NOT NULL`);
  } else if (t === 'sale_lines' || t === 'payments') {
    await tx.run(`CREATE TEMP TABLE IF NOT EXISTS ${REJECTED_SALES} (sale_id VARCHAR)`);
    const [{ n }] = await tx.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${REJECTED_SALES} LIMIT 1)`);
    if (n === 0) return;
    await tx.run(
      `UPDATE ${staged.name} SET __rej = ${rejectSql('sale_id', 'sale_id', sqlString(reasonText(REASONS.orphan, staged.locale)))}
       WHERE __rej IS NULL AND sale_id IN (SELECT sale_id FROM ${REJECTED_SALES})`,
    );
  }
}
