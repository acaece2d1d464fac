// export.parquet: the canonical tables as a Parquet dataset folder (event tables hive-partitioned by month),
// written into a temp folder and renamed into place when every table is done; or, for a download (browser mode),
// that folder as one .zip (entries stored, Parquet is compressed already) that the import reads back.
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { DATASET_MARKER, type parquetInput } from '../../shared/api/export';
import type { JobSnapshot } from '../../shared/events';
import { CANONICAL_TABLES } from '../../shared/types';
import type { Engine } from '../engine/engine';
import type { JobContext } from '../jobs/jobRunner';
import { exportContext, planTarget, startExportJob } from './exportJob';
import { writeDataset } from './parquetExport';
import { jobTitle } from '../../shared/jobs';

export type ParquetRequest = z.output<typeof parquetInput>;

/** Writes `dir` (its files, under their paths relative to it) as a zip file at `path`, streaming each file. */
export async function zipFolder(dir: string, path: string, job: JobContext): Promise<void> {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = join(e.parentPath, e.name);
    zip.file(relative(dir, abs).split(sep).join('/'), createReadStream(abs), { binary: true });
  }
  job.checkCancelled();
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }), createWriteStream(path), { signal: job.signal });
}

export async function startDatasetExport(engine: Engine, input: ParquetRequest): Promise<JobSnapshot> {
  const ctx = await exportContext(engine, input.locale);
  const stamp = ctx.now.toISOString().slice(0, 10);
  const tables = input.tables ?? CANONICAL_TABLES;
  const title = jobTitle('Exportar dados (Parquet)', 'Export data (Parquet)');
  if (input.zip) {
    const { target } = planTarget(engine, input, `painel-parquet-${stamp}`, '.zip');
    return startExportJob(engine, {
      kind: 'export',
      title,
      target,
      format: 'parquet-zip',
      download: true,
      write: async (path, job) => {
        // The zip holds one folder named like the file, as the folder export would be, marker included.
        const work = `${path}.d`;
        const inner = join(work, basename(target.finalPath).replace(/\.zip$/i, ''));
        mkdirSync(inner, { recursive: true });
        try {
          const written = await writeDataset(engine.db.readConnection(), inner, tables, job);
          writeFileSync(join(inner, DATASET_MARKER), JSON.stringify({ writtenBy: 'Painel', at: ctx.now.toISOString() }));
          job.progress({ phase: 'zip', done: tables.length, total: tables.length });
          await zipFolder(work, path, job);
          return written.reduce((n, t) => n + t.rows, 0);
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    });
  }
  const { target } = planTarget(engine, input, `painel-parquet-${stamp}`, '', 'folder');
  return startExportJob(engine, {
    kind: 'export',
    title,
    target,
    format: 'parquet-dataset',
    download: false,
    write: async (dir, job) => {
      const written = await writeDataset(engine.db.readConnection(), dir, tables, job);
      return written.reduce((n, t) => n + t.rows, 0);
    },
  });
}
