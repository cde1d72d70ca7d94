import { createRequire } from 'node:module';
import { CHART_CONFIG, FONT_FAMILY, type VegaLiteSpec } from './chart-config.js';

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

/** A vega-lite logger that collects warnings instead of printing them. */
function collectingLogger(warnings: string[]) {
  const logger = {
    level: (_?: number) => (_ === undefined ? 0 : logger),
    error: (...m: unknown[]) => {
      throw new Error(m.map(String).join(' '));
    },
    warn: (...m: unknown[]) => {
      warnings.push(m.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

// Loaded on first use, once: they take half a second to import, which `--help` should not pay.
let vegaModules: Promise<[typeof import('vega-lite'), typeof import('vega')]> | null = null;
let resvgModule: Promise<typeof import('@resvg/resvg-js')> | null = null;

/** Draws a chart: renderChart, or the same on a chart thread (chart-thread.ts). */
export type ChartRenderer = (spec: VegaLiteSpec, options?: { png?: boolean }) => Promise<RenderedChart>;

/**
 * Starts loading the chart modules (vega and vega-lite; with `png`, resvg too) without waiting
 * for them, so that they load while other work goes on. renderChart loads them anyway.
 */
export function loadChartModules(options: { png?: boolean } = {}): void {
  vegaModules ??= Promise.all([import('vega-lite'), import('vega')]);
  if (options.png) resvgModule ??= import('@resvg/resvg-js');
  // A failure is thrown by renderChart, where it waits for them.
  vegaModules.catch(() => {});
  resvgModule?.catch(() => {});
}

/** Compiles a Vega-Lite spec and draws it as SVG (vega, no browser) and, if asked, PNG (resvg). */
export async function renderChart(spec: VegaLiteSpec, options: { png?: boolean } = {}): Promise<RenderedChart> {
  vegaModules ??= Promise.all([import('vega-lite'), import('vega')]);
  const [{ compile }, vega] = await vegaModules;
  const warnings: string[] = [];
  const compiled = compile({ config: CHART_CONFIG, ...spec } as never, { logger: collectingLogger(warnings) as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  if (!options.png) return { svg, png: null, warnings };
  resvgModule ??= import('@resvg/resvg-js');
  const { Resvg } = await resvgModule;
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  })
    .render()
    .asPng();
  return { svg, png, warnings };
}
