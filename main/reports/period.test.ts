import { describe, expect, it } from 'vitest';
import { COMPARE_BASIS_LABELS } from '../../shared/reports';
import { businessHour, businessToday, comparePeriods, lastYearPeriod, previousPeriod, resolvePeriod } from './period';

const today = '2026-03-18'; // a Wednesday
const r = (preset: Parameters<typeof resolvePeriod>[0]['preset'], extra = {}) => resolvePeriod({ preset, ...extra }, today, 'this_month', null);

describe('date presets', () => {
  it('resolves every preset against an injected today', () => {
    expect(r('today')).toMatchObject({ from: '2026-03-18', to: '2026-03-18', days: 1 });
    expect(r('this_week')).toMatchObject({ from: '2026-03-16', to: '2026-03-18' });
    expect(r('this_month')).toMatchObject({ from: '2026-03-01', to: '2026-03-18', days: 18 });
    expect(r('last_month')).toMatchObject({ from: '2026-02-01', to: '2026-02-28', days: 28 });
    expect(r('last_30_days')).toMatchObject({ from: '2026-02-17', to: '2026-03-18', days: 30 });
    expect(r('last_90_days')).toMatchObject({ from: '2025-12-19', to: '2026-03-18', days: 90 });
    expect(r('this_year')).toMatchObject({ from: '2026-01-01', to: '2026-03-18' });
    expect(r('custom', { from: '2026-01-05', to: '2026-01-06' })).toMatchObject({ from: '2026-01-05', to: '2026-01-06', days: 2 });
    expect(resolvePeriod({ preset: 'all' }, today, 'this_month', { first: '2025-03-12', last: '2026-04-05' })).toMatchObject({ from: '2025-03-12', to: '2026-04-05' });
    expect(resolvePeriod({}, today, 'last_month', null).preset).toBe('last_month');
  });

  it('refuses impossible custom periods', () => {
    expect(() => r('custom', { from: '2026-02-30', to: '2026-03-01' })).toThrow(/calendar date/);
    expect(() => r('custom', { from: '2026-03-02', to: '2026-03-01' })).toThrow(/after/);
    expect(() => r('custom')).toThrow(/start and an end/);
  });

  it('compares whole months with whole months, to-date with the same days, others with the days before', () => {
    expect(previousPeriod(r('last_month'))).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(previousPeriod(r('custom', { from: '2026-01-01', to: '2026-03-31' }))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(r('this_month'))).toMatchObject({ from: '2026-02-01', to: '2026-02-18' });
    expect(previousPeriod(resolvePeriod({ preset: 'this_month' }, '2026-03-31', 'this_month', null))).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(r('this_year'))).toMatchObject({ from: '2025-01-01', to: '2025-03-18' });
    expect(previousPeriod(r('last_30_days'))).toMatchObject({ from: '2026-01-18', to: '2026-02-16', days: 30 });
    expect(previousPeriod(r('today'))).toMatchObject({ from: '2026-03-11', to: '2026-03-11', basis: 'same_weekday_last_week' });
    expect(lastYearPeriod(r('last_month'))).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(lastYearPeriod(r('custom', { from: '2024-02-01', to: '2024-02-29' }))).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    expect(lastYearPeriod(r('this_month'))).toMatchObject({ from: '2025-03-01', to: '2025-03-18' });
  });

  it('compares like for like: same days of the month, same weekdays of the week, nothing for all time', () => {
    const on = (day: string, preset: Parameters<typeof resolvePeriod>[0]['preset']) => comparePeriods(resolvePeriod({ preset }, day, 'this_month', null));
    // the 4th: 1-4 of the previous month and of the same month last year, never the whole previous month
    expect(on('2026-12-04', 'this_month')).toMatchObject({
      previous: { from: '2026-11-01', to: '2026-11-04', basis: 'same_days_previous_month' },
      lastYear: { from: '2025-12-01', to: '2025-12-04' },
    });
    // the 1st and the last day
    expect(on('2026-12-01', 'this_month').previous).toMatchObject({ from: '2026-11-01', to: '2026-11-01' });
    expect(on('2026-03-31', 'this_month').previous).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    // today (a Friday) vs last Friday and the Friday 52 weeks before
    expect(on('2026-12-04', 'today')).toMatchObject({ previous: { from: '2026-11-27', to: '2026-11-27' }, lastYear: { from: '2025-12-05', to: '2025-12-05' } });
    // week-to-date Monday-Wednesday vs Monday-Wednesday of last week
    expect(on('2026-03-18', 'this_week').previous).toMatchObject({ from: '2026-03-09', to: '2026-03-11', basis: 'same_weekdays_last_week' });
    expect(on('2026-01-03', 'this_year')).toMatchObject({ previous: { from: '2025-01-01', to: '2025-01-03', basis: 'same_days_last_year' }, lastYear: null });
    expect(on('2026-03-18', 'all')).toEqual({ previous: null, lastYear: null });
  });

  it('compares today, while it is today, with yesterday up to the same hour as its secondary comparison', () => {
    const friday = resolvePeriod({ preset: 'today' }, '2026-12-04', 'this_month', null);
    expect(comparePeriods(friday, { liveHour: 14 })).toEqual({
      previous: { preset: 'today', from: '2026-11-27', to: '2026-11-27', days: 1, basis: 'same_weekday_last_week' },
      lastYear: { preset: 'today', from: '2026-12-03', to: '2026-12-03', days: 1, basis: 'yesterday_same_hour', untilHour: 14 },
    });
    // the hour only matters for today: another period keeps its windows, a past "today" its 52 weeks
    expect(comparePeriods(resolvePeriod({ preset: 'this_week' }, '2026-12-04', 'this_month', null), { liveHour: 14 }).lastYear).toMatchObject({ basis: 'same_weekdays_last_year' });
    expect(comparePeriods(friday).lastYear).toMatchObject({ from: '2025-12-05', basis: 'same_weekday_last_year' });
    expect(COMPARE_BASIS_LABELS.yesterday_same_hour).toEqual({ 'pt-BR': 'ontem até a mesma hora', en: 'yesterday up to the same hour' });
  });

  it('says what is wrong with a period in plain pt-BR and English', () => {
    try {
      r('custom', { from: '2026-03-02', to: '2026-03-01' });
      expect.unreachable();
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual({ text: { 'pt-BR': 'O período começa depois de terminar: troque as datas.', en: 'The period starts after it ends: swap the dates.' } });
    }
  });

  it('takes today in the business time zone', () => {
    const at = new Date('2026-04-01T02:30:00Z');
    expect(businessToday('America/Sao_Paulo', at)).toBe('2026-03-31');
    expect(businessToday('UTC', at)).toBe('2026-04-01');
    expect(businessHour('America/Sao_Paulo', at)).toBe(23);
    expect(businessHour('UTC', at)).toBe(2);
  });
});
