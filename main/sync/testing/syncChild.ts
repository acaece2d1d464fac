// A minimal sync process for crash tests: opens the database, runs every configured source, prints a line per
// commit. Started as a child process and killed at random points (SIGKILL) by the tests and the benchmark.
import { EnvSecretStore } from '../../engine/secrets';
import { Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { loadSources } from '../config';
import { runSync } from '../runner';
import { dirname, join } from 'node:path';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: syncChild DB\n');
  process.exit(2);
}
const db = await Db.open({ path, threads: 1 });
await migrate(db);
process.stdout.write('ready\n');
const summary = await runSync({
  db,
  secrets: new EnvSecretStore(process.env, join(dirname(path), 'secrets.enc')),
  sources: (await loadSources(db)).filter((s) => s.enabled),
  full: false,
  signal: new AbortController().signal,
  overlapMinutes: 10,
  timezone: db.timezone,
  onCommit: (tables) => process.stdout.write(`commit ${tables.join(',')}\n`),
});
process.stdout.write(`done ${summary.ok ? 'ok' : 'partial'} ${summary.rows}\n`);
db.close();
