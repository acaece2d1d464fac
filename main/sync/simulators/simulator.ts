// What every simulator shares: its dataset, its loopback server, the credentials it accepts, and changes between
// two syncs (status changes, refunds, edits, new and deleted records) made canonically and marked as changed now.
import type { SourceKind } from '../../../shared/api/sync';
import type { CanonicalTable } from '../../../shared/types';
import { TABLE_KEYS } from '../../model/schema';
import type { SimDataset } from './dataset';
import type { SimServer } from './server';

export interface Simulator {
  kind: SourceKind;
  prefix: string;
  data: SimDataset;
  server: SimServer;
  /** Secret name -> value the connector must present (e.g. key, secret, clientId, refreshToken, token). */
  credentials: Record<string, string>;
  /** Source settings a connector needs for this simulator (seller id, tracked listings...). */
  config: Record<string, unknown>;
  /** Canonical tables this source fills (what a full sync must reproduce). */
  tables: CanonicalTable[];
  /** Columns that are not the source's data (e.g. observed_at of a listing snapshot: the time of the sync). */
  volatile: Partial<Record<CanonicalTable, string[]>>;
  listen(port?: number): Promise<string>;
  mutate(op: MutateOp): Promise<unknown>;
  close(): Promise<void>;
}

export type MutateOp =
  | { op: 'status'; saleId: string; status: string }
  | { op: 'refund'; saleId: string; amount?: string }
  | { op: 'update'; table: CanonicalTable; id: string; column: string; value: string | number | boolean | null }
  | { op: 'delete'; table: CanonicalTable; id: string }
  | { op: 'clone'; saleId: string }
  /** n sales changed at once: every other one cancelled, the rest refunded (what happens between two syncs). */
  | { op: 'churn'; n: number; seed?: number };

/** Id factory of a source: the next native id for a new record of a table (numeric sources count up). */
export type NextId = (table: CanonicalTable) => Promise<string>;

export function numericNextId(data: SimDataset, prefix: string): NextId {
  return async (table) => {
    const key = TABLE_KEYS[table][0];
    const [{ n }] = await data.all<{ n: number }>(
      `SELECT coalesce(max(TRY_CAST(substr(${key}, ${prefix.length + 2}) AS BIGINT)), 1000)::DOUBLE AS n FROM ${table} WHERE starts_with(${key}, $1)`,
      [`${prefix}:`],
    );
    const [{ m }] = await data.all<{ m: number }>(
      `SELECT coalesce(max(TRY_CAST(substr(payment_id, ${prefix.length + 2}) AS BIGINT)), 1000)::DOUBLE AS m FROM payments WHERE starts_with(payment_id, $1)`,
      [`${prefix}:`],
    );
    return `${prefix}:${Math.max(n, m) + 1}`;
  };
}

/** Applies a canonical change; `refundId` gives the source's id for a refund of a sale. */
export async function applyMutation(data: SimDataset, op: MutateOp, nextId: NextId, refundId: (saleId: string) => Promise<string>): Promise<unknown> {
  switch (op.op) {
    case 'status':
      await data.touch('sales', op.saleId, 'status = $1', [op.status]);
      return { saleId: op.saleId };
    case 'refund': {
      const [sale] = await data.all<{ total: string; method: string | null }>(
        `SELECT total_amount::VARCHAR AS total, (SELECT method FROM payments p WHERE p.sale_id = s.sale_id AND kind = 'payment' ORDER BY occurred_at LIMIT 1) AS method FROM sales s WHERE sale_id = $1`,
        [op.saleId],
      );
      if (!sale) throw new Error(`no sale ${op.saleId}`);
      const id = await refundId(op.saleId);
      const at = data.stamp();
      await data.run(`INSERT INTO payments VALUES ($1, $2, $3::TIMESTAMPTZ, $4, 'refund', $5::DECIMAL(18,2), NULL, $3::TIMESTAMPTZ)`, [id, op.saleId, at, sale.method ?? 'other', op.amount ?? sale.total]);
      await data.touch('sales', op.saleId, '');
      return { paymentId: id };
    }
    case 'update':
      if (!/^[a-z_]+$/.test(op.column)) throw new Error('bad column');
      await data.touch(op.table, op.id, `${op.column} = $1`, [op.value]);
      return { id: op.id };
    case 'delete': {
      const key = TABLE_KEYS[op.table][0];
      await data.run(`DELETE FROM ${op.table} WHERE ${key} = $1`, [op.id]);
      if (op.table === 'sales') for (const t of ['sale_lines', 'payments']) await data.run(`DELETE FROM ${t} WHERE sale_id = $1`, [op.id]);
      return { id: op.id };
    }
    case 'churn': {
      const picks = await data.all<{ id: string }>(
        `SELECT sale_id AS id FROM sales WHERE starts_with(sale_id, split_part($1, ':', 1) || ':') AND status = 'completed' ORDER BY hash(sale_id, $2::INTEGER) LIMIT $3::INTEGER`,
        [(await nextId('sales')).split(':')[0], op.seed ?? Date.now() % 100000, Math.max(0, Math.min(1000, op.n))],
      );
      for (const [i, p] of picks.entries()) await applyMutation(data, i % 2 ? { op: 'refund', saleId: p.id } : { op: 'status', saleId: p.id, status: 'cancelled' }, nextId, refundId);
      return { changed: picks.map((p) => p.id) };
    }
    case 'clone': {
      const id = await nextId('sales');
      const at = data.stamp();
      await data.run(`INSERT INTO sales SELECT * REPLACE ($1 AS sale_id, $2::TIMESTAMPTZ AS updated_at, $2::TIMESTAMPTZ AS _mod) FROM sales WHERE sale_id = $3`, [id, at, op.saleId]);
      await data.run(`INSERT INTO sale_lines SELECT * REPLACE ($1 AS sale_id, $2::TIMESTAMPTZ AS _mod) FROM sale_lines WHERE sale_id = $3`, [id, at, op.saleId]);
      const pays = await data.all<{ payment_id: string }>(`SELECT payment_id FROM payments WHERE sale_id = $1 AND kind = 'payment' ORDER BY payment_id`, [op.saleId]);
      for (const p of pays) {
        const pid = await nextId('payments');
        await data.run(`INSERT INTO payments SELECT * REPLACE ($1 AS payment_id, $2 AS sale_id, $3::TIMESTAMPTZ AS _mod) FROM payments WHERE payment_id = $4`, [pid, id, at, p.payment_id]);
      }
      return { saleId: id };
    }
  }
}
