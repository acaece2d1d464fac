// painel demo: generates the deterministic demo dataset (a Brazilian salon chain with an online shop) with a
// progress line; refuses a database with data unless --replace.
import { DEMO_PRESETS } from '../../../shared/api/demo';
import type { JobSnapshot } from '../../../shared/events';
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { finishedResult } from '../../../shared/jobs';

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new AppError('BAD_INPUT', `--${name} must be a whole number, got ${v}`);
  return Number(v);
}

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(
    argv,
    {
      preset: { type: 'string' },
      customers: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      replace: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    ctx.usage,
  );
  if (values.preset !== undefined && !(values.preset in DEMO_PRESETS)) throw new AppError('BAD_INPUT', `--preset must be small, medium or large — usage: ${ctx.usage}`);
  const input = {
    preset: values.preset,
    customers: int('customers', values.customers),
    months: int('months', values.months),
    seed: int('seed', values.seed),
    endDate: values.end,
    replace: values.replace ?? false,
  };
  const end = await ctx.follow(await ctx.call<JobSnapshot>('demo.generate', input));
  const s = finishedResult(end, 'demo');
  if (values.json) {
    ctx.io.out(toPrintableJson(s) + '\n');
    return 0;
  }
  ctx.io.out(`Demo data (seed ${s.seed}): ${say.integer(s.customers)} customers, ${s.months} months, ${s.from} to ${s.to}, in ${say.duration(s.ms)}\n`);
  for (const t of s.tables) ctx.io.out(`  ${t.name.padEnd(22)} ${say.integer(t.rows).padStart(14)}\n`);
  ctx.io.out(`  customers matched across sources: ${say.integer(s.identity.linkedCustomers)} records in ${say.integer(s.identity.groups)} people\n`);
  return 0;
};
