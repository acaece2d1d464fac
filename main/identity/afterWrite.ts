// The after-write registry of Painel, in the order hooks run: customer identity (re-linked when customers changed),
// the daily rollups' place, conversions of contacts made from contact lists, then caches. File imports and syncs
// both end their write sessions through it.
import { cachesHook, dailyRollupsHook, type AfterWriteHook } from '../model/afterWrite';
import { rebuildIdentity } from './matchCustomers';
import { campaignConversionsHook } from '../model/campaignConversions';

export const identityHook: AfterWriteHook = {
  name: 'identity',
  // Identity is solved from customer records only (e-mail, phone, CPF, created_at).
  tables: ['customers'],
  run: (db) => rebuildIdentity(db),
};

export const AFTER_WRITE_HOOKS: readonly AfterWriteHook[] = [identityHook, dailyRollupsHook, campaignConversionsHook, cachesHook];
