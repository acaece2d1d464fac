// Handlers for sync.*.
import type { sync } from '../../shared/api/sync';
import { AppError } from '../store/errors';
import { loadSources } from '../sync/config';
import { syncService } from '../sync/service';
import { statusMapping } from '../sync/statusSettings';
import type { Handlers } from './types';

export const syncHandlers = {
  'sync.sources': async (_i, ctx) => syncService(ctx).sources(),
  'sync.configure': async (i, ctx) => syncService(ctx).configure(i),
  'sync.start': async (i, ctx) => {
    const sources = (await loadSources(ctx.db)).filter((s) => (i.source ? s.sourceId === i.source : s.enabled));
    if (!sources.length) throw new AppError(i.source ? 'NOT_FOUND' : 'NOT_READY', i.source ? `the source ${i.source} is not set up` : 'no source is set up yet');
    return syncService(ctx).start({ source: i.source, full: i.full });
  },
  'sync.status': async (_i, ctx) => syncService(ctx).status(),
  'sync.rejects': async (i, ctx) => syncService(ctx).rejects(i),
  'sync.statuses': async (i, ctx) => statusMapping(ctx.db, i.sourceId),
} satisfies Handlers<typeof sync>;
