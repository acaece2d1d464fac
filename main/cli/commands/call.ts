// painel call METHOD --json '{...}': any contract method, through the same dispatcher as IPC and HTTP.
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { AppError } from '../../store/errors';
import { followJob } from '../progress';
import type { JobSnapshot } from '../../../shared/events';

export const callCommand: Command = {
  name: 'call',
  summary: 'call any contract method with a JSON input',
  usage: "painel call METHOD [--json '{...}'] [--wait]",
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, { json: { type: 'string' }, wait: { type: 'boolean' } }, this.usage, true);
    const method = positionals[0];
    if (!method || positionals.length > 1) throw new AppError('BAD_INPUT', `name one method — usage: ${this.usage}`);
    let input: unknown = {};
    if (values.json !== undefined) {
      try {
        input = JSON.parse(values.json);
      } catch {
        throw new AppError('BAD_INPUT', '--json is not valid JSON');
      }
    }
    const engine = await ctx.engine();
    const r = await createDispatcher(engine).call(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    let value = r.value;
    const job = value as JobSnapshot;
    if (values.wait && job && typeof job === 'object' && typeof job.id === 'string' && 'state' in job) value = await followJob(engine, job, ctx.io);
    ctx.io.out(toPrintableJson(value) + '\n');
    return 0;
  },
};
