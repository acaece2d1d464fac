// Handlers for agenda.*: the agenda ahead, overdue good customers and the dashboard alerts (engine in reports/).
import type { agendaApi } from '../../shared/api/agenda';
import type { Handlers } from './types';
import { agenda } from '../reports/agenda/agenda';
import { alerts } from '../reports/agenda/alerts';
import { overdueCustomers } from '../reports/agenda/overdue';

export const agendaHandlers = {
  'agenda.view': async (i, ctx) => agenda(ctx, i),
  'agenda.overdue': async (i, ctx) => overdueCustomers(ctx, i),
  'agenda.alerts': async (i, ctx) => alerts(ctx, i),
} satisfies Handlers<typeof agendaApi>;
