// What runs after rows reach the canonical tables, for file imports and syncs alike: one ordered registry of hooks
// and one rule — when a write session (an import of files, a sync run) ends, each hook whose tables the session
// changed runs once, in registry order. The built-in hooks live here; domains add theirs (identity linking) when
// they build the registry (see identity/afterWrite.ts).
import type { Db } from '../store/db';
import type { CanonicalTable } from './schema';
import { DAILY_ROLLUPS, ROLLUP_SOURCES, rollupsCurrent } from './rollups';

export interface AfterWriteHook {
  name: string;
  /** The tables whose change triggers the hook ('any': every write that changed something). */
  tables: readonly CanonicalTable[] | 'any';
  run(db: Db, changed: readonly string[]): Promise<unknown>;
}

/**
 * Daily rollups (rollupTables.ts) depend on sales, lines and payments. Their refresh cannot wait for the session
 * to end: every write notes the business days it touched (rollups.ts touchDays) and those days are recomputed
 * just before the write's own transaction commits, so no reader ever sees rows without their rollups. After the
 * session there is nothing left to do; the hook reports whether the rollups are current.
 */
export const dailyRollupsHook: AfterWriteHook = {
  name: DAILY_ROLLUPS,
  tables: ROLLUP_SOURCES,
  run: (db) => rollupsCurrent(db),
};

/**
 * Caches (report results, row counts, table metadata, customer profiles) are keyed by the data version: one
 * data.changed for the whole session bumps it and tells open views to reload. Last, so it covers what hooks wrote.
 */
export const cachesHook: AfterWriteHook = {
  name: 'caches',
  tables: 'any',
  run: async (db, changed) => {
    db.changed([...changed]);
    return null;
  },
};

export interface AfterWriteOptions {
  /** Hooks the caller runs itself (by name). */
  skip?: readonly string[];
  log?: (line: string) => void;
}

/** Runs the hooks the changed tables call for; returns each hook's result by name. */
export async function runAfterWrite(db: Db, changed: readonly string[], hooks: readonly AfterWriteHook[], o: AfterWriteOptions = {}): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  if (!changed.length) return results;
  for (const hook of hooks) {
    if (o.skip?.includes(hook.name)) continue;
    if (hook.tables !== 'any' && !hook.tables.some((t) => changed.includes(t))) continue;
    results[hook.name] = await hook.run(db, changed);
  }
  return results;
}
