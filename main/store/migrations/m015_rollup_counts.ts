// Migration 15: the sales rollup without the sale's employee (no report reads it there: several times fewer rows),
// and the row counts of sales and payments the rollups were last brought up to date with, so a reader checks they
// cover every row with two metadata reads. The rollups are rebuilt when the engine opens the database.
import { rollupColumnsChanged } from '../../model/rollupTables';

export default {
  version: 15,
  name: 'rollup counts',
  sql: `${rollupColumnsChanged(15)}
ALTER TABLE rollup_state ADD COLUMN sales BIGINT;
ALTER TABLE rollup_state ADD COLUMN payments BIGINT;`,
};
