// The result cache: one execution per result however many requests ask at once, a new one after the data
// changed, and old results dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { clearReportCache, resultCache } from './resultCache';

let t: TestEngine;
beforeAll(async () => void (t = await openTestEngine({ memory: true })));
afterAll(() => t.close());

const tables = async () => (await t.engine.db.all<{ n: string }>(`SELECT table_name AS n FROM duckdb_tables() WHERE database_name = 'report_cache'`)).map((r) => r.n);

describe('result cache', () => {
  it('runs a result once for concurrent requests and again after a data change', async () => {
    const cache = resultCache(t.engine.db);
    const sql = `SELECT range AS x FROM range(CAST($1 AS BIGINT))`;
    const [a, b] = await Promise.all([cache.table(sql, [5]), cache.table(sql, [5])]);
    expect(a).toBe(b);
    expect(await t.engine.db.all(`SELECT count(*)::INT AS n FROM ${a}`)).toEqual([{ n: 5 }]);
    expect(await cache.table(sql, [6])).not.toBe(a);
    t.engine.db.changed(['sales']);
    const c = await cache.table(sql, [5]);
    expect(c).not.toBe(a);
    await new Promise((r) => setTimeout(r, 50));
    expect(await tables()).toEqual([c.split('.')[1]]);
    clearReportCache(t.engine.db);
    await new Promise((r) => setTimeout(r, 50));
    expect(await tables()).toEqual([]);
  });
});
