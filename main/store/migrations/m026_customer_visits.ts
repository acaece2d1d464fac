// Migration 26: the customer visits table and the copy of the identity links it is grouped by
// (model/customerVisits.ts): the dashboard's customer figures as counts. Built with the rollups when the engine opens.
import { VISITS_DDL } from '../../model/customerVisits';

export default {
  version: 26,
  name: 'customer visits',
  sql: `${VISITS_DDL}\nDELETE FROM rollup_state;`,
};
