// Lint rules, including the layering of CONVENTIONS.md: the import arrows only point one way.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'worker_threads', 'zlib', 'events', 'util', 'readline', 'buffer', 'process', 'tty', 'module'];
// A regex, not gitignore-style groups: a bare 'events' group would also match our own './events' module.
const nodeBuiltinRegex = `^(node:)?(${nodeBuiltins.join('|')})(/.*)?$`;

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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'electron-store'], message: 'main/ is plain Node: it never imports electron.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'main/ imports shared/ and Node only.' },
          { group: ['react', 'react-dom', 'react/*'], message: 'main/ has no UI.' },
        ],
      }],
    },
  },
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
