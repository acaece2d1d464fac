// Handlers for app.*.
import { statSync } from 'node:fs';
import { CANONICAL_TABLES } from '../../shared/types';
import type { app } from '../../shared/api/app';
import type { Handlers } from './types';
import { currentVersion } from '../store/migrate';
import { rebuildRollups } from '../model/rollups';

export const appHandlers = {
  'app.info': async (_input, ctx) => {
    const db = ctx.db;
    const counts = await db.all<{ name: string; rows: number }>(
      CANONICAL_TABLES.map((t) => `SELECT '${t}' AS name, count(*)::DOUBLE AS rows FROM "${t}"`).join(' UNION ALL '),
    );
    const order = new Map<string, number>(CANONICAL_TABLES.map((t, i) => [t, i]));
    counts.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    const [{ v }] = await db.all<{ v: string }>(`SELECT version() AS v`);
    let size = 0;
    try {
      size = db.path === ':memory:' ? 0 : statSync(db.path).size;
    } catch {
      size = 0;
    }
    const settings = await ctx.settings();
    return {
      name: 'Painel',
      version: ctx.version,
      dbPath: db.path,
      dbSizeBytes: size,
      schemaVersion: await currentVersion(db),
      duckdbVersion: v,
      timezone: settings.timezone,
      currency: settings.currency,
      dataVersion: db.dataVersion,
      tables: counts,
      empty: counts.every((c) => c.rows === 0),
    };
  },
  'app.rebuildRollups': async (_input, ctx) => {
    const t0 = performance.now();
    const tables = await rebuildRollups(ctx.db);
    ctx.db.changed(['rollups']);
    return { tables, ms: Math.round(performance.now() - t0) };
  },
} satisfies Handlers<typeof app>;
