// The Parquet dataset from the app's API: export.parquet as one .zip (the browser-mode download) and as a folder,
// looked at and imported back through import.inspect / import.run into an empty database: identical rows (EXCEPT ALL
// both ways), and again nothing changes. A .zip that is not Painel's dataset, whose paths leave its folder or
// that unpacks to far more than its size is refused in words and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { NO_DIFFERENCES, openTestEngine, tableDifferences, type TestEngine } from '../engine/testEngine';
import { generateDemo } from '../demo/generateDemo';
import type { JobSnapshot } from '../../shared/events';
import type { ExportJobResult } from '../../shared/api/export';
import type { ImportSummary, SheetInspect } from '../../shared/api/import';

let source: TestEngine;
beforeAll(async () => {
  source = await openTestEngine();
  await generateDemo(source.engine.db, { customers: 300, months: 3, seed: 7, endDate: '2025-12-31' });
  await source.engine.db.checkpoint();
}, 120_000);
afterAll(() => source.close());

async function job<T>(t: TestEngine, method: string, input: unknown): Promise<T> {
  const end = await t.call<JobSnapshot>('jobs.wait', { id: (await t.call<JobSnapshot>(method, input)).id, timeoutMs: 120_000 });
  if (end.state !== 'done') throw new Error(`${end.state}: ${end.error?.message}`);
  return end.result as T;
}


const changed = (s: ImportSummary) => s.tables.reduce((a, x) => a + x.loaded + x.replaced + x.rejected, 0);

describe('the Parquet dataset exported from the app imports back', () => {
  for (const zip of [true, false]) {
    it(`${zip ? 'as one .zip (download)' : 'as a folder'}: identical rows, and again nothing changes`, async () => {
      const r = await job<ExportJobResult>(source, 'export.parquet', { zip, locale: 'pt-BR' });
      expect(r.format).toBe(zip ? 'parquet-zip' : 'parquet-dataset');
      expect(r.fileName).toMatch(zip ? /^painel-parquet-\d{4}-\d{2}-\d{2}( \(\d+\))?\.zip$/ : /^painel-parquet-/);
      if (zip) expect(r.download).toMatch(/^\/api\/export\/download\?id=/);
      const target = await openTestEngine();
      try {
        const look = await target.call<SheetInspect>('import.inspect', { path: r.path });
        expect(look.kind).toBe('canonical');
        expect(look.refusal).toBeUndefined();
        expect(look.tables).toEqual(expect.arrayContaining(['customers', 'sales', 'sale_lines', 'payments']));
        const first = await job<ImportSummary>(target, 'import.run', { paths: [r.path] });
        expect(first.files.filter((f) => f.error)).toEqual([]);
        expect(first.rejected).toBe(0);
        if (zip) expect(first.files.every((f) => f.file === r.path && f.sheet)).toBe(true);
        expect(await tableDifferences(target, source.dbPath)).toEqual(NO_DIFFERENCES);
        const second = await job<ImportSummary>(target, 'import.run', { paths: [r.path] });
        expect(changed(second)).toBe(0);
        expect(second.tables.find((t) => t.table === 'sales')?.unchanged).toBeGreaterThan(100);
      } finally {
        await target.close();
      }
    }, 180_000);
  }

  it('a .zip that is not a Painel dataset, or leads outside its folder, is refused in words and nothing is written', async () => {
    const target = await openTestEngine();
    try {
      const write = async (name: string, files: Record<string, string>) => {
        const z = new JSZip();
        for (const [k, v] of Object.entries(files)) z.file(k, v);
        const p = join(target.dir, name);
        writeFileSync(p, await z.generateAsync({ type: 'nodebuffer' }));
        return p;
      };
      const plain = await write('planilhas.zip', { 'vendas.csv': 'a,b\n1,2\n' });
      const escape = await write('fuga.zip', { '_painel_export.json': '{}', 'sales/../../../evil.parquet': 'x' });
      // 40 MB of zeros deflate to a few kB: far more than such a file may unpack to.
      const bomb = new JSZip();
      bomb.file('_painel_export.json', '{}');
      bomb.file('sales/sales.parquet', new Uint8Array(40 << 20), { compression: 'DEFLATE' });
      const bombPath = join(target.dir, 'bomba.zip');
      writeFileSync(bombPath, await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      const s = await job<ImportSummary>(target, 'import.run', { paths: [bombPath] });
      expect(s.files[0].error?.message).toMatch(/grande demais|far more than its size/);
      const broken = join(target.dir, 'quebrado.zip');
      writeFileSync(broken, 'not a zip at all');
      for (const p of [plain, escape, broken]) {
        const look = await target.call<SheetInspect>('import.inspect', { path: p });
        expect(look.refusal, p).toMatch(/não é uma exportação de dados do Painel|danificado/);
        const s = await job<ImportSummary>(target, 'import.run', { paths: [p] });
        expect(s.failedFiles).toBe(1);
        expect(s.files[0].error?.message).not.toMatch(/JSZip|Error:|DuckDB/);
      }
      expect(existsSync(join(target.dir, '..', 'evil.parquet'))).toBe(false);
      const [{ n }] = await target.engine.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM sales`);
      expect(Number(n)).toBe(0);
    } finally {
      await target.close();
    }
  }, 60_000);
});
