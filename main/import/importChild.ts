// A separate process that imports files into a database and prints every progress event as a JSON line, so a test
// can kill it at a known point inside a file's transaction. Usage: node bin/run-ts.js main/import/importChild.ts DB PATH...
import { Engine } from '../engine/engine';
import { importFiles } from './importFiles';

const [dbPath, ...paths] = process.argv.slice(2);
const engine = await Engine.open({ dbPath, log: () => undefined });
try {
  const summary = await importFiles(engine.db, paths, { progress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`) });
  process.stdout.write(`${JSON.stringify({ done: true, tables: summary.tables })}\n`);
} finally {
  engine.close();
}
