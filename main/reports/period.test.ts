import { describe, expect, it } from 'vitest';
import { businessToday, lastYearPeriod, previousPeriod, resolvePeriod } from './period';

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
    expect(() => r('custom')).toThrow(/from and to/);
  });

  it('compares whole months with whole months, to-date with the same days, others with the days before', () => {
    expect(previousPeriod(r('last_month'))).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(previousPeriod(r('custom', { from: '2026-01-01', to: '2026-03-31' }))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(r('this_month'))).toMatchObject({ from: '2026-02-01', to: '2026-02-18' });
    expect(previousPeriod(resolvePeriod({ preset: 'this_month' }, '2026-03-31', 'this_month', null))).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(r('this_year'))).toMatchObject({ from: '2025-01-01', to: '2025-03-18' });
    expect(previousPeriod(r('last_30_days'))).toMatchObject({ from: '2026-01-18', to: '2026-02-16', days: 30 });
    expect(previousPeriod(r('today'))).toMatchObject({ from: '2026-03-17', to: '2026-03-17' });
    expect(lastYearPeriod(r('last_month'))).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(lastYearPeriod(r('custom', { from: '2024-02-01', to: '2024-02-29' }))).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    expect(lastYearPeriod(r('this_month'))).toMatchObject({ from: '2025-03-01', to: '2025-03-18' });
  });

  it('takes today in the business time zone', () => {
    const at = new Date('2026-04-01T02:30:00Z');
    expect(businessToday('America/Sao_Paulo', at)).toBe('2026-03-31');
    expect(businessToday('UTC', at)).toBe('2026-04-01');
  });
});
