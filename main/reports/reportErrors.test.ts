// A report whose SQL is broken fails as an internal error naming the report (its SQL logged for developers),
// never as bad input; a filter value that does not fit its column is refused before any SQL runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { AppError, toErrorData } from '../store/errors';
import { reportPage, totalsFor, withResult } from './engine';
import { resolveRequest, type Resolved } from './prepare';
import { loadReportFixture, MARCH } from './testFixture';

let t: TestEngine;
const logged: string[] = [];
beforeAll(async () => {
  t = await openTestEngine({ memory: true, log: (line) => logged.push(line) });
  await loadReportFixture(t.engine.db);
});
afterAll(() => t.close());

/** sales-summary with its SQL replaced: a conversion DuckDB refuses while the report runs. */
async function broken(): Promise<Resolved> {
  const r = await resolveRequest(t.engine, { report: 'sales-summary', period: MARCH });
  return { ...r, view: { ...r.view, sql: (ctx) => `SELECT CAST('not a number' AS INTEGER) AS gross, ${ctx.from} AS d` } };
}

describe('report errors', () => {
  it('reports broken report SQL as INTERNAL with the report id, and logs the SQL', async () => {
    const r = await broken();
    const err = await totalsFor(t.engine, r, r.period).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    const data = toErrorData(err);
    expect(data.code).toBe('INTERNAL');
    expect(data.code).not.toBe('BAD_INPUT');
    expect(data.details).toEqual({ report: 'sales-summary' });
    expect(data.message).toContain('sales-summary');
    expect(data.message).not.toMatch(/Conversion Error|not a number/);
    const line = logged.find((l) => l.startsWith('report sales-summary failed'));
    expect(line).toMatch(/Conversion Error/);
    expect(line).toContain(`CAST('not a number' AS INTEGER)`);
  });

  it('keeps the failure internal whatever runs over the broken result', async () => {
    const r = await broken();
    const code = await withResult(t.engine, r, r.period, (table) => t.engine.db.all(`SELECT * FROM ${table}`)).then(
      () => 'ok',
      (e: unknown) => toErrorData(e).code,
    );
    expect(code).toBe('INTERNAL');
  });

  it('refuses a filter value that does not fit its column before the report runs', async () => {
    const before = logged.length;
    const codes = await Promise.all(
      [
        { column: 'gross', op: 'gt', value: 'abc' },
        { column: 'gross', op: 'gt', value: '1e40' },
        { column: 'sales', op: 'eq', value: 1.5 },
        { column: 'bucket', op: 'eq', value: '2026-02-30' },
      ].map((f) =>
        reportPage(t.engine, { report: 'sales-summary', period: MARCH, filters: [f as never] }).then(
          () => 'ok',
          (e: unknown) => toErrorData(e).code,
        ),
      ),
    );
    expect(codes).toEqual(['BAD_INPUT', 'BAD_INPUT', 'BAD_INPUT', 'BAD_INPUT']);
    expect(logged.length).toBe(before);
  });

  it('still answers a filter value that fits', async () => {
    const page = await reportPage(t.engine, { report: 'sales-summary', period: MARCH, filters: [{ column: 'gross', op: 'gt', value: '0' }] });
    expect(page.rowCount).toBeGreaterThan(0);
  });
});
