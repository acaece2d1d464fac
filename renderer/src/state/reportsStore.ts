// The report registry (reports.list) loaded once and refreshed when data changes (analytics columns appear
// once their data exists), plus each report's table choices (sort, filters, search, params, columns) kept
// across restarts.
import { useEffect } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SortSpec } from '../../../shared/api/tableSpec';
import type { ReportMeta } from '../../../shared/reports';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { useAppStore } from './appStore';

interface RegistryState {
  list: ReportMeta[] | null;
  error: PainelErrorData | null;
  loadedAt: number;
  load(): Promise<void>;
}

export const useRegistry = create<RegistryState>()((set) => ({
  list: null,
  error: null,
  loadedAt: -1,
  async load() {
    const r = await call('reports.list', {}, undefined, { low: useRegistry.getState().list !== null });
    if (r.ok) set({ list: r.value, error: null });
    else set({ error: r.error });
  },
}));

/** The report registry; loads it on first use and again after data changes. */
export function useReportList(): { list: ReportMeta[] | null; error: PainelErrorData | null } {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { list, error, loadedAt } = useRegistry();
  useEffect(() => {
    // Several components use the registry: only the first one of a data version loads it.
    if (useRegistry.getState().loadedAt === dataVersion) return;
    useRegistry.setState({ loadedAt: dataVersion });
    void useRegistry.getState().load();
  }, [dataVersion, loadedAt]);
  return { list, error };
}

export interface ReportView {
  sort?: SortSpec[];
  search?: string;
  filterText?: Record<string, string>;
  params?: Record<string, string | number | boolean | null>;
  hidden?: Record<string, boolean>;
  sizing?: Record<string, number>;
  chart?: string;
  /** The chart folded away, so the table starts right under the title. */
  chartHidden?: boolean;
}

interface ViewsState {
  views: Record<string, ReportView>;
  update(report: string, patch: Partial<ReportView>): void;
  reset(report: string): void;
}

export const useReportViews = create<ViewsState>()(
  persist(
    (set) => ({
      views: {},
      update: (report, patch) => set((s) => ({ views: { ...s.views, [report]: { ...s.views[report], ...patch } } })),
      reset: (report) => set((s) => ({ views: { ...s.views, [report]: {} } })),
    }),
    { name: 'painel.reportViews', version: 1 },
  ),
);
