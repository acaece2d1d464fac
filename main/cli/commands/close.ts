// painel close: the accountant's monthly closing pack (fechamento mensal) as PDF or XLSX, the same job as the
// app's button, so a scheduled command produces the same file every month (default: the last complete month).
import { extname } from 'node:path';
import type { CommandRun } from '../command';
import { parse, say } from '../command';
import { AppError } from '../../store/errors';
import { splitOutPath } from '../../export/target';
import type { JobSnapshot } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import { lastCompleteMonth } from '../../export/closing/closingSummary';
import { businessToday } from '../../reports/period';
import { finishedResult } from '../../../shared/jobs';

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(
    argv,
    { month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, overwrite: { type: 'boolean' }, locale: { type: 'string' } },
    ctx.usage,
  );
  // Without --month: the last complete month, as the app's Fechamento page opens on.
  const month = values.month ?? lastCompleteMonth(businessToday((await ctx.call<Settings>('settings.get', {})).timezone));
  const fromExt = values.out ? extname(values.out).toLowerCase().slice(1) : '';
  const format = values.format ?? (fromExt === 'xlsx' ? 'xlsx' : 'pdf');
  const out = values.out ?? `fechamento-${month}.${format}`;
  const { folder, name } = splitOutPath(out);
  const input = { month, format, folder, fileName: name, overwrite: values.overwrite ?? false, ...(values.locale ? { locale: values.locale } : {}) };
  let job: JobSnapshot;
  try {
    job = await ctx.call<JobSnapshot>('export.close', input);
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') throw new AppError(err.code, `${err.message} (add --overwrite to replace it)`, err.details);
    throw err;
  }
  const end = await ctx.follow(job);
  const result = finishedResult(end, 'export');
  ctx.io.out(`${result.path} (${say.bytes(result.bytes)})\n`);
  return 0;
};
