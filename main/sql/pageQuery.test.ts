// query.page over a real DuckDB: paging, sort, every filter operator, search, totals, and refusal of undeclared columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { TablePage } from '../../shared/types';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine({ memory: true });
  await t.engine.db.run(`
    INSERT INTO sales (sale_id, source, kind, customer_id, status, occurred_at, gross_amount, discount_amount, tax_amount, shipping_amount, total_amount)
    SELECT 's' || lpad(i::VARCHAR, 3, '0'), CASE WHEN i % 3 = 0 THEN 'woo' ELSE 'salon' END, 'appointment',
      CASE WHEN i % 10 = 0 THEN NULL ELSE 'c' || (i % 7) END,
      CASE WHEN i % 4 = 0 THEN 'cancelled' ELSE 'completed' END,
      TIMESTAMPTZ '2026-10-01 12:00:00+00' + to_days(i::INT), (i * 10)::DECIMAL(18,2), 0, 0, 0, (i * 10)::DECIMAL(18,2)
    FROM range(1, 101) t(i)`);
});
afterAll(() => t.close());

const page = (input: Record<string, unknown>) => t.call<TablePage>('query.page', { table: 'sales', ...input });
const rows = (p: TablePage) => tableFromIPC(p.arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>);

describe('query.page', () => {
  it('pages with a total and exact money text', async () => {
    const p = await page({ limit: 10, offset: 20, sort: [{ column: 'sale_id' }] });
    expect(p.total).toBe(100);
    expect(p.rowCount).toBe(10);
    const r = rows(p);
    expect(r[0].sale_id).toBe('s021');
    expect(r[0].total_amount).toBe('210.00');
    expect(r[0].occurred_at).toBe('2026-10-22T12:00:00Z');
  });

  it('sorts descending with nulls last', async () => {
    const r = rows(await page({ limit: 100, sort: [{ column: 'customer_id', desc: true }] }));
    expect(r[0].customer_id).toBe('c6');
    expect(r[r.length - 1].customer_id).toBeNull();
  });

  it('applies every filter operator', async () => {
    const count = async (filters: unknown[]) => (await page({ limit: 1, filters })).total;
    expect(await count([{ column: 'status', op: 'eq', value: 'cancelled' }])).toBe(25);
    expect(await count([{ column: 'status', op: 'ne', value: 'cancelled' }])).toBe(75);
    expect(await count([{ column: 'total_amount', op: 'gt', value: 500 }])).toBe(50);
    expect(await count([{ column: 'total_amount', op: 'ge', value: '500.00' }])).toBe(51);
    expect(await count([{ column: 'total_amount', op: 'lt', value: 100 }])).toBe(9);
    expect(await count([{ column: 'total_amount', op: 'le', value: 100 }])).toBe(10);
    expect(await count([{ column: 'total_amount', op: 'between', value: [100, 200] }])).toBe(11);
    expect(await count([{ column: 'source', op: 'in', value: ['woo'] }])).toBe(33);
    expect(await count([{ column: 'sale_id', op: 'starts', value: 's09' }])).toBe(10);
    expect(await count([{ column: 'sale_id', op: 'contains', value: '5' }])).toBe(19);
    expect(await count([{ column: 'customer_id', op: 'is_null' }])).toBe(10);
    expect(await count([{ column: 'customer_id', op: 'not_null' }])).toBe(90);
    expect(await count([{ column: 'occurred_at', op: 'ge', value: '2026-11-01T00:00:00Z' }])).toBe(70);
  });

  it('searches text columns, treating wildcards literally', async () => {
    expect((await page({ search: 'WOO' })).total).toBe(33);
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ search: "'; DROP TABLE sales; --" })).total).toBe(0);
    expect((await page({})).total).toBe(100);
  });

  it('refuses undeclared columns and values that do not fit', async () => {
    await expect(page({ sort: [{ column: 'nope' }] })).rejects.toThrow(/BAD_INPUT/);
    await expect(page({ filters: [{ column: 'nope', op: 'eq', value: 1 }] })).rejects.toThrow(/BAD_INPUT/);
    await expect(page({ filters: [{ column: 'total_amount', op: 'gt', value: 'lots' }] })).rejects.toThrow(/BAD_INPUT/);
    await expect(page({ sort: [{ column: 'sale_id"; DROP TABLE sales; --' }] })).rejects.toThrow(/BAD_INPUT/);
    await expect(t.call('query.page', { table: 'schema_migrations' })).rejects.toThrow(/NOT_FOUND/);
    expect((await page({})).total).toBe(100);
  });

  it('recounts after the data changes', async () => {
    expect((await page({})).total).toBe(100);
    await t.engine.db.transaction(async (tx) => {
      await tx.run(`DELETE FROM sales WHERE sale_id = 's100'`);
      tx.touched('sales');
    });
    expect((await page({})).total).toBe(99);
  });

  it('lists browsable tables and views with column types', async () => {
    const tables = await t.call<{ name: string; kind: string; columns: { id: string; type: string }[] }[]>('query.tables');
    const sales = tables.find((x) => x.name === 'sales');
    expect(sales?.columns.find((c) => c.id === 'total_amount')?.type).toBe('money');
    expect(tables.find((x) => x.name === 'v_sales')?.kind).toBe('view');
    expect(tables.some((x) => x.name === 'schema_migrations')).toBe(false);
  });
});
