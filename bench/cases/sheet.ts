// Mapped import of a 1M-row flat salon sheet (pt-BR: `;`, R$ money, DD/MM/YYYY HH:MM) into customers, employees,
// items, sales, sale_lines and payments, against DuckDB's own read_csv of the same file into a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BenchCase } from '../harness';
import { Engine } from '../../main/engine/engine';
import { importFiles } from '../../main/import/importFiles';

const ROWS = Number(process.env.PAINEL_SHEET_ROWS ?? 1_000_000);

interface State {
  dir: string;
  file: string;
  readCsvMs: number;
  readCsvCpuS: number;
}

/** CPU seconds of this process (DuckDB's threads included) spent in fn, beside its wall time. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuS: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const cpu = process.cpuUsage(cpu0);
  return { value, ms: performance.now() - t0, cpuS: (cpu.user + cpu.system) / 1e6 };
}

async function writeSheet(file: string): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`COPY (SELECT
      strftime(TIMESTAMP '2025-01-01 08:00' + INTERVAL (i % 500) DAY + INTERVAL ((i * 7) % 600) MINUTE, '%d/%m/%Y %H:%M') AS "Data",
      'Cliente ' || (i % 50000) AS "Cliente",
      '(11) 9' || lpad(CAST(i % 50000 AS VARCHAR), 4, '0') || '-' || lpad(CAST((i * 13) % 10000 AS VARCHAR), 4, '0') AS "Telefone",
      ['Corte', 'Escova', 'Manicure', 'Pedicure', 'Coloração', 'Hidratação', 'Barba', 'Sobrancelha'][1 + i % 8] AS "Serviço",
      ['Carla', 'Dani', 'Rafa', 'Júlia', 'Beto'][1 + i % 5] AS "Profissional",
      'R$ ' || replace(printf('%.2f', 30 + (i % 300) + 0.5), '.', ',') AS "Valor",
      ['Pix', 'Dinheiro', 'Cartão de crédito', 'Cartão de débito'][1 + i % 4] AS "Forma de pagamento"
    FROM range(${ROWS}) t(i)) TO '${file}' (HEADER, DELIMITER ';')`);
  c.closeSync();
}

export const cases: BenchCase[] = [
  {
    name: 'import-flat-sheet-1m',
    target: 'within 2x of DuckDB read_csv of the same file, peak RSS < 1.5 GB',
    runs: 1,
    warmup: 0,
    async setup() {
      const dir = mkdtempSync(join(tmpdir(), 'painel-sheet-bench-'));
      const file = join(dir, 'atendimentos.csv');
      await writeSheet(file);
      // DuckDB's own reading of the file (sniffing, typing, into a table on disk) is the reference.
      const inst = await DuckDBInstance.create(join(dir, 'ref.duckdb'));
      const c = await inst.connect();
      const ref = await timed(() => c.run(`CREATE TABLE ref AS SELECT * FROM read_csv('${file}')`));
      c.closeSync();
      return { dir, file, readCsvMs: ref.ms, readCsvCpuS: ref.cpuS } satisfies State;
    },
    async run(state) {
      const s = state as State;
      const dbPath = join(s.dir, `run-${Date.now()}.duckdb`);
      const engine = await Engine.open({ dbPath, log: () => undefined });
      try {
        const { value: summary, ms, cpuS } = await timed(() => importFiles(engine.db, [s.file], { sheets: { acceptSuggested: true }, skipIdentity: true }));
        const sales = summary.tables.find((t) => t.table === 'sales');
        if (summary.failedFiles || !sales?.loaded) throw new Error(`the sheet did not load: ${JSON.stringify(summary.files[0]?.error ?? summary.tables)}`);
        // The machine may be shared: CPU seconds (this process, DuckDB's threads included) beside the wall times.
        const r2 = (x: number) => Math.round(x * 100) / 100;
        return {
          rows: summary.files[0].rows,
          sales: sales.loaded,
          cpuS: r2(cpuS),
          readCsvMs: Math.round(s.readCsvMs),
          readCsvCpuS: r2(s.readCsvCpuS),
          ratio: r2(ms / s.readCsvMs),
          cpuRatio: r2(cpuS / s.readCsvCpuS),
        };
      } finally {
        engine.close();
      }
    },
    async teardown(state) {
      rmSync((state as State).dir, { recursive: true, force: true });
    },
  },
];
