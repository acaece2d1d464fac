// painel restore: lists backups beside the database, or puts one in place of a damaged file (kept aside).
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import { resolveDbPath } from '../../engine/paths';
import { findRunningEngine } from '../../host/runtimeFile';
import { listBackupFiles } from '../../store/recovery';
import { restoreFromBackupFile } from '../../backup/backup';
import { AppError } from '../../store/errors';

export const run: CommandRun = async (argv, ctx) => {
  const { values } = parse(argv, { list: { type: 'boolean' }, latest: { type: 'boolean' }, backup: { type: 'string' }, json: { type: 'boolean' } }, ctx.usage);
  // Works on the file, without opening it: the point is to recover from a database that will not open.
  const dbPath = resolveDbPath(ctx.dbFlag);
  const backups = listBackupFiles(dbPath);
  if (values.list || (!values.latest && !values.backup)) {
    if (values.json) ctx.io.out(toPrintableJson(backups) + '\n');
    else if (!backups.length) ctx.io.out(`No backups beside ${dbPath}.\n`);
    else for (const b of backups) ctx.io.out(`${b.fileName.padEnd(40)} ${say.bytes(b.bytes).padStart(11)}  ${b.createdAt}${b.automatic ? '  (automatic)' : ''}\n`);
    return 0;
  }
  const name = values.backup ?? backups[0]?.fileName;
  if (!name) throw new AppError('NOT_FOUND', `no backups beside ${dbPath}`);
  const running = await findRunningEngine(dbPath);
  if (running) throw new AppError('CONFLICT', `Painel (${running.mode === 'app' ? 'the desktop app' : 'browser mode'}) has ${dbPath} open: close it before restoring a backup in its place.`);
  const r = restoreFromBackupFile(dbPath, name);
  ctx.io.out(`Restored ${r.restored} into ${dbPath}.${r.keptAside ? ` The previous file is kept as ${r.keptAside}.` : ''}\n`);
  return 0;
};
