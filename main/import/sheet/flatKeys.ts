// The keys of a flat sheet's customers (CPF, phone, e-mail or name; or the sheet's own customer id), professionals
// and items (their folded names), worked out once per distinct value into small dictionaries: a sheet repeats a few
// thousand customers and a handful of names over a million rows. Rows keep a small integer per key (one per
// distinct key, so grouping by it groups by the key); the key text is joined back where a table needs it.
import { digitsSql, nameKeySql } from './values';

export interface KeyPlan {
  /** The dictionaries' CREATE statements, run on the parsed rows. */
  create: string[];
  /** LEFT JOINs of the parsed rows (alias p) to the dictionaries. */
  joins: string[];
  /** A row's customer key (text) over p and the joins: the sale id is made from it. */
  custKey: string;
  /** The columns the rows keep: cn, en, itn (INTEGER, NULL where the key is NULL). */
  ids: string[];
  /** Each key by its number, `(SELECT n, key ...)`, to join back; null when the sheet has no such field. */
  keys: { c: string | null; e: string | null; i: string | null };
  /** The dictionary tables, dropped once the sheet is loaded. */
  tables: string[];
}

const short = (x: string) => `left(md5(${x}), 16)`;
const NULLTEXT = 'NULL::VARCHAR';

/** Numbers the distinct non-NULL keys of a dictionary: the same number for the same key. */
const numbered = (key: string, n: string) => `CAST(CASE WHEN ${key} IS NOT NULL THEN dense_rank() OVER (ORDER BY ${key}) END AS INTEGER) AS ${n}`;

/**
 * `parsed` holds the cleaned cells (doc, phone, email, cname, or cid for a sheet with customer ids; ename; iname);
 * `consts` the ones the mapping leaves constant (not stored). Ids are those worked out row by row before: a
 * customer is 'sheet:c:' + MD5 of the first of CPF, phone, e-mail and folded name; a professional or item is
 * 'sheet:e:' / 'sheet:i:' + MD5 of the folded name.
 */
export function keyPlan(o: { base: string; parsed: string; consts: ReadonlyMap<string, string>; customerId: boolean }): KeyPlan {
  const d = { c: `${o.base}_ck`, e: `${o.base}_ek`, i: `${o.base}_ik` };
  const w = (name: string) => o.consts.get(name) ?? name;
  const who = o.customerId ? ['cid'] : ['doc', 'phone', 'email', 'cname'].filter((x) => !o.consts.has(x));
  const customerKey = o.customerId
    ? `CASE WHEN cid IS NOT NULL THEN 'sheet:' || cid END`
    : `'sheet:c:' || ${short(`coalesce('cpf:' || ${digitsSql(w('doc'))}, 'tel:' || right(${digitsSql(w('phone'))}, 11), 'email:' || ${w('email')}, 'nome:' || ${nameKeySql(w('cname'))})`)}`;
  const hasC = who.length > 0;
  const nameDict = (table: string, col: string, key: string, n: string, prefix: string) =>
    `CREATE TEMP TABLE ${table} AS SELECT *, ${numbered(key, n)} FROM (SELECT ${col}, CASE WHEN ${col} IS NOT NULL THEN '${prefix}' || ${short(nameKeySql(col))} END AS ${key}
  FROM (SELECT DISTINCT ${col} FROM ${o.parsed} WHERE ${col} IS NOT NULL))`;
  const hasE = !o.consts.has('ename');
  const hasI = !o.consts.has('iname');
  return {
    create: [
      ...(hasC ? [`CREATE TEMP TABLE ${d.c} AS SELECT *, ${numbered('ck', 'cn')} FROM (SELECT ${who.join(', ')}, ${customerKey} AS ck FROM (SELECT DISTINCT ${who.join(', ')} FROM ${o.parsed}))`] : []),
      ...(hasE ? [nameDict(d.e, 'ename', 'ek', 'en', 'sheet:e:')] : []),
      ...(hasI ? [nameDict(d.i, 'iname', 'ik', 'itn', 'sheet:i:')] : []),
    ],
    joins: [
      ...(hasC ? [`LEFT JOIN ${d.c} c ON ${who.map((x) => `c.${x} IS NOT DISTINCT FROM p.${x}`).join(' AND ')}`] : []),
      ...(hasE ? [`LEFT JOIN ${d.e} e ON e.ename = p.ename`] : []),
      ...(hasI ? [`LEFT JOIN ${d.i} i ON i.iname = p.iname`] : []),
    ],
    custKey: hasC ? 'c.ck' : NULLTEXT,
    ids: [`${hasC ? 'c.cn' : 'NULL::INTEGER'} AS cn`, `${hasE ? 'e.en' : 'NULL::INTEGER'} AS en`, `${hasI ? 'i.itn' : 'NULL::INTEGER'} AS itn`],
    keys: {
      c: hasC ? `(SELECT DISTINCT cn, ck FROM ${d.c} WHERE cn IS NOT NULL)` : null,
      e: hasE ? `(SELECT DISTINCT en, ek FROM ${d.e} WHERE en IS NOT NULL)` : null,
      i: hasI ? `(SELECT DISTINCT itn, ik FROM ${d.i} WHERE itn IS NOT NULL)` : null,
    },
    tables: [...(hasC ? [d.c] : []), ...(hasE ? [d.e] : []), ...(hasI ? [d.i] : [])],
  };
}
