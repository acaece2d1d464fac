// Builds a 10-million-row table in a fresh database file, for the table browser's scale check.
import { DuckDBInstance } from '@duckdb/node-api';

export const BIG_ROWS = 10_000_000;

export async function makeBigTable(dbPath: string, rows = BIG_ROWS): Promise<void> {
  const inst = await DuckDBInstance.create(dbPath);
  const c = await inst.connect();
  await c.run(`
    CREATE TABLE big_rows AS
    SELECT i AS row_id,
      ['Ana', 'João', 'Maria', 'Conceição', 'Luís', 'Bárbara', 'Sérgio', 'Íris'][1 + (i % 8)::INT] || ' ' || (i % 9973)::VARCHAR AS name,
      ['São Paulo', 'Recife', 'Belém', 'Curitiba', 'Florianópolis', 'Goiânia', 'Maceió'][1 + (hash(i) % 7)::INT] AS city,
      ((i * 7919) % 100000)::DECIMAL(18,2) / 100 AS amount,
      DATE '2024-01-01' + ((i * 13) % 1000)::INT AS day
    FROM range(${rows}) t(i)`);
  c.closeSync();
  inst.closeSync();
}
