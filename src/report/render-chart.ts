import { createRequire } from 'node:module';
import { CHART_CONFIG, FONT_FAMILY, type VegaLiteSpec } from './chart-config.js';

export { CHART_CONFIG, FONT_FAMILY, type VegaLiteSpec } from './chart-config.js';

const require = createRequire(import.meta.url);

/**
 * The fonts PNGs are drawn with, bundled from the npm package so that text never silently
 * disappears (resvg draws no text without fonts) and looks the same on every machine.
 */
export function fontFiles(): string[] {
  return [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];
}

export interface RenderedChart {
  svg: string;
  png: Buffer;
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

/** Compiles a Vega-Lite spec and draws it as SVG (vega, no browser) and PNG (resvg). */
export async function renderChart(spec: VegaLiteSpec): Promise<RenderedChart> {
  // Loaded on first use: they take half a second to import, which `--help` should not pay.
  const [{ compile }, vega, { Resvg }] = await Promise.all([import('vega-lite'), import('vega'), import('@resvg/resvg-js')]);
  const warnings: string[] = [];
  const compiled = compile({ config: CHART_CONFIG, ...spec } as never, { logger: collectingLogger(warnings) as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  })
    .render()
    .asPng();
  return { svg, png, warnings };
}
