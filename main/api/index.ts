// Every handler, merged; `satisfies` proves each contract method has exactly one implementation.
import type { Contract } from '../../shared/api/index';
import type { Handlers } from './types';
import { appHandlers } from './app';
import { jobsHandlers } from './jobs';
import { queryHandlers } from './query';
import { reportsHandlers } from './reports';
import { settingsHandlers } from './settings';
import { exportHandlers } from './export';
import { analyticsHandlers } from './analytics';
import { syncHandlers } from './sync';
import { importHandlers } from './import';
import { demoHandlers } from './demo';
import { identityHandlers } from './identity';
import { agendaHandlers } from './agenda';
import { contactsHandlers } from './contacts';

export const handlers = {
  ...appHandlers,
  ...jobsHandlers,
  ...queryHandlers,
  ...reportsHandlers,
  ...settingsHandlers,
  ...exportHandlers,
  ...analyticsHandlers,
  ...syncHandlers,
  ...importHandlers,
  ...demoHandlers,
  ...identityHandlers,
  ...agendaHandlers,
  ...contactsHandlers,
} satisfies Handlers<Contract>;
