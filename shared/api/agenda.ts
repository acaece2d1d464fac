// agenda.*: the owner's coming days (bookings, occupancy ahead, gaps to fill, no-shows to reschedule), the good
// customers past their usual interval, and the dashboard's "what changed" alerts.
import { z } from 'zod';
import { method } from './define';
import type { AgendaResult, AlertsResult, OverdueResult } from '../agenda';

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');
const idList = z.array(z.string().min(1).max(200)).min(1).max(500);

export const agendaInput = z
  .object({
    /** First business date shown (default today). */
    from: isoDate.optional(),
    days: z.union([z.literal(1), z.literal(7), z.literal(14)]).default(7),
    location: idList.optional(),
    employee: idList.optional(),
    /** Free stretches shorter than this are not gaps to fill. */
    minGapMinutes: z.number().int().min(15).max(480).default(60),
    /** Overrides "today" (business date) for reproducible runs and tests. */
    today: isoDate.optional(),
  })
  .strict();
export type AgendaInput = z.output<typeof agendaInput>;

export const agendaApi = {
  /** Booked and confirmed appointments of the coming days by professional and unit, occupancy ahead, gaps and no-shows. */
  'agenda.view': method<AgendaResult>()(
    'Booked and confirmed appointments of the coming days by professional and unit, occupancy ahead, gaps to fill and the last open day’s no-shows.',
    agendaInput,
  ),
  /** Champions and Loyal customers past their usual interval between visits, with no booking ahead. */
  'agenda.overdue': method<OverdueResult>()(
    'Champions and Loyal customers past their usual interval between visits, with no booking ahead.',
    z.object({ location: idList.optional(), today: isoDate.optional() }).strict(),
  ),
  /** The dashboard's "what changed" list: units and professionals off their usual week, no-shows rising, good customers overdue. */
  'agenda.alerts': method<AlertsResult>()(
    'What changed: units and professionals far off their usual week, no-shows rising, good customers overdue; each with a link to its rows.',
    z.object({ location: idList.optional(), today: isoDate.optional() }).strict(),
  ),
};
