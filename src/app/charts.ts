// Vega-Lite in the page (vega-embed): the report's specs with the report's look, tooltips on.
import embed, { type Result } from 'vega-embed';
import { CHART_CONFIG, type VegaLiteSpec } from '../report/chart-config.js';
import { download, el } from './dom.js';

const CONFIG = { ...CHART_CONFIG, mark: { tooltip: true } };

/** Draws a spec into `target` (canvas renderer: text is drawn, never parsed as markup). */
export async function drawChart(target: HTMLElement, spec: VegaLiteSpec): Promise<Result> {
  return embed(target, { ...spec, config: { ...CONFIG, ...((spec.config as object) ?? {}) } } as never, {
    actions: false,
    renderer: 'canvas',
    tooltip: { theme: 'light' },
  });
}

/** Buttons that save a drawn chart as PNG and SVG. */
export function chartDownloads(result: Result, name: string): HTMLElement {
  const png = el('button', { type: 'button' }, 'PNG');
  const svg = el('button', { type: 'button' }, 'SVG');
  png.addEventListener('click', async () => {
    const url = await result.view.toImageURL('png', 2);
    download(`${name}.png`, await (await fetch(url)).blob());
  });
  svg.addEventListener('click', async () => {
    download(`${name}.svg`, await result.view.toSVG(), 'image/svg+xml');
  });
  return el('div', { class: 'downloads', 'aria-label': `download ${name}` }, 'Save chart: ', png, ' ', svg);
}
