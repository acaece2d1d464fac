import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { ContactListResult, MarkContactedResult } from '../../shared/contacts';
import type { CampaignFunnelsResult } from '../../shared/analytics';
import { tableFromIPC } from 'apache-arrow';
import { insertCustomers, insertSales } from './testing/fixtures';
import { runAfterWrite } from '../model/afterWrite';
import { AFTER_WRITE_HOOKS } from '../identity/afterWrite';
import { CONVERSION_DAYS } from './campaigns';
import { CONTACT_CONVERSION_DAYS } from '../model/campaignConversions';
import { segmentDef } from './segmentDefs';
import { readFileSync } from 'node:fs';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult } from '../../shared/api/export';

let t: TestEngine;
beforeEach(async () => (t = await openTestEngine({ memory: true })));
afterEach(() => t.close());

const D = '2026-10-31';
const at = (date: string) => `${date}T15:00:00-03:00`;

/** Four lapsed regulars (visits every ~30 days, last one in June): one with accents, one with a bad phone, one without opt-in. */
async function load() {
  await t.engine.db.run(`INSERT INTO employees VALUES ('E1', 'Ana Paula', 'stylist', NULL, 0.1, NULL, true), ('E2', 'Bia', 'manicure', NULL, 0.1, NULL, true);
    INSERT INTO items VALUES ('SVC1', 'Corte & escova', 'service', 'cabelo', 80, NULL, 60), ('PRD1', 'Shampoo', 'product', 'produtos', 50, NULL, NULL)`);
  await insertCustomers(t.engine.db, [
    { id: 'c1', name: 'Érica Souza', phone: '(11) 98765-4321', birthDate: '1990-11-03' },
    { id: 'c2', name: 'João Lima', phone: '1234' },
    { id: 'c3', name: 'Lia Reis', phone: '+55 21 99999-0000', optIn: false },
    { id: 'c4', name: 'Zé', phone: '21 3333-4444', birthDate: '1985-12-20' },
  ]);
  const sales = [];
  for (const c of ['c1', 'c2', 'c3', 'c4']) for (const d of ['2026-04-10', '2026-05-10', '2026-06-10']) sales.push({ id: `${c}-${d}`, customer: c, at: at(d), total: 100 });
  await insertSales(t.engine.db, sales);
  // c1's last sale: a product line first, then the service by E1 (the service names the visit); c4's has no lines
  await t.engine.db.run(`INSERT INTO sale_lines VALUES ('c1-2026-06-10', 1, 'PRD1', NULL, 1, 20, 0, 20, NULL), ('c1-2026-06-10', 2, 'SVC1', 'E1', 1, 80, 0, 80, 60);
    UPDATE sales SET employee_id = 'E2' WHERE sale_id = 'c4-2026-06-10'`);
}

const list = (input: Record<string, unknown>) => t.call<ContactListResult>('contacts.list', { asOf: D, limit: 100, ...input });
const rows = (r: ContactListResult) => tableFromIPC(r.page.arrow).toArray().map((x) => x.toJSON() as Record<string, unknown>);

describe('contact lists', () => {
  it('builds wa.me links from E.164 phones with the message rendered and URL-encoded, and counts who has no phone', async () => {
    await load();
    const r = await list({ list: 'lapsed', template: 'Olá, {nome}! {servico} com {profissional}?', sort: [{ column: 'customer_id', desc: false }] });
    expect(r.summary).toEqual({ members: 3, withPhone: 2, withoutPhone: 1, notOptedIn: 1, contacted: 0 });
    const [c1, c2, c4] = rows(r);
    expect(c1).toMatchObject({ customer_id: 'c1', name: 'Érica Souza', phone_e164: '+5511987654321', last_service: 'Corte & escova', professional: 'Ana Paula', last_visit: '2026-06-10' });
    expect(c1.message).toBe('Olá, Érica! Corte & escova com Ana Paula?');
    expect(c1.whatsapp_url).toBe('https://wa.me/5511987654321?text=Ol%C3%A1%2C%20%C3%89rica%21%20Corte%20%26%20escova%20com%20Ana%20Paula%3F');
    expect(decodeURIComponent(String(c1.whatsapp_url).split('?text=')[1])).toBe(c1.message);
    // an invalid phone gets no link; a landline is still E.164 (the person decides whether it has WhatsApp)
    expect(c2).toMatchObject({ customer_id: 'c2', phone_e164: null, whatsapp_url: null });
    expect(c4).toMatchObject({ phone_e164: '+552133334444', last_service: null, professional: 'Bia', message: 'Olá, Zé! atendimento com Bia?' });
  });

  it('uses the segment campaign message by default, accepts the English placeholders and refuses unknown ones in both languages', async () => {
    await load();
    const def = await list({ list: 'lapsed' });
    expect(def.template).toBe(def.defaultTemplate);
    expect(def.template).toContain('{nome}');
    expect(def.campaign).toEqual(segmentDef('winback_high_value').campaign);
    const en = await list({ list: 'lapsed', template: 'Hi {name}, {service}/{Professional}', sort: [{ column: 'customer_id', desc: false }] });
    expect(rows(en)[0].message).toBe('Hi Érica, Corte & escova/Ana Paula');
    expect(en.template).toBe('Hi {name}, {service}/{Professional}'); // shown back as written
    const bad = await t.dispatcher.call('contacts.list', { list: 'lapsed', asOf: D, template: 'Oi {nomee}' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('BAD_INPUT');
      expect((bad.error.details as { text: Record<string, string> }).text['pt-BR']).toBe('O modelo da mensagem tem um campo desconhecido: {nomee}. Use {nome}, {servico}, {profissional}.');
    }
  });

  it('lists this week’s and this month’s birthdays and RFM clusters', async () => {
    await load();
    const week = await list({ list: 'birthdays_week', asOf: '2026-10-30' });
    expect(rows(week).map((x) => x.customer_id)).toEqual(['c1']);
    expect((await list({ list: 'birthdays_week', asOf: '2026-11-04' })).summary.members).toBe(0);
    expect(rows(await list({ list: 'birthdays_month', asOf: '2026-12-05' })).map((x) => x.customer_id)).toEqual(['c4']);
    const lost = await list({ list: 'cluster:lost' });
    expect(lost.summary.members + lost.summary.notOptedIn).toBe(4);
  });

  it('records a contact once, in the month campaign, and counts it in the funnel and in ROI when the customer comes back', async () => {
    await load();
    const first = await t.call<MarkContactedResult>('contacts.markContacted', { list: 'lapsed', asOf: D, customerIds: ['c1', 'c2'] });
    expect(first).toMatchObject({ marked: 1, already: 0, skipped: 1 });
    const again = await t.call<MarkContactedResult>('contacts.markContacted', { list: 'lapsed', asOf: D, all: true });
    expect(again).toMatchObject({ marked: 1, already: 1, skipped: 1 });
    const third = await t.call<MarkContactedResult>('contacts.markContacted', { list: 'lapsed', asOf: D, all: true });
    expect(third).toMatchObject({ marked: 0, already: 2 });
    expect(await t.engine.db.all(`SELECT customer_id, event_type FROM campaign_events ORDER BY 1`)).toEqual([
      { customer_id: 'c1', event_type: 'sent' },
      { customer_id: 'c4', event_type: 'sent' },
    ]);
    const l = await list({ list: 'lapsed' });
    expect(l.summary.contacted).toBe(2);
    expect(rows(l).filter((x) => x.contacted).map((x) => x.customer_id).sort()).toEqual(['c1', 'c4']);

    // c1 comes back two days after the contact: a conversion with that sale's total, counted in revenue and ROI
    const [{ back }] = await t.engine.db.all<{ back: string }>(`SELECT strftime(now() + INTERVAL 2 DAY, '%Y-%m-%dT%H:%M:%S+00:00') AS back`);
    await insertSales(t.engine.db, [{ id: 'back1', customer: 'c1', at: back, total: 250 }]);
    await runAfterWrite(t.engine.db, ['sales'], AFTER_WRITE_HOOKS);
    await runAfterWrite(t.engine.db, ['sales'], AFTER_WRITE_HOOKS); // twice: still one conversion
    const f = await t.call<CampaignFunnelsResult>('analytics.campaignFunnels', {});
    expect(f.campaigns).toHaveLength(1);
    const c = f.campaigns[0];
    const seg = segmentDef('winback_high_value');
    const budget = seg.fixedCost + 2 * seg.costPerMember;
    expect(c).toMatchObject({ channel: 'whatsapp', segmentId: 'lapsed', revenue: '250.00', cost: budget.toFixed(2) });
    expect(c.steps.find((s) => s.step === 'sent')?.customers).toBe(2);
    expect(c.steps.find((s) => s.step === 'converted')?.customers).toBe(1);
    expect(c.roi).toBeCloseTo((250 - budget) / budget, 10);
    expect(CONTACT_CONVERSION_DAYS).toBe(CONVERSION_DAYS);
  });

  it('exports the list as CSV through the report export, with the edited message and its link', async () => {
    await load();
    const job = await t.call<JobSnapshot>('export.run', {
      report: 'contact-list',
      period: { preset: 'custom', from: D, to: D },
      params: { list: 'lapsed', template: 'Oi {nome}, saudade! ✂️' },
      sort: [{ column: 'customer_id', desc: false }],
      format: 'csv',
      csvDialect: 'standard',
      csvHeader: 'ids',
      folder: t.dir,
      fileName: 'contatos.csv',
    });
    const done = await t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
    expect(done.state).toBe('done');
    const csv = readFileSync((done.result as ExportJobResult).path, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('customer_id,name,phone_e164,last_service,professional,last_visit,days_since_last,contacted,message,whatsapp_url');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"Oi Érica, saudade! ✂️",https://wa.me/5511987654321?text=Oi%20%C3%89rica%2C%20saudade%21%20%E2%9C%82%EF%B8%8F`);
    expect(lines[2]).toMatch(/^c2,João Lima,,/);
  });
});
