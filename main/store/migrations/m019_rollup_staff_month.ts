// Migration 19: completed lines per month x location x channel x staff, summed from the daily lines rollup, so a
// monthly closing or commissions over many months read a few thousand rows. Filled when the engine opens.
import { rollupTablesAdded } from '../../model/rollupTables';

export default {
  version: 19,
  name: 'rollup staff months',
  sql: rollupTablesAdded(19),
};
