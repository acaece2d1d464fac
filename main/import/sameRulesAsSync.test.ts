// One table pipeline: the same broken rows, arriving once in a canonical CSV file and once in a connector's batch, are
// rejected with the same reason text (in either language) and none of them reaches the tables; the good rows do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { Batch, commitBatch } from '../sync/stage';
import { importFiles } from './importFiles';
import type { Locale } from '../model/rules';

const dir = mkdtempSync(join(tmpdir(), 'painel-same-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS = ['sale_id', 'kind', 'status', 'occurred_at', 'gross_amount', 'discount_amount', 'tax_amount', 'shipping_amount', 'total_amount', 'coupon_code'];
/** One good sale and one per rule: total identity, closed list, bounds, required value, date range, text length. */
const SALES: Record<string, string | null>[] = [
  { sale_id: 'ok', kind: 'order', status: 'completed', occurred_at: '2024-03-01T10:00:00Z', gross_amount: '100.00', discount_amount: '10.00', tax_amount: '0', shipping_amount: '5.00', total_amount: '95.00' },
  { sale_id: 'total', kind: 'order', status: 'completed', occurred_at: '2024-03-01T10:00:00Z', gross_amount: '100.00', discount_amount: '10.00', tax_amount: '0', shipping_amount: '5.00', total_amount: '99.00' },
  { sale_id: 'status', kind: 'order', status: 'paid', occurred_at: '2024-03-01T10:00:00Z', total_amount: '10.00' },
  { sale_id: 'negative', kind: 'order', status: 'completed', occurred_at: '2024-03-01T10:00:00Z', gross_amount: '-5.00', total_amount: '-5.00' },
  { sale_id: 'missing', kind: 'appointment', status: 'booked', occurred_at: null, total_amount: '10.00' },
  { sale_id: 'far', kind: 'order', status: 'completed', occurred_at: '1985-01-01T00:00:00Z', total_amount: '10.00' },
  { sale_id: 'words', kind: 'order', status: 'completed', occurred_at: '2024-03-01T10:00:00Z', total_amount: 'ten' },
  { sale_id: 'long', kind: 'order', status: 'completed', occurred_at: '2024-03-01T10:00:00Z', total_amount: '10.00', coupon_code: 'x'.repeat(10_001) },
];

async function freshDb(): Promise<Db> {
  const db = await Db.open({ path: ':memory:', readers: 1 });
  await migrate(db);
  return db;
}

async function viaFile(locale: Locale): Promise<{ reasons: Record<string, string>; stored: string[] }> {
  const db = await freshDb();
  try {
    const path = join(dir, locale, 'sales.csv');
    mkdirSync(join(dir, locale), { recursive: true });
    writeFileSync(path, [COLUMNS.join(','), ...SALES.map((s) => COLUMNS.map((c) => s[c] ?? '').join(','))].join('\n') + '\n');
    await importFiles(db, [path], { locale });
    const rej = await db.all<{ line: number; reason: string }>(`SELECT line::INTEGER AS line, reason FROM import_rejects`);
    // Line 1 is the header: the sale on line n is SALES[n - 2].
    const reasons = Object.fromEntries(rej.map((r) => [SALES[r.line - 2].sale_id as string, r.reason]));
    return { reasons, stored: (await db.all<{ id: string }>(`SELECT sale_id AS id FROM sales ORDER BY 1`)).map((r) => r.id) };
  } finally {
    db.close();
  }
}

async function viaSync(locale: Locale): Promise<{ reasons: Record<string, string>; stored: string[] }> {
  const db = await freshDb();
  try {
    const batch = new Batch();
    batch.add({ rows: { sales: SALES }, cursor: { page: 1 } });
    await db.transaction((tx) => commitBatch(tx, batch, { sourceId: 'src', stream: 'orders', locale }));
    const rej = await db.all<{ id: string; reason: string }>(`SELECT record_id AS id, reason FROM sync_rejects`);
    const reasons = Object.fromEntries(rej.map((r) => [r.id, r.reason]));
    return { reasons, stored: (await db.all<{ id: string }>(`SELECT sale_id AS id FROM sales ORDER BY 1`)).map((r) => r.id) };
  } finally {
    db.close();
  }
}

describe('one table pipeline for files and sources', () => {
  for (const locale of ['pt-BR', 'en'] as const) {
    it(`rejects every broken row identically from a file and from a sync (${locale})`, async () => {
      const file = await viaFile(locale);
      const sync = await viaSync(locale);
      expect(file.stored).toEqual(['ok']);
      expect(sync.stored).toEqual(['ok']);
      expect(Object.keys(file.reasons).sort()).toEqual(['far', 'long', 'missing', 'negative', 'status', 'total', 'words']);
      expect(sync.reasons).toEqual(file.reasons);
      if (locale === 'en') {
        expect(file.reasons.total).toBe('total amount 99.00 is not gross - discount + tax + shipping = 95.00');
        expect(file.reasons.status).toBe('status: not one of: booked, confirmed, completed, cancelled, no_show');
        expect(file.reasons.missing).toBe('sale date: missing required value');
      } else {
        expect(file.reasons.negative).toBe('valor bruto: não pode ser negativo');
        expect(file.reasons.words).toBe('valor total: não é um número (use 1234.56, ou 1.234,56 em arquivos pt-BR)');
      }
    });
  }
});
