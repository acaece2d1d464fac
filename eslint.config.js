// Lint rules, including the layering of CONVENTIONS.md: the import arrows only point one way.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'worker_threads', 'zlib', 'events', 'util', 'readline', 'buffer', 'process', 'tty', 'module'];
// A regex, not gitignore-style groups: a bare 'events' group would also match our own './events' module.
const nodeBuiltinRegex = `^(node:)?(${nodeBuiltins.join('|')})(/.*)?$`;

const MAIN_PATTERNS = [
  { group: ['electron', 'electron/*', 'electron-store'], message: 'main/ is plain Node: it never imports electron.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'main/ imports shared/ and Node only.' },
  { group: ['react', 'react-dom', 'react/*'], message: 'main/ has no UI.' },
];

// The floors of main/ (main/README.md): ground imports only ground; a domain imports ground and, where
// main/README.md allows it, a named other domain; the top (host, api, cli) imports anything below it.
// Tests and test helpers sit beside the code they test and may reach any floor.
const GROUND = ['engine', 'model', 'sql', 'store', 'jobs'];
const DOMAINS = ['reports', 'analytics', 'import', 'sync', 'export', 'identity', 'demo', 'backup'];
const TOP = ['host', 'api', 'cli'];
/** Domain -> the other domains it may import, each with its reason in main/README.md. */
const ALLOWED = {
  reports: ['analytics'],
  export: ['reports'],
  import: ['identity'],
  sync: ['identity'],
  demo: ['identity'],
};
const TEST_FILES = ['main/**/*.test.ts', 'main/**/test*.ts', 'main/**/testing/**', 'main/hardening/**'];

function floorConfigs() {
  const configs = [];
  const floors = [...GROUND.map((f) => [f, [...DOMAINS, ...TOP], 'ground (engine, model, sql, store, jobs) imports nothing above it']),
    ...DOMAINS.map((f) => [f, [...DOMAINS.filter((d) => d !== f && !(ALLOWED[f] ?? []).includes(d)), ...TOP], 'a domain imports ground and shared/ only (see the allowances in main/README.md)'])];
  for (const [folder, banned, why] of floors) {
    // An import path reaches main/<x> by climbing exactly as many folders as the file is deep below main/<folder>.
    for (let depth = 0; depth < 5; depth++) {
      const up = '\\.\\./'.repeat(depth + 1);
      configs.push({
        files: [`main/${folder}/${'*/'.repeat(depth)}*.ts`],
        ignores: TEST_FILES,
        rules: {
          'no-restricted-imports': ['error', {
            patterns: [...MAIN_PATTERNS, { regex: `^${up}(${banned.join('|')})(/|$)`, message: `main/${folder}: ${why}.` }],
          }],
        },
      });
    }
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['.scratch*', '.scratch*/**', 'node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'e2e/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
          { group: ['**/main/**', '**/renderer/**', '**/electron/**', '../main/*', '../renderer/*', '../electron/*'], message: 'shared/ imports nothing of ours outside shared/.' },
          { regex: nodeBuiltinRegex, message: 'shared/ must not use Node APIs.' },
          { group: ['react', 'react-dom', 'react/*'], message: 'shared/ must not use the DOM or React.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: MAIN_PATTERNS }],
    },
  },
  ...floorConfigs(),
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**'], message: 'electron/ imports main/host and shared/ only.' },
          { group: ['**/main/**', '!**/main/host', '!**/main/host/*'], message: 'electron/ reaches the engine only through main/host.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'renderer/ talks to the engine only through window.painel.' },
          { group: ['**/main/**', '**/electron/**'], message: 'renderer/ imports shared/ only.' },
          { regex: nodeBuiltinRegex, message: 'renderer/ runs in a sandboxed page: no Node APIs.' },
        ],
      }],
    },
  },
);
