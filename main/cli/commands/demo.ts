// painel demo: generates the deterministic demo dataset (a Brazilian salon chain with an online shop) with a
// progress line; refuses a database with data unless --replace.
import { DEMO_PRESETS, type DemoSummary } from '../../../shared/api/demo';
import type { JobSnapshot } from '../../../shared/events';
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { AppError } from '../../store/errors';
import { followJob } from '../progress';

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new AppError('BAD_INPUT', `--${name} must be a whole number, got ${v}`);
  return Number(v);
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate the demo dataset (same seed, same data)',
  usage: 'painel demo [--preset small|medium|large] [--customers N] [--months N] [--seed N] [--end YYYY-MM-DD] [--replace] [--json]',
  async run(argv, ctx) {
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
      this.usage,
    );
    if (values.preset !== undefined && !(values.preset in DEMO_PRESETS)) throw new AppError('BAD_INPUT', `--preset must be small, medium or large — usage: ${this.usage}`);
    const input = {
      preset: values.preset,
      customers: int('customers', values.customers),
      months: int('months', values.months),
      seed: int('seed', values.seed),
      endDate: values.end,
      replace: values.replace ?? false,
    };
    const engine = await ctx.engine();
    const r = await createDispatcher(engine).call('demo.generate', input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    const end = await followJob(engine, r.value as JobSnapshot, ctx.io);
    const s = end.result as DemoSummary;
    if (values.json) {
      ctx.io.out(toPrintableJson(s) + '\n');
      return 0;
    }
    ctx.io.out(`Demo data (seed ${s.seed}): ${s.customers.toLocaleString('pt-BR')} customers, ${s.months} months, ${s.from} to ${s.to}, in ${(s.ms / 1000).toFixed(1)} s\n`);
    for (const t of s.tables) ctx.io.out(`  ${t.name.padEnd(22)} ${t.rows.toLocaleString('pt-BR').padStart(14)}\n`);
    ctx.io.out(`  customers matched across sources: ${s.identity.linkedCustomers.toLocaleString('pt-BR')} records in ${s.identity.groups.toLocaleString('pt-BR')} people\n`);
    return 0;
  },
};
