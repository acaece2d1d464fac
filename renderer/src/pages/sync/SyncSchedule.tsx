// How often sources sync by themselves (a business setting) and when the next run is due.
import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/api/sync';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import { useSyncStore } from '../../state/syncStatus';

const CHOICES = [0, 15, 30, 60, 120, 360, 1440];

export function SyncSchedule({ status }: { status: SyncStatus }) {
  const { t, f } = useI18n();
  const [saving, setSaving] = useState(false);
  const change = async (everyMinutes: number) => {
    setSaving(true);
    const current = await call('settings.get', {});
    if (current.ok) await call('settings.set', { sync: { ...current.value.sync, everyMinutes } });
    await useSyncStore.getState().load();
    setSaving(false);
  };
  const choices = CHOICES.includes(status.everyMinutes) ? CHOICES : [...CHOICES, status.everyMinutes].sort((a, b) => a - b);
  return (
    <div className="card sync-schedule">
      <div className="field field-inline">
        <label htmlFor="sync-every">{t('sync.schedule')}</label>
        <select id="sync-every" value={status.everyMinutes} disabled={saving} onChange={(e) => void change(Number(e.target.value))}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t('sync.manual') : m < 60 ? t('sync.everyMin', { n: m }) : t('sync.everyHour', { n: f.number(m / 60, 1) })}
            </option>
          ))}
        </select>
      </div>
      <span className="muted">{status.nextRunAt ? t('sync.nextRun', { at: f.timestamp(status.nextRunAt) }) : t('sync.noNextRun')}</span>
    </div>
  );
}
