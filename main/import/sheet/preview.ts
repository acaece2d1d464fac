// What a mapped sheet will look like once loaded: the first rows' cells parsed by the same SQL the import runs,
// each with the value that will land and, where it cannot, the problem (not a date, not a number...).
import type { Db } from '../../store/db';
import { lit } from '../../model/convert';
import { paymentMethodSql } from '../../model/paymentMethods';
import { FIELD_BY_ID, missingFields } from './fields';
import type { FlatPlan } from './flatFile';
import { sheetStatusSql } from './flatMapping';
import { cellSql, dateSql, dateTimeSql, decimalSql, yesNoSql } from './values';
import type { SheetPreview } from '../../../shared/api/import';

/** [value as it will land (text), problem code or NULL] for a field's kind over the cleaned cell `v`. */
function parsed(kind: string, v: string, plan: FlatPlan): [string, string] {
  switch (kind) {
    case 'datetime': {
      const d = dateTimeSql(v, plan.dateOrder);
      return [`strftime(TRY_CAST(${d} AS TIMESTAMP), '%Y-%m-%d %H:%M')`, `CASE WHEN TRY_CAST(${d} AS TIMESTAMPTZ) IS NULL THEN 'date' END`];
    }
    case 'date': {
      const d = dateSql(v, plan.dateOrder);
      return [`CAST(TRY_CAST(${d} AS DATE) AS VARCHAR)`, `CASE WHEN TRY_CAST(${d} AS DATE) IS NULL THEN 'date' END`];
    }
    case 'time':
      return [`strftime(TRY_CAST(${v} AS TIME), '%H:%M')`, `CASE WHEN TRY_CAST(${v} AS TIME) IS NULL THEN 'time' END`];
    case 'money':
    case 'qty': {
      const n = `TRY_CAST(${decimalSql(v, plan.dec)} AS DECIMAL(18,2))`;
      return [`CAST(${n} AS VARCHAR)`, `CASE WHEN ${n} IS NULL THEN 'number' END`];
    }
    case 'yesno': {
      const b = yesNoSql(v);
      return [b, `CASE WHEN ${b} NOT IN ('true', 'false') THEN 'yesno' END`];
    }
    case 'method':
      return [paymentMethodSql(v), 'NULL'];
    case 'status': {
      const s = sheetStatusSql(v);
      return [s, `CASE WHEN ${s} NOT IN ('booked', 'confirmed', 'completed', 'cancelled', 'no_show') THEN 'status' END`];
    }
    case 'email':
      return [`lower(${v})`, `CASE WHEN NOT regexp_full_match(${v}, '[^@\\s]+@[^@\\s]+\\.[^@\\s]+') THEN 'email' END`];
    default:
      return [v, 'NULL'];
  }
}

/** The first rows of a sheet as they will land under a plan. `header` and `rows` are the sheet's own text cells. */
export async function previewSheet(db: Db, header: string[], rows: string[][], lines: number[], plan: FlatPlan): Promise<SheetPreview> {
  const mapped = Object.entries(plan.mapping).filter(([f, c]) => FIELD_BY_ID.has(f) && header.includes(c));
  const out: SheetPreview = { columns: mapped.map(([field, column]) => ({ field, column })), rows: [], missing: missingFields(plan.mapping) };
  if (!rows.length || !mapped.length) return out;
  const values = rows.map((r, i) => `(${i}, ${mapped.map(([, c]) => lit(r[header.indexOf(c)] ?? '')).join(', ')})`).join(',\n');
  const names = mapped.map((_, j) => `r${j}`);
  const select = mapped.flatMap(([field], j) => {
    const v = cellSql(`r${j}`);
    const [val, problem] = parsed(FIELD_BY_ID.get(field)?.kind ?? 'text', `(${v})`, plan);
    return [`r${j} AS raw${j}`, `CASE WHEN ${v} IS NULL THEN NULL ELSE ${val} END AS val${j}`, `CASE WHEN ${v} IS NULL THEN NULL ELSE ${problem} END AS bad${j}`];
  });
  const result = await db.all<Record<string, string | number | null>>(`SELECT i, ${select.join(', ')} FROM (VALUES ${values}) t(i, ${names.join(', ')}) ORDER BY i`);
  out.rows = result.map((r) => ({
    line: lines[Number(r.i)],
    cells: mapped.map((_, j) => ({ raw: (r[`raw${j}`] as string) ?? '', value: (r[`val${j}`] as string | null) ?? null, problem: (r[`bad${j}`] as string | null) ?? null })),
  }));
  return out;
}
