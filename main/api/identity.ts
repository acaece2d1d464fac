// Handlers for identity.*: linked customers with reasons, splitting a wrong match, and re-running matching.
import type { identity } from '../../shared/api/identity';
import type { Handlers } from './types';
import { listLinks, splitCustomer } from '../identity/identityLinks';
import { rebuildIdentity } from '../identity/matchCustomers';
import { jobTitle } from '../../shared/jobs';

export const identityHandlers = {
  'identity.links': async (i, ctx) => listLinks(ctx.db, i),
  'identity.split': async (i, ctx) => {
    const r = await splitCustomer(ctx.db, i.customerId, i.otherCustomerId);
    const group = await listLinks(ctx.db, { unifiedId: r.unifiedBefore, offset: 0, limit: 5000 });
    const own = r.unifiedAfter === r.unifiedBefore ? { rows: [] } : await listLinks(ctx.db, { unifiedId: r.unifiedAfter, offset: 0, limit: 5000 });
    return { customerId: i.customerId, ...r, links: [...group.rows, ...own.rows] };
  },
  'identity.rebuild': async (_i, ctx) => ctx.jobs.start('identity', jobTitle('Unificar clientes entre as fontes', 'Match customers across sources'), () => rebuildIdentity(ctx.db)),
} satisfies Handlers<typeof identity>;
