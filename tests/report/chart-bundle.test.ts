/**
 * The chart thread's bundle in the built command (dist/bin/chart-svg.cjs, made by `npm run build`,
 * which `npm ci` runs): it draws the same SVG as draw-svg.ts from the sources, loads with its code
 * cache, and without it when the cache is not its own or V8 refuses it; its warm-up charts leave
 * the charts drawn after them as they would be without.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE, loadChartBundle } from '../../src/report/chart-bundle.js';
import type { VegaLiteSpec } from '../../src/report/chart-config.js';
import { renderChart } from '../../src/report/render-chart.js';
import { smallLineChart } from './small-line-chart.js';

const dist = resolve('dist/bin');
const bundleFile = join(dist, CHART_BUNDLE_FILE);
const cacheFile = join(dist, CHART_CACHE_FILE);
const tmp = mkdtempSync(join(tmpdir(), 'readsim-chart-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const line = smallLineChart;

/** A heatmap with a colour ramp: its legend is a gradient, which vega numbers across a thread's charts. */
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
    // This bundle's identity, but a cache V8 cannot use.
    const broken = join(tmp, 'broken.cache');
    const cache = readFileSync(cacheFile);
    writeFileSync(broken, Buffer.concat([cache.subarray(0, 40), Buffer.alloc(cache.length - 40, 7)]));
    const refused = loadChartBundle(bundleFile, broken);
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
      expect(svg).not.toMatch(/id="(gradient_|clip)|url\(#/);
    }
    const fresh = loadChartBundle(bundleFile, cacheFile);
    const after = await warm?.drawSvg(heatmap);
    expect(after?.svg).toBe((await fresh?.drawSvg(heatmap))?.svg);
    // The test can fail: a gradient drawn before changes the next chart's ids.
    expect((await warm?.drawSvg(heatmap))?.svg).not.toBe(after?.svg);
  });
});
