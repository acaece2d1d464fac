// A flat sheet's generated ids follow from its content alone (flatMapping.ts): a customer's from its CPF, phone,
// e-mail or folded name, a professional's and an item's from the folded name, a sale's from its date-time and
// customer; lines are numbered in file order within their sale. Re-imports of files loaded by earlier versions rely
// on these ids staying what they were, so they are checked against the derivation written out here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestEngine, type TestEngine } from '../../engine/testEngine';
import { importFiles } from '../importFiles';

let t: TestEngine;
beforeEach(async () => {
  t = await openTestEngine();
});
afterEach(() => t.close());

const short = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').slice(0, 16);
const ids = async (sql: string) => (await t.engine.db.all<{ id: string }>(sql)).map((r) => r.id);

describe('flat sheet ids', () => {
  it('derive from the content: CPF, phone, e-mail or name; names folded; sales by date-time and customer', async () => {
    const p = join(t.dir, 'atendimentos.csv');
    writeFileSync(
      p,
      [
        'Data;Cliente;Telefone;CPF;E-mail;Serviço;Profissional;Valor',
        '03/11/2026 09:00;Ana Souza;(11) 98888-7777;;;Corte;Carla;50,00',
        '04/11/2026 10:00;Bia;;123.456.789-09;;Manicure;Dani;40,00',
        '03/11/2026 09:00;Ana Souza;(11) 98888-7777;;;Escova;Carla;30,00',
        '05/11/2026 11:00;Célia;;;Celia@Exemplo.com;Pedicure;;45,00',
        '06/11/2026 12:00;Dóra   LIMA;;;;Corte;CARLA;50,00',
        '07/11/2026 13:00;;;;;Corte;Carla;50,00',
        '07/11/2026 13:00;;;;;Corte;Carla;50,00',
        '07/11/2026 13:00;;(--);;;Corte;Carla;50,00',
      ].join('\n') + '\n',
    );
    const s = await importFiles(t.engine.db, [p], { sheets: { acceptSuggested: true }, skipIdentity: true });
    expect(s.files[0].mapping).toBe('sheet');
    expect(s.rejected).toBe(0);

    const ck = { ana: `sheet:c:${short('tel:11988887777')}`, bia: `sheet:c:${short('cpf:12345678909')}`, celia: `sheet:c:${short('email:celia@exemplo.com')}`, dora: `sheet:c:${short('nome:dora lima')}` };
    expect(await ids(`SELECT customer_id AS id FROM customers ORDER BY name`)).toEqual([ck.ana, ck.bia, ck.celia, ck.dora]);
    expect(await ids(`SELECT employee_id AS id FROM employees ORDER BY name`)).toEqual([`sheet:e:${short('carla')}`, `sheet:e:${short('dani')}`]);
    expect(await ids(`SELECT item_id AS id FROM items ORDER BY name`)).toEqual(['corte', 'escova', 'manicure', 'pedicure'].map((n) => `sheet:i:${short(n)}`));

    const ana = `sheet:s:${short(`2026-11-03 09:00:00|${ck.ana}`)}`;
    const named = await ids(`SELECT sale_id AS id FROM sales WHERE customer_id IS NOT NULL ORDER BY occurred_at`);
    expect(named).toEqual([ana, `sheet:s:${short(`2026-11-04 10:00:00|${ck.bia}`)}`, `sheet:s:${short(`2026-11-05 11:00:00|${ck.celia}`)}`, `sheet:s:${short(`2026-11-06 12:00:00|${ck.dora}`)}`]);
    // Rows without a customer (a phone without digits is none) are sales of their own, identical rows too.
    expect(await ids(`SELECT sale_id AS id FROM sales WHERE customer_id IS NULL`)).toHaveLength(3);
    // Lines in file order within their sale.
    expect(await t.engine.db.all(`SELECT l.line_no, i.name FROM sale_lines l JOIN items i USING (item_id) WHERE l.sale_id = $1 ORDER BY l.line_no`, [ana])).toEqual([
      { line_no: 1, name: 'Corte' },
      { line_no: 2, name: 'Escova' },
    ]);
  });
});
