// painel rollups rebuild: recomputes the daily rollups from scratch (every write keeps them current; this is the
// repair and the check that an incremental build equals a fresh one).
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import type { RollupsRebuilt } from '../../../shared/api/app';

export const run: CommandRun = async (argv, ctx) => {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, ctx.usage, true);
  if (positionals[0] !== 'rebuild') throw new AppError('BAD_INPUT', `usage: ${ctx.usage}`);
  const r = await ctx.call<RollupsRebuilt>('app.rebuildRollups', {});
  if (values.json) {
    ctx.io.out(toPrintableJson(r) + '\n');
    return 0;
  }
  for (const t of r.tables) ctx.io.out(`  ${t.table.padEnd(22)} ${say.integer(t.rows).padStart(14)}\n`);
  ctx.io.out(`daily rollups rebuilt in ${say.duration(r.ms)}\n`);
  return 0;
};
