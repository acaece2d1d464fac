// Builds the desktop shell (electron/), the fully bundled sandboxed preload, and the React renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'electron/main.ts') },
      rollupOptions: {
        // The DuckDB native binding and packages with WASM/native parts stay outside the bundle (unpacked from asar).
        external: ['@duckdb/node-api', '@duckdb/node-bindings', 'electron-store', 'exceljs', 'pdfmake', 'echarts', '@bsull/augurs', 'apache-arrow', 'zod', 'tsx'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: 'preload.cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified by default; the page parses 2.5x less JavaScript minified.
      minify: 'esbuild',
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
  },
});
