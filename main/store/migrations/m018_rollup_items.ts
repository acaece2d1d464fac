// Migration 18: the daily rollup of completed lines per item (sales by item, profitability); the engine fills it
// when it opens the database, with the other rollups, in the business time zone of its settings.
import { rollupTablesAdded } from '../../model/rollupTables';

export default {
  version: 18,
  name: 'rollup items',
  sql: rollupTablesAdded(18),
};
