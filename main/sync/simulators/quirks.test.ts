// The simulators send what the vendors' documents and real shops send, not a tidy subset: read their raw payloads
// over HTTP and find each quirk the connectors must handle; then check Bling contacts are read in detail only
// when they changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentMethodOf } from '../../model/paymentMethods';
import { Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { runSync } from '../runner';
import { simSecrets, simSources, startSimulators, type SimSet } from '../testing/harness';

let set: SimSet;
beforeAll(async () => {
  set = await startSimulators({ kinds: ['woocommerce', 'bling', 'mercadolivre', 'hubspot'], size: { customers: 80, sales: 320 } });
});
afterAll(async () => {
  await set?.close();
});

const basic = (k: string, s: string) => `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}`;
async function get(url: string, headers: Record<string, string>): Promise<unknown> {
  const r = await fetch(url, { headers });
  expect(r.status, url).toBe(200);
  return r.json();
}
async function token(kind: 'bling' | 'mercadolivre'): Promise<string> {
  const sim = set.sims.get(kind)!;
  const c = sim.credentials;
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: c.refreshToken, client_id: c.clientId, client_secret: c.clientSecret });
  const r = await fetch(`${sim.server.baseUrl}/oauth/token`, { method: 'POST', body, headers: { Authorization: basic(c.clientId, c.clientSecret) } });
  const j = (await r.json()) as { access_token: string; refresh_token: string };
  // The rotated token goes back into the simulator's credentials so later syncs start from it.
  sim.credentials.refreshToken = j.refresh_token;
  return j.access_token;
}

describe('simulators send the quirks', () => {
  it('WooCommerce: processing orders, completed without date_paid, refunded and failed, Pix fee lines, Brazilian gateway ids', async () => {
    const w = set.sims.get('woocommerce')!;
    const auth = { Authorization: basic(w.credentials.key, w.credentials.secret) };
    const orders: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const list = (await get(`${w.server.baseUrl}/orders?per_page=100&page=${page}`, auth)) as Record<string, unknown>[];
      orders.push(...list);
      if (list.length < 100) break;
    }
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ['processing', 'completed', 'pending', 'on-hold', 'cancelled']) expect(statuses, s).toContain(s);
    expect(orders.some((o) => o.status === 'completed' && o.date_paid_gmt === null && o.date_completed_gmt)).toBe(true);
    expect(orders.some((o) => Array.isArray(o.fee_lines) && o.fee_lines.some((f) => String((f as { total: string }).total).startsWith('-')))).toBe(true);
    const gateways = new Set(orders.map((o) => String(o.payment_method)).filter(Boolean));
    expect([...gateways].some((g) => g.startsWith('woo-pagarme-payments-') || g.startsWith('woo-mercado-pago-'))).toBe(true);
    // Every gateway but bank transfer (bacs) reads as a real method through the shared table.
    for (const g of gateways) if (g !== 'bacs') expect(paymentMethodOf(g), g).not.toBe('other');
    // Refunds are paged 10 by default, as every collection.
    const refunded = orders.find((o) => Array.isArray(o.refunds) && o.refunds.length > 0);
    if (refunded) expect(Array.isArray(await get(`${w.server.baseUrl}/orders/${refunded.id}/refunds`, auth))).toBe(true);
  });

  it('Bling: custom situações with idHerdado, a contatos list without e-mail, desconto in REAL', async () => {
    const b = set.sims.get('bling')!;
    const auth = { Authorization: `Bearer ${await token('bling')}` };
    const mods = (await get(`${b.server.baseUrl}/situacoes/modulos`, auth)) as { data: { id: number; nome: string }[] };
    const vendas = mods.data.find((m) => m.nome === 'Vendas')!;
    const sits = (await get(`${b.server.baseUrl}/situacoes/modulos/${vendas.id}`, auth)) as { data: { id: number; idHerdado: number }[] };
    expect(sits.data.some((s) => s.idHerdado > 0)).toBe(true);
    const list = (await get(`${b.server.baseUrl}/contatos?pagina=1&limite=100&criterio=1`, auth)) as { data: Record<string, unknown>[] };
    expect(list.data.length).toBeGreaterThan(0);
    for (const c of list.data) expect(Object.keys(c).sort()).toEqual(['celular', 'codigo', 'id', 'nome', 'numeroDocumento', 'situacao', 'telefone']);
    const pedidos = (await get(`${b.server.baseUrl}/pedidos/vendas?pagina=1&limite=100`, auth)) as { data: { id: number; situacao: { id: number } }[] };
    expect(pedidos.data.some((p) => p.situacao.id > 1000)).toBe(true);
    const one = (await get(`${b.server.baseUrl}/pedidos/vendas/${pedidos.data[0].id}`, auth)) as { data: { desconto: { unidade: string } } };
    expect(one.data.desconto.unidade).toBe('REAL');
  });

  it('Mercado Livre: packs, a shipment cost for the seller, buyers with only a nickname', async () => {
    const m = set.sims.get('mercadolivre')!;
    const auth = { Authorization: `Bearer ${await token('mercadolivre')}` };
    const me = (await get(`${m.server.baseUrl}/users/me`, auth)) as { id: number };
    const res = (await get(`${m.server.baseUrl}/orders/search?seller=${me.id}&limit=50&offset=0&order.date_last_updated.from=2015-07-01T00:00:00.000-00:00`, auth)) as { results: Record<string, unknown>[]; paging: { total: number } };
    const all: Record<string, unknown>[] = [...res.results];
    for (let off = 50; off < res.paging.total; off += 50) {
      all.push(...((await get(`${m.server.baseUrl}/orders/search?seller=${me.id}&limit=50&offset=${off}&order.date_last_updated.from=2015-07-01T00:00:00.000-00:00`, auth)) as { results: Record<string, unknown>[] }).results);
    }
    expect(all.length).toBe(res.paging.total);
    expect(all.some((o) => o.pack_id !== null)).toBe(true);
    expect(all.some((o) => { const b = o.buyer as Record<string, unknown> | null; return !!b && b.first_name === undefined && !!b.nickname; })).toBe(true);
    let costed = 0;
    for (const o of all.slice(0, 40)) {
      const c = (await get(`${m.server.baseUrl}/shipments/${(o.shipping as { id: number }).id}/costs`, auth)) as { senders: { cost: number }[] };
      if (c.senders[0].cost > 0) costed++;
    }
    expect(costed).toBeGreaterThan(0);
  });

  it('HubSpot: a custom pipeline with numeric stage ids, and BOUNCE events', async () => {
    const h = set.sims.get('hubspot')!;
    const auth = { Authorization: `Bearer ${h.credentials.token}` };
    const p = (await get(`${h.server.baseUrl}/crm/v3/pipelines/deals`, auth)) as { results: { id: string; stages: { id: string }[] }[] };
    expect(p.results.some((x) => /^\d+$/.test(x.id) && x.stages.every((s) => /^\d+$/.test(s.id)))).toBe(true);
    const ev = (await get(`${h.server.baseUrl}/email/public/v1/events?limit=1000`, auth)) as { events: { type: string }[] };
    expect(ev.events.some((e) => e.type === 'BOUNCE')).toBe(true);
  });
});

describe('Bling contacts in detail', () => {
  it('a full sync reads each contact once in detail; the next one only the contact that changed', async () => {
    const b = set.sims.get('bling')!;
    const db = await Db.open({ path: ':memory:' });
    await migrate(db);
    const run = (full: boolean) => runSync({ db, secrets: simSecrets(set), sources: simSources(set, {}, ['bling']), full, signal: new AbortController().signal, overlapMinutes: 0, timezone: 'America/Sao_Paulo' });
    const before = b.server.stats.byRoute['/contatos/:id'] ?? 0;
    expect((await run(true)).ok).toBe(true);
    const contacts = (await set.data.expected('customers', 'bling')).length;
    expect((b.server.stats.byRoute['/contatos/:id'] ?? 0) - before).toBe(contacts);
    const [withMail] = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM customers WHERE starts_with(customer_id, 'bling:') AND email IS NOT NULL`);
    expect(withMail.n).toBeGreaterThan(0);
    const [{ id }] = await db.all<{ id: string }>(`SELECT customer_id AS id FROM customers WHERE starts_with(customer_id, 'bling:') ORDER BY 1 LIMIT 1`);
    await new Promise((r) => setTimeout(r, 1100));
    await b.mutate({ op: 'update', table: 'customers', id, column: 'email', value: 'nova@exemplo.com.br' });
    const mid = b.server.stats.byRoute['/contatos/:id'] ?? 0;
    expect((await run(false)).ok).toBe(true);
    expect((b.server.stats.byRoute['/contatos/:id'] ?? 0) - mid).toBe(1);
    expect(await db.all(`SELECT email FROM customers WHERE customer_id = $1`, [id])).toEqual([{ email: 'nova@exemplo.com.br' }]);
    db.close();
  });
});
