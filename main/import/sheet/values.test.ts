// Spreadsheet value parsers run in a real DuckDB: dates, money, yes/no, blanks and payment words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { lit } from '../../model/convert';
import { paymentMethodSql } from '../../model/paymentMethods';
import { cellSql, dateTimeSql, decimalSql, nameKeySql, sampleDateFormat, yesNoSql } from './values';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => conn.closeSync());

/** Applies an expression over `v` (the cleaned cell) to each input, all in one query. */
async function each(inputs: string[], expr: (v: string) => string): Promise<(string | null)[]> {
  const values = inputs.map((x, i) => `(${i}, ${lit(x)})`).join(', ');
  const r = await conn.runAndReadAll(`SELECT ${expr('v')} AS out FROM (SELECT i, ${cellSql('raw')} AS v FROM (VALUES ${values}) t(i, raw)) ORDER BY i`);
  return r.getRowObjectsJS().map((x) => (x.out === null ? null : String(x.out)));
}

describe('spreadsheet values', () => {
  it('dates: DD/MM/YYYY and DD/MM/YY with or without time, ISO, Excel serials; offsets kept; bad dates pass through', async () => {
    expect(
      await each(['03/11/2026', '03/11/26 14:30', '3/1/2026 08:05:09', '2026-11-03', '2026-11-03T10:00:00-03:00', '45234', '45234.5', ' - ', '', '31/02/2026'], (v) => dateTimeSql(v)),
    ).toEqual(['2026-11-03 00:00:00', '2026-11-03 14:30:00', '2026-01-03 08:05:09', '2026-11-03 00:00:00', '2026-11-03T10:00:00-03:00', '2023-11-04 00:00:00', '2023-11-04 12:00:00', null, null, '31/02/2026']);
    expect(await each(['11/25/2026'], (v) => dateTimeSql(v, 'mdy'))).toEqual(['2026-11-25 00:00:00']);
    expect(await each(['03/11/2026'], (v) => dateTimeSql(v, 'dmy', "'14:30'"))).toEqual(['2026-11-03 14:30:00']);
  });

  it('money: R$ and pt-BR thousands, en thousands, negatives in parentheses or trailing minus; the column mark decides 1.234', async () => {
    const inputs = ['R$ 1.234,56', '1.234,56', '1,234.56', '(12,50)', 'R$ -3,00', '12,5-', '1.234', '-', 'abc'];
    expect((await each(inputs, (v) => decimalSql(v, ','))).map((x) => (x && !isNaN(Number(x)) ? Number(x) : x))).toEqual([1234.56, 1234.56, 1234.56, -12.5, -3, -12.5, 1234, null, 'abc']);
    expect((await each(['1.234', '(10.00)', '1,234'], (v) => decimalSql(v, '.'))).map(Number)).toEqual([1.234, -10, 1234]);
  });

  it("a column's own date format, tried first, reads every cell as the whole list does (two-digit years, serials, offsets)", async () => {
    expect(sampleDateFormat(['03/11/2026 14:30', '04/11/2026 09:00', '-', 'x'])).toBe('%d/%m/%Y %H:%M');
    expect(sampleDateFormat(['03/11/26', '04/11/26'])).toBe('%d/%m/%y');
    expect(sampleDateFormat(['ontem', 'hoje'])).toBeNull();
    const cells = ['03/11/2026 14:30', '03/11/26 14:30', '03/11/26', '3/1/2026 08:05:09', '2026-11-03', '2026-11-03T10:00:00-03:00', '45234.5', '31/02/2026', '03/11/202 10:00', ''];
    const whole = await each(cells, (v) => dateTimeSql(v));
    expect(whole[1]).toBe('2026-11-03 14:30:00');
    for (const fmt of ['%d/%m/%Y %H:%M', '%d/%m/%Y', '%d/%m/%y %H:%M']) expect(await each(cells, (v) => dateTimeSql(v, 'dmy', undefined, fmt))).toEqual(whole);
  });

  it('money read the usual way gives what the general reading gives', async () => {
    const cells = ['R$ 1.234,56', 'R$1.234,56', '1.234,56', '1,234.56', '30,5', '-12,50', '+12,50', 'R$ -3,00', '12,5-', '(12,50)', '1 234,56', '1.2.3', '12,5,0', 'R 12', '$ 10', 'abc', '1.234'];
    const pt = (await each(cells, (v) => decimalSql(v, ','))).map((x) => (x && !isNaN(Number(x)) ? Number(x) : x));
    expect(pt).toEqual([1234.56, 1234.56, 1234.56, 1234.56, 30.5, -12.5, 12.5, -3, -12.5, -12.5, 1234.56, 123, '12,5,0', 'R 12', 10, 'abc', 1234]);
    const en = (await each(cells, (v) => decimalSql(v, '.'))).map((x) => (x && !isNaN(Number(x)) ? Number(x) : x));
    expect(en).toEqual([1234.56, 1234.56, 1234.56, 1234.56, 305, -1250, 1250, -300, -125, -1250, 123456, '1.2.3', 1250, 'R 12', 10, 'abc', 1.234]);
  });

  it('name keys: accents and case ignored, runs of spaces and tabs made one space', async () => {
    expect(await each(['Júlia  Souza', 'JULIA\tsouza', 'Julia Souza'], nameKeySql)).toEqual(['julia souza', 'julia souza', 'julia souza']);
  });

  it('yes/no words, accents and case ignored', async () => {
    expect(await each(['Sim', 'NÃO', 'x', 'n', 'talvez', ''], yesNoSql)).toEqual(['true', 'false', 'true', 'false', 'talvez', null]);
  });

  it('payment words of spreadsheets map to the canonical methods', async () => {
    expect(
      await each(['Pix', 'Dinheiro', 'Cartão de crédito', 'Cartão de Débito', 'Boleto', 'Vale-presente', 'Maquininha', 'PicPay', 'Transferência'], paymentMethodSql),
    ).toEqual(['pix', 'cash', 'credit_card', 'debit_card', 'boleto', 'voucher', 'credit_card', 'wallet', 'other']);
  });
});
