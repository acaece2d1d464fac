// Migration 15: the sales rollup without the sale's employee (no report reads it there: several times fewer rows),
// and the row counts of sales and payments the rollups were last brought up to date with, so a reader checks they
// cover every row with two metadata reads. The rollups are rebuilt when the engine opens the database.
import { rollupColumnsChanged } from '../../model/rollupTables';

export default {
  version: 15,
  name: 'rollup counts',
  // The state row is made anew (DuckDB refuses to alter a table whose rows the same transaction deleted); an empty
  // state is what makes the engine rebuild.
  sql: `${rollupColumnsChanged(15, false)}
DROP TABLE rollup_state;
CREATE TABLE rollup_state (timezone VARCHAR, built_at TIMESTAMPTZ, sales BIGINT, payments BIGINT);`,
};
