// SQL quoting, taken from DuckDB's own Node client so there is one rule for every identifier and literal that
// cannot be a bound parameter (table and column names, ATTACH paths, COPY options).
import { quotedIdentifier, quotedString } from '@duckdb/node-api';

/** An identifier (table, column, alias, attached database) quoted for DuckDB: `"a""b"`. */
export const sqlIdent: (name: string) => string = quotedIdentifier;

/** A string literal quoted for DuckDB: `'it''s'`. */
export const sqlString: (text: string) => string = quotedString;

/** A comma-separated list of string literals (for IN lists of ids that come from the database itself). */
export const sqlStringList = (values: readonly string[]): string => values.map(sqlString).join(', ');
