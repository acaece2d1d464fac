import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { emailSql, phoneE164Sql } from './phone';

let db: Db;
beforeAll(async () => (db = await Db.open({ path: ':memory:' })));
afterAll(() => db.close());

async function e164(raw: string | null): Promise<string | null> {
  const [r] = await db.all<{ v: string | null }>(`SELECT ${phoneE164Sql('$1::VARCHAR')} AS v`, [raw]);
  return r.v;
}

describe('phone numbers to E.164', () => {
  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['11987654321', '+5511987654321'],
    ['+55 11 98765-4321', '+5511987654321'],
    ['55 11 98765 4321', '+5511987654321'],
    ['0055 11 98765-4321', '+5511987654321'],
    ['011 98765-4321', '+5511987654321'],
    ['0 21 11 98765-4321', '+5511987654321'],
    ['(31) 3333-4444', '+553133334444'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+351 912 345 678', '+351912345678'],
  ])('%s -> %s', async (raw, want) => {
    expect(await e164(raw)).toBe(want);
  });

  it.each([[null], [''], ['n/a'], ['98765-4321'], ['(10) 98765-4321'], ['+55 11 1234'], ['123'], ['(11) 18765-4321']])('rejects %s', async (raw) => {
    expect(await e164(raw)).toBeNull();
  });

  it('keeps plausible e-mails only', async () => {
    const rows = await db.all<{ v: string | null }>(
      `SELECT ${emailSql('x')} AS v FROM (VALUES (' Ana@Exemplo.com.br '), ('sem-arroba.com'), ('a@b'), ('a b@c.com'), (NULL)) t(x)`,
    );
    expect(rows.map((r) => r.v)).toEqual(['ana@exemplo.com.br', null, null, null, null]);
  });
});
