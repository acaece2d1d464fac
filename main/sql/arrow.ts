// Turns a DuckDB result (already projected to plain JS-friendly types) into Arrow IPC stream bytes.
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { DuckDBResultReader } from '@duckdb/node-api';
import type { ColumnType } from '../../shared/types';

/** Arrow type used on the wire for each column type: money/decimals/dates travel as exact text. */
function arrowTypeFor(t: ColumnType): DataType {
  switch (t) {
    case 'integer':
      return new Float64();
    case 'percent':
      return new Float64();
    case 'boolean':
      return new Bool();
    default:
      return new Utf8();
  }
}

export function readerToArrow(reader: DuckDBResultReader, types: ColumnType[]): Uint8Array {
  const names = reader.columnNames();
  const cols = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const t = types[i] ?? 'text';
    const type = arrowTypeFor(t);
    let values = (cols[i] ?? []) as unknown[];
    if (type instanceof Float64) values = values.map((v) => (v === null || v === undefined ? null : Number(v)));
    else if (type instanceof Utf8) values = values.map((v) => (v === null || v === undefined ? null : String(v)));
    vectors[name] = vectorFromArray(values, type);
  });
  if (names.length === 0) return tableToIPC(new Table({}), 'stream');
  return tableToIPC(new Table(vectors), 'stream');
}

