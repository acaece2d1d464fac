// Reading and correcting identity links: the members of unified customers with an explanation of each link, and
// splitting a wrong match (recorded in customer_identity_splits, so later matching honours it).
import type { Db } from '../store/db';
import { AppError } from '../store/errors';
import type { IdentityLink, IdentityRule } from '../../shared/api/identity';
import { matchCustomersTx } from './matchCustomers';
import { sqlString } from '../sql/quote';

const RULE_TEXT: Record<Exclude<IdentityRule, 'root'>, { 'pt-BR': string; en: string }> = {
  email: { 'pt-BR': 'mesmo e-mail', en: 'matched by e-mail' },
  phone: { 'pt-BR': 'mesmo telefone', en: 'matched by phone' },
  cpf: { 'pt-BR': 'mesmo CPF', en: 'matched by CPF' },
};

/** The human explanation of one link, in both languages. */
export function linkReason(rule: IdentityRule, value: string | null, withId: string | null): IdentityLink['reason'] {
  if (rule === 'root') {
    return { 'pt-BR': 'registro mais antigo: o cliente unificado usa este código', en: 'oldest record: the unified customer keeps this id' };
  }
  const t = RULE_TEXT[rule];
  return { 'pt-BR': `${t['pt-BR']} (${value ?? '?'}) que ${withId ?? '?'}`, en: `${t.en} ${value ?? '?'} with ${withId ?? '?'}` };
}

interface LinkRow {
  customer_id: string;
  unified_id: string;
  rule: IdentityRule;
  matched_value: string | null;
  matched_with: string | null;
  name: string | null;
  source: string | null;
  created_at: Date | null;
  linked_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface LinksQuery {
  customerId?: string;
  unifiedId?: string;
  rule?: IdentityRule;
  offset: number;
  limit: number;
}

export async function listLinks(db: Db, q: LinksQuery): Promise<{ rows: IdentityLink[]; total: number }> {
  const where: string[] = [];
  const params: string[] = [];
  if (q.customerId) {
    params.push(q.customerId);
    where.push(`ci.unified_id = (SELECT unified_id FROM customer_identity WHERE customer_id = $${params.length})`);
  }
  if (q.unifiedId) {
    params.push(q.unifiedId);
    where.push(`ci.unified_id = $${params.length}`);
  }
  if (q.rule) {
    params.push(q.rule);
    where.push(`ci.rule = $${params.length}`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ n }] = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM customer_identity ci ${w}`, params);
  const rows = await db.all<LinkRow>(
    `SELECT ci.customer_id, ci.unified_id, ci.rule, ci.matched_value, ci.matched_with, c.name, c.source, c.created_at, ci.linked_at
     FROM customer_identity ci LEFT JOIN customers c USING (customer_id) ${w}
     ORDER BY ci.unified_id, ci.rule <> 'root', ci.customer_id LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      customerId: r.customer_id,
      unifiedId: r.unified_id,
      rule: r.rule,
      matchedValue: r.matched_value,
      matchedWith: r.matched_with,
      name: r.name,
      source: r.source,
      createdAt: iso(r.created_at),
      reason: linkReason(r.rule, r.matched_value, r.matched_with),
      linkedAt: iso(r.linked_at) as string,
    })),
  };
}

/** Splits `customerId` from its group (or only from `otherCustomerId`) and re-solves that group. */
export async function splitCustomer(db: Db, customerId: string, otherCustomerId?: string): Promise<{ unifiedBefore: string; unifiedAfter: string }> {
  const before = await db.all<{ unified_id: string }>(`SELECT unified_id FROM customer_identity WHERE customer_id = $1`, [customerId]);
  if (!before.length) {
    const known = await db.all(`SELECT 1 FROM customers WHERE customer_id = $1`, [customerId]);
    if (!known.length) throw new AppError('NOT_FOUND', `no customer ${customerId}`);
    throw new AppError('CONFLICT', `customer ${customerId} is not linked to any other record`);
  }
  const group = before[0].unified_id;
  if (otherCustomerId) {
    const other = await db.all<{ unified_id: string }>(`SELECT unified_id FROM customer_identity WHERE customer_id = $1`, [otherCustomerId]);
    if (!other.length || other[0].unified_id !== group) throw new AppError('CONFLICT', `${customerId} and ${otherCustomerId} are not linked`);
  }
  const scope = `SELECT customer_id FROM customer_identity WHERE unified_id = ${sqlString(group)}`;
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO customer_identity_splits (customer_id, other_customer_id)
       SELECT $1, customer_id FROM customer_identity WHERE unified_id = $2 AND customer_id <> $1 AND ($3::VARCHAR IS NULL OR customer_id = $3)`,
      [customerId, group, otherCustomerId ?? null],
    );
    // Only this group's records are re-solved: a split can only break a group apart, never join other records to it.
    await tx.run(`CREATE OR REPLACE TEMP TABLE __painel_split_scope AS ${scope}`);
    await matchCustomersTx(tx, 'SELECT customer_id FROM __painel_split_scope');
    await tx.run(`DROP TABLE __painel_split_scope`);
    tx.touched('customer_identity', 'customer_identity_splits');
  });
  const after = await db.all<{ unified_id: string }>(`SELECT unified_id FROM customer_identity WHERE customer_id = $1`, [customerId]);
  return { unifiedBefore: group, unifiedAfter: after[0]?.unified_id ?? customerId };
}
