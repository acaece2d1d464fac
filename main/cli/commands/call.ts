// painel call METHOD --json '{...}': any contract method, through the same dispatcher as IPC and HTTP.
import type { CommandRun } from '../command';
import { parse, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import type { JobSnapshot } from '../../../shared/events';

export const run: CommandRun = async (argv, ctx) => {
  const { values, positionals } = parse(argv, { json: { type: 'string' }, wait: { type: 'boolean' } }, ctx.usage, true);
  const method = positionals[0];
  if (!method || positionals.length > 1) throw new AppError('BAD_INPUT', `name one method — usage: ${ctx.usage}`);
  let input: unknown = {};
  if (values.json !== undefined) {
    try {
      input = JSON.parse(values.json);
    } catch {
      throw new AppError('BAD_INPUT', '--json is not valid JSON');
    }
  }
  let value = await ctx.call(method, input);
  const job = value as JobSnapshot;
  if (values.wait && job && typeof job === 'object' && typeof job.id === 'string' && 'state' in job) value = await ctx.follow(job);
  ctx.io.out(toPrintableJson(value) + '\n');
  return 0;
};
