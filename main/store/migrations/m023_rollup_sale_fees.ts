// Migration 23: the sales rollup keeps the fees of each sale's payments on the sale's day (sales by channel reads
// them there). The rollups are rebuilt when the engine opens the database.
import { rollupColumnsChanged } from '../../model/rollupTables';

export default {
  version: 23,
  name: 'rollup sale fees',
  sql: rollupColumnsChanged(23),
};
