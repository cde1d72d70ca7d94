import { Worker } from 'node:worker_threads';
import { workerFile } from '../experiment/worker-file.js';
import { type ChartRenderer, loadPngModule, type RenderedChart, renderPng, type VegaLiteSpec } from './render-chart.js';

/** A worker thread that draws charts (chart-worker.ts), started before there is a chart to draw. */
export interface ChartThread {
  /**
   * Draws one chart: the same result as renderChart in this thread. The SVG is drawn on the
   * thread; a PNG is drawn from it by renderPng (on Node's thread pool) while the chart thread
   * draws the next SVG.
   */
  render: ChartRenderer;
  /**
   * Lets the thread warm vega up by drawing charts of its own until the first chart comes (in the
   * built command; elsewhere nothing): for a run that will simulate for a while and leaves a core
   * free. It costs about 0.3 s of CPU time on the thread and makes the charts drawn afterwards
   * about 40% faster (chart-worker.ts). The charts are the same either way.
   */
  warmUp(): void;
  /** Ends the thread; charts not yet drawn are rejected. */
  close(): Promise<void>;
}

interface Reply {
  id: number;
  svg?: string;
  warnings?: string[];
  error?: string;
}

/**
 * Starts a chart thread, which at once loads vega and vega-lite (a tenth of a second from the
 * built command's code-cached bundle, chart-bundle.ts) while this thread goes on (loading the
 * scenario, simulating, writing the tables): a command that will draw charts starts one first.
 * With `png`, this thread starts loading resvg. The thread keeps the process alive only while it
 * has charts to draw. A chart that fails rejects with an Error carrying vega-lite's message; a
 * thread that stops rejects every chart it had.
 */
export function startChartThread(options: { png?: boolean } = {}): ChartThread {
  const { filename } = workerFile('chart-worker', import.meta.url);
  if (options.png) loadPngModule();
  // Under tsx (tests), a worker's first module cannot be TypeScript: it registers tsx, then imports it.
  const worker = filename.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(filename)}))`,
        { eval: true },
      )
    : new Worker(new URL(filename));
  worker.unref();
  const waiting = new Map<number, { resolve: (r: Omit<RenderedChart, 'png'>) => void; reject: (e: Error) => void }>();
  let next = 0;
  let stopped: Error | null = null;
  const settle = (id: number) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    return w;
  };
  const stopAll = (e: Error) => {
    stopped ??= e;
    for (const id of [...waiting.keys()]) settle(id)?.reject(e);
  };
  worker.on('message', (reply: Reply) => {
    const w = settle(reply.id);
    if (!w) return;
    if (reply.error !== undefined) w.reject(new Error(reply.error));
    else w.resolve({ svg: reply.svg ?? '', warnings: reply.warnings ?? [] });
  });
  worker.on('error', (e) => stopAll(e));
  worker.on('exit', (code) => stopAll(new Error(`the chart thread stopped (exit code ${code})`)));
  return {
    render(spec: VegaLiteSpec, renderOptions: { png?: boolean } = {}) {
      if (stopped) return Promise.reject(stopped);
      const id = next++;
      if (waiting.size === 0) worker.ref();
      const drawn = new Promise<Omit<RenderedChart, 'png'>>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, spec });
      });
      return drawn.then(async (d) => ({ ...d, png: renderOptions.png ? await renderPng(d.svg) : null }));
    },
    warmUp() {
      if (!stopped) worker.postMessage({ warm: true });
    },
    async close() {
      stopAll(new Error('the chart thread was closed'));
      await worker.terminate();
    },
  };
}
