// Migration 2: the canonical tables of specs/data-model.md, generated from the model as of this version (a column
// added later carries its own migration). Ids are unique by import/sync logic, not by index: ART primary keys would
// slow bulk loads of tens of millions of rows and block upsert-by-merge.
import { canonicalDdl } from '../../model/schema';

export default {
  version: 2,
  name: 'canonical tables',
  sql: canonicalDdl(2),
};
