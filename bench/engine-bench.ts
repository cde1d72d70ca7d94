/**
 * npm run bench:engine: an M/M/c queue (lambda 9, mu 1, c 10, 1,000,000 customers; the issue's
 * goal is read at --customers 10000000) on the engine's own calendar, server pool, waiting line and
 * monitors (bench/queue-model.ts, one class, first come first served), beside the bare typed-array heap of
 * bench/heap-limit.mjs (the yardstick) run with the same arguments in this script, alternately. Prints
 * the median of several runs of each and, last, one JSON line; `ratio` is the median of the
 * runs' paired ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Exponential } from '../src/engine/index.js';
import { erlangC } from '../src/formulas/queueing-formulas.js';
import { QueueModel } from './queue-model.js';

const args = { lam: 9, mu: 1, c: 10, customers: 1_000_000, seed: 1, runs: 7 };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '') as keyof typeof args;
  if (!(k in args)) throw new Error(`unknown option --${k}`);
  args[k] = Number(process.argv[i + 1]);
}

const here = dirname(fileURLToPath(import.meta.url));
const yardstick = resolve(here, '../../bench/heap-limit.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runEngine(seed: number) {
  const model = new QueueModel({
    classes: [{ rate: args.lam, service: new Exponential(1 / args.mu) }],
    discipline: 'fifo',
    servers: args.c,
    customers: args.customers,
    seed,
  });
  const t0 = process.hrtime.bigint();
  const r = model.run();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: r.served / wall, meanWait: r.waitAll.mean, events: r.events, wall };
}

function runYardstick(seed: number) {
  if (!existsSync(yardstick)) return null;
  const out = execFileSync(
    process.execPath,
    [
      yardstick,
      '--lam',
      `${args.lam}`,
      '--mu',
      `${args.mu}`,
      '--c',
      `${args.c}`,
      '--customers',
      `${args.customers}`,
      '--seed',
      `${seed}`,
    ],
    { encoding: 'utf8' },
  );
  const last = out.trim().split('\n').pop() as string;
  return JSON.parse(last).customers_per_s as number;
}

const ours: number[] = [];
const waits: number[] = [];
const theirs: number[] = [];
// Each engine run is paired with the yardstick run next to it: the machine is shared and its
// speed drifts, so the ratio within a pair is steadier than a ratio of two medians.
const ratios: number[] = [];
runEngine(99); // warm up the JIT once, as the yardstick's own process does over its run
for (let r = 0; r < args.runs; r++) {
  // Alternate the two so that machine noise hits both alike.
  const e = runEngine(args.seed + r);
  ours.push(e.perSecond);
  waits.push(e.meanWait);
  console.log(
    `engine run ${r + 1}: ${(e.perSecond / 1e6).toFixed(2)} M customers/s, mean wait ${e.meanWait.toFixed(4)}, ${e.events} events`,
  );
  const y = runYardstick(args.seed + r);
  if (y !== null) {
    theirs.push(y);
    ratios.push(e.perSecond / y);
    console.log(`yardstick run ${r + 1}: ${(y / 1e6).toFixed(2)} M customers/s`);
  }
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const oursMedian = median(ours);
const theirsMedian = theirs.length ? median(theirs) : Number.NaN;
console.log(
  JSON.stringify({
    customers_per_s: Math.round(oursMedian),
    yardstick_customers_per_s: Number.isNaN(theirsMedian) ? null : Math.round(theirsMedian),
    ratio: ratios.length ? Number(median(ratios).toFixed(3)) : null,
    peak_rss_mb: Number(peakRssMb.toFixed(1)),
    mean_wait: Number(median(waits).toFixed(4)),
    erlang_c_wait: Number(erlangC(args.lam, args.mu, args.c).wait.toFixed(4)),
  }),
);
