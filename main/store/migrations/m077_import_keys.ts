// Migration 77: an import's undo records become the 128-bit MD5 of each added row's key beside a small integer
// origin (one per import and table, named in import_origins), written far cheaper than the key text of import_rows;
// the records of existing databases are carried over (the same key text, hashed) and import_rows is dropped.
export default {
  version: 77,
  name: 'import keys as hashes with origins',
  sql: `
CREATE TABLE import_origins (
  origin INTEGER NOT NULL,
  import_id VARCHAR NOT NULL,
  "table" VARCHAR NOT NULL
);
CREATE TABLE import_keys (
  origin INTEGER NOT NULL,
  h UHUGEINT NOT NULL
);
INSERT INTO import_origins (origin, import_id, "table")
SELECT CAST(row_number() OVER (ORDER BY import_id, "table") AS INTEGER), import_id, "table"
FROM (SELECT DISTINCT import_id, "table" FROM import_rows);
INSERT INTO import_keys (origin, h)
SELECT o.origin, md5_number(r."key") FROM import_rows r JOIN import_origins o ON o.import_id = r.import_id AND o."table" = r."table";
DROP TABLE import_rows;
`,
};
