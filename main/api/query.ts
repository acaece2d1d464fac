// Handlers for query.*.
import type { query } from '../../shared/api/query';
import type { Handlers } from './types';
import { listTables } from '../sql/tableMeta';
import { pageQuery } from '../sql/pageQuery';

export const queryHandlers = {
  'query.tables': async (_i, ctx) => {
    const tables = await listTables(ctx.db);
    const counts = await ctx.db.all<{ name: string; n: number }>(
      `SELECT table_name AS name, estimated_size::DOUBLE AS n FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database()`,
    );
    const byName = new Map(counts.map((c) => [c.name, c.n]));
    return tables.map((t) => ({
      name: t.name,
      kind: t.kind,
      rows: byName.get(t.name) ?? null,
      columns: t.columns.map(({ sqlType: _s, ...c }) => c),
    }));
  },
  'query.page': async (i, ctx) => pageQuery(ctx.db, i),
} satisfies Handlers<typeof query>;
