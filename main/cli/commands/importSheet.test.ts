// painel import on a spreadsheet that needs a mapping: the suggestion printed and exit 2 with nothing written,
// --accept-suggested, --save-template, templates applied by header shape, --template NAME and --templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../painel';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'painel-cli-sheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--db', join(dir, 'sheet.duckdb'), ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

const salesCount = async () => JSON.parse((await cli('call', 'app.info', '--json', '{}')).out).tables.find((t: { name: string }) => t.name === 'sales').rows as number;

describe('painel import of spreadsheets', () => {
  it('prints the suggested mapping and exits 2 without writing; accepts it and saves a template that later files reuse', async () => {
    const salon = join(dir, 'atendimentos.csv');
    copyFileSync(join(__dirname, '..', '..', 'import', 'corpus', 'salao-atendimentos.csv'), salon);
    const first = await cli('import', salon);
    expect(first.code).toBe(2);
    expect(first.out).toMatch(/Data\s+->\s+sale date\n/);
    expect(first.out).not.toMatch(/\[\w+\.\w+\]/);
    expect(first.out).toMatch(/Forma de pagamento\s+->\s+payment method/);
    expect(first.out).toContain('nothing was imported');
    expect(await salesCount()).toBe(0);
    expect((await cli('import', '--templates')).out).toContain('no saved mappings yet');

    const ok = await cli('import', salon, '--accept-suggested', '--save-template', 'Salão antigo');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/sales\s+new\s+5/);
    expect(await salesCount()).toBe(5);
    const list = await cli('import', '--templates');
    expect(list.out).toContain('Salão antigo');
    expect(list.out).toMatch(/Profissional\s+->\s+professional\n/);

    // Same columns in another order, new rows: the saved template maps it without asking.
    const later = join(dir, 'novembro.csv');
    writeFileSync(later, 'Cliente;Data;Hora;Telefone;CPF;Serviço;Profissional;Valor;Forma de pagamento;Status\nDora Luz;10/11/2026;11:00;(11) 91111-2222;;Corte;Carla Lima;R$ 90,00;Pix;Concluído\n');
    const auto = await cli('import', later);
    expect(auto.code).toBe(0);
    expect(await salesCount()).toBe(6);

    const named = await cli('import', later, '--template', 'Salão antigo');
    expect(named.code).toBe(0);
    expect(named.out).toMatch(/sales\s+new\s+0\s+replaced\s+0\s+unchanged\s+1/);
    expect((await cli('import', later, '--template', 'nope')).code).toBe(2);
  });
});
