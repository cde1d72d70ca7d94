import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import type { VegaLiteSpec } from './chart-config.js';
import type { DrawnSvg } from './draw-svg.js';

/**
 * draw-svg.ts and what it imports (vega, vega-lite), bundled by scripts/build-cli.ts as one
 * CommonJS file in dist/bin/, beside the chart thread's module.
 */
export const CHART_BUNDLE_FILE = 'chart-svg.cjs';
/**
 * Beside it: a V8 code cache of that file (its functions compiled to bytecode while the build drew
 * representative charts), preceded by a header (CACHE_HEADER_CHARS): the bundle's identity (see
 * BUNDLE_ID), the CRC-32 of the bundle's bytes and the CRC-32 of the cache's own bytes, in hex.
 * V8 (Node 20) checks only the source's length and its own version and flags, and a damaged cache
 * can crash the process (a segmentation fault): the header makes sure that a cache is used only
 * with the very bundle it was made from, and only whole.
 */
export const CHART_CACHE_FILE = 'chart-svg.cache';
/**
 * Beside it too: chart specs with small data that the chart thread may draw, and throw away, to
 * warm vega up while a long simulation runs (chart-worker.ts): one of each kind the bundled
 * scenarios draw. They change nothing in the charts drawn after them (each chart's ids are its
 * own: draw-svg.ts).
 */
export const CHART_WARMUP_FILE = 'chart-warmup.json';

/**
 * The bundle's last line: `// readsim chart bundle <SHA-1 of what precedes it, in hex>`, written
 * by the build; the cache starts with those 40 characters too.
 */
const BUNDLE_ID = /\/\/ readsim chart bundle ([0-9a-f]{40})\n$/;
const ID_CHARS = 40;
/** The cache file's header: identity, CRC-32 of the bundle, CRC-32 of the cache data (8 hex digits each). */
const CACHE_HEADER_CHARS = ID_CHARS + 16;

/** A CRC-32 as 8 hex digits. */
function crcHex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

/** The bundle's identity from its last line (see BUNDLE_ID), or null. */
export function chartBundleId(source: string): string | null {
  return BUNDLE_ID.exec(source.slice(-100))?.[1] ?? null;
}

/** The chart bundle once loaded. */
export interface ChartBundle {
  drawSvg: (spec: VegaLiteSpec) => Promise<DrawnSvg>;
  /** 'accepted': loaded with the code cache; 'rejected': V8 refused it (another Node or V8 flags); 'none': no cache (or not this file's). */
  cache: 'accepted' | 'rejected' | 'none';
  /** A code cache of the bundle as compiled so far, to write as CHART_CACHE_FILE (the build does, after drawing charts). */
  codeCache(): Buffer;
}

/**
 * Loads the chart bundle `file` (CHART_BUNDLE_FILE in dist/bin/) into this thread, with the code
 * cache `cacheFile` when that was made from this very file and V8 accepts it, and without
 * otherwise (slower, same charts). Returns null when there is no bundle (tsc's output, or the
 * sources under tsx): the caller then imports draw-svg.ts. Loading takes about a tenth of a
 * second and blocks the thread.
 */
export function loadChartBundle(file: string, cacheFile?: string): ChartBundle | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const source = bytes.toString('utf8');
  const id = chartBundleId(source);
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined && id !== null) {
    try {
      const cache = readFileSync(cacheFile);
      const header = cache.toString('latin1', 0, CACHE_HEADER_CHARS);
      const data = cache.subarray(CACHE_HEADER_CHARS);
      // This bundle's cache, whole: else none (a damaged cache may crash V8, not only be refused).
      if (header === `${id}${crcHex(bytes)}${crcHex(data)}`) cachedData = data;
    } catch {
      // No cache: load without.
    }
  }
  // As Node wraps a CommonJS module, so that the bundle's require, module and exports are its own.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} as { drawSvg?: ChartBundle['drawSvg'] } };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const drawSvg = module.exports.drawSvg;
  if (typeof drawSvg !== 'function') throw new Error(`${file} does not export drawSvg`);
  return {
    drawSvg,
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted',
    codeCache: () => {
      if (id === null) throw new Error(`${file} has no identity line: only the build's bundle gets a code cache`);
      const data = script.createCachedData();
      return Buffer.concat([Buffer.from(`${id}${crcHex(bytes)}${crcHex(data)}`, 'latin1'), data]);
    },
  };
}
