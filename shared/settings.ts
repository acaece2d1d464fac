// Business settings kept in the database (so the desktop app, the CLI and browser mode agree), with defaults.
import { z } from 'zod';
import { HOLIDAY_IDS } from './holidays';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const openingHoursSchema = z
  .array(z.object({ open: hhmm, close: hhmm }).strict().nullable())
  .length(7)
  .describe('Opening hours per weekday, Sunday first; null = closed');

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const holidayList = z.array(z.enum(HOLIDAY_IDS)).max(HOLIDAY_IDS.length);

export const holidaySettingsSchema = z
  .object({
    /** National holidays (and eves) on which every location is closed. */
    closedOn: holidayList,
    /** Per location id: the holidays that location is closed on, in place of closedOn. */
    byLocation: z.record(z.string().min(1).max(100), holidayList),
    /** Other days the business (locationId null) or one location was or will be closed: local holidays, holidays, works. */
    closedDays: z.array(z.object({ date: isoDate, locationId: z.string().min(1).max(100).nullable() }).strict()).max(5000),
  })
  .strict()
  .describe('The holiday calendar the forecast knows: which holidays and days each location is closed');

export const settingsSchema = z
  .object({
    businessName: z.string().max(200),
    legalName: z.string().max(200),
    cnpj: z.string().max(32),
    taxRegime: z.enum(['simples_nacional', 'lucro_presumido', 'lucro_real', 'mei']),
    timezone: z.string().max(64),
    currency: z.string().regex(/^[A-Z]{3}$/),
    locale: z.enum(['pt-BR', 'en']),
    openingHours: openingHoursSchema,
    rfm: z
      .object({
        windowDays: z.number().int().min(7).max(3650),
        frequencyMode: z.enum(['rank', 'fixed']),
        /** Visit counts at which F becomes 2, 3, 4 and 5 when frequencyMode is fixed. */
        frequencyThresholds: z.array(z.number().int().min(1)).length(4),
      })
      .strict(),
    sync: z.object({ everyMinutes: z.number().int().min(0).max(1440), overlapMinutes: z.number().int().min(0).max(1440) }).strict(),
    holidays: holidaySettingsSchema,
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  businessName: 'Meu Salão',
  legalName: '',
  cnpj: '',
  taxRegime: 'simples_nacional',
  timezone: 'America/Sao_Paulo',
  currency: 'BRL',
  locale: 'pt-BR',
  openingHours: [null, { open: '09:00', close: '19:00' }, { open: '09:00', close: '19:00' }, { open: '09:00', close: '19:00' }, { open: '09:00', close: '20:00' }, { open: '09:00', close: '20:00' }, { open: '08:00', close: '18:00' }],
  rfm: { windowDays: 365, frequencyMode: 'rank', frequencyThresholds: [2, 3, 5, 8] },
  sync: { everyMinutes: 30, overlapMinutes: 10 },
  holidays: { closedOn: ['confraternizacao', 'natal'], byLocation: {}, closedDays: [] },
};
