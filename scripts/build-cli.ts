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
 *
 * The chart thread draws with dist/bin/chart-svg.cjs instead (src/report/chart-bundle.ts):
 * src/report/draw-svg.ts with vega and vega-lite as one CommonJS file, and beside it
 * chart-svg.cache, a V8 code cache made here by drawing the bundled scenarios' charts with it
 * (scripts/chart-code-cache.ts, run with this Node; another Node rejects the cache and the
 * bundle loads without), and chart-warmup.json, the charts it draws to warm up in a long run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  CHART_BUNDLE_FILE,
  CHART_CACHE_FILE,
  CHART_WARMUP_FILE,
  chartBundleId,
  loadChartBundle,
} from '../src/report/chart-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's folder, relative to the package root; package.json's `bin` points into it. */
export const CLI_DIR = 'dist/bin';
/** The command's file in CLI_DIR. */
export const CLI_FILE = `${CLI_DIR}/readsim.js`;

/** Gives each ESM file a `require` of its own (createRequire), for the CommonJS code bundled in it. */
const REQUIRE_BANNER =
  "import { createRequire as __readsimCreateRequire } from 'node:module'; const require = __readsimCreateRequire(import.meta.url);";

/** vega-canvas's browser build: no `canvas` package is imported (nor awaited at the module's top). */
const VEGA_CANVAS_BROWSER = './node_modules/vega-canvas/build/vega-canvas.browser.js';

/** Packages loaded from node_modules rather than bundled (see above). */
const EXTERNAL = ['@resvg/resvg-js', 'highs', 'piscina'];

/**
 * Bundles the CLI into `<root>/dist/bin/` (emptied first). Some dependencies are CommonJS and
 * call `require` for Node's modules: every file gets a `require` of its own (createRequire).
 */
export async function buildCli(): Promise<void> {
  const outdir = join(root, CLI_DIR);
  const previous = previousChartFiles(outdir);
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
    // As in the chart bundle below: vega never imports the `canvas` package (draw-svg.ts estimates text widths anyway).
    alias: { 'vega-canvas': VEGA_CANVAS_BROWSER },
    chunkNames: '[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
    // The bundled packages' licence comments, kept at the end of each file.
    legalComments: 'eof',
    logLevel: 'warning',
  });
  // The chart thread's bundle. vega-canvas's Node build awaits import('canvas') at its top, which
  // CommonJS cannot hold; its browser build finds no canvas either (the canvas package is not a
  // dependency), so the charts are the same.
  const chartBundle = join(outdir, CHART_BUNDLE_FILE);
  await build({
    absWorkingDir: root,
    entryPoints: ['src/report/draw-svg.ts'],
    outfile: chartBundle,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    alias: { 'vega-canvas': VEGA_CANVAS_BROWSER },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  // Its identity, which its code cache must carry (chart-bundle.ts).
  const bundled = readFileSync(chartBundle, 'utf8');
  const id = createHash('sha1').update(bundled).digest('hex');
  writeFileSync(chartBundle, `${bundled}// readsim chart bundle ${id}\n`);
  // The same bundle as the last build's (vega and draw-svg.ts unchanged): its code cache and
  // warm-up charts are kept, when this Node accepts the cache; else they are made (seconds).
  let kept = false;
  if (previous?.id === id) {
    writeFileSync(join(outdir, CHART_CACHE_FILE), previous.cache);
    writeFileSync(join(outdir, CHART_WARMUP_FILE), previous.warmup);
    kept = loadChartBundle(chartBundle, join(outdir, CHART_CACHE_FILE))?.cache === 'accepted';
  }
  if (!kept) await makeChartCodeCache(outdir);
  const main = join(root, CLI_FILE);
  // The bin's mode, as npm sets it on install (here for `./dist/bin/readsim.js` in the clone).
  chmodSync(main, 0o755);
  if (!readFileSync(main, 'utf8').startsWith('#!/usr/bin/env node')) throw new Error(`${CLI_FILE} lacks its #! line`);
  // worker-pool.ts and chart-thread.ts find their workers beside themselves (worker-file.ts), and
  // the chart worker its bundle: the chunks, the workers and the chart files stay in one flat folder.
  const workers = ['worker.js', 'chart-worker.js', CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE];
  if (
    workers.some((f) => !existsSync(join(outdir, f))) ||
    readdirSync(outdir, { withFileTypes: true }).some((d) => d.isDirectory())
  )
    throw new Error(`${CLI_DIR} should hold ${workers.join(' and ')} and no subfolder`);
}

/** The chart bundle's identity, code cache and warm-up charts in `outdir` from the last build, or null. */
function previousChartFiles(outdir: string): { id: string; cache: Buffer; warmup: Buffer } | null {
  try {
    const id = chartBundleId(readFileSync(join(outdir, CHART_BUNDLE_FILE), 'utf8'));
    if (id === null) return null;
    return { id, cache: readFileSync(join(outdir, CHART_CACHE_FILE)), warmup: readFileSync(join(outdir, CHART_WARMUP_FILE)) };
  } catch {
    return null;
  }
}

/**
 * Writes chart-svg.cache and chart-warmup.json beside chart-svg.cjs in `outdir`:
 * scripts/chart-code-cache.ts, bundled into a folder in node_modules/.cache/ (where it finds the
 * packages left outside), run with plain node.
 */
async function makeChartCodeCache(outdir: string): Promise<void> {
  // A folder of its own: builds may run at once (vitest's setup in two checkouts' tests).
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const maker = join(mkdtempSync(join(root, 'node_modules/.cache/readsim-')), 'chart-code-cache.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/chart-code-cache.ts'],
    outfile: maker,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
  });
  const made = spawnSync(process.execPath, [maker, outdir], { stdio: 'inherit' });
  rmSync(dirname(maker), { recursive: true, force: true });
  if (made.status !== 0) throw new Error(`making the chart code cache failed (exit code ${made.status})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
