// Brazil's national holidays (fixed dates and the Easter-based ones: Carnaval, Sexta-feira Santa, Corpus Christi)
// and the two eves that change a shop's day, with their pt-BR/en names. Pure: the engine's forecast and the
// renderer's settings both read it.
import type { LocalizedText } from './types';

export const HOLIDAY_IDS = [
  'confraternizacao',
  'carnaval_segunda',
  'carnaval_terca',
  'quarta_cinzas',
  'sexta_santa',
  'tiradentes',
  'trabalho',
  'corpus_christi',
  'independencia',
  'aparecida',
  'finados',
  'republica',
  'consciencia_negra',
  'vespera_natal',
  'natal',
  'vespera_ano_novo',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export interface Holiday {
  date: string;
  id: HolidayId;
  name: LocalizedText;
  /** national: public holiday; optional: ponto facultativo (Carnaval, Ash Wednesday, Corpus Christi); eve: a normal day that is not. */
  kind: 'national' | 'optional' | 'eve';
}

const L = (pt: string, en: string): LocalizedText => ({ 'pt-BR': pt, en });

export const HOLIDAY_NAMES: Record<HolidayId, LocalizedText> = {
  confraternizacao: L('Confraternização Universal (1º de janeiro)', 'New Year’s Day'),
  carnaval_segunda: L('Segunda-feira de Carnaval', 'Carnival Monday'),
  carnaval_terca: L('Terça-feira de Carnaval', 'Carnival Tuesday'),
  quarta_cinzas: L('Quarta-feira de Cinzas', 'Ash Wednesday'),
  sexta_santa: L('Sexta-feira Santa', 'Good Friday'),
  tiradentes: L('Tiradentes', 'Tiradentes Day'),
  trabalho: L('Dia do Trabalho', 'Labour Day'),
  corpus_christi: L('Corpus Christi', 'Corpus Christi'),
  independencia: L('Independência do Brasil', 'Independence Day'),
  aparecida: L('Nossa Senhora Aparecida', 'Our Lady of Aparecida'),
  finados: L('Finados', 'All Souls’ Day'),
  republica: L('Proclamação da República', 'Republic Day'),
  consciencia_negra: L('Dia da Consciência Negra', 'Black Consciousness Day'),
  vespera_natal: L('Véspera de Natal', 'Christmas Eve'),
  natal: L('Natal', 'Christmas Day'),
  vespera_ano_novo: L('Véspera de Ano-Novo', 'New Year’s Eve'),
};

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher), as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const FIXED: [HolidayId, string, Holiday['kind']][] = [
  ['confraternizacao', '01-01', 'national'],
  ['tiradentes', '04-21', 'national'],
  ['trabalho', '05-01', 'national'],
  ['independencia', '09-07', 'national'],
  ['aparecida', '10-12', 'national'],
  ['finados', '11-02', 'national'],
  ['republica', '11-15', 'national'],
  ['vespera_natal', '12-24', 'eve'],
  ['natal', '12-25', 'national'],
  ['vespera_ano_novo', '12-31', 'eve'],
];

/** The calendar of one year, in date order. Black Consciousness Day is national from 2024 (Lei 14.759/2023). */
export function brazilHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const out: Holiday[] = FIXED.map(([id, md, kind]) => ({ date: `${year}-${md}`, id, name: HOLIDAY_NAMES[id], kind }));
  if (year >= 2024) out.push({ date: `${year}-11-20`, id: 'consciencia_negra', name: HOLIDAY_NAMES.consciencia_negra, kind: 'national' });
  const moving: [HolidayId, number, Holiday['kind']][] = [
    ['carnaval_segunda', -48, 'optional'],
    ['carnaval_terca', -47, 'optional'],
    ['quarta_cinzas', -46, 'optional'],
    ['sexta_santa', -2, 'national'],
    ['corpus_christi', 60, 'optional'],
  ];
  for (const [id, offset, kind] of moving) out.push({ date: shift(easter, offset), id, name: HOLIDAY_NAMES[id], kind });
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Every holiday between two dates (inclusive). */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const out: Holiday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) for (const h of brazilHolidays(y)) if (h.date >= from && h.date <= to) out.push(h);
  return out;
}
