// painel import PATH...: canonical files or folders (CSV, Parquet, XLSX) and shop exports, one transaction per file,
// with a progress line and a summary; exit 0 when every file loaded, 3 when some failed, 2 or 1 when all failed.
import type { ImportSummary } from '../../../shared/api/import';
import type { JobSnapshot } from '../../../shared/events';
import { resolve } from 'node:path';
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { expandPaths } from '../../import/importFiles';
import type { SheetInspect, SheetTemplateInfo } from '../../../shared/api/import';
import { printSuggestion, printTemplates } from './importMapping';
import { finishedResult } from '../../../shared/jobs';

const n = (x: number) => say.integer(x);

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

export const run: CommandRun = async (argv, ctx) => {
  const { values, positionals } = parse(
    argv,
    { json: { type: 'boolean' }, 'accept-suggested': { type: 'boolean' }, template: { type: 'string' }, 'save-template': { type: 'string' }, templates: { type: 'boolean' } },
    ctx.usage,
    true,
  );
  const call = <T,>(method: string, input: unknown) => ctx.call<T>(method, input);
  // Absolute paths: the engine that runs the import may be another process (the app) with another working folder.
  const paths = positionals.map((p) => resolve(p));
  if (values.templates) {
    const list = await call<SheetTemplateInfo[]>('import.templates', {});
    if (values.json) ctx.io.out(toPrintableJson(list) + '\n');
    else printTemplates(list, ctx.io.out);
    return 0;
  }
  if (!positionals.length) throw new AppError('BAD_INPUT', `name at least one file or folder — usage: ${ctx.usage}`);
  if (values.template && !(await call<SheetTemplateInfo[]>('import.templates', {})).some((t) => t.name === values.template)) {
    throw new AppError('BAD_INPUT', `no saved mapping named "${values.template}" (see painel import --templates)`);
  }
  // Spreadsheets that need a mapping are looked at first: without a template or --accept-suggested nothing is
  // written, and the suggestion is printed for the person to confirm.
  const plans: Record<string, { mapping: Record<string, string>; dateOrder: 'dmy' | 'mdy'; decimal: '.' | ','; saveAs?: string }> = {};
  const unmapped: SheetInspect[] = [];
  for (const file of expandPaths(paths)) {
    const look = await call<SheetInspect>('import.inspect', { path: file });
    // Painel's own report exports are summaries: refused up front, with what to use instead.
    if (look.refusal) throw new AppError('BAD_INPUT', look.refusal);
    if (look.kind !== 'sheet' || !look.suggestion) continue;
    if (values.template || (look.template && !values['save-template'])) continue;
    if (values['accept-suggested']) {
      plans[look.sheet ? `${file}#${look.sheet}` : file] = { mapping: look.suggestion.mapping, dateOrder: look.suggestion.dateOrder, decimal: look.suggestion.decimal, saveAs: values['save-template'] };
    } else unmapped.push(look);
  }
  if (unmapped.length) {
    if (values.json) ctx.io.out(toPrintableJson({ needsMapping: unmapped.map((u) => ({ file: u.file, sheet: u.sheet, suggestion: u.suggestion })) }) + '\n');
    else {
      for (const u of unmapped) printSuggestion(u, ctx.io.out);
      ctx.io.out('nothing was imported: confirm with --accept-suggested (and --save-template NAME to reuse it), or use --template NAME\n');
    }
    return 2;
  }
  const job = await call<JobSnapshot>('import.run', {
    paths,
    ...(Object.keys(plans).length ? { plans } : {}),
    ...(values.template ? { template: values.template } : {}),
    ...(values['accept-suggested'] ? { acceptSuggested: true } : {}),
  });
  const end = await ctx.follow(job);
  const summary = finishedResult(end, 'import');
  if (values.json) ctx.io.out(toPrintableJson(summary) + '\n');
  else printImportSummary(summary, ctx.io.out);
  if (summary.failedFiles === 0) return 0;
  if (summary.failedFiles < summary.files.length) return 3;
  return summary.files.every((f) => f.error?.code === 'BAD_INPUT') ? 2 : 1;
};
