// Builds the `painel` CLI into out/cli (plain JavaScript, Node ESM; runtime packages stay in node_modules):
// npm run build does it with the app, bin/painel.js does it on demand when the sources are newer than the build.
import { build } from 'vite';
import { renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'cli');
// Built beside the target and swapped in, so a CLI started meanwhile never loads half a build.
const tmpDir = `${outDir}.${process.pid}.tmp`;

/**
 * CommonJS packages loaded at every start are required, not imported: Node's ESM loader would lex each of their
 * files for export names (DuckDB's client is a hundred files re-exported from one index: ~0.25 s per start).
 */
const REQUIRED = ['@duckdb/node-api'];
const requireHere = createRequire(import.meta.url);
const requireCjs = {
  name: 'painel-require-cjs',
  enforce: 'pre',
  resolveId: (id) => (REQUIRED.includes(id) ? `\0cjs:${id}` : null),
  load(id) {
    if (!id.startsWith('\0cjs:')) return null;
    const pkg = id.slice(5);
    const names = Object.keys(requireHere(pkg)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
    return [
      `import { createRequire } from 'node:module';`,
      `const m = createRequire(import.meta.url)(${JSON.stringify(pkg)});`,
      `export default m;`,
      `export const { ${names.join(', ')} } = m;`,
    ].join('\n');
  },
};

await build({
  root,
  configFile: false,
  plugins: [requireCjs],
  logLevel: process.env.PAINEL_BUILD_QUIET ? 'error' : 'warn',
  build: {
    ssr: join(root, 'main', 'cli', 'main.ts'),
    outDir: tmpDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'painel.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
  // Every package is loaded from node_modules at run time (DuckDB's native binding, WASM parts).
  ssr: { target: 'node', noExternal: [] },
});
rmSync(outDir, { recursive: true, force: true });
renameSync(tmpDir, outDir);
