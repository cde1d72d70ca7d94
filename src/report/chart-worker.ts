// The chart thread's module (chart-thread.ts): it starts loading what draws charts at once (in
// the built command, the code-cached chart bundle beside this file, chart-bundle.ts; else vega
// and vega-lite through draw-svg.ts), then draws each chart it is sent as SVG with renderChart,
// as the thread that started it would, one after another in the order they came (PNGs are drawn
// from the SVGs by the thread that started this one). Asked to warm up (a long run, while it
// simulates), it draws the bundle's warm-up charts and throws them away, until a chart comes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { CHART_BUNDLE_FILE, CHART_CACHE_FILE, CHART_WARMUP_FILE, loadChartBundle } from './chart-bundle.js';
import type { VegaLiteSpec } from './chart-config.js';
import { loadChartModules, renderChart, type SvgDrawing } from './render-chart.js';

/**
 * Rounds of the warm-up charts: one. Measured on a 5-year run of bench/large-department.yaml, one
 * round took the charts from 0.75 to 0.43 s after the simulation, for 0.3 s of CPU time; three
 * rounds made them no faster, for 1 s.
 */
const WARMUP_ROUNDS = 1;

const port = parentPort;
if (!port) throw new Error('chart-worker.js is a worker thread module: chart-thread.ts starts it');
/** Charts sent and not yet drawn. */
let waiting = 0;
/** The charts drawn so far, one after another (warm-up charts among them). */
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (message: { warm: true } | { id: number; spec: VegaLiteSpec }) => {
  if ('warm' in message) {
    warmUp();
    return;
  }
  const { id, spec } = message;
  waiting++;
  queue = queue.then(async () => {
    try {
      const drawn = await renderChart(spec);
      port.postMessage({ id, svg: drawn.svg, warnings: drawn.warnings });
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    } finally {
      waiting--;
    }
  });
});
const bundled = bundledDrawSvg();
loadChartModules({ drawSvg: bundled });

/** drawSvg from the chart bundle beside this file in the built command; undefined elsewhere (tsc's output, tsx). */
function bundledDrawSvg(): SvgDrawing | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  try {
    return loadChartBundle(beside(CHART_BUNDLE_FILE), beside(CHART_CACHE_FILE))?.drawSvg;
  } catch {
    // A bundle that does not load (it should): draw-svg.ts is imported instead, the same charts.
    return undefined;
  }
}

function beside(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

let warmed = false;
/**
 * Draws the warm-up charts (CHART_WARMUP_FILE) in the queue, one at a time, while no chart waits:
 * vega's code runs faster once V8 has seen it run (a chart drawn warm takes a third of its time
 * cold). Only with the chart bundle (the built command); at most once.
 */
function warmUp(): void {
  if (!bundled || warmed) return;
  warmed = true;
  let specs: VegaLiteSpec[];
  try {
    specs = JSON.parse(readFileSync(beside(CHART_WARMUP_FILE), 'utf8')) as VegaLiteSpec[];
  } catch {
    return;
  }
  const draw = bundled;
  let next = 0;
  const step = () => {
    if (waiting > 0 || next >= specs.length * WARMUP_ROUNDS) return;
    const spec = specs[next++ % specs.length];
    queue = queue.then(() =>
      draw(spec).then(
        () => setImmediate(step),
        () => {},
      ),
    );
  };
  step();
}
