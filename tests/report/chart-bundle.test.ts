/**
 * The chart thread's bundle in the built command (dist/bin/chart-svg.cjs, made by `npm run build`,
 * which `npm ci` runs): it draws the same SVG as draw-svg.ts from the sources, loads with its code
 * cache, and without it when the cache is not its own, is damaged, or V8 refuses it; its warm-up charts leave
 * the charts drawn after them as they would be without; a chart's ids are its own, whatever was drawn before.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE, loadChartBundle } from '../../src/report/chart-bundle.js';
import type { VegaLiteSpec } from '../../src/report/chart-config.js';
import { ownIds } from '../../src/report/draw-svg.js';
import { renderChart } from '../../src/report/render-chart.js';
import { smallLineChart } from './small-line-chart.js';

const dist = resolve('dist/bin');
const bundleFile = join(dist, CHART_BUNDLE_FILE);
const cacheFile = join(dist, CHART_CACHE_FILE);
/** The cache file's header (chart-bundle.ts): identity (40), CRC-32 of the bundle (8), of the data (8). */
const HEADER = 56;
const tmp = mkdtempSync(join(tmpdir(), 'readsim-chart-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const line = smallLineChart;

/** A heatmap with a colour ramp: its legend is a gradient, which vega alone numbers across a thread's charts. */
const heatmap: VegaLiteSpec = {
  title: 'Turnaround by hour',
  width: 200,
  height: 100,
  data: { values: [0, 1, 2, 3, 4, 5].map((h) => ({ hour: h, day: h % 2 ? 'Mon' : 'Tue', minutes: h * 7 })) },
  mark: 'rect',
  encoding: {
    x: { field: 'hour', type: 'ordinal', title: 'hour' },
    y: { field: 'day', type: 'nominal', title: 'day' },
    color: { field: 'minutes', type: 'quantitative', title: 'minutes' },
  },
};

describe('the chart bundle of the built command', () => {
  it('exists beside the chart worker, with its code cache and warm-up charts', () => {
    for (const f of [CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE, 'chart-worker.js'])
      expect(existsSync(join(dist, f)), `${f}: npm ci (or npm run build) builds it`).toBe(true);
  });

  it('loads with its code cache and draws the same SVG as the sources, warnings too', async () => {
    const bundle = loadChartBundle(bundleFile, cacheFile);
    expect(bundle?.cache).toBe('accepted');
    const odd = { ...line, encoding: { ...(line.encoding as object), size: { field: 'day', type: 'nominal' } } };
    const there = await bundle?.drawSvg(odd);
    const here = await renderChart(odd);
    expect(there?.svg).toBe(here.svg);
    expect(there?.svg).toContain('Backlog');
    expect(there?.warnings).toEqual(here.warnings);
    expect(here.warnings.length).toBeGreaterThan(0);
  });

  it('loads without a cache that is not its own, or that V8 refuses, and draws the same', async () => {
    // A fresh load of the bundle numbers its first gradient 0, as a fresh chart thread does.
    const want = (await loadChartBundle(bundleFile, cacheFile)?.drawSvg(heatmap))?.svg;
    expect(want).toContain('gradient_0');
    // Another bundle (another identity) beside this one's cache.
    const other = join(tmp, 'other.cjs');
    writeFileSync(other, readFileSync(bundleFile, 'utf8').replace(/[0-9a-f]{40}\n$/, `${'0'.repeat(40)}\n`));
    const withOther = loadChartBundle(other, cacheFile);
    expect(withOther?.cache).toBe('none');
    expect((await withOther?.drawSvg(heatmap))?.svg).toBe(want);
    // The bundle edited, its length and identity line kept (the cache is not its own).
    const edited = join(tmp, 'edited.cjs');
    const source = readFileSync(bundleFile, 'utf8');
    const at = source.indexOf('"gradient_"');
    expect(at).toBeGreaterThan(0);
    writeFileSync(edited, `${source.slice(0, at)}"Gradient_"${source.slice(at + 11)}`);
    const withEdit = loadChartBundle(edited, cacheFile);
    expect(withEdit?.cache).toBe('none');
    // Its edit is in force (with the old cache, V8 would run the old code).
    expect((await withEdit?.drawSvg(heatmap))?.svg).toContain('Gradient_0');
    const cache = readFileSync(cacheFile);
    const header = cache.subarray(0, HEADER);
    // A damaged cache (one byte of its data changed): not used; V8 could crash on it.
    const damaged = join(tmp, 'damaged.cache');
    const bytes = Buffer.from(cache);
    bytes[HEADER + Math.floor((cache.length - HEADER) / 2)] ^= 0xff;
    writeFileSync(damaged, bytes);
    const notUsed = loadChartBundle(bundleFile, damaged);
    expect(notUsed?.cache).toBe('none');
    expect((await notUsed?.drawSvg(heatmap))?.svg).toBe(want);
    // A whole cache of this bundle that V8 refuses (its magic number changed, as another V8's is,
    // the header made again to match): loads without it.
    const refusedFile = join(tmp, 'refused.cache');
    const data = Buffer.from(cache.subarray(HEADER));
    data[0] ^= 0xff;
    const crc = (b: Uint8Array) => crc32(b).toString(16).padStart(8, '0');
    writeFileSync(
      refusedFile,
      Buffer.concat([
        Buffer.from(`${header.toString('latin1', 0, 40)}${crc(readFileSync(bundleFile))}${crc(data)}`, 'latin1'),
        data,
      ]),
    );
    // (A copy of the bundle under another name: V8 does not look at a cache for a script it has
    // compiled already in this thread, by name and source.)
    const copy = join(tmp, 'copy.cjs');
    copyFileSync(bundleFile, copy);
    const refused = loadChartBundle(copy, refusedFile);
    expect(refused?.cache).toBe('rejected');
    expect((await refused?.drawSvg(heatmap))?.svg).toBe(want);
    // No bundle at all: the caller imports draw-svg.ts.
    expect(loadChartBundle(join(tmp, 'none.cjs'), cacheFile)).toBeNull();
    copyFileSync(bundleFile, join(tmp, CHART_BUNDLE_FILE));
    expect(loadChartBundle(join(tmp, CHART_BUNDLE_FILE), join(tmp, CHART_CACHE_FILE))?.cache).toBe('none');
  });

  it('warms up with charts that leave the next ones as a fresh thread draws them', async () => {
    const warmup = JSON.parse(readFileSync(join(dist, CHART_WARMUP_FILE), 'utf8')) as VegaLiteSpec[];
    expect(warmup.length).toBeGreaterThanOrEqual(5);
    const warm = loadChartBundle(bundleFile, cacheFile);
    for (const spec of warmup) {
      const { svg } = (await warm?.drawSvg(spec)) ?? { svg: '' };
      expect(svg).toContain('<svg');
    }
    const fresh = loadChartBundle(bundleFile, cacheFile);
    const after = await warm?.drawSvg(heatmap);
    expect(after?.svg).toBe((await fresh?.drawSvg(heatmap))?.svg);
  });
});

describe("a chart's ids (gradients, clip paths) are its own", () => {
  /** The ids an SVG defines, and those it refers to. */
  const ids = (svg: string) => ({
    defined: [...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]),
    used: [...svg.matchAll(/url\(#([^)]*)\)/g)].map((m) => m[1]),
  });
  const ramp = (title: string): VegaLiteSpec => ({ ...heatmap, title });

  it('the same chart drawn again, or after others with gradients, is the same SVG', async () => {
    const first = (await renderChart(heatmap)).svg;
    await renderChart(ramp('Another ramp'));
    await renderChart(ramp('And another'));
    // vega alone would number this chart's gradient 3 now: the test can fail.
    expect((await renderChart(heatmap)).svg).toBe(first);
  });

  it('two different charts in one page share no id, and every reference has its definition', async () => {
    const a = ids((await renderChart(ramp('Wait by hour'))).svg);
    const b = ids((await renderChart(ramp('Turnaround by hour'))).svg);
    expect(a.defined.length).toBeGreaterThan(0);
    expect(a.used.length).toBeGreaterThan(0);
    expect(a.defined.filter((id) => b.defined.includes(id))).toEqual([]);
    for (const x of [a, b]) for (const id of x.used) expect(x.defined).toContain(id);
  });

  it('an SVG without ids is left as it is, and the prefix is the same for the same SVG', () => {
    const plain = '<svg><rect x="1"/></svg>';
    expect(ownIds(plain)).toBe(plain);
    const withIds = '<svg><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)" data-x="id=1"/></svg>';
    const once = ownIds(withIds);
    expect(once).toMatch(
      /^<svg><defs><clipPath id="c[0-9a-z]+-clip1"\/><\/defs><g clip-path="url\(#c[0-9a-z]+-clip1\)" data-x="id=1"\/><\/svg>$/,
    );
    expect(ownIds(withIds)).toBe(once);
    expect(ownIds(withIds.replace('data-x', 'data-y'))).not.toBe(once);
  });

  it('a label that reads like an id or a reference stays as written', async () => {
    // vega escapes " in attributes (aria-label) but not in text: both must stay as the user wrote them.
    const title = 'PE url(#pe) triage id="x" url(#gradient_0)';
    const { svg } = await renderChart({ ...heatmap, title });
    expect(ids(svg).defined.length).toBeGreaterThan(0);
    expect(svg).toContain(`>${title}<`);
    const label =
      '<svg><defs><clipPath id="clip1"/></defs><g aria-label="url(#clip1) id=&quot;clip1&quot;" clip-path="url(#clip1)"><text>url(#clip1) id="clip1"</text></g></svg>';
    const own = ownIds(label);
    expect(own).toContain('aria-label="url(#clip1) id=&quot;clip1&quot;"');
    expect(own).toContain('<text>url(#clip1) id="clip1"</text>');
    expect(own).toMatch(/clipPath id="c[0-9a-z]+-clip1"/);
    expect(own).toMatch(/clip-path="url\(#c[0-9a-z]+-clip1\)"/);
  });
});
