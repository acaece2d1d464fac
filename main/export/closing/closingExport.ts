// export.close and `painel close`: the monthly closing pack built from the reports, written as PDF or XLSX into a
// checked target as a job (the CLI follows the same job).
import type { z } from 'zod';
import type { closeInput } from '../../../shared/api/export';
import type { JobSnapshot } from '../../../shared/events';
import type { Engine } from '../../engine/engine';
import type { JobContext } from '../../jobs/jobRunner';
import { exportContext, planTarget, startExportJob } from '../exportJob';
import type { ExportContext } from '../types';
import { buildClosing } from './closingData';
import { closingTitle, writeClosingPdf } from './closingPdf';
import { writeClosingXlsx } from './closingXlsx';
import { jobTitle } from '../../../shared/jobs';

export type CloseRequest = z.output<typeof closeInput>;

/** Builds the pack and writes it to `path`; returns the data rows written (annex rows for XLSX, 0 for PDF). */
export async function writeClosing(engine: Engine, month: string, format: 'pdf' | 'xlsx', ctx: ExportContext, path: string, job: JobContext): Promise<number> {
  job.progress({ phase: 'reports', done: 0, total: null });
  const pack = await buildClosing(engine, month, ctx.locale);
  job.checkCancelled();
  job.progress({ phase: format, done: 0, total: null });
  if (format === 'pdf') {
    await writeClosingPdf(pack, ctx, path);
    return 0;
  }
  return writeClosingXlsx(engine.db.readConnection(), pack, ctx, path, job);
}

export async function startClosingExport(engine: Engine, input: CloseRequest): Promise<JobSnapshot> {
  const ctx = await exportContext(engine, input.locale);
  const name = `${ctx.locale === 'pt-BR' ? 'fechamento' : 'closing'}-${input.month}`;
  const { target } = planTarget(engine, input, name, `.${input.format}`);
  return startExportJob(engine, {
    kind: 'export',
    title: jobTitle(closingTitle(input.month, 'pt-BR'), closingTitle(input.month, 'en')),
    target,
    format: input.format === 'pdf' ? 'closing-pdf' : 'closing-xlsx',
    download: true,
    write: (path, job) => writeClosing(engine, input.month, input.format, ctx, path, job),
  });
}
