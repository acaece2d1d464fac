// Daily rollups outside the write path: a database that never had them gets them when the engine opens it, a
// change of business time zone takes every day again in the new zone, and `painel rollups rebuild` recomputes them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/painel';
import { Engine } from '../engine/engine';
import { saveSettings } from '../engine/settings';
import { FIXTURE_SQL } from '../reports/testFixture';
import type { Db } from '../store/db';
import { Db as DbClass } from '../store/db';
import { migrate } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations/index';
import { ensureRollups, holdRollupRefresh, rebuildRollupsTx, rollupsCurrent, touchDates } from './rollups';
import { importFiles } from '../import/importFiles';
import { ROLLUP_TABLES } from './rollupTables';
import { rollupColumnsChanged, rollupTablesAdded } from './rollupTables';
import { VISITS_DDL } from './customerVisits';

let dir: string;
let path: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'painel-rollups-'));
  path = join(dir, 'p.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Completed revenue per business day, from the rollups and from the base rows. */
async function byDay(db: Db): Promise<{ rollup: unknown[]; base: unknown[] }> {
  const rollup = await db.all(`SELECT strftime(d, '%Y-%m-%d') AS d, CAST(sum(gross) AS VARCHAR) AS gross FROM rollup_sales_day WHERE status = 'completed' GROUP BY 1 ORDER BY 1`);
  const base = await db.all(`SELECT strftime(biz_date, '%Y-%m-%d') AS d, CAST(sum(gross_amount) AS VARCHAR) AS gross FROM v_sales WHERE status = 'completed' GROUP BY 1 ORDER BY 1`);
  return { rollup, base };
}

describe('daily rollups', () => {
  it('are built when a database without them is opened', async () => {
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    // Rows written as an older Painel would have left them: no rollups, no state.
    await e.db.run(FIXTURE_SQL);
    await e.db.run(`DELETE FROM rollup_state`);
    expect(await rollupsCurrent(e.db)).toBe(false);
    await e.close();
    const again = await Engine.open({ dbPath: path, log: () => undefined });
    try {
      expect(await rollupsCurrent(again.db)).toBe(true);
      const { rollup, base } = await byDay(again.db);
      expect(rollup.length).toBeGreaterThan(3);
      expect(rollup).toEqual(base);
    } finally {
      await again.close();
    }
  });

  it('keep their values when migration 16 narrows the stored measures to 64-bit types', async () => {
    const db = await DbClass.open({ path: ':memory:', readers: 1 });
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version < 16));
      await db.run(FIXTURE_SQL);
      // Today's rebuild fills every rollup table, those of migrations 17, 18, 19 and 26 too.
      await db.run(rollupTablesAdded(17));
      await db.run(rollupTablesAdded(18));
      await db.run(rollupTablesAdded(19));
      await db.run(rollupColumnsChanged(23, false));
      await db.run(VISITS_DDL);
      await ensureRollups(db);
      const types = () => db.all<{ t: string }>(`SELECT DISTINCT data_type AS t FROM information_schema.columns WHERE table_name LIKE 'rollup_%' AND (data_type LIKE 'DECIMAL%' OR data_type IN ('HUGEINT', 'BIGINT')) ORDER BY 1`);
      expect((await types()).map((r) => r.t)).toContain('DECIMAL(38,2)');
      const before = await byDay(db);
      await migrate(db, MIGRATIONS.filter((m) => m.version <= 16));
      expect((await types()).map((r) => r.t)).toEqual(['BIGINT', 'DECIMAL(18,2)', 'DECIMAL(18,3)']);
      // Nothing to rebuild: the same rows, the same sums, still current.
      expect(await rollupsCurrent(db)).toBe(true);
      expect(await byDay(db)).toEqual(before);
      expect(before.rollup).toEqual(before.base);
    } finally {
      db.close();
    }
  });

  it('held back across an import\'s files: marked behind until the last write, recomputed once, rebuilt at open after a crash', async () => {
    const p = join(dir, 'held.duckdb');
    const e = await Engine.open({ dbPath: p, log: () => undefined });
    const covers = async (db: Db) => (await db.all<{ ok: boolean }>(`SELECT s.sales = (SELECT count(*) FROM sales) AS ok FROM rollup_state s`))[0]?.ok === true;
    await e.db.run(FIXTURE_SQL);
    await e.db.transaction((tx) => touchDates(tx, `SELECT DISTINCT CAST(timezone(getvariable('biz_tz'), occurred_at) AS DATE) AS d FROM sales`));
    expect(await covers(e.db)).toBe(true);
    const held = holdRollupRefresh(e.db);
    // A write while held: committed, the rollups marked behind in the same transaction (readers read base rows).
    await e.db.transaction(async (tx) => {
      await tx.run(`UPDATE sales SET total_amount = total_amount + 1, gross_amount = gross_amount + 1 WHERE status = 'completed'`);
      await touchDates(tx, `SELECT DISTINCT CAST(timezone(getvariable('biz_tz'), occurred_at) AS DATE) AS d FROM sales`);
    });
    expect(await covers(e.db)).toBe(false);
    expect(await rollupsCurrent(e.db)).toBe(false);
    // The last write, released: it recomputes every day kept since, once; settle then has nothing left to do.
    held.release();
    await e.db.transaction((tx) => touchDates(tx, `SELECT DATE '2000-01-01' AS d`));
    expect(await covers(e.db)).toBe(true);
    expect((await byDay(e.db)).rollup).toEqual((await byDay(e.db)).base);
    await held.settle();
    // A crash between files (held, never settled): the next open finds them behind and rebuilds them.
    holdRollupRefresh(e.db);
    await e.db.transaction(async (tx) => {
      await tx.run(`UPDATE sales SET total_amount = total_amount + 1, gross_amount = gross_amount + 1 WHERE status = 'completed'`);
      await touchDates(tx, `SELECT DISTINCT CAST(timezone(getvariable('biz_tz'), occurred_at) AS DATE) AS d FROM sales`);
    });
    await e.close();
    const again = await Engine.open({ dbPath: p, log: () => undefined });
    try {
      expect(await rollupsCurrent(again.db)).toBe(true);
      expect(await covers(again.db)).toBe(true);
      const { rollup, base } = await byDay(again.db);
      expect(rollup).toEqual(base);
    } finally {
      await again.close();
    }
  });

  it('move payments stored before their sale to the sale\'s location and channel when the sale arrives', async () => {
    const e = await Engine.open({ dbPath: ':memory:', log: () => undefined });
    try {
      const snapshot = async () => {
        const out: Record<string, unknown[]> = {};
        for (const t of ROLLUP_TABLES) out[t.name] = await e.db.all(`SELECT * EXCLUDE (d), strftime(d, '%Y-%m-%d') AS day FROM ${t.name} ORDER BY ALL`);
        return out;
      };
      const files = (name: string, body: string) => {
        const folder = join(dir, `orphans-${name}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, name), body);
        return folder;
      };
      // A sale with its payment, then payments of two sales not stored yet (a fee on one), then those sales.
      await importFiles(e.db, [files('sales.csv', 'sale_id,source,kind,location_id,status,occurred_at,gross_amount,total_amount\nA,salon,appointment,L1,completed,2026-03-02T13:00:00Z,50.00,50.00\n')], { skipIdentity: true });
      await importFiles(e.db, [files('payments.csv', 'payment_id,sale_id,occurred_at,method,kind,amount,fee_amount\nPB,B,2026-03-05T13:00:00Z,pix,payment,80.00,0.40\nPC,C,2026-03-09T13:00:00Z,cash,payment,20.00,0.00\n')], { skipIdentity: true });
      expect(await e.db.all(`SELECT source FROM rollup_payments_day WHERE source IS NULL`)).toHaveLength(2);
      await importFiles(e.db, [files('sales.csv', 'sale_id,source,kind,location_id,status,occurred_at,gross_amount,total_amount\nB,salon,appointment,L2,completed,2026-03-04T13:00:00Z,80.00,80.00\nC,woo,order,L1,completed,2026-03-01T13:00:00Z,20.00,20.00\n')], { skipIdentity: true });
      const incremental = await snapshot();
      expect(incremental.rollup_payments_day.filter((r) => (r as { source: string | null }).source === null)).toHaveLength(0);
      await e.db.transaction((tx) => rebuildRollupsTx(tx));
      expect(incremental).toEqual(await snapshot());
    } finally {
      await e.close();
    }
  });

  it('survive the later rollup migrations on a database that already had them', async () => {
    const db = await DbClass.open({ path: ':memory:', readers: 1 });
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version < 14));
      await db.run(FIXTURE_SQL);
      await db.run(`INSERT INTO rollup_state VALUES ('America/Sao_Paulo', now())`);
      await migrate(db);
      expect(await rollupsCurrent(db)).toBe(false);
      expect(await ensureRollups(db)).toBe(true);
      expect(await rollupsCurrent(db)).toBe(true);
      const { rollup, base } = await byDay(db);
      expect(rollup).toEqual(base);
    } finally {
      await db.close();
    }
  });

  it('take every day again when the business time zone changes', async () => {
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    try {
      // The fixture's 23:30 sale of Mar 31 in São Paulo is Apr 1 in UTC.
      const before = await byDay(e.db);
      expect(before.rollup).toContainEqual({ d: '2026-03-31', gross: '100.10' });
      await saveSettings(e.db, { timezone: 'UTC' });
      const after = await byDay(e.db);
      expect(after.rollup).toEqual(after.base);
      expect(after.rollup).toContainEqual({ d: '2026-04-01', gross: '100.10' });
      expect(await rollupsCurrent(e.db)).toBe(true);
    } finally {
      await e.close();
    }
  });

  it('are rebuilt from scratch by painel rollups rebuild', async () => {
    const e = await Engine.open({ dbPath: path, log: () => undefined });
    await e.db.run(`DELETE FROM rollup_sales_day`);
    await e.close();
    let out = '';
    const code = await runCli(['--db', path, 'rollups', 'rebuild', '--json'], { out: (t) => void (out += t), err: () => undefined, isTTY: false });
    expect(code).toBe(0);
    const r = JSON.parse(out) as { tables: { table: string; rows: number }[] };
    expect(r.tables.map((t) => t.table)).toEqual(['rollup_sales_day', 'rollup_lines_day', 'rollup_booked_day', 'rollup_payments_day', 'rollup_items_day', 'rollup_staff_month', 'rollup_customer_day']);
    expect(r.tables.every((t) => t.rows > 0)).toBe(true);
    const bad = await runCli(['--db', path, 'rollups', 'nope'], { out: () => undefined, err: () => undefined, isTTY: false });
    expect(bad).not.toBe(0);
    const e2 = await Engine.open({ dbPath: path, log: () => undefined });
    try {
      const { rollup, base } = await byDay(e2.db);
      expect(rollup).toEqual(base);
    } finally {
      await e2.close();
    }
  });
});
