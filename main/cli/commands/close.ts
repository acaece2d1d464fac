// painel close: the accountant's monthly closing pack (fechamento mensal) as PDF or XLSX, the same job as the
// app's button, so a scheduled command produces the same file every month.
import { extname } from 'node:path';
import type { Command } from '../command';
import { parse } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { AppError } from '../../store/errors';
import { followJob } from '../progress';
import { splitOutPath } from '../../export/target';
import type { JobSnapshot } from '../../../shared/events';
import type { ExportJobResult } from '../../../shared/api/export';

export const closeCommand: Command = {
  name: 'close',
  summary: 'monthly closing pack (fechamento mensal) for the accountant, PDF or XLSX',
  usage: 'painel close --month YYYY-MM [--format pdf|xlsx] [--out FILE] [--overwrite] [--locale pt-BR|en]',
  async run(argv, ctx) {
    const { values } = parse(
      argv,
      { month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, overwrite: { type: 'boolean' }, locale: { type: 'string' } },
      this.usage,
    );
    if (!values.month) throw new AppError('BAD_INPUT', `--month is required — usage: ${this.usage}`);
    const fromExt = values.out ? extname(values.out).toLowerCase().slice(1) : '';
    const format = values.format ?? (fromExt === 'xlsx' ? 'xlsx' : 'pdf');
    const out = values.out ?? `fechamento-${values.month}.${format}`;
    const { folder, name } = splitOutPath(out);
    const input = { month: values.month, format, folder, fileName: name, overwrite: values.overwrite ?? false, ...(values.locale ? { locale: values.locale } : {}) };
    const engine = await ctx.engine();
    const r = await createDispatcher(engine).call('export.close', input);
    if (!r.ok) {
      const hint = r.error.code === 'CONFLICT' ? ' (add --overwrite to replace it)' : '';
      throw new AppError(r.error.code, r.error.message + hint, r.error.details);
    }
    const end = await followJob(engine, r.value as JobSnapshot, ctx.io);
    const result = end.result as ExportJobResult;
    ctx.io.out(`${result.path} (${(result.bytes / 1024).toFixed(0)} KB)\n`);
    return 0;
  },
};
