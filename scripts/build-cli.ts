/**
 * The command line as users run it: src/cli/main.ts and the worker threads' modules
 * (src/experiment/worker.ts, src/report/chart-worker.ts) bundled with esbuild into dist/bin/
 * (readsim.js, worker.js, chart-worker.js and the chunks they share, all in that one folder). Node then reads a few large files instead of some
 * thousand small ones (our modules, yargs, vega and their dependencies), which takes a third
 * less time for a small run (`npm run bench:fixed`). Code split: each command, and vega, stay in
 * chunks of their own, loaded only when used.
 *
 *   npm run build        (tsc for the programming interface, this script, then the app)
 *   tsx scripts/build-cli.ts
 *
 * tsc leaves src/cli/ out of dist/ (tsconfig.json): the command exists only as this bundle.
 * (tsconfig.bench.json still compiles it, unbundled, into .bench-build/ for the benchmarks.)
 *
 * Left outside the bundle (loaded from node_modules): @resvg/resvg-js and highs (native or
 * WebAssembly files beside their code) and piscina (it starts its own worker files).
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's folder, relative to the package root; package.json's `bin` points into it. */
export const CLI_DIR = 'dist/bin';
/** The command's file in CLI_DIR. */
export const CLI_FILE = `${CLI_DIR}/readsim.js`;

/** Packages loaded from node_modules rather than bundled (see above). */
const EXTERNAL = ['@resvg/resvg-js', 'highs', 'piscina'];

/**
 * Bundles the CLI into `<root>/dist/bin/` (emptied first). Some dependencies are CommonJS and
 * call `require` for Node's modules: every file gets a `require` of its own (createRequire).
 */
export async function buildCli(): Promise<void> {
  const outdir = join(root, CLI_DIR);
  rmSync(outdir, { recursive: true, force: true });
  // Where tsc put the command before it was bundled: gone, so that no stale copy is packed or run.
  rmSync(join(root, 'dist/cli'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { readsim: 'src/cli/main.ts', worker: 'src/experiment/worker.ts', 'chart-worker': 'src/report/chart-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    chunkNames: '[name]-[hash]',
    banner: {
      js: "import { createRequire as __readsimCreateRequire } from 'node:module'; const require = __readsimCreateRequire(import.meta.url);",
    },
    // The bundled packages' licence comments, kept at the end of each file.
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const main = join(root, CLI_FILE);
  // The bin's mode, as npm sets it on install (here for `./dist/bin/readsim.js` in the clone).
  chmodSync(main, 0o755);
  if (!readFileSync(main, 'utf8').startsWith('#!/usr/bin/env node')) throw new Error(`${CLI_FILE} lacks its #! line`);
  // worker-pool.ts and chart-thread.ts find their workers beside themselves (worker-file.ts): the
  // chunks and the workers must stay in one flat folder.
  const workers = ['worker.js', 'chart-worker.js'];
  if (
    workers.some((f) => !existsSync(join(outdir, f))) ||
    readdirSync(outdir, { withFileTypes: true }).some((d) => d.isDirectory())
  )
    throw new Error(`${CLI_DIR} should hold ${workers.join(' and ')} and no subfolder`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
