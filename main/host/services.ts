// Background services of a long-lived engine (desktop app, browser mode): the sync schedule and the daily
// automatic backup. Engine.open starts nothing; the entry points call this.
import type { Engine } from '../engine/engine';
import { startAutoBackup } from '../backup/backup';
import { startSyncSchedule } from '../sync/service';

export function startBackgroundServices(engine: Engine): void {
  startSyncSchedule(engine);
  startAutoBackup(engine);
}
