// Migration 14: each day's net of completed sales summed row by row (gross - discount per sale), as the
// like-for-like comparisons of sales-summary read it; the rollups are rebuilt when the engine opens the database.
import { rollupColumnsChanged } from '../../model/rollupTables';

export default {
  version: 14,
  name: 'rollup net per row',
  sql: rollupColumnsChanged(14),
};
