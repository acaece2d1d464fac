// Painel's Parquet dataset as one .zip (the browser-mode download of export.parquet): checked before anything is
// unpacked — only the dataset marker and <table>/…/*.parquet entries, no path leaving the folder, a bounded size —
// then unpacked into a temporary folder that the import reads like the dataset folder itself.
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type JSZip from 'jszip';
import { DATASET_MARKER } from '../../shared/api/export';
import type { CanonicalTable } from '../../shared/types';
import type { Locale } from '../model/rules';
import { AppError } from '../store/errors';
import { tableForName } from './canonicalSchema';

export const isZip = (path: string): boolean => path.toLowerCase().endsWith('.zip');

/** Unpacked bytes allowed per zip byte (Parquet is stored, so a real dataset is close to 1). */
const MAX_RATIO = 20;

interface Entry {
  /** Path inside the dataset folder. */
  rel: string;
  file: JSZip.JSZipObject;
}

export interface DatasetZip {
  tables: CanonicalTable[];
  entries: Entry[];
}

const say = (locale: Locale, pt: string, en: string) => (locale === 'pt-BR' ? pt : en);

function refuse(path: string, locale: Locale): AppError {
  return new AppError(
    'BAD_INPUT',
    say(
      locale,
      `${basename(path)}: este .zip não é uma exportação de dados do Painel (Parquet). Importe os arquivos CSV, XLSX ou Parquet que ele contém.`,
      `${basename(path)}: this .zip is not a Painel data export (Parquet). Import the CSV, XLSX or Parquet files it holds instead.`,
    ),
  );
}

/** Reads a zip's directory and checks it is a Painel dataset; nothing is written. */
export async function readDatasetZip(path: string, locale: Locale): Promise<DatasetZip> {
  const Zip = (await import('jszip')).default;
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(readFileSync(path));
  } catch {
    throw new AppError('BAD_INPUT', say(locale, `${basename(path)}: o arquivo .zip está danificado ou não é um .zip.`, `${basename(path)}: the .zip file is damaged or not a .zip.`));
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  // One top folder (as Painel writes it) or the dataset at the root.
  const tops = new Set(files.map((f) => f.name.split('/')[0]));
  const strip = tops.size === 1 && files.every((f) => f.name.includes('/')) ? `${[...tops][0]}/` : '';
  const entries: Entry[] = [];
  const tables = new Set<CanonicalTable>();
  let marker = false;
  for (const file of files) {
    const rel = file.name.slice(strip.length);
    const parts = rel.split('/');
    if (file.name.includes('\\') || file.name.startsWith('/') || parts.some((p) => p === '..' || p === '.' || p === '')) throw refuse(path, locale);
    if (rel === DATASET_MARKER) {
      marker = true;
      continue;
    }
    const table = tableForName(parts[0]);
    if (!table || parts.length < 2 || !rel.toLowerCase().endsWith('.parquet')) throw refuse(path, locale);
    tables.add(table);
    entries.push({ rel, file });
  }
  if (!marker || !entries.length) throw refuse(path, locale);
  return { tables: [...tables], entries };
}

/** Unpacks a dataset zip into a new temporary folder; `cleanup` removes it. */
export async function unpackDatasetZip(path: string, locale: Locale): Promise<{ dir: string; tables: CanonicalTable[]; cleanup: () => void }> {
  const { tables, entries } = await readDatasetZip(path, locale);
  const dir = mkdtempSync(join(tmpdir(), 'painel-zip-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const limit = Math.max(statSync(path).size, 1 << 20) * MAX_RATIO;
  let bytes = 0;
  try {
    for (const { rel, file } of entries) {
      const out = join(dir, ...rel.split('/'));
      mkdirSync(dirname(out), { recursive: true });
      const counted = file.nodeStream('nodebuffer').on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limit) counted.emit('error', new AppError('BAD_INPUT', say(locale, `${basename(path)}: o conteúdo do .zip é grande demais para o arquivo.`, `${basename(path)}: the .zip unpacks to far more than its size.`)));
      });
      await pipeline(counted, createWriteStream(out));
    }
  } catch (err) {
    cleanup();
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_INPUT', say(locale, `${basename(path)}: o arquivo .zip está danificado.`, `${basename(path)}: the .zip file is damaged.`));
  }
  return { dir, tables, cleanup };
}
