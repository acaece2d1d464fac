// Migration 13: the daily rollup tables (model/rollupTables.ts) and their state row. They are filled when the
// engine opens the database (model/rollups.ts ensureRollups), in the business time zone of its settings.
import { rollupDdl } from '../../model/rollupTables';

export default {
  version: 13,
  name: 'daily rollups',
  sql: rollupDdl(13),
};
