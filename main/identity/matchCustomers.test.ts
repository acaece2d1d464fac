// Customer identity: normalization of e-mails, Brazilian phones and CPFs, linking to the oldest record, explanations,
// and splits that later matching honours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { createIdentityMacros } from './normalizeSql';
import { rebuildIdentity } from './matchCustomers';
import type { IdentityLink } from '../../shared/api/identity';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
});
afterAll(() => t.close());

async function norm(kind: 'email' | 'phone' | 'cpf', values: string[]): Promise<(string | null)[]> {
  const fn = { email: 'painel_email_norm', phone: 'painel_phone_e164', cpf: 'painel_cpf_norm' }[kind];
  return t.engine.db.transaction(async (tx) => {
    await createIdentityMacros(tx);
    const rows = await tx.all<{ v: string | null }>(`SELECT ${fn}(x) AS v FROM unnest($1::VARCHAR[]) WITH ORDINALITY u(x, i) ORDER BY i`, [
      `[${values.map((v) => `"${v}"`).join(',')}]`,
    ]);
    return rows.map((r) => r.v);
  });
}

describe('normalization', () => {
  it('e-mails: trimmed, lower case, without accents; placeholders and junk are not evidence', async () => {
    expect(await norm('email', [' Maria.Silva@Gmail.COM ', 'joão@uol.com.br', 'nao@tem.com', 'sem@email.com', 'x@x', 'not an email'])).toEqual([
      'maria.silva@gmail.com',
      'joao@uol.com.br',
      null,
      null,
      null,
      null,
    ]);
  });

  it('phones: E.164 with Brazilian rules (country code, DDD, trunk 0, carrier code, ninth digit)', async () => {
    const same = ['+55 (11) 98765-4321', '11 98765 4321', '(11) 8765-4321', '011 98765-4321', '0 21 11 98765-4321', '5511987654321', '+55 11 98765-4321'];
    expect(await norm('phone', same)).toEqual(same.map(() => '+5511987654321'));
    expect(await norm('phone', ['(11) 3456-7890', '98765-4321', '+1 (415) 555-2671', '(11) 99999-9999', '(00) 98765-4321'])).toEqual([
      '+551134567890',
      null,
      '+14155552671',
      null,
      null,
    ]);
  });

  it('CPF: its 11 digits; repeated digits, fillers and CNPJs are not evidence', async () => {
    expect(await norm('cpf', ['529.982.247-25', '52998224725', '529.982.247-26', '111.111.111-11', '123.456.789-09', '12.345.678/0001-95'])).toEqual([
      '52998224725',
      '52998224725',
      '52998224726',
      null,
      null,
      null,
    ]);
  });
});

describe('linking', () => {
  beforeAll(async () => {
    await t.engine.db.run(`INSERT INTO customers (customer_id, name, email, phone, document, created_at, source) VALUES
      ('salon:1', 'João Conceição', 'JOAO.CONCEICAO@GMAIL.COM', NULL, '52998224725', '2023-01-01', 'salon'),
      ('woo:7', 'Joao Conceicao', ' joao.conceicao@gmail.com', '+55 21 99876-5432', NULL, '2024-01-01', 'woo'),
      ('ml:9', 'João C.', NULL, NULL, '529.982.247-25', '2022-06-01', 'ml'),
      ('bling:5', 'Ana Paula', NULL, '21 99876 5432', NULL, '2024-05-01', 'bling'),
      ('salon:3', 'Bia', 'nao@tem.com', NULL, NULL, '2023-01-01', 'salon'),
      ('salon:4', 'Carla', 'nao@tem.com', NULL, NULL, '2023-01-01', 'salon'),
      ('salon:20', 'Zé', NULL, '(31) 98888-7777', NULL, NULL, 'salon'),
      ('salon:10', 'José', NULL, '31 98888 7777', NULL, NULL, 'salon'),
      ('woo:8', 'José', NULL, '+55 31 98888-7777', NULL, '2025-01-01', 'woo')`);
    await t.engine.db.run(`INSERT INTO sales (sale_id, customer_id, status, occurred_at, total_amount) VALUES ('s1', 'woo:7', 'completed', '2024-02-01', 10)`);
    await rebuildIdentity(t.engine.db);
  });

  it('links records of one person to the oldest record (earliest created_at, then smallest id)', async () => {
    const rows = await t.engine.db.all(`SELECT customer_id, unified_id, rule FROM customer_identity ORDER BY unified_id, customer_id`);
    expect(rows).toEqual([
      { customer_id: 'bling:5', unified_id: 'ml:9', rule: 'phone' },
      { customer_id: 'ml:9', unified_id: 'ml:9', rule: 'root' },
      { customer_id: 'salon:1', unified_id: 'ml:9', rule: 'cpf' },
      { customer_id: 'woo:7', unified_id: 'ml:9', rule: 'email' },
      { customer_id: 'salon:10', unified_id: 'woo:8', rule: 'phone' },
      { customer_id: 'salon:20', unified_id: 'woo:8', rule: 'phone' },
      { customer_id: 'woo:8', unified_id: 'woo:8', rule: 'root' },
    ]);
    expect(await t.engine.db.all(`SELECT customer_key FROM v_sales WHERE sale_id = 's1'`)).toEqual([{ customer_key: 'ml:9' }]);
  });

  it('explains each link through identity.links', async () => {
    const r = await t.call<{ rows: IdentityLink[]; total: number }>('identity.links', { customerId: 'woo:7' });
    expect(r.total).toBe(4);
    const woo = r.rows.find((x) => x.customerId === 'woo:7') as IdentityLink;
    expect(woo).toMatchObject({ unifiedId: 'ml:9', rule: 'email', matchedValue: 'joao.conceicao@gmail.com', matchedWith: 'salon:1', name: 'Joao Conceicao', source: 'woo' });
    expect(woo.reason.en).toBe('matched by e-mail joao.conceicao@gmail.com with salon:1');
    expect(woo.reason['pt-BR']).toBe('mesmo e-mail (joao.conceicao@gmail.com) que salon:1');
    expect(r.rows[0]).toMatchObject({ customerId: 'ml:9', rule: 'root' });
    expect((r.rows.find((x) => x.customerId === 'salon:1') as IdentityLink).reason.en).toBe('matched by CPF 52998224725 with ml:9');
  });

  it('splits a wrong match, and the split survives later matching', async () => {
    const r = await t.call<{ unifiedBefore: string; unifiedAfter: string; links: IdentityLink[] }>('identity.split', { customerId: 'bling:5' });
    expect(r).toMatchObject({ unifiedBefore: 'ml:9', unifiedAfter: 'bling:5' });
    expect(r.links.map((l) => l.customerId).sort()).toEqual(['ml:9', 'salon:1', 'woo:7']);
    await rebuildIdentity(t.engine.db);
    expect(await t.engine.db.all(`SELECT count(*)::INT n FROM customer_identity WHERE customer_id = 'bling:5'`)).toEqual([{ n: 0 }]);
    expect(await t.engine.db.all(`SELECT count(*)::INT n FROM customer_identity WHERE unified_id = 'ml:9'`)).toEqual([{ n: 3 }]);
  });

  it('splits one pair inside a chain without pulling the rest apart', async () => {
    const r = await t.call<{ unifiedAfter: string }>('identity.split', { customerId: 'salon:10', otherCustomerId: 'woo:8' });
    expect(r.unifiedAfter).toBe('salon:10');
    const rows = await t.engine.db.all(`SELECT customer_id, unified_id FROM customer_identity WHERE customer_id IN ('salon:10', 'salon:20', 'woo:8') ORDER BY 1`);
    // All three share one phone. Once salon:10 and woo:8 may not meet, links are made oldest record first: salon:20
    // joins woo:8 (the only one with a created_at), and salon:10 is left on its own.
    expect(rows).toEqual([
      { customer_id: 'salon:20', unified_id: 'woo:8' },
      { customer_id: 'woo:8', unified_id: 'woo:8' },
    ]);
  });

  it('refuses to split what is not linked', async () => {
    await expect(t.call('identity.split', { customerId: 'salon:3' })).rejects.toThrow(/CONFLICT/);
    await expect(t.call('identity.split', { customerId: 'nobody' })).rejects.toThrow(/NOT_FOUND/);
  });
});
