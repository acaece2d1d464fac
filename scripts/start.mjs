// npm start: the desktop app where an Electron binary is installed; otherwise browser mode, said in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const web = process.argv.includes('--web');
const passThrough = process.argv.slice(2).filter((a) => a !== '--web');

/** The installed Electron executable, read from the package's path.txt (requiring the package would try to download it). */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuilt() {
  const index = 'out/renderer/index.html';
  const stale = !existsSync(index) || !existsSync('out/main/main.js') || ['renderer', 'shared', 'electron'].some((d) => existsSync(d) && newest(d) > statSync(index).mtimeMs);
  if (!stale) return;
  console.log('Building the app (first start or sources changed)...');
  const r = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureBuilt();
const binary = web ? null : electronBinary();
if (binary) {
  const child = spawn(binary, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!web) console.log('No Electron binary is installed here, so Painel starts in browser mode instead.');
  const child = spawn(process.execPath, ['bin/painel.js', 'serve', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
