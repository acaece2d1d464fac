// A report column projected to its wire form after a cast to its declared SQL type, so every value travels as
// the definition says (money/decimal as exact text with the declared scale, integers and ratios as numbers,
// dates 'YYYY-MM-DD'), whatever type the aggregate or expression produced.
import type { ReportColumnDef } from './types';

export function wireOf(c: Pick<ReportColumnDef, 'id' | 'type' | 'sqlType'>, src = `"${c.id}"`, alias = c.id): string {
  const e = `CAST(${src} AS ${c.sqlType})`;
  let out: string;
  switch (c.type) {
    case 'integer':
    case 'percent':
      out = `CAST(${e} AS DOUBLE)`;
      break;
    case 'decimal':
    case 'money':
      out = `CAST(${e} AS VARCHAR)`;
      break;
    case 'date':
      out = `strftime(${e}, '%Y-%m-%d')`;
      break;
    case 'timestamp':
      out = `strftime(timezone('UTC', ${e}), '%Y-%m-%dT%H:%M:%SZ')`;
      break;
    case 'boolean':
    case 'text':
      out = e;
      break;
    default:
      out = `CAST(${e} AS VARCHAR)`;
  }
  return `${out} AS "${alias}"`;
}
