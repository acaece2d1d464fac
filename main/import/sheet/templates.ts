// Mapping templates: a confirmed mapping saved by name with the header shape it was made for, so a file with the
// same columns (in any order, case and accents ignored) is mapped the same way without asking again.
import type { Db, Tx } from '../../store/db';
import { AppError } from '../../store/errors';
import { LINE_COLUMN } from '../xlsxSheets';
import { FIELD_BY_ID, headerWords, type SheetMapping } from './fields';
import type { FlatPlan } from './flatFile';

export interface SheetTemplate extends FlatPlan {
  name: string;
  shape: string;
  updatedAt: string;
}

/** The header shape: its plain column words, sorted. */
export function shapeOf(header: string[]): string {
  return header
    .filter((h) => h !== LINE_COLUMN)
    .map(headerWords)
    .filter(Boolean)
    .sort()
    .join('|');
}

/** Checks that a mapping names known fields and columns of the header. */
export function checkMapping(mapping: SheetMapping, header: string[]): void {
  for (const [field, column] of Object.entries(mapping)) {
    if (!FIELD_BY_ID.has(field)) throw new AppError('BAD_INPUT', `unknown field ${field}`);
    if (!header.includes(column)) throw new AppError('BAD_INPUT', `the file has no column "${column}"`);
  }
}

type Row = { name: string; shape: string; mapping: string; date_order: string; decimal_mark: string; updated_at: Date | string };
const toTemplate = (r: Row): SheetTemplate => ({
  name: r.name,
  shape: r.shape,
  mapping: JSON.parse(r.mapping) as SheetMapping,
  dateOrder: r.date_order === 'mdy' ? 'mdy' : 'dmy',
  dec: r.decimal_mark === '.' ? '.' : ',',
  updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
});
const COLS = 'name, shape, mapping, date_order, decimal_mark, updated_at';

export async function listTemplates(db: Db | Tx): Promise<SheetTemplate[]> {
  return (await db.all<Row>(`SELECT ${COLS} FROM import_templates ORDER BY name`)).map(toTemplate);
}

export async function templateByName(db: Db | Tx, name: string): Promise<SheetTemplate> {
  const rows = await db.all<Row>(`SELECT ${COLS} FROM import_templates WHERE name = $1`, [name]);
  if (!rows.length) throw new AppError('NOT_FOUND', `no saved mapping named "${name}"`);
  return toTemplate(rows[0]);
}

/** The newest template made for this header shape, if any. */
export async function templateForHeader(db: Db | Tx, header: string[]): Promise<SheetTemplate | null> {
  const rows = await db.all<Row>(`SELECT ${COLS} FROM import_templates WHERE shape = $1 ORDER BY updated_at DESC LIMIT 1`, [shapeOf(header)]);
  return rows.length ? toTemplate(rows[0]) : null;
}

/** Saves (or replaces) a template by name. */
export async function saveTemplate(db: Db | Tx, name: string, header: string[], plan: FlatPlan): Promise<void> {
  checkMapping(plan.mapping, header);
  const clean = name.trim();
  if (!clean) throw new AppError('BAD_INPUT', 'give the mapping a name');
  await db.run(`DELETE FROM import_templates WHERE name = $1`, [clean]);
  await db.run(`INSERT INTO import_templates (name, shape, mapping, date_order, decimal_mark) VALUES ($1, $2, $3, $4, $5)`, [
    clean,
    shapeOf(header),
    JSON.stringify(plan.mapping),
    plan.dateOrder,
    plan.dec,
  ]);
}

export async function deleteTemplate(db: Db | Tx, name: string): Promise<void> {
  await db.run(`DELETE FROM import_templates WHERE name = $1`, [name]);
}
