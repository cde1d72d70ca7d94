// The chart thread's module (chart-thread.ts): it starts loading vega and vega-lite (and resvg
// when PNGs are asked for) at once, then draws each chart it is sent with renderChart, as the
// thread that started it would.
import { parentPort, workerData } from 'node:worker_threads';
import { loadChartModules, renderChart } from './render-chart.js';

const port = parentPort;
if (!port) throw new Error('chart-worker.js is a worker thread module: chart-thread.ts starts it');
loadChartModules({ png: (workerData as { png?: boolean } | null)?.png === true });
port.on('message', async ({ id, spec, png }) => {
  try {
    const drawn = await renderChart(spec, { png });
    port.postMessage({ id, svg: drawn.svg, png: drawn.png, warnings: drawn.warnings });
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
