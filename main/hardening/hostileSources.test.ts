// Hostile sources over real loopback HTTP: a WooCommerce REST v3 stand-in that answers HTML, trickles a body
// forever, floods an endless body, claims a huge Content-Length, redirects to another host, or serves records with
// negative or absurd amounts, year-9999 dates and a 10 MB field. Each ends as a named failure or a reject with a
// reason, the records before it are saved, and the sync stays within its timeout and body limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncSummary } from '../../shared/api/sync';
import { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { parseConfig } from '../sync/config';
import { runSync } from '../sync/runner';
import { EnvSecretStore } from '../engine/secrets';
import { MAX_TEXT } from '../sync/stage';

const KEY = 'ck_hostile_key_0001';
const SECRET = 'cs_hostile_secret_0001';
const BASIC = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

type Mode = 'data' | 'html' | 'trickle' | 'flood' | 'hugeLength' | 'redirect';

function order(id: number, minute: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const at = `2024-05-01T10:${String(minute).padStart(2, '0')}:00`;
  return {
    id,
    status: 'completed',
    customer_id: 1,
    billing: { email: 'ana@example.com' },
    date_created_gmt: at,
    date_paid_gmt: at,
    date_modified_gmt: at,
    total: '50.00',
    discount_total: '0.00',
    total_tax: '0.00',
    shipping_total: '0.00',
    payment_method: 'pix',
    line_items: [{ product_id: 11, quantity: 1, subtotal: '50.00', total: '50.00' }],
    coupon_lines: [],
    refunds: [],
    ...over,
  };
}

/** The WooCommerce stand-in: products and customers are always fine; /orders behaves per `mode`. */
class HostileWoo {
  mode: Mode = 'data';
  orders: Record<string, unknown>[] = [];
  orderRequests = 0;
  floodBytes = 0;
  private server!: Server;
  private readonly open = new Set<ServerResponse>();
  baseUrl = '';
  /** Where the redirect points: a different host name and port. */
  elsewhere = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/wp-json/wc/v3`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private json(res: ServerResponse, body: unknown, total: number): void {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'X-WP-Total': String(total), 'X-WP-TotalPages': '1' });
    res.end(text);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== BASIC) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' }));
      return;
    }
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3/, '');
    if (path === '/products') return this.json(res, url.searchParams.get('page') === '1' && !url.searchParams.get('modified_after') ? [{ id: 11, name: 'Corte', regular_price: '50.00', date_modified_gmt: '2024-01-01T00:00:00' }] : [], 1);
    if (path === '/customers') return this.json(res, url.searchParams.get('page') === '1' ? [{ id: 1, first_name: 'Ana', email: 'ana@example.com', date_created_gmt: '2024-01-01T00:00:00' }] : [], 1);
    if (path !== '/orders') {
      res.writeHead(404).end();
      return;
    }
    this.orderRequests++;
    // The first page of orders is always good, so the hostile answer comes after records already committed.
    const after = url.searchParams.get('modified_after');
    if (this.mode === 'data' || !after) {
      const perPage = Number(url.searchParams.get('per_page') ?? 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const newer = this.orders.filter((o) => !after || Date.parse(`${o.date_modified_gmt as string}Z`) > Date.parse(`${after}Z`));
      return this.json(res, newer.slice((page - 1) * perPage, page * perPage), newer.length);
    }
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    switch (this.mode) {
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><head><title>Site em manutenção</title></head><body><h1>Voltamos logo</h1></body></html>');
        return;
      case 'redirect':
        res.writeHead(302, { Location: `${this.elsewhere}/wp-json/wc/v3/orders?page=2` });
        res.end();
        return;
      case 'hugeLength':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(200 * 1024 * 1024) });
        res.write('[');
        return;
      case 'trickle': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('[');
        const t = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(t));
        return;
      }
      case 'flood': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.from(`${JSON.stringify(order(9, 0))},`.repeat(2000));
        res.write('[');
        const pump = () => {
          while (!res.destroyed) {
            this.floodBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
    }
  }
}

let woo: HostileWoo;
let elsewhere: Server;
let elsewhereHits = 0;
beforeAll(async () => {
  woo = new HostileWoo();
  await woo.start();
  elsewhere = createServer((_req, res) => {
    elsewhereHits++;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', () => r()));
  woo.elsewhere = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await woo?.stop();
  await new Promise<void>((r) => elsewhere.close(() => r()));
});
afterEach(() => {
  woo.mode = 'data';
  woo.orderRequests = 0;
});

const TIMEOUT_MS = 400;
const ATTEMPTS = 2;

async function sync(extra: Record<string, unknown> = {}): Promise<{ db: Db; s: SyncSummary; ms: number }> {
  const db = await Db.open({ path: ':memory:' });
  await migrate(db);
  const t0 = Date.now();
  const s = await runSync({
    db,
    secrets: new EnvSecretStore({ PAINEL_WOO_KEY: KEY, PAINEL_WOO_SECRET: SECRET }),
    sources: [
      {
        sourceId: 'woocommerce',
        kind: 'woocommerce',
        name: 'Loja',
        baseUrl: woo.baseUrl,
        enabled: true,
        config: parseConfig('woocommerce', { timeoutMs: TIMEOUT_MS, maxAttempts: ATTEMPTS, retryBaseMs: 5, retryMaxMs: 20, flushRows: 1, ...extra }),
      },
    ],
    full: false,
    signal: new AbortController().signal,
    overlapMinutes: 0,
    timezone: 'America/Sao_Paulo',
  });
  return { db, s, ms: Date.now() - t0 };
}

const ids = async (db: Db, sql: string) => (await db.all<{ id: string }>(sql)).map((r) => r.id);

describe('a source that misbehaves at the HTTP level', () => {
  beforeAll(() => {
    woo.orders = [order(1001, 1), order(1002, 2), order(1003, 3), order(1004, 4)];
  });

  // Each hostile answer comes on the second page of orders, after the first page was committed.
  const cases: { mode: Mode; reason: RegExp; maxMs: number }[] = [
    { mode: 'html', reason: /Loja GET \/orders answered with something that is not JSON/, maxMs: 5_000 },
    { mode: 'trickle', reason: /Loja GET \/orders did not finish its answer within 0\.4 s/, maxMs: TIMEOUT_MS * ATTEMPTS + 4_000 },
    { mode: 'hugeLength', reason: /Loja GET \/orders sent 210 MB in one response, more than the 67 MB limit/, maxMs: 5_000 },
    { mode: 'redirect', reason: /Loja GET \/orders answered with a redirect \(HTTP 302\), which Painel does not follow; check the base URL/, maxMs: 5_000 },
  ];
  for (const c of cases) {
    it(`${c.mode}: the source fails with the reason named; products, customers and the first orders are saved`, async () => {
      woo.mode = c.mode;
      const hitsBefore = elsewhereHits;
      const { db, s, ms } = await sync({ pageSize: 2 });
      try {
        const r = s.sources[0];
        expect(r.state).toBe('failed');
        expect(r.error).toMatch(/^orders: /);
        expect(r.error).toMatch(c.reason);
        expect(ms).toBeLessThan(c.maxMs);
        expect(await ids(db, `SELECT sale_id AS id FROM sales ORDER BY 1`)).toEqual(['woo:1001', 'woo:1002']);
        expect(await ids(db, `SELECT item_id AS id FROM items`)).toEqual(['woo:11']);
        expect(await ids(db, `SELECT customer_id AS id FROM customers`)).toEqual(['woo:1']);
        const [state] = await db.all<{ e: string; c: string }>(`SELECT last_error AS e, cursor::VARCHAR AS c FROM sync_state WHERE source_id = 'woocommerce' AND stream = 'orders'`);
        expect(state.e).toMatch(c.reason);
        // The cursor stands after the saved page: the next sync resumes there, nothing is skipped.
        expect(JSON.parse(state.c)).toEqual({ modified: '2024-05-01T10:02:00' });
        const [run] = await db.all<{ state: string; error: string }>(`SELECT state, error FROM sync_runs`);
        expect(run).toEqual({ state: 'failed', error: r.error });
        // A redirect is never followed: the other host sees no request (and so no credentials).
        expect(elsewhereHits).toBe(hitsBefore);
      } finally {
        db.close();
      }
    });
  }

  it('an endless body sent as fast as it goes is cut at the body limit: memory and time stay bounded', async () => {
    woo.mode = 'flood';
    woo.floodBytes = 0;
    const heap0 = process.memoryUsage();
    const { db, s, ms } = await sync({ pageSize: 2, timeoutMs: 60_000 });
    try {
      const r = s.sources[0];
      expect(r.state).toBe('failed');
      expect(r.error).toMatch(/^orders: Loja GET \/orders sent more than 67 MB in one response/);
      // Reading stopped at the limit: the server got to write little more than 64 MiB (socket buffers aside).
      expect(woo.floodBytes).toBeGreaterThan(64 * 1024 * 1024);
      expect(woo.floodBytes).toBeLessThan(96 * 1024 * 1024);
      // Body limits are not retried, and the flood did not wait for the (long) timeout.
      expect(woo.orderRequests).toBe(2);
      expect(ms).toBeLessThan(20_000);
      const rss = process.memoryUsage().rss - heap0.rss;
      expect(rss).toBeLessThan(512 * 1024 * 1024);
      expect(await ids(db, `SELECT sale_id AS id FROM sales ORDER BY 1`)).toEqual(['woo:1001', 'woo:1002']);
    } finally {
      db.close();
    }
  });
});

describe('hostile records in a good answer', () => {
  const HUGE = 10 * 1024 * 1024;
  beforeAll(() => {
    woo.orders = [
      order(2001, 1),
      order(2002, 2, { total: '-50.00', line_items: [{ product_id: 11, quantity: 1, subtotal: '-50.00', total: '-50.00' }] }),
      order(2003, 3, { total: '999999999999.00', line_items: [{ product_id: 11, quantity: 1, subtotal: '999999999999.00', total: '999999999999.00' }] }),
      order(2004, 4, { date_created_gmt: '9999-12-31T23:59:59', date_paid_gmt: '9999-12-31T23:59:59' }),
      order(2005, 5, { coupon_lines: [{ code: 'x'.repeat(HUGE) }] }),
      order(2006, 6, { line_items: [{ product_id: 11, quantity: -3, subtotal: '50.00', total: '50.00' }] }),
      order(2007, 7, { total: '1e400' }),
      order(2008, 8),
    ];
  });

  it('each is set aside with its reason; the good orders around them are saved whole', async () => {
    const { db, s } = await sync();
    try {
      const r = s.sources[0];
      expect(r.state).toBe('ok');
      expect(r.error).toBeNull();
      const rejects = await db.all<{ t: string; id: string; reason: string }>(
        `SELECT "table" AS t, record_id AS id, reason FROM sync_rejects WHERE source_id = 'woocommerce' ORDER BY "table", record_id`,
      );
      const sales = Object.fromEntries(rejects.filter((x) => x.t === 'sales').map((x) => [x.id, x.reason]));
      expect(sales).toEqual({
        'woo:2002': 'valor bruto: não pode ser negativo',
        'woo:2003': 'valor bruto: valor fora do limite (acima de R$ 100 milhões)',
        'woo:2004': 'data de criação: data fora do intervalo (antes de 1990 ou mais de 5 anos à frente)',
        'woo:2005': `cupom: texto com mais de ${MAX_TEXT.toLocaleString('pt-BR')} caracteres`,
        'woo:2007': 'valor total: não é um número (use 1234.56, ou 1.234,56 em arquivos pt-BR)',
      });
      // The lines and payments of a rejected sale go with it; a negative quantity sets aside only its line.
      const children = rejects.filter((x) => x.t !== 'sales');
      expect(children.filter((x) => x.id.startsWith('woo:2006'))).toEqual([{ t: 'sale_lines', id: 'woo:2006/1', reason: 'quantidade: não pode ser negativo' }]);
      for (const x of children.filter((c) => !c.id.startsWith('woo:2006'))) expect(['woo:2002', 'woo:2003', 'woo:2004', 'woo:2005', 'woo:2007']).toContain(x.id.split('/')[0]);
      // Reasons and ids stay short even when the record was 10 MB.
      const [size] = await db.all<{ n: number }>(`SELECT max(length(reason) + length(coalesce(record_id, '')) + length(coalesce(excerpt, '')))::INT AS n FROM sync_rejects`);
      expect(size.n).toBeLessThan(1000);
      expect(await ids(db, `SELECT sale_id AS id FROM sales ORDER BY 1`)).toEqual(['woo:2001', 'woo:2006', 'woo:2008']);
      expect(await ids(db, `SELECT DISTINCT sale_id AS id FROM payments ORDER BY 1`)).toEqual(['woo:2001', 'woo:2006', 'woo:2008']);
      expect(await ids(db, `SELECT sale_id AS id FROM sale_lines ORDER BY 1`)).toEqual(['woo:2001', 'woo:2008']);
      const [longest] = await db.all<{ n: number }>(`SELECT max(length(coalesce(coupon_code, '')))::INT AS n FROM sales`);
      expect(longest.n).toBe(0);
      expect(r.rows).toBeGreaterThan(0);
      expect(r.rejected).toBe(rejects.length);
    } finally {
      db.close();
    }
  });
});
