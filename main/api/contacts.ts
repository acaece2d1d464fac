// Handlers for contacts.* and goals.*: thin glue from validated inputs and settings to main/analytics.
import type { contactsApi } from '../../shared/api/contacts';
import type { Handlers } from './types';
import type { Engine } from '../engine/engine';
import { AppError } from '../store/errors';
import { defaultRfmAsOf } from '../analytics/rfm';
import { contactList, markContacted } from '../analytics/contactList';
import { getGoals, goalProgress, setGoals } from '../analytics/goals';

/** Lists are as of the RFM pages' date (the latest sales month's end, today while it runs). */
async function listAsOf(ctx: Engine, asOf: string | undefined): Promise<string> {
  if (asOf) return asOf;
  const d = await defaultRfmAsOf(ctx.db);
  if (!d) throw new AppError('NOT_READY', 'there are no completed sales yet: import data or load the demo first');
  return d;
}

export const contactsHandlers = {
  'contacts.list': async (i, ctx) => contactList(ctx.db, await ctx.settings(), { ...i, asOf: await listAsOf(ctx, i.asOf) }),
  'contacts.markContacted': async (i, ctx) => markContacted(ctx.db, await ctx.settings(), { ...i, asOf: await listAsOf(ctx, i.asOf) }),
  'goals.get': async (i, ctx) => getGoals(ctx.db, i.month),
  'goals.set': async (i, ctx) => setGoals(ctx.db, i.month, i.goals),
  'goals.progress': async (i, ctx) => goalProgress(ctx.db, await ctx.settings(), i.month),
} satisfies Handlers<typeof contactsApi>;
