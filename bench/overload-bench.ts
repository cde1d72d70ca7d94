/**
 * npm run bench:overload [-- --years 1 --pairs 5 --backlog 3000000] (--backlog 0: CPU only): the department of
 * bench/overload.yaml (the "with AI" arm, no growth, every priority escalating after 2 days)
 * with its arrivals scaled to 0.9 and to 1.5 of its reading capacity (load / capacity from the
 * analytic companion), simulated on one thread.
 *
 * CPU per study: `pairs` pairs of runs of `years` at 0.9 and at 1.5 (after a short warm-up run;
 * the order alternates, 0.9 first then 1.5 first), CPU time (user + system) per study arrived;
 * the figure is the median of the paired ratios 1.5 / 0.9 (goal: at most 1.2). The 0.9 run is the yardstick: same code, same process,
 * same moment of a shared machine.
 *
 * Memory: a child process that loads the model only runs 1.5 until about `backlog` studies wait
 * unread; bytes per waiting study = (its peak RSS - its RSS just before the run) / backlog at the
 * end (goal: under 80), and its peak RSS (goal: under 300 MB at 3 million).
 * Prints a JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YEAR } from '../src/engine/index.js';
import { simulateDepartment } from '../src/model/department.js';
import type { DepartmentConfig } from '../src/model/department-config.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to .bench-build/bench/, the scenario stays in bench/.
const file = resolve(here, '../../bench/overload.yaml');
const ARM = 1; // "with AI": triage, assistance and autonomous tools on

const args: Record<string, number> = { years: 1, pairs: 5, backlog: 3_000_000 };
// A child process of this script runs one department (--child FILE: its config as JSON) and
// prints its backlog and peak memory; it loads the model only, so its memory is the simulation's.
let childFile = '';
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (k === 'child') childFile = process.argv[i + 1];
  else if (k in args) args[k] = Number(process.argv[i + 1]);
  else throw new Error(`unknown option --${k}`);
}
// JSON has no Infinity (a weekly cap may be one).
const toJson = (c: DepartmentConfig) => JSON.stringify(c, (_k, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v));
const fromJson = (t: string): DepartmentConfig => JSON.parse(t, (_k, v) => (v === 'Infinity' ? Number.POSITIVE_INFINITY : v));

if (childFile) {
  const config = fromJson(readFileSync(childFile, 'utf8'));
  const before = process.memoryUsage().rss;
  const r = simulateDepartment(config, { seed: 1, replication: 0 });
  console.log(
    JSON.stringify({
      backlog: r.stats['studies.backlog_end'],
      studies: studiesOf(config, r),
      rss_before: before,
      peak_rss: process.resourceUsage().maxRSS * 1024,
    }),
  );
  process.exit(0);
}

const { loadScenario } = await import('../src/scenario/load-scenario.js');
const { explainScenario } = await import('../src/experiment/analytic-companion.js');
const scenario = loadScenario(file);
const base = scenario.departments[ARM];
const rho = explainScenario(scenario).arms[ARM].years[0].rho;

/** The department with its arrivals scaled so that load / capacity = `load`, over `years`. */
function at(load: number, years: number): DepartmentConfig {
  const k = load / rho;
  return {
    ...base,
    horizon: years * YEAR,
    streams: base.streams.map((s) => ({ ...s, volume: s.volume * k })),
  };
}

function studiesOf(config: DepartmentConfig, r: ReturnType<typeof simulateDepartment>): number {
  // Every study that arrived was simulated, and the initial backlogs.
  return r.periods.arrivals.reduce((x, y) => x + y, 0) + config.streams.reduce((x, s) => x + s.backlog, 0);
}

/** One run: CPU seconds per study and the backlog at the end. */
function cpuPerStudy(load: number, years: number): { perStudy: number; studies: number; backlog: number; cpu: number } {
  const config = at(load, years);
  const u0 = process.cpuUsage();
  const r = simulateDepartment(config, { seed: 1, replication: 0 });
  const used = process.cpuUsage(u0);
  const cpu = (used.user + used.system) / 1e6;
  const studies = studiesOf(config, r);
  return { perStudy: cpu / studies, studies, backlog: r.stats['studies.backlog_end'], cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`load / capacity of the scenario as written: ${rho.toFixed(3)}; scaled to 0.9 and 1.5`);
cpuPerStudy(0.9, 0.1); // warm-up: compile the hot paths before timing
const ratios: number[] = [];
const under: number[] = [];
const over: number[] = [];
const backlogs: number[] = [];
for (let p = 0; p < args.pairs; p++) {
  const first = p % 2 === 0 ? 0.9 : 1.5;
  const x = cpuPerStudy(first, args.years);
  const y = cpuPerStudy(first === 0.9 ? 1.5 : 0.9, args.years);
  const [a, b] = first === 0.9 ? [x, y] : [y, x];
  under.push(a.perStudy);
  over.push(b.perStudy);
  backlogs.push(b.backlog);
  ratios.push(b.perStudy / a.perStudy);
  console.log(
    `pair ${p + 1}: 0.9: ${a.studies} studies, ${(a.perStudy * 1e9).toFixed(0)} ns CPU each (backlog at end ${a.backlog}); ` +
      `1.5: ${b.studies} studies, ${(b.perStudy * 1e9).toFixed(0)} ns CPU each (backlog at end ${b.backlog}); ratio ${(b.perStudy / a.perStudy).toFixed(3)}`,
  );
}

if (args.backlog === 0) {
  console.log(JSON.stringify({ cpu_per_study_ratio_1_5_to_0_9: Number(median(ratios).toFixed(3)) }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'readsim-overload-'));
function runChild(load: number, years: number): { backlog: number; studies: number; rss_before: number; peak_rss: number } {
  const f = join(dir, 'department.json');
  writeFileSync(f, toJson(at(load, years)));
  const c = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', f], { encoding: 'utf8' });
  if (c.status !== 0) throw new Error(`child failed: ${c.stderr}`);
  return JSON.parse(c.stdout.trim().split('\n').pop() as string);
}
// Years to reach the backlog asked for, from the backlog the timed runs at 1.5 reached.
const years = (args.backlog / median(backlogs)) * args.years;
const big = runChild(1.5, years);
rmSync(dir, { recursive: true, force: true });
const bytesPerWaiting = (big.peak_rss - big.rss_before) / big.backlog;
console.log(
  `memory: ${big.backlog} studies waiting after ${years.toFixed(2)} years at 1.5: peak RSS ${(big.peak_rss / 2 ** 20).toFixed(0)} MB ` +
    `(${(big.rss_before / 2 ** 20).toFixed(0)} MB before the run) = ${bytesPerWaiting.toFixed(1)} bytes per waiting study`,
);
console.log(
  JSON.stringify({
    cpu_per_study_ratio_1_5_to_0_9: Number(median(ratios).toFixed(3)),
    ns_per_study_0_9: Math.round(median(under) * 1e9),
    ns_per_study_1_5: Math.round(median(over) * 1e9),
    ratios: ratios.map((r) => Number(r.toFixed(3))),
    bytes_per_waiting_study: Number(bytesPerWaiting.toFixed(1)),
    backlog: big.backlog,
    peak_rss_mb: Number((big.peak_rss / 2 ** 20).toFixed(1)),
    load_average: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
  }),
);
