// Reads and writes business settings in the settings table; unknown or invalid stored values fall back to defaults.
import { rebuildRollupsTx } from '../model/rollups';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings';
import type { Db } from '../store/db';
import { AppError } from '../store/errors';

export async function loadSettings(db: Db): Promise<Settings> {
  const rows = await db.all<{ key: string; value: string }>(`SELECT key, value::VARCHAR AS value FROM settings`);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (r.key in DEFAULT_SETTINGS) merged[r.key] = JSON.parse(r.value);
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saves a partial update after validating the merged result; applies the time zone at once. */
export async function saveSettings(db: Db, patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings(db);
  const next = settingsSchema.safeParse({ ...current, ...patch });
  if (!next.success) throw new AppError('BAD_INPUT', 'invalid settings', next.error.issues);
  if (patch.timezone && patch.timezone !== db.timezone) await db.setTimezone(patch.timezone);
  await db.transaction(async (tx) => {
    for (const [key, value] of Object.entries(patch)) {
      await tx.run(`DELETE FROM settings WHERE key = $1`, [key]);
      await tx.run(`INSERT INTO settings (key, value) VALUES ($1, $2::JSON)`, [key, JSON.stringify(value)]);
    }
    // Business days move with the time zone: the daily rollups are taken again in the new one.
    if (patch.timezone) await rebuildRollupsTx(tx);
  });
  return next.data;
}
