// npm run bench [-- FILTER...]: runs every case module in bench/cases (or those whose name matches a filter).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printTable, runCase, type BenchCase, type BenchResult } from './harness';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const results: BenchResult[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { cases: BenchCase[] };
  for (const c of mod.cases) {
    if (filters.length && !filters.some((f) => c.name.includes(f) || file.includes(f))) continue;
    process.stderr.write(`bench: ${c.name} ...\n`);
    try {
      results.push(await runCase(c));
    } catch (err) {
      process.stderr.write(`bench: ${c.name} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
}
printTable(results);
