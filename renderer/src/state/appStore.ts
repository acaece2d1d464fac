// What the engine says about itself (app.info), the event-stream connection, and the data version that every
// view watches to reload when an import, sync or demo changes rows.
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/app';
import type { JobSnapshot } from '../../../shared/events';
import { call, on, onConnection } from '../api/client';

interface AppState {
  info: AppInfo | null;
  infoError: string | null;
  connected: boolean;
  /** Bumped on every data.changed event; views list it as a dependency to refetch. */
  dataVersion: number;
  /** Tables named by the last data.changed event. */
  changedTables: string[];
  jobs: Record<string, JobSnapshot>;
  refreshInfo(): Promise<void>;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  infoError: null,
  connected: true,
  dataVersion: 0,
  changedTables: [],
  jobs: {},
  async refreshInfo() {
    const r = await call('app.info', {});
    if (r.ok) set({ info: r.value, infoError: null });
    else set({ infoError: r.error.message });
  },
}));

let started = false;

/** Starts listening to engine events once for the whole app. */
export function startAppEvents(): void {
  if (started) return;
  started = true;
  onConnection((connected) => {
    const was = useAppStore.getState().connected;
    useAppStore.setState({ connected });
    // Reconnected after a drop: anything may have changed meanwhile.
    if (connected && !was) useAppStore.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
  });
  on((e) => {
    if (e.type === 'data.changed') {
      useAppStore.setState((s) => ({ dataVersion: s.dataVersion + 1, changedTables: e.tables }));
      void useAppStore.getState().refreshInfo();
    } else if (e.type === 'job') {
      useAppStore.setState((s) => ({ jobs: { ...s.jobs, [e.job.id]: e.job } }));
    } else if (e.type === 'settings.changed') {
      useAppStore.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
      void useAppStore.getState().refreshInfo();
    }
  });
  void useAppStore.getState().refreshInfo();
}
