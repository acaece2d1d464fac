// Migration 31: the recipient e-mail of each synced e-mail event, so events can be joined to customers that another
// source (synced in parallel, or later) brings in.
export default {
  version: 31,
  name: 'sync e-mail event recipients',
  sql: `
CREATE TABLE sync_event_emails (event_id VARCHAR NOT NULL, email VARCHAR NOT NULL);
`,
};
