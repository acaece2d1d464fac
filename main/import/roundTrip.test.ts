// Round trip: the demo dataset exported to canonical CSV (and Parquet, and as the Parquet dataset folder) and imported into an empty database gives
// identical tables, with no rejects, and a second import changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NO_DIFFERENCES, openTestEngine, tableDifferences, type TestEngine } from '../engine/testEngine';
import { generateDemo } from '../demo/generateDemo';
import { exportCanonical } from './exportCanonical';
import { importFiles } from './importFiles';
import type { JobSnapshot } from '../../shared/events';

let source: TestEngine;
beforeAll(async () => {
  source = await openTestEngine();
  await generateDemo(source.engine.db, { customers: 400, months: 4, seed: 3, endDate: '2025-12-31' });
  // A row with every optional column empty and text that needs quoting must survive the trip too.
  await source.engine.db.run(`INSERT INTO customers (customer_id, name, city) VALUES ('file:1', 'Ana "Aninha", da Silva', 'São
Paulo')`);
  await source.engine.db.checkpoint();
});
afterAll(() => source.close());



describe('export to canonical files, then import', () => {
  it("Painel's Parquet dataset folder (tables hive-partitioned by month) imports back to identical rows", async () => {
    const target = await openTestEngine();
    try {
      const job = await source.call<JobSnapshot>('export.parquet', { folder: source.dir, fileName: 'dataset', overwrite: true });
      const end = await source.call<JobSnapshot>('jobs.wait', { id: job.id });
      const folder = (end.result as { path: string }).path;
      const first = await importFiles(target.engine.db, [folder]);
      expect(first.failedFiles).toBe(0);
      expect(first.rejected).toBe(0);
      expect(await tableDifferences(target, source.dbPath)).toEqual(NO_DIFFERENCES);
      const second = await importFiles(target.engine.db, [folder]);
      expect(second.tables.reduce((a, x) => a + x.loaded + x.replaced, 0)).toBe(0);
    } finally {
      target.close();
    }
  });

  for (const format of ['csv', 'parquet'] as const) {
    it(`${format}: gives identical tables, no rejects, and re-importing changes nothing`, async () => {
      const target = await openTestEngine();
      try {
        const dir = join(source.dir, `export-${format}`);
        await exportCanonical(source.engine.db, dir, format);
        const first = await importFiles(target.engine.db, [dir]);
        expect(first.failedFiles).toBe(0);
        expect(first.rejected).toBe(0);
        expect(await tableDifferences(target, source.dbPath)).toEqual(NO_DIFFERENCES);
        const second = await importFiles(target.engine.db, [dir]);
        expect(second.tables.reduce((a, x) => a + x.loaded + x.replaced, 0)).toBe(0);
        expect(await tableDifferences(target, source.dbPath)).toEqual(NO_DIFFERENCES);
      } finally {
        target.close();
      }
    });
  }
});
