// Migration 17: the booked-minutes rollup (model/rollupTables.ts rollup_booked_day), so occupancy — the dashboard's,
// the report's, the agenda's — sums day rows instead of scanning every sale line. Built when the engine opens.
import { rollupTablesAdded } from '../../model/rollupTables';

export default {
  version: 17,
  name: 'rollup booked minutes',
  sql: rollupTablesAdded(17),
};
