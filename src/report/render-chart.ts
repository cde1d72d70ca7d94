import { createRequire } from 'node:module';
import { FONT_FAMILY, type VegaLiteSpec } from './chart-config.js';
import type { DrawnSvg } from './draw-svg.js';

export { CHART_CONFIG, FONT_FAMILY, type VegaLiteSpec } from './chart-config.js';

const requireHere = createRequire(import.meta.url);

/**
 * The fonts PNGs are drawn with, bundled from the npm package so that text never silently
 * disappears (resvg draws no text without fonts) and looks the same on every machine.
 */
export function fontFiles(): string[] {
  fonts ??= [
    requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ];
  return fonts;
}
let fonts: string[] | null = null;

/** Which chart files a command writes (each chart's .vl.json is written whenever it is drawn). */
export type ChartFormats = 'none' | 'svg' | 'png' | 'all';

export interface RenderedChart {
  svg: string;
  /** null unless asked for. */
  png: Buffer | null;
  /** What vega-lite warned about while compiling (kept off the terminal; tests look at it). */
  warnings: string[];
}

// Loaded on first use, once: they take a third of a second to import, which `--help` should not pay.
let svgDrawing: Promise<SvgDrawing> | null = null;
let resvgModule: Promise<typeof import('@resvg/resvg-js')> | null = null;

/** draw-svg.ts's drawSvg, imported or from the chart bundle (chart-bundle.ts). */
export type SvgDrawing = (spec: VegaLiteSpec) => Promise<DrawnSvg>;

/** Draws a chart: renderChart, or the same on a chart thread (chart-thread.ts). */
export type ChartRenderer = (spec: VegaLiteSpec, options?: { png?: boolean }) => Promise<RenderedChart>;

/**
 * Starts loading draw-svg.ts (vega and vega-lite) without waiting for it, so that it loads while
 * other work goes on; renderChart loads it anyway. `drawSvg`: the same function already loaded
 * otherwise (the chart thread's bundle), used instead of importing draw-svg.ts; only before the
 * first chart.
 */
export function loadChartModules(options: { drawSvg?: SvgDrawing } = {}): void {
  const given = options.drawSvg;
  svgDrawing ??= given ? Promise.resolve(given) : importDrawSvg();
  // A failure is thrown by renderChart, where it waits for it.
  svgDrawing.catch(() => {});
}

/** Starts loading resvg, which draws PNGs, without waiting for it; renderPng loads it anyway. */
export function loadPngModule(): void {
  resvgModule ??= import('@resvg/resvg-js');
  // A failure is thrown by renderPng, where it waits for it.
  resvgModule.catch(() => {});
}

function importDrawSvg(): Promise<SvgDrawing> {
  return import('./draw-svg.js').then((m) => m.drawSvg);
}

/** Compiles a Vega-Lite spec and draws it as SVG (vega, no browser) and, if asked, PNG (resvg). */
export async function renderChart(spec: VegaLiteSpec, options: { png?: boolean } = {}): Promise<RenderedChart> {
  svgDrawing ??= importDrawSvg();
  const { svg, warnings } = await (await svgDrawing)(spec);
  return { svg, png: options.png ? await renderPng(svg) : null, warnings };
}

/**
 * Draws an SVG chart (renderChart's) as PNG, at twice its size, on white, with the bundled fonts
 * (resvg). The fonts are loaded and the picture drawn on a thread of Node's pool (resvg's
 * renderAsync), not on this one, which goes on (writing tables, sending charts to the chart
 * thread); the PNG is encoded here. The same PNG as resvg's synchronous render, byte for byte.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  loadPngModule();
  const { renderAsync } = await (resvgModule as NonNullable<typeof resvgModule>);
  const image = await renderAsync(svg, pngOptions());
  return image.asPng();
}

/** resvg's options for renderPng: twice the SVG's size, on white, the bundled fonts only. */
export function pngOptions() {
  return {
    background: 'white',
    fitTo: { mode: 'zoom' as const, value: 2 },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  };
}
