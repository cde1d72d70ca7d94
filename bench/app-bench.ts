/**
 * npm run bench:app: the classroom app in headless Chromium (Debian's chromium), opened from
 * disk as `readsim app --export` writes it. Prints, for the default lesson (lesson 1: eight
 * replications of the teaching department at a tenth of its size), the time to the first
 * simulated curve and to all replications, the time the formula's curves take to redraw after
 * a control moves, and the exported file's size. The yardstick, in the same script: the same
 * runs one after another in Node on this machine, so that the browser's figures can be read
 * against the machine's speed that moment. Last line: one JSON object with every figure.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { wideningGapLesson } from '../src/app/lesson-scenarios.js';
import { planExperiment } from '../src/experiment/experiment-plan.js';
import { runTask } from '../src/experiment/run-task.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = resolve(root, 'dist/app/index.html');
const sizeMb = statSync(file).size / 1e6;

type Status = {
  lessonStatus: {
    runs: number;
    times: { firstCurve: number | null; complete: number | null };
    analyticMs: number | null;
    analyticDraws: number;
    firstCurveSinceLoad: number | null;
  };
};

// Yardstick: lesson 1's runs in Node, one after another.
const loaded = wideningGapLesson(readFileSync(resolve(root, 'scenarios/widening-gap.yaml'), 'utf8'), {
  growth: 5,
  headcount: 24,
  efficiency: 45,
});
const plan = planExperiment(loaded, { replications: 8 });
const t0 = performance.now();
for (const task of plan.tasks) runTask(task);
const nodeSerial = (performance.now() - t0) / 1000;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
await page.goto(`${pathToFileURL(file).href}#lesson-1`);
await page.waitForFunction(() => (globalThis as unknown as { readsim?: Status }).readsim?.lessonStatus.runs === 1, null, {
  timeout: 300_000,
});
const first = await page.evaluate(() => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus);
// The formula's redraw after a control moves: five moves, the slowest counts.
let analyticMs = 0;
await page.focus('#ctl-crossing-headcount');
for (let i = 0; i < 5; i++) {
  const draws = await page.evaluate(() => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus.analyticDraws);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((n) => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus.analyticDraws > n, draws);
  const ms = await page.evaluate(() => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus.analyticMs ?? 0);
  analyticMs = Math.max(analyticMs, ms);
}
await browser.close();

const firstCurve = (first.times.firstCurve ?? Number.NaN) / 1000;
const complete = (first.times.complete ?? Number.NaN) / 1000;
const sinceLoad = (first.firstCurveSinceLoad ?? Number.NaN) / 1000;
console.log(`exported file: ${sizeMb.toFixed(2)} MB`);
console.log(`lesson 1, ${plan.tasks.length} runs in Web Workers:`);
console.log(
  `  first simulated curve: ${firstCurve.toFixed(2)} s after the run starts (${sinceLoad.toFixed(2)} s after the page opened)`,
);
console.log(`  all replications:      ${complete.toFixed(2)} s`);
console.log(`  formula redraw after a control moves: ${analyticMs.toFixed(0)} ms (slowest of 5)`);
console.log(`yardstick: the same ${plan.tasks.length} runs one after another in Node: ${nodeSerial.toFixed(2)} s`);
console.log(`  browser all replications / Node serial: ${(complete / nodeSerial).toFixed(2)}`);
console.log(
  JSON.stringify({
    file_mb: Number(sizeMb.toFixed(2)),
    first_curve_s: Number(firstCurve.toFixed(2)),
    first_curve_since_load_s: Number(sinceLoad.toFixed(2)),
    complete_s: Number(complete.toFixed(2)),
    analytic_redraw_ms: Number(analyticMs.toFixed(0)),
    node_serial_s: Number(nodeSerial.toFixed(2)),
    ratio_complete_to_node_serial: Number((complete / nodeSerial).toFixed(2)),
  }),
);
