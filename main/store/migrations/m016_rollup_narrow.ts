// Migration 16: the rollups' stored measures become 64-bit decimals (DECIMAL(18,2), BIGINT) instead of 128-bit ones:
// reading them is about twenty times cheaper, which is most of a monthly summary's time. Values are kept as they are.
import { rollupTypesNarrowed } from '../../model/rollupTables';

export default {
  version: 16,
  name: 'rollup narrow types',
  sql: rollupTypesNarrowed(),
};
