// Undo records (model/importKeys.ts): a database made before migration 77 keeps its imports undoable (the key text of
// import_rows carried over as hashes), and after it an undo removes only the rows its import added — rows it
// replaced keep their new values, other imports' rows and the demo's stay until the demo is removed.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { MIGRATIONS } from '../../store/migrations/index';
import { Engine } from '../../engine/engine';
import { importFiles } from '../importFiles';
import { markDemo, removeDemo, undoImport } from './undo';

let dir = '';
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ids = async (db: Db, sql: string) => (await db.all<{ id: string }>(sql)).map((r) => r.id);

describe('undo records', () => {
  it('an old database migrates its import_rows and its imports stay undoable; the demo removal keeps recorded rows', async () => {
    dir = mkdtempSync(join(tmpdir(), 'painel-undo-old-'));
    const dbPath = join(dir, 'old.duckdb');
    const old = await Db.open({ path: dbPath });
    await migrate(old, MIGRATIONS.filter((m) => m.version < 77));
    const sale = (id: string) => `('${id}', 'completed', TIMESTAMPTZ '2026-10-0${id.length % 9} 12:00:00-03', 10.00)`;
    await old.run(`INSERT INTO sales (sale_id, status, occurred_at, total_amount) VALUES ${['a1', 'a2', 'b1', 'demo1'].map(sale).join(', ')}`);
    await old.run(`INSERT INTO sale_lines (sale_id, line_no, item_id) VALUES ('a1', 1, 'i'), ('a1', 2, 'i'), ('b1', 1, 'i'), ('demo1', 1, 'i')`);
    await old.run(`INSERT INTO import_log (import_id, file, format, loaded, started_at) VALUES ('imp-a', 'a.csv', 'csv', 2, now()), ('imp-b', 'b.csv', 'csv', 1, now())`);
    // The records as migration 50 wrote them: key text, composite keys joined by chr(31).
    await old.run(`INSERT INTO import_rows VALUES ('imp-a', 'sales', 'a1'), ('imp-a', 'sales', 'a2'), ('imp-a', 'sale_lines', 'a1' || chr(31) || '1'),
      ('imp-a', 'sale_lines', 'a1' || chr(31) || '2'), ('imp-b', 'sales', 'b1'), ('imp-b', 'sale_lines', 'b1' || chr(31) || '1')`);
    await markDemo(old);
    await old.close();

    engine = await Engine.open({ dbPath, log: () => undefined });
    const db = engine.db;
    expect(await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'import_rows'`)).toEqual([]);
    expect(Number((await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM import_keys`))[0].n)).toBe(6);

    const undone = await undoImport(db, 'imp-a');
    expect(undone.tables).toEqual([
      { table: 'sale_lines', rows: 2 },
      { table: 'sales', rows: 2 },
    ]);
    expect(await ids(db, `SELECT sale_id AS id FROM sales ORDER BY 1`)).toEqual(['b1', 'demo1']);
    expect(await ids(db, `SELECT sale_id || '/' || line_no AS id FROM sale_lines ORDER BY 1`)).toEqual(['b1/1', 'demo1/1']);
    // The daily rollups follow the removal (the undo notes the days its rows stood on).
    expect(Number((await db.all<{ n: bigint }>(`SELECT sum(sales) AS n FROM rollup_sales_day`))[0].n)).toBe(2);

    await removeDemo(db);
    expect(await ids(db, `SELECT sale_id AS id FROM sales`)).toEqual(['b1']);
    expect(await ids(db, `SELECT sale_id || '/' || line_no AS id FROM sale_lines`)).toEqual(['b1/1']);
  });

  it('undo after the change: a replaced row keeps its new values, the import that added it removes it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'painel-undo-new-'));
    engine = await Engine.open({ dbPath: join(dir, 'p.duckdb'), log: () => undefined });
    const db = engine.db;
    const sheet = (name: string, rows: string[]) => {
      const p = join(dir, name);
      writeFileSync(p, `Data;Cliente;Serviço;Valor\n${rows.join('\n')}\n`);
      return p;
    };
    const load = async (p: string) => (await importFiles(db, [p], { sheets: { acceptSuggested: true }, skipIdentity: true })).importId;
    const first = await load(sheet('a.csv', ['03/11/2026;Ana;Corte;50,00', '04/11/2026;Bia;Escova;60,00']));
    // The same sale (same day and customer) with a new amount, and a sale of its own.
    const second = await load(sheet('b.csv', ['03/11/2026;Ana;Corte;70,00', '05/11/2026;Caio;Barba;30,00']));
    const totals = async () => (await db.all<{ c: string; t: number }>(`SELECT c.name AS c, CAST(s.total_amount AS DOUBLE) AS t FROM sales s JOIN customers c USING (customer_id) ORDER BY 1`)).map((r) => `${r.c} ${r.t}`);
    expect(await totals()).toEqual(['Ana 70', 'Bia 60', 'Caio 30']);

    await undoImport(db, second);
    expect(await totals()).toEqual(['Ana 70', 'Bia 60']);
    expect(await ids(db, `SELECT name AS id FROM customers ORDER BY 1`)).toEqual(['Ana', 'Bia']);

    await undoImport(db, first);
    expect(await totals()).toEqual([]);
    for (const t of ['sales', 'sale_lines', 'payments', 'customers', 'items', 'import_keys', 'import_origins']) {
      expect(Number((await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${t}`))[0].n), t).toBe(0);
    }
  });
});
