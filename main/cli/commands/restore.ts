// painel restore: lists backups beside the database, or puts one in place of a damaged file (kept aside).
import type { Command } from '../command';
import { parse, toPrintableJson } from '../command';
import { resolveDbPath } from '../../engine/paths';
import { listBackupFiles } from '../../store/recovery';
import { restoreFromBackupFile } from '../../backup/backup';
import { AppError } from '../../store/errors';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'list backups, or restore one in place of the database file',
  usage: 'painel restore --list | --latest | --backup FILE [--json]',
  async run(argv, ctx) {
    const { values } = parse(argv, { list: { type: 'boolean' }, latest: { type: 'boolean' }, backup: { type: 'string' }, json: { type: 'boolean' } }, this.usage);
    // Works on the file, without opening it: the point is to recover from a database that will not open.
    const dbPath = resolveDbPath(ctx.dbFlag);
    const backups = listBackupFiles(dbPath);
    if (values.list || (!values.latest && !values.backup)) {
      if (values.json) ctx.io.out(toPrintableJson(backups) + '\n');
      else if (!backups.length) ctx.io.out(`No backups beside ${dbPath}.\n`);
      else for (const b of backups) ctx.io.out(`${b.fileName.padEnd(40)} ${(b.bytes / 1e6).toFixed(1).padStart(8)} MB  ${b.createdAt}${b.automatic ? '  (automatic)' : ''}\n`);
      return 0;
    }
    const name = values.backup ?? backups[0]?.fileName;
    if (!name) throw new AppError('NOT_FOUND', `no backups beside ${dbPath}`);
    const r = restoreFromBackupFile(dbPath, name);
    ctx.io.out(`Restored ${r.restored} into ${dbPath}.${r.keptAside ? ` The previous file is kept as ${r.keptAside}.` : ''}\n`);
    return 0;
  },
};
