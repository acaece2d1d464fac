import { Engine } from '../host/engine';
import { generateDemo } from '../demo/generateDemo';
const path = process.argv[2];
const e = await Engine.open({ dbPath: path, log: (l) => console.error(l) });
const t0 = performance.now();
await generateDemo(e.db, { preset: 'large', endDate: '2026-06-30', seed: 42, progress: (p) => console.error(new Date().toISOString(), p.phase, p.done, p.total) });
await e.db.checkpoint();
console.error('done', ((performance.now() - t0) / 1000).toFixed(0), 's');
e.close();
