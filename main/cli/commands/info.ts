// painel info: version, database path and row counts.
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import type { AppInfo } from '../../../shared/api/app';

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(argv, { json: { type: 'boolean' } }, ctx.usage);
  const info = await ctx.call<AppInfo>('app.info', {});
  if (values.json) {
    ctx.io.out(toPrintableJson(info) + '\n');
    return 0;
  }
  ctx.io.out(`Painel ${info.version} · DuckDB ${info.duckdbVersion}\n`);
  ctx.io.out(`database: ${info.dbPath} (${say.bytes(info.dbSizeBytes)}, schema v${info.schemaVersion})\n`);
  ctx.io.out(`time zone: ${info.timezone} · currency: ${info.currency}\n`);
  for (const t of info.tables) ctx.io.out(`  ${t.name.padEnd(22)} ${say.integer(t.rows).padStart(14)}\n`);
  if (info.empty) ctx.io.out('The database is empty: run `painel demo` or `painel import PATH`.\n');
  return 0;
};
