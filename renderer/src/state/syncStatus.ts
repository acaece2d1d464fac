// The sync status shared by the top bar badge and the Sync page: loaded from sync.status, refreshed on job and
// data events and every 30 s; undefined last-sync while the engine has no sync domain (the badge then says
// nothing about syncing rather than guessing).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/api/sync';
import type { PainelErrorData } from '../../../shared/errors';
import { call } from '../api/client';
import { useAppStore } from './appStore';

interface SyncState {
  status: SyncStatus | null;
  error: PainelErrorData | null;
  load(): Promise<void>;
}

export const useSyncStore = create<SyncState>()((set) => ({
  status: null,
  error: null,
  async load() {
    const r = await call('sync.status', {}, undefined, { low: true });
    if (r.ok) set({ status: r.value, error: null });
    else set({ error: r.error });
  },
}));

/** Keeps the sync status fresh while a component using it is mounted. */
export function useSyncStatus(): { status: SyncStatus | null; error: PainelErrorData | null } {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const syncJobs = useAppStore((s) => Object.values(s.jobs).filter((j) => j.kind.startsWith('sync')).map((j) => `${j.id}:${j.state}:${j.progress.done}`).join(','));
  const { status, error } = useSyncStore();
  useEffect(() => {
    void useSyncStore.getState().load();
  }, [dataVersion, syncJobs]);
  useEffect(() => {
    const timer = window.setInterval(() => void useSyncStore.getState().load(), status?.running ? 2000 : 30_000);
    return () => window.clearInterval(timer);
  }, [status?.running]);
  return { status, error };
}

/** ISO time of the newest successful sync of any source; null = never; undefined = no sync domain. */
export function useLastSync(): string | null | undefined {
  const { status } = useSyncStatus();
  if (!status) return undefined;
  const times = status.sources.map((s) => s.lastSuccessAt).filter((x): x is string => !!x);
  return times.length ? times.sort().at(-1)! : null;
}
