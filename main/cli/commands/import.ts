// painel import PATH...: canonical files or folders (CSV, Parquet, XLSX) and shop exports, one transaction per file,
// with a progress line and a summary; exit 0 when every file loaded, 3 when some failed, 2 or 1 when all failed.
import type { ImportSummary } from '../../../shared/api/import';
import type { JobSnapshot } from '../../../shared/events';
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { AppError } from '../../store/errors';
import { followJob } from '../progress';

const n = (x: number) => x.toLocaleString('pt-BR');

export function printImportSummary(s: ImportSummary, out: (t: string) => void): void {
  for (const f of s.files) {
    const name = f.sheet ? `${f.file} [${f.sheet}]` : f.file;
    if (f.error) {
      out(`✗ ${name}: ${f.error.message}\n`);
      continue;
    }
    const how = f.mapping && f.mapping !== 'canonical' ? ` (${f.mapping})` : '';
    const dialect = f.dialect ? ` · ${f.dialect.encoding}, "${f.dialect.delimiter === '\t' ? '\\t' : f.dialect.delimiter}", decimal "${f.dialect.decimal}"` : '';
    out(`✓ ${name}${how}: ${n(f.rows)} rows${dialect}\n`);
    for (const t of f.tables) {
      out(`    ${t.table.padEnd(22)} new ${n(t.loaded).padStart(10)}  replaced ${n(t.replaced).padStart(8)}  unchanged ${n(t.unchanged).padStart(8)}  rejected ${n(t.rejected).padStart(7)}\n`);
    }
    if (f.unknownColumns.length) out(`    unknown columns (not loaded): ${f.unknownColumns.join(', ')}\n`);
  }
  if (s.rejected) out(`${n(s.rejected)} rows rejected: see them with painel call import.rejects --json '{"importId":"${s.importId}"}'\n`);
  if (s.identity) out(`customers matched across sources: ${n(s.identity.linkedCustomers)} records in ${n(s.identity.groups)} people\n`);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'load canonical CSV/Parquet/XLSX files or folders, and WooCommerce or Bling exports',
  usage: 'painel import PATH... [--json]',
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, this.usage, true);
    if (!positionals.length) throw new AppError('BAD_INPUT', `name at least one file or folder — usage: ${this.usage}`);
    const engine = await ctx.engine();
    const r = await createDispatcher(engine).call('import.run', { paths: positionals });
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    const end = await followJob(engine, r.value as JobSnapshot, ctx.io);
    const summary = end.result as ImportSummary;
    if (values.json) ctx.io.out(toPrintableJson(summary) + '\n');
    else printImportSummary(summary, ctx.io.out);
    if (summary.failedFiles === 0) return 0;
    if (summary.failedFiles < summary.files.length) return 3;
    return summary.files.every((f) => f.error?.code === 'BAD_INPUT') ? 2 : 1;
  },
};
