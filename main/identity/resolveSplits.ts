// Honours customer_identity_splits: a group that would hold two records a user split apart is re-solved by joining
// its records one shared value at a time (e-mail, then CPF, then phone, oldest first), never across a split.
import type { Tx } from '../store/db';

export interface IdentityTables {
  nodes: string;
  vals: string;
  labels: string;
}

const RULE_ORDER: Record<string, number> = { email: 0, cpf: 1, phone: 2 };

export async function resolveSplits(tx: Tx, t: IdentityTables): Promise<void> {
  const conflicts = await tx.all<{ l: bigint | number }>(`
    SELECT DISTINCT la.l FROM customer_identity_splits s
    JOIN ${t.nodes} na ON na.customer_id = s.customer_id JOIN ${t.nodes} nb ON nb.customer_id = s.other_customer_id
    JOIN ${t.labels} la ON la.rk = na.rk JOIN ${t.labels} lb ON lb.rk = nb.rk
    WHERE la.l = lb.l`);
  if (!conflicts.length) return;
  const groups = conflicts.map((c) => Number(c.l)).join(', ');
  const edges = await tx.all<{ a: bigint; b: bigint; rule: string }>(`
    SELECT DISTINCT va.rk AS a, vb.rk AS b, va.rule FROM ${t.vals} va JOIN ${t.vals} vb ON va.rule = vb.rule AND va.val = vb.val AND va.rk < vb.rk
    JOIN ${t.labels} la ON la.rk = va.rk WHERE la.l IN (${groups})`);
  const splits = await tx.all<{ a: bigint; b: bigint }>(`
    SELECT na.rk AS a, nb.rk AS b FROM customer_identity_splits s
    JOIN ${t.nodes} na ON na.customer_id = s.customer_id JOIN ${t.nodes} nb ON nb.customer_id = s.other_customer_id`);
  const members = await tx.all<{ rk: bigint }>(`SELECT rk FROM ${t.labels} WHERE l IN (${groups})`);
  const parent = new Map<number, number>();
  const sets = new Map<number, Set<number>>();
  for (const m of members) {
    const r = Number(m.rk);
    parent.set(r, r);
    sets.set(r, new Set([r]));
  }
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  const forbidden = splits.map((s) => [Number(s.a), Number(s.b)] as const);
  const sorted = edges
    .map((e) => ({ a: Number(e.a), b: Number(e.b), rule: e.rule }))
    .sort((x, y) => (RULE_ORDER[x.rule] ?? 9) - (RULE_ORDER[y.rule] ?? 9) || x.a - y.a || x.b - y.b);
  for (const e of sorted) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    const A = sets.get(ra) as Set<number>;
    const B = sets.get(rb) as Set<number>;
    if (forbidden.some(([x, y]) => (A.has(x) && B.has(y)) || (A.has(y) && B.has(x)))) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
    const merged = sets.get(keep) as Set<number>;
    for (const x of sets.get(drop) as Set<number>) merged.add(x);
    sets.delete(drop);
  }
  const fix = `${t.labels}_fix`;
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${fix} (rk BIGINT, l BIGINT)`);
  const app = await tx.connection.createAppender(fix, 'main', 'temp');
  for (const [root, set] of sets) {
    const label = Math.min(...set, root);
    for (const x of set) {
      app.appendBigInt(BigInt(x));
      app.appendBigInt(BigInt(label));
      app.endRow();
    }
  }
  app.closeSync();
  await tx.run(`UPDATE ${t.labels} SET l = f.l FROM ${fix} f WHERE ${t.labels}.rk = f.rk`);
  await tx.run(`DROP TABLE ${fix}`);
}
