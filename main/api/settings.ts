// Handlers for settings.*: business settings (validated as a whole, every window told) and database backups.
import type { settingsApi } from '../../shared/api/settings';
import type { Handlers } from './types';
import { loadSettings, saveSettings } from '../engine/settings';
import { listBackups, makeBackup, restoreBackup } from '../backup/backup';
import { rememberDownload } from '../export/downloads';
import { AppError } from '../store/errors';
import { jobTitle } from '../../shared/jobs';

export const settingsHandlers = {
  'settings.get': async (_i, ctx) => ctx.settings(),
  'settings.set': async (patch, ctx) => {
    const saved = await saveSettings(ctx.db, patch);
    ctx.invalidateSettings();
    ctx.emit({ type: 'settings.changed', keys: Object.keys(patch) });
    return saved;
  },
  'settings.backup': async (_i, ctx) =>
    ctx.jobs.start('backup', jobTitle('Cópia de segurança do banco de dados', 'Database backup'), async (job) => {
      job.progress({ phase: 'copying', done: 0, total: 1 });
      const file = await makeBackup(ctx.db);
      job.progress({ phase: 'done', done: 1, total: 1 });
      return { ...file, download: rememberDownload(ctx, file.path, file.fileName) };
    }),
  'settings.backups': async (_i, ctx) => listBackups(ctx.db),
  'settings.restore': async (i, ctx) => {
    // Fail fast on a missing or foreign file, before starting a job.
    if (!listBackups(ctx.db).some((b) => b.fileName === i.fileName)) throw new AppError('NOT_FOUND', `no backup named ${i.fileName}`);
    return ctx.jobs.start('restore', jobTitle('Restauração do banco de dados', 'Database restore'), async (job) => {
      const before = await ctx.settings();
      const result = await restoreBackup(ctx.db, i.fileName, (done, total, table) => job.progress({ done, total, phase: 'restoring', message: table }));
      ctx.invalidateSettings();
      const settings = await loadSettings(ctx.db);
      if (settings.timezone !== ctx.db.timezone) await ctx.db.setTimezone(settings.timezone);
      const keys = (Object.keys(settings) as (keyof typeof settings)[]).filter((k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]));
      if (keys.length) ctx.emit({ type: 'settings.changed', keys });
      return result;
    });
  },
} satisfies Handlers<typeof settingsApi>;
