// Hostile files at the import boundary: truncated CSV/XLSX/Parquet, wrong encodings, a 100 MB field, an
// entity-expansion XLSX, binary garbage named .csv, duplicate headers. Each ends with a clear error or rejects,
// in bounded memory, and nothing is half-loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openTestEngine, type TestEngine } from '../engine/testEngine';
import type { JobSnapshot } from '../../shared/events';
import type { ImportSummary } from '../../shared/api/import';

let t: TestEngine;
let dir: string;

beforeAll(async () => {
  t = await openTestEngine();
  dir = join(t.dir, 'files');
  mkdirSync(dir);
  await t.engine.db.run(`INSERT INTO customers (customer_id, name) VALUES ('keep', 'Cliente que já existia')`);
});
afterAll(() => t.close());

async function importPath(path: string): Promise<{ job: JobSnapshot; summary?: ImportSummary }> {
  const start = await t.call<JobSnapshot>('import.run', { paths: [path] });
  const job = await t.call<JobSnapshot>('jobs.wait', { id: start.id, timeoutMs: 120_000 });
  return { job, summary: job.result as ImportSummary | undefined };
}

/** The file-level error message, or the job's own when the whole job failed. */
function fileError(r: { job: JobSnapshot; summary?: ImportSummary }): string {
  return r.summary?.files.find((f) => f.error)?.error?.message ?? r.job.error?.message ?? '';
}

async function customers(): Promise<number> {
  return (await t.engine.db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM customers`))[0].n;
}

function folder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('hostile files', () => {
  it('a truncated CSV loads its whole rows and rejects the cut one, or fails whole', async () => {
    const d = folder('truncated-csv');
    writeFileSync(join(d, 'customers.csv'), 'customer_id,name,email\nt1,Ana,ana@example.com\nt2,"Bruno\nda Silva",b@example.com\nt3,"Carla sem fim');
    const r = await importPath(d);
    expect(r.job.state).toBe('done');
    const loaded = (await t.engine.db.all<{ id: string }>(`SELECT customer_id AS id FROM customers WHERE customer_id LIKE 't%' ORDER BY 1`)).map((x) => x.id);
    const rejected = r.summary?.rejected ?? 0;
    expect(loaded.includes('t3') ? rejected : rejected + (fileError(r) ? 1 : 0)).toBeGreaterThan(0);
    expect(loaded.every((id) => ['t1', 't2'].includes(id)) || fileError(r) !== '').toBe(true);
  });

  it('a truncated XLSX fails with a clear error and loads nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('customers');
    ws.addRow(['customer_id', 'name']);
    for (let i = 0; i < 500; i++) ws.addRow([`x${i}`, `Cliente ${i}`]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const file = join(folder('truncated-xlsx'), 'dados.xlsx');
    writeFileSync(file, buf.subarray(0, Math.floor(buf.length * 0.6)));
    const before = await customers();
    const r = await importPath(file);
    expect(fileError(r)).not.toBe('');
    expect(await customers()).toBe(before);
  });

  it('a truncated Parquet file fails with a clear error and loads nothing', async () => {
    const d = folder('truncated-parquet');
    const good = join(d, 'good.parquet');
    await t.engine.db.run(`COPY (SELECT 'p' || i AS customer_id, 'Cliente ' || i AS name FROM range(1000) t(i)) TO '${good}' (FORMAT parquet)`);
    const bytes = readFileSync(good);
    writeFileSync(join(d, 'customers.parquet'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(good, '');
    const before = await customers();
    const r = await importPath(join(d, 'customers.parquet'));
    expect(fileError(r)).not.toBe('');
    expect(await customers()).toBe(before);
  });

  it('a UTF-16 file is refused or decoded, never loaded as mojibake', async () => {
    const d = folder('utf16');
    const text = 'customer_id,name\nu1,Conceição\n';
    writeFileSync(join(d, 'customers.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await importPath(d);
    const rows = await t.engine.db.all<{ name: string }>(`SELECT name FROM customers WHERE customer_id = 'u1'`);
    if (rows.length) expect(rows[0].name).toBe('Conceição');
    else expect(fileError(r) || String(r.summary?.rejected)).not.toBe('');
    const garbled = await t.engine.db.all(`SELECT * FROM customers WHERE contains(customer_id, chr(0)) OR contains(name, chr(0)) OR contains(name, chr(65533))`);
    expect(garbled).toHaveLength(0);
  });

  it('binary garbage named .csv ends with a clear error', async () => {
    const d = folder('garbage');
    const junk = Buffer.alloc(256 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    writeFileSync(join(d, 'customers.csv'), junk);
    const before = await customers();
    const r = await importPath(d);
    expect(r.job.state === 'failed' || fileError(r) !== '' || (r.summary?.rejected ?? 0) > 0).toBe(true);
    expect(await customers()).toBe(before);
  });

  it('duplicate headers fail the file with a message naming the column', async () => {
    const d = folder('dupe-header');
    writeFileSync(join(d, 'customers.csv'), 'customer_id,name,name\nd1,Ana,Outra\n');
    const before = await customers();
    const r = await importPath(d);
    expect(fileError(r)).toMatch(/name/);
    expect(await customers()).toBe(before);
  });

  it('a 100 MB single field is refused in bounded memory, the rest of the file loads', async () => {
    const d = folder('huge-field');
    const file = join(d, 'customers.csv');
    writeFileSync(file, `customer_id,name\nh1,Ana\nh2,"${'A'.repeat(100 * 1024 * 1024)}"\nh3,Carla\n`);
    const rss0 = process.memoryUsage.rss();
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
    const r = await importPath(d);
    clearInterval(timer);
    const ids = (await t.engine.db.all<{ id: string; len: number }>(`SELECT customer_id AS id, length(name)::INT AS len FROM customers WHERE customer_id LIKE 'h%' ORDER BY 1`)).map((x) => x.id);
    expect(ids).not.toContain('h2');
    expect(fileError(r) !== '' || (r.summary?.rejected ?? 0) > 0).toBe(true);
    expect((peak - rss0) / 1e6, 'extra memory in MB').toBeLessThan(1500);
  }, 180_000);

  it('an entity-expansion (billion laughs) XLSX is refused quickly without expanding', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('customers');
    ws.addRow(['customer_id', 'name']);
    ws.addRow(['b1', 'lol']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const lol = ['<!DOCTYPE lolz [<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    lol.push(']>');
    const sheetPath = Object.keys(zip.files).find((f) => /xl\/worksheets\/sheet1\.xml$/.test(f)) as string;
    const sheet = await zip.file(sheetPath)!.async('string');
    zip.file(sheetPath, sheet.replace(/^(<\?xml[^>]*\?>)?/, (m) => `${m}${lol.join('')}`).replace('>lol<', '>&lol9;<'));
    const file = join(folder('lolz'), 'bomb.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = await customers();
    const t0 = Date.now();
    const r = await importPath(file);
    expect(Date.now() - t0).toBeLessThan(30_000);
    const rows = await t.engine.db.all<{ len: number }>(`SELECT max(length(name))::INT AS len FROM customers`);
    expect(rows[0].len ?? 0).toBeLessThan(1_000_000);
    expect(fileError(r) !== '' || (await customers()) <= before + 1).toBe(true);
  });

  it('keeps everything that was there before', async () => {
    const rows = await t.engine.db.all(`SELECT * FROM customers WHERE customer_id = 'keep'`);
    expect(rows).toHaveLength(1);
  });
});
