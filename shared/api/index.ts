// The whole contract: every domain merged; a method name declared twice fails the build.
import { defineContract } from './define';
import { app } from './app';
import { jobs } from './jobs';
import { query } from './query';
import { reports } from './reports';
import { settingsApi } from './settings';
import { exportApi } from './export';
import { analytics } from './analytics';
import { sync } from './sync';
import { importDomain } from './import';
import { demo } from './demo';
import { identity } from './identity';
import { agendaApi } from './agenda';
import { contactsApi } from './contacts';

export const contract = defineContract(app, jobs, query, reports, exportApi, settingsApi, analytics, sync, importDomain, demo, identity, agendaApi, contactsApi);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export * from './define';
