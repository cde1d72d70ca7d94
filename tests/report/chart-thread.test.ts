import { afterAll, describe, expect, it } from 'vitest';
import { startChartThread } from '../../src/report/chart-thread.js';
import { pngOptions, renderChart, renderPng } from '../../src/report/render-chart.js';
import { smallLineChart } from './small-line-chart.js';

const spec = smallLineChart;

describe('the chart thread', () => {
  const thread = startChartThread({ png: true });
  afterAll(() => thread.close());

  it('draws the same SVG and PNG as this thread, and collects the same warnings', async () => {
    // From the sources there is no chart bundle and nothing to warm up with: nothing changes.
    thread.warmUp();
    const odd = { ...spec, encoding: { ...(spec.encoding as object), size: { field: 'day', type: 'nominal' } } };
    const [there, here] = await Promise.all([thread.render(odd, { png: true }), renderChart(odd, { png: true })]);
    expect(there.svg).toBe(here.svg);
    expect(there.svg).toContain('<svg');
    expect(Buffer.isBuffer(there.png)).toBe(true);
    expect(there.png?.equals(here.png as Buffer)).toBe(true);
    expect(there.warnings).toEqual(here.warnings);
    expect((await thread.render(spec)).png).toBeNull();
  });

  it("rejects a chart vega-lite cannot compile with vega-lite's message, and goes on drawing", async () => {
    const bad = { ...spec, mark: 'no-such-mark' };
    const here = await renderChart(bad).catch((e: Error) => e.message);
    await expect(thread.render(bad)).rejects.toThrow(here as string);
    expect((await thread.render(spec)).svg).toContain('Backlog');
  });

  it('rejects the charts it had when closed, and any chart after', async () => {
    const other = startChartThread();
    const pending = expect(other.render(spec)).rejects.toThrow(/closed/);
    await other.close();
    await pending;
    await expect(other.render(spec)).rejects.toThrow(/closed/);
  });
});

describe('PNGs', () => {
  it("are drawn off this thread (resvg's renderAsync) as resvg draws them on it, byte for byte", async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const { svg } = await renderChart(spec);
    const onThisThread = new Resvg(svg, pngOptions()).render().asPng();
    const png = await renderPng(svg);
    expect(png.length).toBeGreaterThan(1000);
    expect(png.equals(onThisThread)).toBe(true);
    // Several at once (the pool draws them side by side): each the same.
    const again = await Promise.all([renderPng(svg), renderPng(svg), renderPng(svg)]);
    for (const p of again) expect(p.equals(onThisThread)).toBe(true);
  });
});
