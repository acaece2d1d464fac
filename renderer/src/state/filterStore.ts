// The global period (preset or custom range), comparison mode and location that every page honours;
// kept across restarts.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { DatePreset } from '../../../shared/reports';

export type CompareMode = 'previous' | 'last_year' | 'none';

export interface PeriodChoice {
  preset: DatePreset;
  /** Only for the custom preset ('YYYY-MM-DD', inclusive). */
  from?: string;
  to?: string;
}

interface FilterState {
  period: PeriodChoice;
  compare: CompareMode;
  /** Selected location ids; empty = every location. */
  locations: string[];
  setPeriod(p: PeriodChoice): void;
  setCompare(c: CompareMode): void;
  setLocations(ids: string[]): void;
}

export const useFilterStore = create<FilterState>()(
  persist(
    (set) => ({
      period: { preset: 'last_30_days' },
      compare: 'previous',
      locations: [],
      setPeriod: (period) => set({ period }),
      setCompare: (compare) => set({ compare }),
      setLocations: (locations) => set({ locations }),
    }),
    { name: 'painel.filters', version: 1 },
  ),
);

/** The period as the report contract takes it. */
export function periodInputOf(p: PeriodChoice): { preset: DatePreset; from?: string; to?: string } {
  return p.preset === 'custom' && p.from && p.to ? { preset: 'custom', from: p.from, to: p.to } : { preset: p.preset === 'custom' ? 'last_30_days' : p.preset };
}

/** The common filters for the current location choice. */
export function commonOf(locations: string[]): { location?: string[] } {
  return locations.length ? { location: locations } : {};
}

/** Hook: the period and common-filter inputs every report call takes, stable between renders. */
export function useGlobalInputs(): { period: ReturnType<typeof periodInputOf>; common: { location?: string[] }; compare: CompareMode; key: string } {
  const period = useFilterStore((s) => s.period);
  const locations = useFilterStore((s) => s.locations);
  const compare = useFilterStore((s) => s.compare);
  const p = periodInputOf(period);
  const common = commonOf(locations);
  return { period: p, common, compare, key: JSON.stringify([p, common, compare]) };
}
