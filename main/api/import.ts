// Handlers for import.*: the import job, and reading back rejects and past imports.
import type { importDomain } from '../../shared/api/import';
import type { ImportLogEntry, ImportReject } from '../../shared/api/import';
import type { Handlers } from './types';
import { expandPaths, importFiles } from '../import/importFiles';

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d === null || d === undefined ? null : String(d));

export const importHandlers = {
  'import.run': async (i, ctx) => {
    // Paths are checked before the job starts, so a typo is an immediate NOT_FOUND rather than a failed job.
    const files = expandPaths(i.paths);
    return ctx.jobs.start('import', `Import ${files.length} file${files.length > 1 ? 's' : ''}`, (job) =>
      importFiles(ctx.db, i.paths, { progress: (p) => job.progress(p), checkCancelled: job.checkCancelled, signal: job.signal }),
    );
  },
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
      `SELECT import_id, file, "table", format, loaded, replaced, unchanged, rejected, unknown_columns, error, started_at, finished_at
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
      }),
    );
  },
} satisfies Handlers<typeof importDomain>;
