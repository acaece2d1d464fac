// settings.*: the business settings kept in the database, and backup/restore of the whole database file.
import { z } from 'zod';
import { method } from './define';
import { settingsSchema, type Settings } from '../settings';
import type { JobSnapshot } from '../events';

/** One backup file in the backups folder beside the database. */
export interface BackupFile {
  fileName: string;
  path: string;
  bytes: number;
  createdAt: string;
}

/** The result of a backup job. */
export interface BackupResult extends BackupFile {
  /** Browser mode: GET this path on the loopback host (with the token) to download the file. */
  download: string | null;
}

/** The result of a restore job. */
export interface RestoreResult {
  path: string;
  tables: { name: string; rows: number }[];
  ms: number;
}

const backupName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.duckdb$/, 'must be a .duckdb file name');

export const settingsApi = {
  /** The business settings, with defaults for anything never saved. */
  'settings.get': method<Settings>()('The business settings, with defaults for anything never saved.', z.object({}).strict()),
  /** Saves some settings (validated together with the rest) and returns them all; every window is told. */
  'settings.set': method<Settings>()('Saves some settings (validated together with the rest) and returns them all; every window is told.', settingsSchema.partial().strict()),
  /** Copies the whole database into a new file in the backups folder, as a job; the result is a BackupResult. */
  'settings.backup': method<JobSnapshot>()('Copies the whole database into a new file in the backups folder, as a job; the result is a BackupResult.', z.object({}).strict()),
  /** The backup files in the backups folder, newest first. */
  'settings.backups': method<BackupFile[]>()('The backup files in the backups folder, newest first.', z.object({}).strict()),
  /** Replaces every table's rows with those of a backup from the backups folder, in one transaction, as a job. */
  'settings.restore': method<JobSnapshot>()(
    "Replaces every table's rows with those of a backup from the backups folder, in one transaction, as a job.",
    z.object({ fileName: backupName }).strict(),
  ),
};
