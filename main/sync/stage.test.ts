// The runner's building blocks: staging and merging in one transaction (upserts, children replaced, rules, keep-
// earliest, cursor with the rows), date-window walking, exact money, local times and Retry-After.
import { describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { retryAfterMs } from './http';
import { cents, fromLocal, money, toLocal } from './map';
import { Batch, commitBatch } from './stage';
import { walkWindows } from './windows';

async function db(): Promise<Db> {
  const d = await Db.open({ path: ':memory:' });
  await migrate(d);
  return d;
}

const sale = (id: string, over: Record<string, string | null> = {}) => ({
  sale_id: id,
  source: 't',
  kind: 'order',
  status: 'completed',
  created_at: '2024-03-01T10:00:00Z',
  occurred_at: '2024-03-01T10:00:00Z',
  gross_amount: '100.00',
  discount_amount: '10.00',
  tax_amount: '0.00',
  shipping_amount: '5.00',
  total_amount: '95.00',
  ...over,
});

describe('commitBatch', () => {
  it('upserts by id, replaces children, keeps earliest first-seen dates and saves the cursor', async () => {
    const d = await db();
    const b1 = new Batch();
    b1.add({
      rows: {
        sales: [sale('t:1'), sale('t:2')],
        sale_lines: [
          { sale_id: 't:1', line_no: '1', item_id: 't:a', quantity: '1', unit_price: '100.00', line_total: '100.00' },
          { sale_id: 't:1', line_no: '2', item_id: 't:b', quantity: '1', unit_price: '0.00', line_total: '0.00' },
        ],
        customers: [{ customer_id: 't:c', created_at: '2024-02-01T00:00:00Z' }],
      },
      replaceChildren: { sale_lines: ['t:1'] },
      cursor: { page: 1 },
    });
    await d.transaction((tx) => commitBatch(tx, b1, { sourceId: 'src', stream: 's', keepEarliest: { customers: ['created_at'] } }));
    const b2 = new Batch();
    b2.add({
      rows: {
        sales: [sale('t:1', { status: 'cancelled' }), sale('t:1', { status: 'no_show' })],
        sale_lines: [{ sale_id: 't:1', line_no: '1', item_id: 't:a', quantity: '2', unit_price: '50.00', line_total: '100.00' }],
        customers: [{ customer_id: 't:c', created_at: '2024-05-01T00:00:00Z' }, { customer_id: 't:c', created_at: '2024-01-15T00:00:00Z' }],
      },
      replaceChildren: { sale_lines: ['t:1'] },
      cursor: { page: 2 },
    });
    const r = await d.transaction((tx) => commitBatch(tx, b2, { sourceId: 'src', stream: 's', keepEarliest: { customers: ['created_at'] } }));
    expect(r.rejected).toBe(0);
    expect(await d.all(`SELECT sale_id, status FROM sales ORDER BY 1`)).toEqual([
      { sale_id: 't:1', status: 'no_show' },
      { sale_id: 't:2', status: 'completed' },
    ]);
    expect(await d.all(`SELECT line_no, quantity::DOUBLE AS q FROM sale_lines`)).toEqual([{ line_no: 1, q: 2 }]);
    const [c] = await d.all<{ t: string }>(`SELECT strftime(timezone('UTC', created_at), '%Y-%m-%d') AS t FROM customers`);
    expect(c.t).toBe('2024-01-15');
    const [st] = await d.all<{ c: string; n: number }>(`SELECT cursor::VARCHAR AS c, rows_pulled::INT AS n FROM sync_state`);
    expect(JSON.parse(st.c)).toEqual({ page: 2 });
    expect(st.n).toBe(r.rows + 5);
    d.close();
  });

  it('sets aside rows that break a rule, with their children, and keeps the rest', async () => {
    const d = await db();
    const b = new Batch();
    b.add({
      rows: {
        sales: [sale('t:ok'), sale('t:total', { total_amount: '99.00' }), sale('t:date', { occurred_at: '31/02/2024' }), sale('t:status', { status: 'paid' }), sale('t:far', { occurred_at: '9999-01-01T00:00:00Z' })],
        sale_lines: [{ sale_id: 't:total', line_no: '1', item_id: 'x', quantity: '1', unit_price: '1', line_total: '1' }, { sale_id: 't:ok', line_no: '1', item_id: 'x', quantity: '-1', unit_price: '1', line_total: '1' }],
        payments: [{ payment_id: 'p', sale_id: 't:ok', occurred_at: '2024-03-01T10:00:00Z', method: 'cheque', kind: 'payment', amount: '1' }],
      },
      rejects: [{ reason: 'order without id', excerpt: '{}' }],
      cursor: null,
    });
    const r = await d.transaction((tx) => commitBatch(tx, b, { sourceId: 'src', stream: 's' }));
    expect(await d.all(`SELECT sale_id FROM sales`)).toEqual([{ sale_id: 't:ok' }]);
    const reasons = Object.fromEntries((await d.all<{ record_id: string; reason: string }>(`SELECT record_id, reason FROM sync_rejects WHERE record_id IS NOT NULL`)).map((x) => [x.record_id, x.reason]));
    // The model's reasons, in the business's language (pt-BR by default), each naming its column.
    expect(reasons['t:total']).toBe('valor total 99.00 não é bruto - desconto + impostos + frete = 95.00');
    expect(reasons['t:date']).toMatch(/^data da venda: não é uma data\/hora/);
    expect(reasons['t:status']).toBe('situação: não é um destes valores: booked (agendado), confirmed (confirmado), completed (concluído), cancelled (cancelado), no_show (falta)');
    expect(reasons['t:far']).toBe('data da venda: data fora do intervalo (antes de 1990 ou mais de 5 anos à frente)');
    expect(reasons['t:total/1']).toBe('código da venda: a venda desta linha foi rejeitada');
    expect(reasons['t:ok/1']).toBe('quantidade: não pode ser negativo');
    expect(reasons.p).toBe('forma de pagamento: não é um destes valores: cash (dinheiro), credit_card (cartão de crédito), debit_card (cartão de débito), pix, boleto, wallet (carteira digital), voucher (vale), other (outros)');
    expect(r.rejected).toBe(8);
    d.close();
  });

  it('rows and cursor commit together or not at all', async () => {
    const d = await db();
    const b = new Batch();
    b.add({ rows: { sales: [sale('t:9')] }, cursor: { at: 'x' } });
    await expect(
      d.transaction(async (tx) => {
        await commitBatch(tx, b, { sourceId: 'src', stream: 's' });
        throw new Error('crash after staging');
      }),
    ).rejects.toThrow('crash after staging');
    expect(await d.all(`SELECT * FROM sales`)).toEqual([]);
    expect(await d.all(`SELECT * FROM sync_state`)).toEqual([]);
    d.close();
  });
});

describe('walkWindows', () => {
  it('splits full windows until each fits one page and yields every record once, in order', async () => {
    const times = Array.from({ length: 200 }, (_, i) => Date.UTC(2024, 0, 1) + Math.floor((i * i * 997) % 86_400_000) * 40);
    const fetched: number[] = [];
    const seen: number[] = [];
    for await (const step of walkWindows<number>(Date.UTC(2024, 0, 1), Date.UTC(2024, 3, 1), 30 * 86_400_000, async (w, page) => {
      const inside = times.filter((t) => t >= w.from && t <= w.to + 999).sort((a, b) => a - b);
      fetched.push(w.from);
      const items = inside.slice((page - 1) * 10, page * 10);
      return { items, full: inside.length > page * 10 };
    })) {
      seen.push(...step.items);
      expect(step.items.length).toBeLessThanOrEqual(10);
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...times].sort((a, b) => a - b));
    expect(fetched.length).toBeGreaterThan(20);
  });
});

describe('helpers', () => {
  it('money is exact: cents from strings and numbers, half away from zero', () => {
    expect(cents('12.345')).toBe(1235);
    expect(cents('-0.5')).toBe(-50);
    expect(cents(0.1 + 0.2)).toBe(30);
    expect(cents(1.005)).toBe(101);
    expect(cents('12,30')).toBe(1230);
    expect(cents('R$ 1')).toBeNull();
    expect(money(-5)).toBe('-0.05');
    expect(money(123456789)).toBe('1234567.89');
  });

  it('local times of the business zone, including days with daylight saving (2018)', () => {
    const tz = 'America/Sao_Paulo';
    expect(toLocal(Date.UTC(2024, 4, 1, 13, 0, 0), tz)).toBe('2024-05-01 10:00:00');
    expect(fromLocal('2024-05-01 10:00:00', tz)).toBe(Date.UTC(2024, 4, 1, 13, 0, 0));
    expect(fromLocal('2018-01-15', tz)).toBe(Date.UTC(2018, 0, 15, 2, 0, 0));
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000);
    expect(retryAfterMs('soon')).toBeNull();
  });
});
