// contacts.* and goals.*: WhatsApp contact lists (ready rows with wa.me links and a message rendered from an
// editable template), marking customers contacted (a campaign event), and monthly goals with their progress.
import { z } from 'zod';
import { method } from './define';
import { tableSpecFields } from './tableSpec';
import { CONTACT_LISTS, GOAL_SCOPES, TEMPLATE_MAX, type ContactListResult, type GoalProgressResult, type GoalsResult, type MarkContactedResult } from '../contacts';

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const listFields = {
  list: z.enum(CONTACT_LISTS),
  /** As-of business date (default: the RFM pages' date, today while the latest sales month runs). */
  asOf: isoDate.optional(),
};
/** A message template with {nome}, {servico}, {profissional}; empty or absent: the list's default message. */
const template = z.string().max(TEMPLATE_MAX, `at most ${TEMPLATE_MAX} characters`);
/** Money as decimal text with up to two decimals (a dot or a comma), or null to clear. */
const moneyText = z
  .string()
  .trim()
  .regex(/^\d{1,12}([.,]\d{1,2})?$/, 'must be an amount like 15000 or 15000,50');

export const goalInput = z
  .object({
    scope: z.enum(GOAL_SCOPES),
    scopeId: z.string().min(1).max(200),
    revenueGoal: moneyText.nullable(),
    servicesGoal: z.number().int().min(0).max(1_000_000).nullable(),
  })
  .strict();

export const contactsApi = {
  /** A contact list: opted-in customers with name, phone, last service, professional, last visit and a wa.me link. */
  'contacts.list': method<ContactListResult>()(
    'A contact list (segment, RFM cluster, birthdays, lapsed): opted-in customers with last service, professional, last visit, message and wa.me link, paged.',
    z.object({ ...listFields, template: template.optional(), ...tableSpecFields }).strict(),
  ),
  /** Records list members as contacted on WhatsApp (a campaign 'sent' event, once per customer and month). */
  'contacts.markContacted': method<MarkContactedResult>()(
    "Records customers of a list as contacted on WhatsApp: one campaign 'sent' event per customer in the list's campaign of the month (never twice).",
    z
      .object({ ...listFields, customerIds: z.array(z.string().min(1).max(200)).min(1).max(5000).optional(), all: z.boolean().optional() })
      .strict()
      .refine((i) => !!i.customerIds !== !!i.all, 'give customerIds or all'),
  ),
  /** Monthly goals of every unit and professional for a month (null where none is set). */
  'goals.get': method<GoalsResult>()('Monthly revenue and services goals of every unit and professional for a month.', z.object({ month }).strict()),
  /** Saves goals for a month (null clears one) and returns them all. */
  'goals.set': method<GoalsResult>()('Saves monthly revenue and services goals for a month (null clears a goal) and returns them all.', z.object({ month, goals: z.array(goalInput).min(1).max(2000) }).strict()),
  /** Progress towards the month's goals, with a projection to the month end from the revenue forecast. */
  'goals.progress': method<GoalProgressResult>()(
    "Progress of each unit and professional towards the month's goals, and a projection to the month end from the 30-day revenue forecast.",
    z.object({ month: month.optional() }).strict(),
  ),
};
