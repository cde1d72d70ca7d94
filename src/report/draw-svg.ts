// Vega-Lite to SVG, without a browser: what every chart costs (vega-lite's compile, vega's parse,
// view and SVG). Imported by render-chart.ts, or, on the chart thread of the built command, loaded
// from dist/bin/chart-svg.cjs with a V8 code cache (chart-bundle.ts): that file is this module
// and what it imports, bundled (scripts/build-cli.ts).
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { CHART_CONFIG, type VegaLiteSpec } from './chart-config.js';

// Text widths are estimated from the font size, never measured with the `canvas` package, which
// vega uses when it can import it: so that a chart is the same whether or not the machine (or the
// project readsim is installed in) has `canvas`, and the same in the chart bundle, whose vega has
// no canvas (scripts/build-cli.ts).
// (vega-scenegraph's textMetrics, re-exported by vega; its type declarations leave it out.)
(vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);

/** A chart drawn as SVG, with what vega-lite warned about while compiling it. */
export interface DrawnSvg {
  svg: string;
  warnings: string[];
}

/** A vega-lite logger that collects warnings instead of printing them; an error is thrown. */
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

/**
 * Compiles a Vega-Lite spec (with CHART_CONFIG under its own config) and draws it as SVG. Throws
 * an Error with vega-lite's message when the spec cannot be compiled.
 */
export async function drawSvg(spec: VegaLiteSpec): Promise<DrawnSvg> {
  const warnings: string[] = [];
  const compiled = compile({ config: CHART_CONFIG, ...spec } as never, { logger: collectingLogger(warnings) as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  // vega numbers gradients and clip paths across all the charts a thread draws: each chart
  // starts afresh, and ownIds makes its ids its own.
  (vega as unknown as { resetSVGDefIds(): void }).resetSVGDefIds();
  const svg = ownIds(await view.toSVG());
  view.finalize();
  return { svg, warnings };
}

/**
 * An SVG whose definitions (vega's gradients, patterns and clip paths: `<linearGradient
 * id="gradient_0"`, and the `="url(#gradient_0)"` attributes that refer to them) have their ids
 * prefixed with a hash of the SVG itself ("c" and 32-bit FNV-1a in base 36, then "-"). So a
 * chart is the same SVG whatever was drawn before it, on whichever chart thread, and two charts
 * inlined in one page (report.html) never share an id, unless they are the same chart, whose
 * definitions are then the same too. Only attributes inside tags change: vega escapes `<`, `>`
 * and `"` in attribute values and `<`, `>` in text, so a tag is `<` to the next `>`, and a label
 * that reads `url(#x)` or `id="x"` stays as written. An SVG without such definitions is returned
 * as it is.
 */
export function ownIds(svg: string): string {
  const defined = new Set<string>();
  for (const m of svg.matchAll(/<(?:linearGradient|radialGradient|pattern|clipPath)\b[^>]*?\sid="([^"]*)"/g)) defined.add(m[1]);
  if (defined.size === 0) return svg;
  // FNV-1a over the UTF-16 code units (http://www.isthe.com/chongo/tech/comp/fnv/).
  let h = 0x811c9dc5;
  for (let i = 0; i < svg.length; i++) {
    h ^= svg.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const prefix = `c${(h >>> 0).toString(36)}-`;
  const own = (all: string, id: string, made: string) => (defined.has(id) ? made : all);
  return svg.replace(/<[^>]*>/g, (tag) =>
    tag
      .replace(/\sid="([^"]*)"/g, (all, id: string) => own(all, id, ` id="${prefix}${id}"`))
      .replace(/="url\(#([^")]*)\)"/g, (all, id: string) => own(all, id, `="url(#${prefix}${id})"`)),
  );
}
