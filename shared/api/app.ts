// app.*: what the engine is, where its database lives, and how much data it holds.
import { z } from 'zod';
import { method } from './define';

export interface AppInfo {
  name: string;
  version: string;
  dbPath: string;
  dbSizeBytes: number;
  schemaVersion: number;
  duckdbVersion: string;
  timezone: string;
  currency: string;
  dataVersion: number;
  /** Row count of every canonical table. */
  tables: { name: string; rows: number }[];
  empty: boolean;
}

export interface RollupsRebuilt {
  /** Rows of each daily rollup table after the rebuild. */
  tables: { table: string; rows: number }[];
  ms: number;
}

export const app = {
  /** Version, database path and the row count of every canonical table. */
  'app.info': method<AppInfo>()('Version, database path and the row count of every canonical table.', z.object({}).strict()),
  /** Recomputes the daily rollups from the sales, lines and payments (they are otherwise kept current by every write). */
  'app.rebuildRollups': method<RollupsRebuilt>()('Recomputes the daily rollups from the base tables.', z.object({}).strict()),
};
