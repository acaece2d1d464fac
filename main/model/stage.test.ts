// The staging query must keep the file's row order (ordinals come from rowids): no join, aggregate or sort may
// appear in its plan, for any table, with either decimal mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../store/db';
import { TABLE_SPECS } from './schema';
import { stagingSelect } from './stage';
import { CANONICAL_TABLES } from '../../shared/types';

let db: Db;
beforeAll(async () => {
  db = await Db.open({ path: ':memory:' });
});
afterAll(() => db.close());

describe('staging query', () => {
  for (const table of CANONICAL_TABLES) {
    it(`${table}: a pipeline of projections over the scan`, async () => {
      const spec = TABLE_SPECS[table];
      const cols = spec.columns.map((c, i) => `'x${i}' AS c${i}`).join(', ');
      const raw = new Map(spec.columns.map((c, i) => [c.name, `c${i}`]));
      for (const dec of ['.', ','] as const) {
        const plan = await db.all<{ explain_value: string }>(`EXPLAIN ${stagingSelect({ spec, raw, dec, from: `(SELECT ${cols} FROM range(10))`, ordinal: null })}`);
        const text = plan.map((p) => p.explain_value).join('\n');
        expect(text).not.toMatch(/JOIN|AGGREGATE|GROUP_BY|ORDER|WINDOW/);
      }
    });
  }
});
