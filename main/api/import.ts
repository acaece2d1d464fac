// Handlers for import.*: the import job, and reading back rejects and past imports.
import type { importDomain } from '../../shared/api/import';
import type { ImportLogEntry, ImportReject } from '../../shared/api/import';
import type { Handlers } from './types';
import { expandPaths, importFiles } from '../import/importFiles';
import { inspectFile } from '../import/sheet/inspect';
import { previewSheet } from '../import/sheet/preview';
import { deleteTemplate, listTemplates } from '../import/sheet/templates';
import { removeDemo, undoImport } from '../import/sheet/undo';
import type { SheetChoice } from '../import/sheet/plan';
import { reportExportOf } from '../export/reportFiles';
import { jobTitle } from '../../shared/jobs';

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d === null || d === undefined ? null : String(d));

export const importHandlers = {
  'import.run': async (i, ctx) => {
    // Paths are checked before the job starts, so a typo is an immediate NOT_FOUND rather than a failed job.
    const files = expandPaths(i.paths);
    const plans = i.plans ? Object.fromEntries(Object.entries(i.plans).map(([k, p]) => [k, { mapping: p.mapping, dateOrder: p.dateOrder, dec: p.decimal, saveAs: p.saveAs }])) : undefined;
    const sheets: SheetChoice = { plans, template: i.template, acceptSuggested: i.acceptSuggested, reportOf: reportExportOf };
    return ctx.jobs.start('import', jobTitle(`Importar ${files.length} arquivo${files.length > 1 ? 's' : ''}`, `Import ${files.length} file${files.length > 1 ? 's' : ''}`), (job) =>
      importFiles(ctx.db, i.paths, { progress: (p) => job.progress(p), checkCancelled: job.checkCancelled, signal: job.signal, sheets }),
    );
  },
  'import.inspect': async (i, ctx) => inspectFile(ctx.db, i.path, reportExportOf),
  'import.preview': async (i, ctx) => {
    const head = await inspectFile(ctx.db, i.path, reportExportOf);
    return previewSheet(ctx.db, head.header, head.rows, head.lines, { mapping: i.plan.mapping, dateOrder: i.plan.dateOrder, dec: i.plan.decimal });
  },
  'import.templates': async (_i, ctx) =>
    (await listTemplates(ctx.db)).map((t) => ({ name: t.name, mapping: t.mapping, dateOrder: t.dateOrder, decimal: t.dec, updatedAt: t.updatedAt })),
  'import.deleteTemplate': async (i, ctx) => {
    await deleteTemplate(ctx.db, i.name);
    return { deleted: i.name };
  },
  'import.undo': async (i, ctx) => undoImport(ctx.db, i.importId),
  'import.removeDemo': async (_i, ctx) => removeDemo(ctx.db),
  'import.rejects': async (i, ctx) => {
    const where: string[] = [];
    const params: string[] = [];
    for (const [col, v] of [['import_id', i.importId], ['file', i.file], ['"table"', i.table]] as const) {
      if (v === undefined) continue;
      params.push(v);
      where.push(`${col} = $${params.length}`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await ctx.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM import_rejects ${w}`, params);
    const rows = await ctx.db.all<Record<string, unknown>>(
      `SELECT import_id, file, "table", line, "column", value, reason, imported_at FROM import_rejects ${w}
       ORDER BY imported_at DESC, file, line NULLS LAST LIMIT ${i.limit} OFFSET ${i.offset}`,
      params,
    );
    return {
      total: Number(n),
      rows: rows.map(
        (r): ImportReject => ({
          importId: (r.import_id as string | null) ?? null,
          file: r.file as string,
          table: (r.table as string | null) ?? null,
          line: r.line === null ? null : Number(r.line),
          column: (r.column as string | null) ?? null,
          value: (r.value as string | null) ?? null,
          reason: r.reason as string,
          importedAt: iso(r.imported_at) as string,
        }),
      ),
    };
  },
  'import.history': async (i, ctx) => {
    const rows = await ctx.db.all<Record<string, unknown>>(
      `SELECT import_id, file, "table", format, loaded, replaced, unchanged, rejected, unknown_columns, error, started_at, finished_at,
         import_id IN (SELECT import_id FROM import_undone) AS undone
       FROM import_log ORDER BY started_at DESC, file LIMIT ${i.limit}`,
    );
    return rows.map(
      (r): ImportLogEntry => ({
        importId: r.import_id as string,
        file: r.file as string,
        table: (r.table as string | null) ?? null,
        format: (r.format as string | null) ?? null,
        loaded: Number(r.loaded ?? 0),
        replaced: Number(r.replaced ?? 0),
        unchanged: Number(r.unchanged ?? 0),
        rejected: Number(r.rejected ?? 0),
        unknownColumns: (r.unknown_columns as string[] | null) ?? [],
        error: (r.error as string | null) ?? null,
        startedAt: iso(r.started_at) as string,
        finishedAt: iso(r.finished_at),
        undone: r.undone === true,
      }),
    );
  },
} satisfies Handlers<typeof importDomain>;
