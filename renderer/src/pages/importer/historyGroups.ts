// Past imports as the history lists them: one entry per import, its files in words ("clientes.xlsx — planilha
// Clientes", "dados.zip — tabelas Clientes e Vendas" rather than the stored `path#sheet`) and what it changed.
import type { ImportLogEntry } from '../../../../shared/api/import';
import type { Locale } from '../../../../shared/format';
import { isCanonicalTable, modelTable } from '../../../../shared/model';

export interface ImportGroup {
  importId: string;
  startedAt: string;
  /** The files (and their sheets or tables) in words. */
  files: string;
  loaded: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  demo: boolean;
  undone: boolean;
}

/** A workbook's sheet or a dataset .zip's table is stored after the file's path as `path#part`. */
const PART = /^(.*\.(xlsx|zip))#([^\\/]+)$/i;
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

const WORDS = {
  'pt-BR': { sheet: 'planilha', sheets: 'planilhas', table: 'tabela', tables: 'tabelas', many: '{n} tabelas' },
  en: { sheet: 'sheet', sheets: 'sheets', table: 'table', tables: 'tables', many: '{n} tables' },
} as const;

function list(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A part of a file: a sheet by its own name, a dataset's table by the model's name for it. */
function partWord(locale: Locale, e: StoredFile, part: string, zip: boolean): string {
  if (zip && e.table && isCanonicalTable(e.table)) return modelTable(e.table).label[locale];
  return zip ? part.replace(/\.parquet$/i, '') : part;
}

/** A file as the import log and the rejected rows store it, with the table its rows went to. */
export type StoredFile = Pick<ImportLogEntry, 'file' | 'table'>;

/** Each file once, with its sheets (or a dataset's tables) in words. */
export function filesInWords(locale: Locale, entries: StoredFile[]): string {
  const w = WORDS[locale];
  const files = new Map<string, { zip: boolean; parts: string[] }>();
  for (const e of entries) {
    const m = PART.exec(e.file);
    const name = baseName(m ? m[1] : e.file);
    const f = files.get(name) ?? { zip: !!m && m[2].toLowerCase() === 'zip', parts: [] };
    const part = m ? partWord(locale, e, m[3], f.zip) : null;
    if (part && !f.parts.includes(part)) f.parts.push(part);
    files.set(name, f);
  }
  return [...files]
    .map(([name, f]) => {
      if (!f.parts.length) return name;
      if (f.zip && f.parts.length > 3) return `${name} — ${w.many.replace('{n}', String(f.parts.length))}`;
      const noun = f.zip ? (f.parts.length > 1 ? w.tables : w.table) : f.parts.length > 1 ? w.sheets : w.sheet;
      return `${name} — ${noun} ${list(locale, f.parts)}`;
    })
    .join('; ');
}

/** The history's entries (one row per file and table) grouped by import, newest first as they come. */
export function groupImports(locale: Locale, entries: ImportLogEntry[]): ImportGroup[] {
  const byId = new Map<string, { g: ImportGroup; entries: ImportLogEntry[] }>();
  for (const e of entries) {
    let x = byId.get(e.importId);
    if (!x) {
      x = { g: { importId: e.importId, startedAt: e.startedAt, files: '', loaded: 0, replaced: 0, unchanged: 0, rejected: 0, demo: e.format === 'demo', undone: !!e.undone }, entries: [] };
      byId.set(e.importId, x);
    }
    x.entries.push(e);
    x.g.loaded += e.loaded;
    x.g.replaced += e.replaced;
    x.g.unchanged += e.unchanged;
    x.g.rejected += e.rejected;
  }
  return [...byId.values()].map(({ g, entries: es }) => ({ ...g, files: filesInWords(locale, es) }));
}

/** What an import that brought no new row did: updated rows, changed nothing, or loaded nothing at all. */
export function outcomeWithoutNewRows(g: ImportGroup): { key: 'onlyReplaced' | 'nothingChanged' | 'notLoaded'; n: number } {
  if (g.replaced > 0) return { key: 'onlyReplaced', n: g.replaced };
  if (g.unchanged > 0) return { key: 'nothingChanged', n: g.unchanged };
  return { key: 'notLoaded', n: 0 };
}
