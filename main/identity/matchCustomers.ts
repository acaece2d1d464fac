// Links customer records that are the same person (same normalized e-mail, E.164 phone or CPF) into one unified
// customer whose id is the oldest member's (earliest created_at, then smallest id). Set-based SQL: label propagation
// over shared values; only groups touched by a user's split are re-solved in code, honouring every split.
import type { Db, Tx } from '../store/db';
import { refreshVisitLinks } from '../model/customerVisits';
import { createIdentityMacros } from './normalizeSql';
import { resolveSplits } from './resolveSplits';
import type { IdentityResult } from '../../shared/api/identity';

/** A value shared by more records than this is a placeholder (shop phone, "sem@email"), never evidence. */
export const MAX_RECORDS_PER_VALUE = 10;

export type { IdentityResult } from '../../shared/api/identity';

const N = '__painel_id_nodes';
const V = '__painel_id_vals';
const L = '__painel_id_labels';

async function one(tx: Tx, sql: string): Promise<number> {
  const r = await tx.all<{ n: bigint | number | null }>(sql);
  return Number(r[0]?.n ?? 0);
}

/**
 * Re-solves identity inside `tx` for every customer, or only for `scope` (a SQL query of customer ids whose group
 * cannot grow, e.g. the members of a group being split).
 */
export async function matchCustomersTx(tx: Tx, scope?: string): Promise<IdentityResult> {
  await createIdentityMacros(tx);
  const where = scope ? `WHERE customer_id IN (${scope})` : '';
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${N} AS
    SELECT customer_id, row_number() OVER (ORDER BY created_at NULLS LAST, customer_id) AS rk,
      painel_email_of(le) AS em, painel_phone_of(pd, plus) AS ph, painel_cpf_of(cd) AS cpf
    FROM (
      SELECT customer_id, created_at, lower(strip_accents(trim(email))) AS le,
        regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS pd, left(trim(phone), 1) = '+' AS plus,
        regexp_replace(coalesce(document, ''), '[^0-9]', '', 'g') AS cd
      FROM (SELECT DISTINCT ON (customer_id) customer_id, created_at, email, phone, document FROM customers ${where} ORDER BY customer_id, created_at NULLS LAST))`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${V} AS
    WITH v AS (
      SELECT rk, 'email' AS rule, em AS val FROM ${N} WHERE em IS NOT NULL
      UNION ALL SELECT rk, 'cpf', cpf FROM ${N} WHERE cpf IS NOT NULL
      UNION ALL SELECT rk, 'phone', ph FROM ${N} WHERE ph IS NOT NULL)
    SELECT v.* FROM v JOIN (SELECT rule, val FROM v GROUP BY ALL HAVING count(*) BETWEEN 2 AND ${MAX_RECORDS_PER_VALUE}) g USING (rule, val)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${L} AS SELECT DISTINCT rk, rk AS l FROM ${V}`);
  for (let i = 0; i < 100; i++) {
    await tx.run(`CREATE OR REPLACE TEMP TABLE ${L}_next AS
      WITH m AS (SELECT v.rule, v.val, min(l.l) AS m FROM ${V} v JOIN ${L} l USING (rk) GROUP BY ALL),
      best AS (SELECT v.rk, min(m.m) AS m FROM ${V} v JOIN m USING (rule, val) GROUP BY v.rk)
      SELECT l.rk, least(l.l, best.m) AS l FROM ${L} l JOIN best USING (rk)`);
    const changed = await one(tx, `SELECT count(*) AS n FROM ${L} a JOIN ${L}_next b USING (rk) WHERE a.l <> b.l`);
    await tx.run(`DROP TABLE ${L}; ALTER TABLE ${L}_next RENAME TO ${L.replace(/^.*\./, '')}`);
    if (changed === 0) break;
  }
  await resolveSplits(tx, { nodes: N, vals: V, labels: L });
  // Each member's explanation: a value it shares with another member, preferring the root, then e-mail, CPF, phone.
  const next = '__painel_id_new';
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${next} AS
    WITH g AS (SELECT l, count(*) AS size FROM ${L} GROUP BY l HAVING count(*) > 1),
    members AS (SELECT lb.rk, lb.l FROM ${L} lb JOIN g USING (l)),
    pairs AS (
      SELECT a.rk, a.rule, a.val, b.rk AS other, ma.l
      FROM ${V} a JOIN ${V} b ON a.rule = b.rule AND a.val = b.val AND a.rk <> b.rk
      JOIN members ma ON ma.rk = a.rk JOIN members mb ON mb.rk = b.rk AND mb.l = ma.l),
    why AS (
      SELECT rk, arg_min({'rule': rule, 'val': val, 'other': other},
        (other <> l, CASE rule WHEN 'email' THEN 0 WHEN 'cpf' THEN 1 ELSE 2 END, other)) AS w
      FROM pairs GROUP BY rk)
    SELECT n.customer_id, r.customer_id AS unified_id,
      CASE WHEN m.rk = m.l THEN 'root' ELSE w.w.rule END AS rule,
      CASE WHEN m.rk = m.l THEN NULL ELSE w.w.val END AS matched_value,
      CASE WHEN m.rk = m.l THEN NULL ELSE o.customer_id END AS matched_with
    FROM members m JOIN ${N} n ON n.rk = m.rk JOIN ${N} r ON r.rk = m.l
    LEFT JOIN why w ON w.rk = m.rk LEFT JOIN ${N} o ON o.rk = w.w.other`);
  const scoped = scope ? `WHERE customer_id IN (SELECT customer_id FROM ${N})` : '';
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${next}_old AS SELECT * FROM customer_identity ${scoped}`);
  await tx.run(scope ? `DELETE FROM customer_identity WHERE customer_id IN (SELECT customer_id FROM ${N})` : `DELETE FROM customer_identity`);
  await tx.run(`INSERT INTO customer_identity (customer_id, unified_id, rule, matched_value, matched_with, linked_at)
    SELECT n.customer_id, n.unified_id, n.rule, n.matched_value, n.matched_with,
      CASE WHEN o.unified_id = n.unified_id THEN o.linked_at ELSE now() END
    FROM ${next} n LEFT JOIN ${next}_old o USING (customer_id)`);
  const linked = await one(tx, `SELECT count(*) AS n FROM ${next}`);
  const groups = await one(tx, `SELECT count(*) AS n FROM ${next} WHERE rule = 'root'`);
  for (const t of [N, V, L, next, `${next}_old`]) await tx.run(`DROP TABLE IF EXISTS ${t}`);
  tx.touched('customer_identity');
  // The customer visits are grouped by unified customer: those whose links changed are regrouped with them.
  await refreshVisitLinks(tx);
  return { linkedCustomers: linked, groups };
}

/** Re-solves identity for every customer in its own transaction. */
export function rebuildIdentity(db: Db): Promise<IdentityResult> {
  return db.transaction((tx) => matchCustomersTx(tx));
}
