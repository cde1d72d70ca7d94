import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const root = fileURLToPath(new URL('./src/app', import.meta.url));

/**
 * The classroom app: one self-contained HTML file (code, workers, scenarios, fonts inline) in
 * dist/app/index.html, which `readsim app` serves and `readsim app --export` copies.
 */
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
  // csv-stringify's Node build calls Buffer when it loads; its browser build carries its own.
  resolve: { alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }] },
  worker: { format: 'iife' },
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 20_000,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
