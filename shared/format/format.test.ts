// The one formatter, table by table: pt-BR and en, negatives, zero, large amounts, halves rounded away from zero
// on exact decimal text (never a float), the NBSP between symbol and number, dates and instants in the business zone.
import { describe, expect, it } from 'vitest';
import { createFormatter, excelNumFmt, formatAxis, formatCell, NBSP, type ColumnLike, type Formatter } from './index';

const br = createFormatter({ locale: 'pt-BR' });
const en = createFormatter({ locale: 'en' });
const _ = NBSP;

type Row = [input: unknown, ptBR: string, en: string];
function table(name: string, rows: Row[], fmt: (f: Formatter, v: unknown) => string) {
  describe(name, () => {
    it.each(rows)('%j', (v, a, b) => {
      expect(fmt(br, v)).toBe(a);
      expect(fmt(en, v)).toBe(b);
    });
  });
}

table('money', [
  ['1234.56', `R$${_}1.234,56`, `R$${_}1,234.56`],
  ['-1234.56', `-R$${_}1.234,56`, `-R$${_}1,234.56`],
  ['0', `R$${_}0,00`, `R$${_}0,00`.replace(',', '.')],
  ['0.00', `R$${_}0,00`, `R$${_}0.00`],
  // halves round away from zero on the decimal text; a float would give 0.00 / 1.00 / 2.67 here
  ['0.005', `R$${_}0,01`, `R$${_}0.01`],
  ['-0.005', `-R$${_}0,01`, `-R$${_}0.01`],
  ['1.005', `R$${_}1,01`, `R$${_}1.01`],
  ['2.675', `R$${_}2,68`, `R$${_}2.68`],
  ['0.0049', `R$${_}0,00`, `R$${_}0.00`],
  // a negative that rounds to zero has no sign
  ['-0.004', `R$${_}0,00`, `R$${_}0.00`],
  ['1000000000000', `R$${_}1.000.000.000.000,00`, `R$${_}1,000,000,000,000.00`],
  ['1e12', `R$${_}1.000.000.000.000,00`, `R$${_}1,000,000,000,000.00`],
  // past 2^53: every digit kept
  ['123456789012345678.995', `R$${_}123.456.789.012.345.679,00`, `R$${_}123,456,789,012,345,679.00`],
  ['999.995', `R$${_}1.000,00`, `R$${_}1,000.00`],
  [1234.5, `R$${_}1.234,50`, `R$${_}1,234.50`],
  [0.1 + 0.2, `R$${_}0,30`, `R$${_}0.30`],
  [1e21, `R$${_}1.000.000.000.000.000.000.000,00`, `R$${_}1,000,000,000,000,000,000,000.00`],
  [null, '–', '–'],
  ['', '–', '–'],
  ['abc', '–', '–'],
], (f, v) => f.money(v));

table('number and integer', [
  ['1234.5', '1.234,5', '1,234.5'],
  ['1234.567', '1.234,57', '1,234.57'],
  ['-0.125', '-0,13', '-0.13'],
  ['1000', '1.000', '1,000'],
  [0, '0', '0'],
  [2e-7, '0', '0'],
], (f, v) => f.number(v));

table('integer', [
  [1234567, '1.234.567', '1,234,567'],
  ['-999', '-999', '-999'],
  [12.5, '13', '13'],
  [-12.5, '-13', '-13'],
], (f, v) => f.integer(v));

table('percent of a ratio', [
  [0.125, '12,5%', '12.5%'],
  ['0.12345', '12,3%', '12.3%'],
  ['0.00125', '0,1%', '0.1%'],
  [-0.0005, '-0,1%', '-0.1%'],
  [0, '0,0%', '0.0%'],
  [1.5, '150,0%', '150.0%'],
], (f, v) => f.percent(v));

table('signed percent and percentage points', [
  [0.012, `+1,2${_}p.p.`, `+1.2${_}p.p.`],
  [-0.012, `-1,2${_}p.p.`, `-1.2${_}p.p.`],
  [0.0004, `0,0${_}p.p.`, `0.0${_}p.p.`],
], (f, v) => f.pp(v));

table('compact', [
  [950, '950', '950'],
  [12345, `12,3${_}mil`, '12.3K'],
  [999950, `1${_}mi`, '1M'],
  [999.96, `1${_}mil`, '1K'],
  ['-2500000', `-2,5${_}mi`, '-2.5M'],
  ['1e12', `1${_}tri`, '1T'],
], (f, v) => f.compact(v));

table('money short', [[12345, `R$${_}12,3${_}mil`, `R$${_}12.3K`]], (f, v) => f.moneyShort(v));

table('dates', [
  ['2026-03-05', '05/03/2026', '2026-03-05'],
  ['2026-03-05T10:00:00', '05/03/2026', '2026-03-05'],
  [null, '–', '–'],
], (f, v) => f.date(v));
table('short dates, weeks and months', [
  ['2026-03-05', `5${_}mar sem.${_}5${_}mar mar/2026 março de 2026`, `Mar${_}5 wk${_}Mar${_}5 Mar${_}2026 March 2026`],
  ['2026-12-31', `31${_}dez sem.${_}31${_}dez dez/2026 dezembro de 2026`, `Dec${_}31 wk${_}Dec${_}31 Dec${_}2026 December 2026`],
], (f, v) => [f.dateShort(v), f.week(v), f.month(v), f.monthLong(v)].join(' '));
table('weekdays and hours', [
  [0, 'Dom domingo 00h', 'Sun Sunday 00h'],
  [6, 'Sáb sábado 06h', 'Sat Saturday 06h'],
  ['3', 'Qua quarta-feira 03h', 'Wed Wednesday 03h'],
], (f, v) => `${f.weekday(v)} ${f.weekday(v, 'long')} ${f.hour(v)}`);

table('instants in the business zone (America/Sao_Paulo, UTC-3)', [
  ['2026-03-05T02:30:00Z', '04/03/2026 23:30', '2026-03-04 23:30'],
  ['2026-03-05T02:30:00.000+00:00', '04/03/2026 23:30', '2026-03-04 23:30'],
  [new Date('2026-01-01T12:00:00Z'), '01/01/2026 09:00', '2026-01-01 09:00'],
  // without a zone it is already business wall-clock time
  ['2026-03-05 14:07:00', '05/03/2026 14:07', '2026-03-05 14:07'],
], (f, v) => f.timestamp(v));

table('durations', [
  [400, `0,4${_}s`, `0.4${_}s`],
  [1234, `1,2${_}s`, `1.2${_}s`],
  [45_000, `45${_}s`, `45${_}s`],
  [200_000, `3${_}min 20${_}s`, `3${_}min 20${_}s`],
  [3_900_000, `1${_}h 5${_}min`, `1${_}h 5${_}min`],
  [2 * 86_400_000 + 3 * 3_600_000, `2${_}d 3${_}h`, `2${_}d 3${_}h`],
], (f, v) => f.duration(v));

table('hours of work (durations up to hours)', [
  [45 * 60_000, `45${_}min`, `45${_}min`],
  [135 * 60_000, `2${_}h 15${_}min`, `2${_}h 15${_}min`],
  [120 * 60_000, `2${_}h`, `2${_}h`],
  [66_360 * 60_000, `1.106${_}h`, `1,106${_}h`],
], (f, v) => f.duration(v, 'h'));

table('days with their weekday', [
  ['2026-12-04', `Sex, 4${_}dez`, `Fri, Dec${_}4`],
  ['2026-03-01', `Dom, 1${_}mar`, `Sun, Mar${_}1`],
], (f, v) => f.weekdayDate(v));

table('bytes', [
  [999, `999${_}B`, `999${_}B`],
  [812_345, `812,3${_}kB`, `812.3${_}kB`],
  [1_234_567, `1,2${_}MB`, `1.2${_}MB`],
], (f, v) => f.bytes(v));

describe('cells by column', () => {
  const cases: [ColumnLike, unknown, string, string][] = [
    [{ type: 'money' }, '-1234.5', `-R$${_}1.234,50`, `-R$${_}1,234.50`],
    [{ type: 'decimal', unit: 'currency' }, '10', `R$${_}10,00`, `R$${_}10.00`],
    [{ type: 'percent', decimals: 2 }, 0.12345, '12,35%', '12.35%'],
    [{ type: 'decimal', unit: 'days' }, 12.25, `12,25${_}d`, `12.25${_}d`],
    [{ type: 'decimal', decimals: 1 }, '3', '3,0', '3.0'],
    [{ type: 'integer', unit: 'minutes' }, 90, `90${_}min`, `90${_}min`],
    [{ type: 'integer', format: 'weekday' }, 1, 'Seg', 'Mon'],
    [{ type: 'integer', format: 'hour' }, 9, '09h', '09h'],
    [{ type: 'date', format: 'month' }, '2026-10-01', 'out/2026', `Oct${_}2026`],
    [{ type: 'date', format: 'year' }, '2026-01-01', '2026', '2026'],
    [{ type: 'boolean' }, false, 'Não', 'No'],
    [{ type: 'text' }, 'Pix', 'Pix', 'Pix'],
    [{ type: 'money' }, null, '', ''],
  ];
  it.each(cases)('%j %j', (col, v, a, b) => {
    expect(formatCell(br, col, v)).toBe(a);
    expect(formatCell(en, col, v)).toBe(b);
  });
  it('chart axes are short', () => {
    expect(formatAxis(br, { type: 'money' }, 12345)).toBe(`R$${_}12,3${_}mil`);
    expect(formatAxis(en, { type: 'percent' }, 0.256)).toBe('26%');
    expect(formatAxis(br, { type: 'date' }, '2026-03-05')).toBe(`5${_}mar`);
  });
});

describe('spacing and sheets', () => {
  it('NBSP by default, a normal space on request; only the space differs', () => {
    const plain = createFormatter({ locale: 'pt-BR', space: 'normal' });
    expect(plain.money('1234.5')).toBe('R$ 1.234,50');
    expect(br.money('1234.5')).toBe(plain.money('1234.5').replace(' ', NBSP));
    expect(br.money('1')).toContain('\u00a0');
  });
  it('other currencies take their own symbol', () => {
    expect(createFormatter({ locale: 'pt-BR', currency: 'USD' }).money('5')).toBe(`US$${_}5,00`);
    expect(createFormatter({ locale: 'en', currency: 'EUR' }).money('-5')).toBe(`-€${_}5.00`);
  });
  it('XLSX formats carry the same symbol, space and sign as the text', () => {
    expect(excelNumFmt(br, { type: 'money' })).toBe(`"R$${_}"#,##0.00;[Red]-"R$${_}"#,##0.00`);
    expect(excelNumFmt(en, { type: 'percent', decimals: 0 })).toBe('0%');
    expect(excelNumFmt(br, { type: 'date' })).toBe('dd/mm/yyyy');
    expect(excelNumFmt(en, { type: 'date' })).toBe('yyyy-mm-dd');
    expect(excelNumFmt(br, { type: 'text' })).toBeUndefined();
  });
});
