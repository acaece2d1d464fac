#!/usr/bin/env node
// The `painel` command: runs the built CLI (out/cli/painel.js, plain JavaScript). In a source checkout it first
// builds it when it is missing or older than the engine's sources (one line on stderr), so `node bin/painel.js`
// works right after `npm ci`; `npm run build` and `npm test` build it with the app.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'cli', 'painel.js');

/** Newest modification time under dir, tests aside (they are not part of the command). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!e.name.includes('.test.')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const sources = ['main', 'shared'].map((d) => join(root, d)).filter((d) => existsSync(d));
const stale = () => !existsSync(built) || (sources.length > 0 && Math.max(...sources.map(newest)) > statSync(built).mtimeMs);
if (sources.length > 0 && stale()) {
  // One build at a time (commands started together by a scheduler or tests): the others wait for it.
  const lock = join(root, 'out', 'cli.building');
  mkdirSync(join(root, 'out'), { recursive: true });
  let mine = false;
  for (let waited = 0; !mine; waited += 200) {
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // A lock older than ten minutes is left from a build that was killed.
      if (waited > 600_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (stale()) {
      process.stderr.write('Building the painel command (first run, or its sources changed)...\n');
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PAINEL_BUILD_QUIET: '1' } });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
await import(pathToFileURL(built).href);
