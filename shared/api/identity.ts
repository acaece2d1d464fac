// identity.*: customer records of different sources linked as one person, why they were linked, and undoing a wrong link.
import { z } from 'zod';
import { method } from './define';
import type { JobSnapshot } from '../events';

/** What a customer-matching run did (the result of the identity job). */
export interface IdentityResult {
  linkedCustomers: number;
  groups: number;
}
import type { LocalizedText } from '../types';

export const IDENTITY_RULES = ['email', 'phone', 'cpf', 'root'] as const;
export type IdentityRule = (typeof IDENTITY_RULES)[number];

/** One customer record inside a unified customer; the root is the oldest record, whose id the group keeps. */
export interface IdentityLink {
  customerId: string;
  unifiedId: string;
  /** root for the oldest record; otherwise the rule that linked this record. */
  rule: IdentityRule;
  /** The normalized value both records share (e-mail, +55 phone, CPF digits). */
  matchedValue: string | null;
  /** The record it shares that value with. */
  matchedWith: string | null;
  name: string | null;
  source: string | null;
  createdAt: string | null;
  /** "matched by e-mail maria@x.com with salon:12", in both languages. */
  reason: LocalizedText;
  linkedAt: string;
}

const customerId = z.string().min(1).max(200);

export const identity = {
  /** Linked customer records (all groups, one group, or the group of one customer), with the reason of each link. */
  'identity.links': method<{ rows: IdentityLink[]; total: number }>()(
    'Linked customer records (all groups, one group, or the group of one customer), with the reason of each link.',
    z
      .object({
        customerId: customerId.optional(),
        unifiedId: customerId.optional(),
        rule: z.enum(IDENTITY_RULES).optional(),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
  ),
  /** Splits a wrong match: the customer leaves its group (or only stops matching otherCustomerId); the split is kept for future matching. */
  'identity.split': method<{ customerId: string; unifiedBefore: string; unifiedAfter: string; links: IdentityLink[] }>()(
    'Splits a wrong match: the customer leaves its group (or only stops matching otherCustomerId); the split is kept for future matching.',
    z.object({ customerId, otherCustomerId: customerId.optional() }).strict(),
  ),
  /** Re-runs customer matching over every customer as a job. */
  'identity.rebuild': method<JobSnapshot>()('Re-runs customer matching over every customer as a job.', z.object({}).strict()),
};
