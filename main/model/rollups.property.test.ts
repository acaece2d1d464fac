// Daily rollups kept by every write equal rollups built from scratch: seeded random sequences of file imports,
// re-imports with changes, undone imports, customers linked and unlinked, and sync batches that change, replace and
// delete sales, lines and payments (the real pipeline on a real DuckDB), in a zone without and one with daylight
// saving time, around business midnights where a UTC day and a business day differ.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { importFiles } from '../import/importFiles';
import { undoImport } from '../import/sheet/undo';
import { Batch, commitBatch } from '../sync/stage';
import type { Row } from '../sync/types';
import { ROLLUP_TABLES } from './rollupTables';
import { rebuildRollupsTx } from './rollups';
import { VISIT_LINKS, VISITS } from './customerVisits';
import { matchCustomersTx } from '../identity/matchCustomers';

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const money = fc.integer({ min: 0, max: 50_000 }).map((c) => (c / 100).toFixed(2));
/**
 * Instants near business midnight (São Paulo UTC-3; New York UTC-5/-4) over a month with a DST change, spread so a
 * row moved off a day often leaves that day to no other row.
 */
const instant = fc
  .record({ day: fc.integer({ min: 1, max: 28 }), hour: pick([0, 2, 3, 4, 5, 13]), minute: pick([0, 30, 59]) })
  .map(({ day, hour, minute }) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

const saleArb = (prefix: string) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 8 }),
      kind: pick(['appointment', 'order']),
      customer: pick([null, 'C1', 'C2', 'C3']),
      location: pick([null, 'L1', 'L2']),
      employee: pick([null, 'E1', 'E2']),
      status: pick(['completed', 'completed', 'cancelled', 'no_show', 'booked']),
      at: instant,
      gross: money,
      discount: fc.integer({ min: 0, max: 500 }).map((c) => (c / 100).toFixed(2)),
      tax: pick(['0.00', '1.50']),
      lines: fc.array(fc.record({ employee: pick([null, 'E1', 'E2']), total: money, item: pick(['I1', 'I2', null]), duration: pick([30, 45, null]) }), { maxLength: 2 }),
      payments: fc.array(fc.record({ method: pick(['pix', 'cash', 'credit_card']), kind: pick(['payment', 'payment', 'refund']), amount: money, fee: pick(['0.00', '0.35', '1.20']), at: instant }), { maxLength: 2 }),
    })
    .map((s) => {
      const id = `${prefix}${s.n}`;
      const total = (Number(s.gross) - Number(s.discount) + Number(s.tax)).toFixed(2);
      const sale: Row = {
        sale_id: id, source: prefix === 'sync:' ? 'woo' : 'salon', kind: s.kind, customer_id: s.customer, location_id: s.location, employee_id: s.employee,
        status: s.status, occurred_at: s.at, gross_amount: s.gross, discount_amount: s.discount, tax_amount: s.tax, shipping_amount: '0.00', total_amount: total,
      };
      const lines: Row[] = s.lines.map((l, i) => ({ sale_id: id, line_no: i + 1, item_id: l.item, employee_id: l.employee, quantity: 1, unit_price: l.total, discount_amount: '0.00', line_total: l.total, duration_min: l.duration }));
      const payments: Row[] = s.payments.map((p, i) => ({ payment_id: `${id}-p${i}`, sale_id: id, occurred_at: p.at, method: p.method, kind: p.kind, amount: p.amount, fee_amount: p.fee }));
      return { sale, lines, payments };
    });

type Sale = { sale: Row; lines: Row[]; payments: Row[] };
const opArb = fc.oneof(
  fc.record({ op: fc.constant('import' as const), sales: fc.array(saleArb('F'), { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant('sync' as const), sales: fc.array(saleArb('sync:'), { maxLength: 5 }), deletes: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }) }),
  fc.record({ op: fc.constant('undo' as const), which: fc.nat() }),
  // Identity re-linked: the customer records of one pair share an e-mail (or none do), and the links are solved.
  fc.record({ op: fc.constant('link' as const), pair: pick([[], ['C1', 'C2'], ['C2', 'C3'], ['C1', 'C3']]) }),
);

function csv(rows: Row[], cols: string[]): string {
  const cell = (v: Row[string]) => (v === null || v === undefined ? '' : String(v));
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

const SALE_COLS = ['sale_id', 'source', 'kind', 'customer_id', 'location_id', 'employee_id', 'status', 'occurred_at', 'gross_amount', 'discount_amount', 'tax_amount', 'shipping_amount', 'total_amount'];
const LINE_COLS = ['sale_id', 'line_no', 'item_id', 'employee_id', 'quantity', 'unit_price', 'discount_amount', 'line_total', 'duration_min'];
const PAY_COLS = ['payment_id', 'sale_id', 'occurred_at', 'method', 'kind', 'amount', 'fee_amount'];

async function snapshot(t: TestEngine): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const r of ROLLUP_TABLES) {
    const cols = [...r.dims, ...r.measures].filter((c) => c.until === undefined).map((c) => `CAST("${c.name}" AS VARCHAR)`);
    out[r.name] = (await t.engine.db.all<{ row: string }>(`SELECT concat_ws('|', ${cols.map((c) => `coalesce(${c}, '∅')`).join(', ')}) AS row FROM ${r.name} ORDER BY 1`)).map((x) => x.row);
  }
  // The customer visits (grouped by unified customer) and the links they were grouped by.
  for (const [name, cols] of [[VISITS, ['customer_key', 'd', 'prev_d', 'next_d', 'back_before']], [VISIT_LINKS, ['customer_id', 'unified_id']]] as const) {
    out[name] = (await t.engine.db.all<{ row: string }>(`SELECT concat_ws('|', ${cols.map((c) => `coalesce(CAST(${c} AS VARCHAR), '∅')`).join(', ')}) AS row FROM ${name} ORDER BY 1`)).map((x) => x.row);
  }
  return out;
}

function suite(zone: string, seed: number) {
  describe(`daily rollups in ${zone}`, () => {
    let t: TestEngine;
    let dir: string;
    beforeAll(async () => {
      t = await openTestEngine({ memory: true });
      await t.call('settings.set', { timezone: zone });
      dir = mkdtempSync(join(tmpdir(), 'painel-rollups-'));
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('incremental maintenance equals a rebuild after any sequence of imports, re-imports, undos and syncs', async () => {
      let run = 0;
      let filled = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 2, maxLength: 6 }), async (ops) => {
          const db = t.engine.db;
          await db.transaction(async (tx) => {
            for (const table of ['sale_lines', 'payments', 'sales', 'import_keys', 'import_origins', 'customers', 'customer_identity']) await tx.run(`DELETE FROM ${table}`);
            await rebuildRollupsTx(tx);
          });
          const imports: string[] = [];
          let busy = 0;
          for (const o of ops) {
            if (o.op === 'import') {
              const folder = join(dir, `r${run}-${busy++}`);
              const uniq = [...new Map(o.sales.map((s: Sale) => [s.sale.sale_id, s])).values()];
              rmSync(folder, { recursive: true, force: true });
              mkdirSync(folder);
              writeFileSync(join(folder, 'sales.csv'), csv(uniq.map((s) => s.sale), SALE_COLS));
              writeFileSync(join(folder, 'sale_lines.csv'), csv(uniq.flatMap((s) => s.lines), LINE_COLS));
              writeFileSync(join(folder, 'payments.csv'), csv(uniq.flatMap((s) => s.payments), PAY_COLS));
              const r = await importFiles(db, [folder], { skipIdentity: true });
              imports.push(r.importId);
            } else if (o.op === 'sync') {
              const uniq = [...new Map(o.sales.map((s: Sale) => [s.sale.sale_id, s])).values()];
              const batch = new Batch();
              batch.add({
                rows: { sales: uniq.map((s) => s.sale), sale_lines: uniq.flatMap((s) => s.lines), payments: uniq.flatMap((s) => s.payments) },
                replaceChildren: { sale_lines: uniq.map((s) => String(s.sale.sale_id)), payments: uniq.map((s) => String(s.sale.sale_id)) },
                deletes: { sales: o.deletes.map((n) => `sync:${n}`) },
                cursor: null,
              });
              await db.transaction((tx) => commitBatch(tx, batch, { sourceId: 'woocommerce', stream: 'orders' }));
            } else if (o.op === 'link') {
              await db.transaction(async (tx) => {
                await tx.run(`DELETE FROM customers`);
                const email = (c: string) => (o.pair.includes(c) ? 'mesma@clientes.com.br' : `${c.toLowerCase()}@clientes.com.br`);
                for (const [i, c] of ['C1', 'C2', 'C3'].entries()) {
                  await tx.run(`INSERT INTO customers (customer_id, email, created_at) VALUES ($1, $2, TIMESTAMPTZ '2026-01-0${i + 1} 12:00:00+00')`, [c, email(c)]);
                }
                await matchCustomersTx(tx);
              });
            } else if (imports.length) {
              const id = imports.splice(o.which % imports.length, 1)[0];
              await undoImport(db, id);
            }
          }
          run++;
          // Every import settled its held-back refresh: the rollups cover every row again.
          const [state] = await db.all<{ ok: boolean }>(`SELECT s.sales = (SELECT count(*) FROM sales) AND s.payments = (SELECT count(*) FROM payments) AS ok FROM rollup_state s`);
          expect(state?.ok).toBe(true);
          const incremental = await snapshot(t);
          if (incremental.rollup_sales_day.length) filled++;
          await db.transaction((tx) => rebuildRollupsTx(tx));
          const rebuilt = await snapshot(t);
          expect(incremental).toEqual(rebuilt);
          return true;
        }),
        { seed, numRuns: 12, endOnFailure: true },
      );
      // The sequences did write: most of them ended with rows summarised.
      expect(filled).toBeGreaterThan(run / 2);
    }, 300_000);
  });
}

suite('America/Sao_Paulo', 18);
suite('America/New_York', 1803);
