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
    // Low priority: after a data change the numbers on screen reload first.
    const r = await call('app.info', {}, undefined, { low: useAppStore.getState().info !== null });
    if (r.ok) set({ info: r.value, infoError: null });
    else set({ infoError: r.error.message });
  },
}));

let started = false;
let bumpTimer: number | null = null;
let wasConnected = false;

/** One reload for a burst of events (a restore or sync says data and settings changed within milliseconds). */
function bumpDataVersion(tables: string[] = []): void {
  useAppStore.setState((s) => ({ changedTables: [...new Set([...s.changedTables, ...tables])] }));
  if (bumpTimer !== null) return;
  const bump = () => {
    bumpTimer = null;
    useAppStore.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
    // Visible to tests and diagnostics: when this window learned that data changed.
    document.documentElement.dataset.dataVersion = String(useAppStore.getState().dataVersion);
    void useAppStore.getState().refreshInfo();
  };
  // Background tabs run timers at most once a second: there, reload at once instead of coalescing.
  if (document.hidden) return bump();
  bumpTimer = window.setTimeout(bump, 40);
}

/**
 * Caches the engine fills while answering a read (stored forecasts, RFM snapshots). A view that reads them would
 * otherwise reload itself forever; they follow from the canonical tables, whose changes do reload every view.
 */
const READ_CACHES = new Set(['forecast_runs', 'forecast_points', 'rfm_snapshots', 'rfm_snapshot_runs']);

/** Starts listening to engine events once for the whole app. */
export function startAppEvents(): void {
  if (started) return;
  started = true;
  let everConnected = false;
  onConnection((connected) => {
    useAppStore.setState({ connected });
    // Reconnected after a drop (not the first connection): anything may have changed meanwhile.
    if (connected && everConnected && !wasConnected) bumpDataVersion();
    if (connected) everConnected = true;
    wasConnected = connected;
  });
  on((e) => {
    if (e.type === 'data.changed') {
      if (e.tables.length && e.tables.every((t) => READ_CACHES.has(t))) return;
      bumpDataVersion(e.tables);
    } else if (e.type === 'job') {
      useAppStore.setState((s) => ({ jobs: { ...s.jobs, [e.job.id]: e.job } }));
    } else if (e.type === 'settings.changed') {
      bumpDataVersion();
    }
  });
  void useAppStore.getState().refreshInfo();
}
