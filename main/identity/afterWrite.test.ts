// The after-write rule, the same for imports and syncs: identity re-links only when customers changed; caches learn
// of every session that changed something, once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { importFiles } from '../import/importFiles';
import { runAfterWrite } from '../model/afterWrite';
import { Batch, commitBatch } from '../sync/stage';
import { AFTER_WRITE_HOOKS } from './afterWrite';

const dir = mkdtempSync(join(tmpdir(), 'painel-after-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('after-write hooks', () => {
  it('an import links customers when customers changed, and not for other tables', async () => {
    const db = await Db.open({ path: ':memory:', readers: 1 });
    await migrate(db);
    try {
      const versions: number[] = [];
      db.on('changed', (e: { version: number }) => versions.push(e.version));
      const customers = join(dir, 'customers.csv');
      writeFileSync(customers, 'customer_id,email,created_at\nc1,ana@x.com,2024-01-01\nc2,ANA@x.com ,2024-02-01\n');
      const first = await importFiles(db, [customers]);
      expect(first.identity).toEqual({ linkedCustomers: 2, groups: 1 });
      expect(await db.all(`SELECT customer_id, unified_id FROM customer_identity ORDER BY 1`)).toEqual([
        { customer_id: 'c1', unified_id: 'c1' },
        { customer_id: 'c2', unified_id: 'c1' },
      ]);
      const sales = join(dir, 'sales.csv');
      writeFileSync(sales, 'sale_id,status,occurred_at,total_amount,customer_id\ns1,completed,2024-03-01,10,c2\n');
      const before = versions.length;
      const second = await importFiles(db, [sales]);
      expect(second.identity).toBeNull();
      expect(versions.length).toBe(before + 1);
      // Importing the same customers again changes nothing, so nothing runs.
      const again = await importFiles(db, [customers]);
      expect(again.identity).toBeNull();
    } finally {
      db.close();
    }
  });

  it('a sync session follows the same rule', async () => {
    const db = await Db.open({ path: ':memory:', readers: 1 });
    await migrate(db);
    try {
      const batch = new Batch();
      batch.add({ rows: { customers: [{ customer_id: 'w:1', email: 'bia@x.com', created_at: '2024-01-01' }, { customer_id: 's:9', email: 'bia@x.com', created_at: '2023-01-01' }] }, cursor: null });
      const r = await db.transaction((tx) => commitBatch(tx, batch, { sourceId: 'src', stream: 'customers' }));
      expect(r.tables).toEqual(['customers']);
      const ran = await runAfterWrite(db, r.tables, AFTER_WRITE_HOOKS);
      expect(Object.keys(ran)).toEqual(['identity', 'caches']);
      expect(await db.all(`SELECT customer_id, unified_id FROM customer_identity ORDER BY 1`)).toEqual([
        { customer_id: 's:9', unified_id: 's:9' },
        { customer_id: 'w:1', unified_id: 's:9' },
      ]);
      // The same rows again: nothing changed, nothing runs.
      const same = new Batch();
      same.add({ rows: { customers: [{ customer_id: 'w:1', email: 'bia@x.com', created_at: '2024-01-01' }] }, cursor: null });
      const r2 = await db.transaction((tx) => commitBatch(tx, same, { sourceId: 'src', stream: 'customers' }));
      expect(r2).toMatchObject({ rows: 1, tables: [] });
      expect(await runAfterWrite(db, r2.tables, AFTER_WRITE_HOOKS)).toEqual({});
    } finally {
      db.close();
    }
  });
});
