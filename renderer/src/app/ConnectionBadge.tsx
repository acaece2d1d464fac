// Online/offline badge: internet reachability, the engine connection, and how long ago the last sync succeeded.
import { useEffect, useState } from 'react';
import { useI18n, type I18n } from '../i18n/useI18n';
import { useAppStore } from '../state/appStore';
import { useLastSync } from '../state/syncStatus';

export function ageText(t: I18n['t'], iso: string, now = Date.now()): string {
  const mins = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (mins < 1) return t('common.ago.now');
  if (mins < 60) return t('common.ago.min', { n: mins });
  if (mins < 48 * 60) return t('common.ago.hour', { n: Math.round(mins / 60) });
  return t('common.ago.day', { n: Math.round(mins / 1440) });
}

export function ConnectionBadge() {
  const { t } = useI18n();
  const connected = useAppStore((s) => s.connected);
  const [online, setOnline] = useState(navigator.onLine);
  const [now, setNow] = useState(Date.now());
  const lastSync = useLastSync();
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, []);
  const state = !connected ? 'down' : online ? 'online' : 'offline';
  const label = state === 'down' ? t('top.engineDown') : state === 'online' ? t('top.online') : t('top.offline');
  const sync = lastSync === undefined ? null : lastSync ? t('top.lastSync', { age: ageText(t, lastSync, now) }) : t('top.neverSynced');
  return (
    <div className={`badge badge-${state}`} data-testid="connection-badge" role="status" title={sync ? `${label} · ${sync}` : label}>
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
      {sync && <span className="badge-sub">· {sync}</span>}
    </div>
  );
}
