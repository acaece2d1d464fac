// export.run: one report, all rows after its filters and search, in the screen's order, to CSV, XLSX, PDF or
// Parquet. Everything that can be refused (unknown report, bad filter, taken file name, too many rows for a PDF)
// is refused before the job starts.
import type { z } from 'zod';
import type { exportRunInput } from '../../shared/api/export';
import type { JobSnapshot } from '../../shared/events';
import type { Engine } from '../engine/engine';
import { pageSql, reportCount } from '../reports/engine';
import { resolveRequest } from '../reports/prepare';
import { getReport } from '../reports/registry';
import { AppError } from '../store/errors';
import { defaultDialect, writeCsv } from './csvExport';
import { exportContext, planTarget, startExportJob } from './exportJob';
import { writeReportParquet } from './parquetExport';
import { PDF_MAX_ROWS, writeReportPdf } from './pdfExport';
import { formatterOf } from './layout';
import { reportSource } from './reportSource';
import { writeXlsx } from './xlsxExport';
import { jobTitle } from '../../shared/jobs';

export type ExportRunRequest = z.output<typeof exportRunInput>;

const FORMAT_LABEL = { csv: 'CSV', xlsx: 'XLSX', pdf: 'PDF', parquet: 'Parquet' } as const;

export async function startReportExport(engine: Engine, input: ExportRunRequest): Promise<JobSnapshot> {
  const def = getReport(input.report);
  const ctx = await exportContext(engine, input.locale);
  // Builds the SQL (unknown report, parameter or filter column fail here) without running the report.
  const resolved = await resolveRequest(engine, input);
  pageSql(resolved, input);
  const count = input.format === 'pdf' ? await reportCount(engine, input) : null;
  if (count && count.total > PDF_MAX_ROWS) {
    const f = formatterOf(ctx);
    throw new AppError('BAD_INPUT', ctx.locale === 'pt-BR' ? `O PDF comporta até ${f.integer(PDF_MAX_ROWS)} linhas e o relatório tem ${f.integer(count.total)}; filtre ou exporte em CSV/XLSX.` : `A PDF holds up to ${f.integer(PDF_MAX_ROWS)} rows and the report has ${f.integer(count.total)}; filter it or export CSV/XLSX.`, { rows: count.total, maxRows: PDF_MAX_ROWS });
  }
  const title = def.title[ctx.locale];
  const defaultName = `${title} ${resolved.period.from}_${resolved.period.to}`;
  const { target } = planTarget(engine, input, defaultName, `.${input.format}`);
  return startExportJob(engine, {
    kind: 'export',
    title: jobTitle(`Exportar ${def.title['pt-BR']} (${FORMAT_LABEL[input.format]})`, `Export ${def.title.en} (${FORMAT_LABEL[input.format]})`),
    target,
    format: input.format,
    download: true,
    write: async (path, job) => {
      const source = await reportSource(engine, input, ctx.locale, input.format === 'xlsx' || input.format === 'pdf');
      job.checkCancelled();
      const conn = engine.db.readConnection();
      switch (input.format) {
        case 'csv':
          return await writeCsv(conn, source, ctx, input.csvDialect ?? defaultDialect(ctx.locale), path, job, input.csvHeader);
        case 'xlsx':
          return await writeXlsx(conn, source, ctx, path, job);
        case 'pdf':
          return await writeReportPdf(conn, source, ctx, path, job);
        case 'parquet':
          return await writeReportParquet(conn, source, path, job);
      }
    },
  });
}
