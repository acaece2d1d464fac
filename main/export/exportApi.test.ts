// export.* through the dispatcher: full reports in every format with the report's row count, file targets
// (conflicts, overwrite, paths outside the folder, links), no partial file under the final name, the Parquet
// dataset, the partner setting, and browser-mode downloads over a real loopback host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import { startHttpHost, type HttpHost } from '../host/httpHost';
import { createSalesData } from './testFixtures';
import { registerDownloadRoutes } from '../host/downloads';
import { startExportJob } from './exportJob';
import { fileTarget } from './target';
import { writeCsv } from './csvExport';
import { exportContext } from './exportJob';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult, PartnerSetting } from '../../shared/api/export';
import type { ReportMeta } from '../../shared/reports';

let t: TestEngine;
let out: string;
const period = { preset: 'custom', from: '2026-08-01', to: '2026-10-31' };
const ARTIFACTS = join(process.cwd(), 'test-results', 'export');

async function finish(job: JobSnapshot): Promise<JobSnapshot> {
  return t.call<JobSnapshot>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
}
async function run(method: string, input: unknown): Promise<ExportJobResult> {
  const end = await finish(await t.call<JobSnapshot>(method, input));
  if (end.state !== 'done') throw new Error(`${end.state}: ${end.error?.message}`);
  return end.result as ExportJobResult;
}
async function failure(method: string, input: unknown): Promise<{ code: string; details?: unknown }> {
  const r = await t.dispatcher.call(method, input);
  if (r.ok) throw new Error(`${method} did not fail`);
  return r.error;
}
const count = async (report: string, extra: Record<string, unknown> = {}) => (await t.call<{ total: number }>('reports.count', { report, period, ...extra })).total;

beforeAll(async () => {
  t = await openTestEngine();
  await createSalesData(t.engine.db, 3000, 4);
  out = join(t.dir, 'out');
  mkdirSync(out);
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => t.close());

describe('export.run', () => {
  it('CSV of a full report has as many rows as the report count, in the screen order', async () => {
    const filters = [{ column: 'net', op: 'gt', value: 5000 }];
    const n = await count('sales-summary', { params: { granularity: 'day' }, filters });
    expect(n).toBeGreaterThan(20);
    const r = await run('export.run', { report: 'sales-summary', period, params: { granularity: 'day' }, filters, sort: [{ column: 'net', desc: true }], format: 'csv', csvDialect: 'standard', folder: out, fileName: 'daily' });
    expect(r.fileName).toBe('daily.csv');
    expect(r.rows).toBe(n);
    const lines = readFileSync(r.path, 'utf8').trimEnd().split('\r\n');
    expect(lines.length).toBe(n + 1);
    const net = lines.slice(1).map((l) => Number(l.split(',')[5]));
    expect(net).toEqual([...net].sort((a, b) => b - a));
    expect(Math.min(...net)).toBeGreaterThan(5000);
  });

  it('XLSX and Parquet carry every row of the report', async () => {
    const n = await count('payment-methods', { params: { granularity: 'day' } });
    const x = await run('export.run', { report: 'payment-methods', period, params: { granularity: 'day' }, format: 'xlsx', folder: out, fileName: 'methods.xlsx' });
    expect(x.rows).toBe(n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.path);
    expect(wb.getWorksheet('Dados')!.rowCount).toBe(n + 2);
    const p = await run('export.run', { report: 'payment-methods', period, params: { granularity: 'day' }, format: 'parquet', folder: out, fileName: 'methods.parquet' });
    const [{ c }] = await t.engine.db.all<{ c: number }>(`SELECT count(*)::DOUBLE AS c FROM read_parquet($1)`, [p.path]);
    expect(c).toBe(n);
  });

  it('PDF of a report with its chart; page 1 rendered as an artifact', async () => {
    const r = await run('export.run', { report: 'sales-summary', period: { preset: 'custom', from: '2026-10-01', to: '2026-10-31' }, params: { granularity: 'day' }, format: 'pdf', folder: out, fileName: 'resumo.pdf' });
    expect(r.rows).toBe(31);
    const txt = execFileSync('pdftotext', ['-layout', r.path, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Resumo de vendas');
    expect(txt).toContain('Período: 01/10/2026 – 31/10/2026');
    expect(txt).toContain('Agrupar por: Dia');
    expect(txt).toMatch(/página 1 de \d/);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', r.path, join(ARTIFACTS, 'sales-summary-page1')]);
  });

  it('refuses bad requests before any job starts', async () => {
    expect((await failure('export.run', { report: 'nope', format: 'csv', folder: out })).code).toBe('NOT_FOUND');
    expect((await failure('export.run', { report: 'sales-summary', format: 'csv', folder: out, filters: [{ column: 'nope', op: 'eq', value: 1 }] })).code).toBe('BAD_INPUT');
    expect((await failure('export.run', { report: 'sales-summary', format: 'doc', folder: out })).code).toBe('BAD_INPUT');
    expect((await failure('export.run', { report: 'sales-summary', format: 'csv', folder: 'relative/dir' })).code).toBe('BAD_INPUT');
    expect((await failure('export.run', { report: 'sales-summary', format: 'csv', folder: join(t.dir, 'missing') })).code).toBe('NOT_FOUND');
    // A filter value that does not fit its column is refused by validation, before any job or SQL runs.
    expect((await failure('export.run', { report: 'sales-summary', period, format: 'csv', folder: out, fileName: 'badvalue.csv', filters: [{ column: 'net', op: 'gt', value: 'abc' }] })).code).toBe('BAD_INPUT');
    expect(existsSync(join(out, 'badvalue.csv'))).toBe(false);
  });
});

describe('every report in the registry', () => {
  it('exports every table to CSV and XLSX, and every default table to PDF, with the report count of rows (reports needing analytics answer NOT_READY)', async () => {
    const reports = await t.call<ReportMeta[]>('reports.list');
    expect(reports.length).toBeGreaterThan(15);
    let exported = 0;
    for (const meta of reports) {
      for (const view of meta.views?.length ? meta.views : [{ id: null, available: true }]) {
        const params = view.id && view.id !== meta.views?.[0]?.id ? { view: view.id } : {};
        const c = await t.dispatcher.call('reports.count', { report: meta.id, period, params });
        if (!c.ok) {
          expect(c.error.code).toBe('NOT_READY');
          continue;
        }
        const n = (c.value as { total: number }).total;
        for (const format of ['csv', 'xlsx', 'pdf'] as const) {
          if (format === 'pdf' && (n > 2000 || Object.keys(params).length)) continue;
          const r = await run('export.run', { report: meta.id, period, params, format, folder: out, fileName: `all-${meta.id}-${view.id ?? 'main'}.${format}` });
          if (meta.id === 'peak-hours' && format === 'pdf') execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', r.path, join(ARTIFACTS, 'peak-hours-page1')]);
          expect(r.rows, `${meta.id}/${view.id} ${format}`).toBe(n);
        }
        exported++;
      }
    }
    expect(exported).toBeGreaterThan(15);
  });
});

describe('file targets', () => {
  const base = { report: 'sales-summary', period, format: 'csv' };

  it('never overwrites without the flag, and overwrites with it', async () => {
    writeFileSync(join(out, 'exists.csv'), 'keep me');
    const err = await failure('export.run', { ...base, folder: out, fileName: 'exists.csv' });
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toMatchObject({ exists: true, path: join(out, 'exists.csv') });
    expect(readFileSync(join(out, 'exists.csv'), 'utf8')).toBe('keep me');
    const r = await run('export.run', { ...base, folder: out, fileName: 'exists.csv', overwrite: true });
    expect(readFileSync(r.path, 'utf8')).toContain('Período');
  });

  it('refuses paths that leave the chosen folder, through .. or a link', async () => {
    expect((await failure('export.run', { ...base, folder: out, fileName: '../escape.csv' })).code).toBe('FORBIDDEN');
    expect((await failure('export.run', { ...base, folder: out, fileName: '/tmp/abs.csv' })).code).toBe('FORBIDDEN');
    const outside = join(t.dir, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(out, 'link'));
    expect((await failure('export.run', { ...base, folder: out, fileName: 'link/x.csv' })).code).toBe('FORBIDDEN');
    symlinkSync(join(outside, 'target.csv'), join(out, 'dangling.csv'));
    expect((await failure('export.run', { ...base, folder: out, fileName: 'dangling.csv', overwrite: true })).code).toBe('FORBIDDEN');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(t.dir, 'escape.csv'))).toBe(false);
  });

  it('a failed export leaves no file under the final name and no temp file', async () => {
    const target = fileTarget({ folder: out, name: 'broken.csv', overwrite: false });
    const job = startExportJob(t.engine, {
      kind: 'export',
      title: { 'pt-BR': 'quebrado', en: 'broken' },
      target,
      format: 'csv',
      download: false,
      write: async (path) => {
        writeFileSync(path, 'half a file');
        throw new Error('disk full');
      },
    });
    const end = await finish(job);
    expect(end.state).toBe('failed');
    expect(existsSync(join(out, 'broken.csv'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

describe('cancellation', () => {
  it('interrupts DuckDB mid-export and leaves nothing under the final name', async () => {
    const target = fileTarget({ folder: out, name: 'slow.csv', overwrite: false });
    const ctx = await exportContext(t.engine, 'en');
    const source = {
      title: { 'pt-BR': 'Lento', en: 'Slow' },
      sql: `SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(400000000) r(i) ORDER BY h`,
      params: [],
      columns: [
        { id: 'i', type: 'integer' as const },
        { id: 'h', type: 'text' as const },
      ],
      period: null,
      filters: [],
    };
    const job = startExportJob(t.engine, { kind: 'export', title: { 'pt-BR': 'lento', en: 'slow' }, target, format: 'csv', download: false, write: (path, j) => writeCsv(t.engine.db.readConnection(), source, ctx, 'standard', path, j) });
    await new Promise((ok) => setTimeout(ok, 300));
    t.engine.jobs.cancel(job.id);
    const t0 = performance.now();
    const end = await finish(job);
    expect(end.state).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(existsSync(join(out, 'slow.csv'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes('slow.csv'))).toEqual([]);
  });
});

describe('export.parquet', () => {
  it('writes canonical tables partitioned by month and refuses to replace without the flag', async () => {
    const r = await run('export.parquet', { folder: out, fileName: 'dataset', tables: ['sales', 'sale_lines', 'employees'] });
    expect(readdirSync(join(r.path, 'sales'))).toContain('month=2026-10');
    expect(existsSync(join(r.path, 'employees', 'employees.parquet'))).toBe(true);
    const [{ a, b }] = await t.engine.db.all<{ a: number; b: number }>(
      `SELECT (SELECT count(*) FROM read_parquet($1, hive_partitioning = true))::DOUBLE AS a, (SELECT count(*) FROM sale_lines)::DOUBLE AS b`,
      [join(r.path, 'sale_lines', '**', '*.parquet')],
    );
    expect(a).toBe(b);
    const [{ m }] = await t.engine.db.all<{ m: number }>(`SELECT count(*)::DOUBLE AS m FROM read_parquet($1, hive_partitioning = true) WHERE month = '2026-10'`, [join(r.path, 'sales', '**', '*.parquet')]);
    const [{ e }] = await t.engine.db.all<{ e: number }>(`SELECT count(*)::DOUBLE AS e FROM v_sales WHERE strftime(biz_date, '%Y-%m') = '2026-10'`);
    expect(m).toBe(e);
    expect((await failure('export.parquet', { folder: out, fileName: 'dataset' })).code).toBe('CONFLICT');
    await run('export.parquet', { folder: out, fileName: 'dataset', overwrite: true, tables: ['items'] });
    expect(readdirSync(r.path).sort()).toEqual(['_painel_export.json', 'items']);
  });
});

describe('export.partners', () => {
  it('lists employees and sets the partner flag', async () => {
    const set = await t.call<PartnerSetting>('export.setPartner', { employeeId: 'e3', partner: true });
    expect(set).toMatchObject({ employeeId: 'e3', name: 'Márcia Conceição', partner: true, commissionRate: 0.5 });
    const list = await t.call<PartnerSetting[]>('export.partners');
    expect(list.filter((p) => p.partner).map((p) => p.employeeId)).toEqual(['e3']);
    await t.call('export.setPartner', { employeeId: 'e3', partner: false });
    expect((await t.call<PartnerSetting[]>('export.partners')).some((p) => p.partner)).toBe(false);
    expect((await failure('export.setPartner', { employeeId: 'ghost', partner: true })).code).toBe('NOT_FOUND');
  });
});

describe('browser-mode download', () => {
  let host: HttpHost;
  beforeAll(async () => {
    host = await startHttpHost({ engine: t.engine, dispatcher: t.dispatcher, token: 'secret-token' });
    registerDownloadRoutes(host, t.engine);
  });
  afterAll(() => host.close());

  it('streams a finished export with the token and refuses without it', async () => {
    const r = await run('export.run', { report: 'sales-summary', period, format: 'csv' });
    expect(r.download).toMatch(/^\/api\/export\/download\?id=/);
    const url = `http://127.0.0.1:${host.port}${r.download}`;
    const ok = await fetch(url, { headers: { Authorization: 'Bearer secret-token' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await ok.arrayBuffer()).equals(readFileSync(r.path))).toBe(true);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}/api/export/download?id=nope`, { headers: { Authorization: 'Bearer secret-token' } })).status).toBe(404);
  });
});
