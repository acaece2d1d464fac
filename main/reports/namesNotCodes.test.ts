// People read names, never codes: every report marks its internal keys (hidden until chosen, still exported) and
// its code columns (said in words from shared/codeLists.ts), says what an empty unit / professional / coupon
// means, and sorts text in Portuguese order — on a real DuckDB, through the dispatcher and the CSV writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportPage } from '../../shared/api/reports';
import type { ExportJobResult } from '../../shared/api/export';
import { CODE_LISTS } from '../../shared/codeLists';
import type { JobSnapshot } from '../../shared/events';
import type { ReportMeta } from '../../shared/reports';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { loadReportFixture, MARCH } from './testFixture';
import { pageRows } from './testHelpers';

let t: TestEngine;
beforeAll(async () => {
  t = await openTestEngine();
  await loadReportFixture(t.engine.db);
  // Accents and case that byte order gets wrong: "Érica" after "Zélia", "ana" after every capital.
  await t.engine.db.run(`UPDATE customers SET name = 'Érica Lima' WHERE customer_id = 'C2'`);
  await t.engine.db.run(`UPDATE customers SET name = 'Zélia Reis' WHERE customer_id = 'C3'`);
  await t.engine.db.run(`UPDATE customers SET name = 'ana Souza' WHERE customer_id = 'C1'`);
});
afterAll(() => t.close());

async function exportCsv(report: string, extra: Record<string, unknown> = {}): Promise<string[][]> {
  const folder = join(t.dir, 'out');
  mkdirSync(folder, { recursive: true });
  const job = await t.call<JobSnapshot>('export.run', { report, period: MARCH, format: 'csv', csvDialect: 'standard', folder, fileName: `${report}-${Date.now()}`, ...extra });
  const end = await t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  expect(end.state).toBe('done');
  const text = readFileSync((end.result as ExportJobResult).path, 'utf8').trimEnd();
  return text.split('\r\n').map((l) => l.split(','));
}

describe('names, not codes', () => {
  it('every id column of every report is a hidden key, and every code column names its list', async () => {
    const reports = await t.call<ReportMeta[]>('reports.list');
    const columns = reports.flatMap((r) => [...r.columns, ...(r.views ?? []).flatMap((v) => v.columns)].map((c) => ({ report: r.id, ...c })));
    // A segment id is a code of a closed list (said in words); every other id is a key.
    const ids = columns.filter((c) => c.type === 'text' && !c.codes && /(^|_)id$/.test(c.id));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((c) => !c.key || !c.optional).map((c) => `${c.report}.${c.id}`)).toEqual([]);
    const codeNamed = columns.filter((c) => c.type === 'text' && !c.key && /(^|_)(method|status|kind|lifecycle|cluster|channel|source|state|level|model|gender)$/.test(c.id));
    expect(codeNamed.length).toBeGreaterThan(15);
    expect(codeNamed.filter((c) => !c.codes || !CODE_LISTS[c.codes]).map((c) => `${c.report}.${c.id}`)).toEqual([]);
    // Every id column has a name beside it in the same table (a key alone would leave people a code).
    for (const r of reports) {
      const ids = r.columns.filter((c) => c.key && c.drill?.kind === 'customer');
      for (const c of ids) expect(r.columns.some((n) => !n.key && n.type === 'text' && n.label['pt-BR'] === 'Cliente'), `${r.id}.${c.id}`).toBe(true);
    }
  });

  it('the values of code columns are codes of their lists (no word is left for the screen to guess)', async () => {
    for (const [report, col] of [
      ['sales-by-channel', 'source'],
      ['sales-by-channel', 'kind'],
      ['payment-methods', 'method'],
      ['sales-by-item', 'kind'],
      ['refunds', 'sale_status'],
    ] as const) {
      const meta = (await t.call<ReportMeta[]>('reports.list')).find((r) => r.id === report)!;
      const list = CODE_LISTS[meta.columns.find((c) => c.id === col)!.codes!];
      const rows = pageRows(await t.call<ReportPage>('reports.page', { report, period: MARCH, limit: 500 }));
      expect(rows.length, report).toBeGreaterThan(0);
      for (const r of rows) expect(Object.keys(list), `${report}.${col}`).toContain(r[col]);
    }
  });

  it('sorts names in Portuguese order (ICU collation pt), as Intl.Collator pt-BR does', async () => {
    const page = await t.call<ReportPage>('reports.page', { report: 'customer-profiles', period: MARCH, limit: 500, sort: [{ column: 'name', desc: false }] });
    const names = pageRows(page).map((r) => String(r.name));
    expect(names).toContain('Érica Lima');
    expect(names).toEqual([...names].sort(new Intl.Collator('pt-BR').compare));
    expect(names.indexOf('Érica Lima')).toBeLessThan(names.indexOf('Zélia Reis'));
    expect(names.indexOf('ana Souza')).toBeLessThan(names.indexOf('Érica Lima'));
    const desc = pageRows(await t.call<ReportPage>('reports.page', { report: 'customer-profiles', period: MARCH, limit: 500, sort: [{ column: 'name', desc: true }] })).map((r) => String(r.name));
    expect(desc).toEqual([...names].reverse());
  });

  it('files for people carry words: channels, kinds, the online unit, no coupon; keys stay as columns', async () => {
    const channel = await exportCsv('sales-by-channel');
    const src = channel[0].indexOf('Canal');
    const kind = channel[0].indexOf('Tipo');
    expect(src).toBeGreaterThanOrEqual(0);
    expect(new Set(channel.slice(1).map((r) => r[src]))).toEqual(new Set(['Salão', 'Loja online']));
    expect(new Set(channel.slice(1).map((r) => r[kind]))).toEqual(new Set(['Atendimento', 'Pedido']));

    const loc = await exportCsv('sales-by-location');
    const name = loc[0].indexOf('Unidade');
    const key = loc[0].indexOf('Código da unidade');
    expect(key).toBeGreaterThanOrEqual(0);
    const online = loc.slice(1).find((r) => r[name] === 'Online');
    expect(online?.[key]).toBe('');
    expect(loc.slice(1).map((r) => r[name]).sort()).toEqual(['Centro', 'Online']);

    const coupons = await exportCsv('discounts-coupons');
    expect(coupons.slice(1).map((r) => r[0])).not.toContain('');

    // Scripts get the stored codes: the CLI's CSV (ids in the header) is not translated.
    const ids = await exportCsv('sales-by-channel', { csvHeader: 'ids' });
    expect(new Set(ids.slice(1).map((r) => r[ids[0].indexOf('source')]))).toEqual(new Set(['salon', 'woo']));
  });
});
