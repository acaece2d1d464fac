// painel info: version, database path and row counts.
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { createDispatcher } from '../../host/dispatcher';
import { AppError } from '../../store/errors';
import type { AppInfo } from '../../../shared/api/app';

export const infoCommand: Command = {
  name: 'info',
  summary: 'version, database file and row counts',
  usage: 'painel info [--json]',
  async run(argv, ctx) {
    const { values } = parse(argv, { json: { type: 'boolean' } }, this.usage);
    const r = await createDispatcher(await ctx.engine()).call('app.info', {});
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    const info = r.value as AppInfo;
    if (values.json) {
      ctx.io.out(toPrintableJson(info) + '\n');
      return 0;
    }
    ctx.io.out(`Painel ${info.version} · DuckDB ${info.duckdbVersion}\n`);
    ctx.io.out(`database: ${info.dbPath} (${(info.dbSizeBytes / 1e6).toFixed(1)} MB, schema v${info.schemaVersion})\n`);
    ctx.io.out(`time zone: ${info.timezone} · currency: ${info.currency}\n`);
    for (const t of info.tables) ctx.io.out(`  ${t.name.padEnd(22)} ${t.rows.toLocaleString('pt-BR').padStart(14)}\n`);
    if (info.empty) ctx.io.out('The database is empty: run `painel demo` or `painel import PATH`.\n');
    return 0;
  },
};
