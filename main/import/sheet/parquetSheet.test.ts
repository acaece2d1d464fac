// A Parquet file not named after a table goes through the same mapping as a CSV: header from its schema,
// suggestion, preview, template, import with the suggested mapping (app contract and CLI), and a second import
// changes nothing. Typed Parquet values (timestamps, instants, decimals) land as the same sales.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { importFiles } from '../importFiles';
import { inspectFile } from './inspect';
import { previewSheet } from './preview';
import { runCli } from '../../cli/painel';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(() => t.close());

const q = <T = Record<string, unknown>>(sql: string) => t.engine.db.all<T>(sql);

/** A salon's sheet exported as Parquet by another tool: typed columns, pt-BR names. */
async function writeSalonParquet(path: string): Promise<void> {
  await t.engine.db.run(`COPY (SELECT * FROM (VALUES
      (TIMESTAMP '2026-11-03 09:00', 'Ana Souza', '(11) 98765-4321', 'Corte', 'Carla Lima', 120.50::DECIMAL(10,2), 'Pix', TIMESTAMPTZ '2026-11-03 12:05:00+00'),
      (TIMESTAMP '2026-11-03 09:00', 'Ana Souza', '(11) 98765-4321', 'Escova', 'Carla Lima', 60.00::DECIMAL(10,2), 'Pix', TIMESTAMPTZ '2026-11-03 12:05:00+00'),
      (TIMESTAMP '2026-11-04 15:30', 'Bruna Alves', NULL, 'Manicure', 'Dani Rocha', 45.00::DECIMAL(10,2), 'Dinheiro', NULL)
    ) v("Data", "Cliente", "Telefone", "Serviço", "Profissional", "Valor", "Forma de pagamento", "Registrado em")) TO '${path}' (FORMAT parquet)`);
}

describe('Parquet sheets', () => {
  it('are inspected, previewed and imported with the suggested mapping like a CSV; a second import changes nothing', async () => {
    const p = join(t.dir, 'atendimentos.parquet');
    await writeSalonParquet(p);
    const look = await inspectFile(t.engine.db, p);
    expect(look.kind).toBe('sheet');
    expect(look.header).toEqual(['Data', 'Cliente', 'Telefone', 'Serviço', 'Profissional', 'Valor', 'Forma de pagamento', 'Registrado em']);
    expect(look.lines).toEqual([1, 2, 3]);
    expect(look.suggestion?.mapping).toMatchObject({ 'sale.date': 'Data', 'customer.name': 'Cliente', 'line.item': 'Serviço', 'employee.name': 'Profissional', 'line.total': 'Valor', 'payment.method': 'Forma de pagamento' });
    expect(look.suggestion?.decimal).toBe('.');
    const plan = { mapping: look.suggestion!.mapping, dateOrder: look.suggestion!.dateOrder, dec: look.suggestion!.decimal };
    const preview = await previewSheet(t.engine.db, look.header, look.rows, look.lines, plan);
    const valor = preview.columns.findIndex((c) => c.field === 'line.total');
    expect(preview.rows.map((r) => r.cells[valor].value)).toEqual(['120.50', '60.00', '45.00']);

    const refused = await importFiles(t.engine.db, [p]);
    expect(refused.files[0]).toMatchObject({ needsMapping: true });
    expect(Number((await q<{ n: bigint }>(`SELECT count(*) AS n FROM sales`))[0].n)).toBe(0);

    const s = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true } });
    expect(s.failedFiles).toBe(0);
    expect(s.files[0]).toMatchObject({ format: 'parquet', mapping: 'sheet', rows: 3 });
    expect(s.files[0].unknownColumns).toEqual(['Registrado em']);
    expect(
      await q(`SELECT strftime(timezone('America/Sao_Paulo', occurred_at), '%Y-%m-%d %H:%M') AS quando, c.name AS customer, total_amount::DOUBLE AS total,
        (SELECT string_agg(method || ' ' || amount, ',') FROM payments p WHERE p.sale_id = s.sale_id) AS paid
        FROM sales s JOIN customers c USING (customer_id) ORDER BY quando`),
    ).toEqual([
      { quando: '2026-11-03 09:00', customer: 'Ana Souza', total: 180.5, paid: 'pix 180.50' },
      { quando: '2026-11-04 15:30', customer: 'Bruna Alves', total: 45, paid: 'cash 45.00' },
    ]);
    const again = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true } });
    expect(again.tables.every((x) => x.loaded === 0 && x.replaced === 0 && x.unchanged > 0)).toBe(true);
  });

  it('an instant column keeps its instant; rejects name the row number', async () => {
    const p = join(t.dir, 'pedidos.parquet');
    await t.engine.db.run(`COPY (SELECT * FROM (VALUES
        (TIMESTAMPTZ '2026-11-05 13:00:00+00', 'Caio', '80.00'),
        (TIMESTAMPTZ '2026-11-06 13:00:00+00', 'Dora', 'a combinar')
      ) v("Data do pedido", "Cliente", "Total")) TO '${p}' (FORMAT parquet)`);
    const s = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true } });
    expect(s.failedFiles).toBe(0);
    expect(await q(`SELECT strftime(timezone('America/Sao_Paulo', occurred_at), '%Y-%m-%d %H:%M') AS quando, total_amount::DOUBLE AS total FROM sales`)).toEqual([
      { quando: '2026-11-05 10:00', total: 80 },
    ]);
    const rej = await q<{ line: bigint; column: string }>(`SELECT line, "column" FROM import_rejects WHERE "table" = 'sales'`);
    expect(rej.map((r) => [Number(r.line), r.column])).toEqual([[2, 'Total']]);
  });

  it('painel import prints the suggestion for a Parquet sheet and exits 2, then imports it with --accept-suggested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'painel-cli-parquet-'));
    try {
      const p = join(dir, 'atendimentos.parquet');
      await writeSalonParquet(p);
      let out = '';
      const cli = (...args: string[]) => runCli(['--db', join(dir, 'cli.duckdb'), ...args], { out: (x) => (out += x), err: () => undefined, isTTY: false });
      expect(await cli('import', p)).toBe(2);
      expect(out).toMatch(/Data\s+->\s+sale date/);
      expect(out).toContain('nothing was imported');
      out = '';
      expect(await cli('import', p, '--accept-suggested')).toBe(0);
      expect(out).toMatch(/sales\s+new\s+2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
