// export.parquet: the canonical tables as a Parquet dataset folder (event tables hive-partitioned by month),
// written into a temp folder and renamed into place when every table is done.
import type { z } from 'zod';
import type { parquetInput } from '../../shared/api/export';
import type { JobSnapshot } from '../../shared/events';
import { CANONICAL_TABLES } from '../../shared/types';
import type { Engine } from '../engine/engine';
import { exportContext, planTarget, startExportJob } from './exportJob';
import { writeDataset } from './parquetExport';
import { jobTitle } from '../../shared/jobs';

export type ParquetRequest = z.output<typeof parquetInput>;

export async function startDatasetExport(engine: Engine, input: ParquetRequest): Promise<JobSnapshot> {
  const ctx = await exportContext(engine, input.locale);
  const stamp = ctx.now.toISOString().slice(0, 10);
  const { target } = planTarget(engine, input, `painel-parquet-${stamp}`, '', 'folder');
  const tables = input.tables ?? CANONICAL_TABLES;
  return startExportJob(engine, {
    kind: 'export',
    title: jobTitle('Exportar tabelas (Parquet)', 'Export tables (Parquet)'),
    target,
    format: 'parquet-dataset',
    download: false,
    write: async (dir, job) => {
      const written = await writeDataset(engine.db.readConnection(), dir, tables, job);
      return written.reduce((n, t) => n + t.rows, 0);
    },
  });
}
