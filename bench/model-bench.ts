/**
 * npm run bench:model [years] [-- --cli other/dist/cli/main.js]: a large department (bench/large-department.yaml: about 500,000
 * studies a year, 40 readers on a weekly roster, 4 streams, triage + assistance + autonomous AI,
 * 2 arms; 5 years unless told) on one thread, twice: the simulation alone (in this process), and
 * the whole command `readsim run --jobs 1` (a child process: start-up, loading, simulation,
 * summaries, CSV files, SVG charts and report.html) on the same studies. Prints each arm's
 * figures and, last, one JSON line with studies_per_s (simulation alone, all arms counted),
 * command_studies_per_s (whole command) and peak_rss_mb. The engine yardstick runs in the same
 * script so the figures can be read against this machine's speed that moment. `--cli` times the
 * whole command of another build (say, an older checkout's) on the same scenario, seed and years.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Exponential } from '../src/engine/index.js';
import { simulateDepartment } from '../src/model/department.js';
import { loadScenario } from '../src/scenario/load-scenario.js';
import { QueueModel } from './queue-model.js';
import { knowsCharts, timedNode } from './timed-command.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to .bench-build/bench/, the scenario stays in bench/.
const file = resolve(here, '../../bench/large-department.yaml');
const argv = process.argv.slice(2);
const cliAt = argv.indexOf('--cli');
const otherCli = cliAt >= 0 ? resolve(argv[cliAt + 1]) : null;
if (cliAt >= 0) argv.splice(cliAt, 2);
const years = Number(argv[0] ?? 5);
const scenario = loadScenario(file, { set: [`horizon=${years}y`] });

function rssMb(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

let studies = 0;
let seconds = 0;
let cpuSeconds = 0;
const rssAfterYears: number[] = [];
for (const [a, department] of scenario.departments.entries()) {
  const t0 = process.hrtime.bigint();
  const u0 = process.cpuUsage();
  const r = simulateDepartment(department, { seed: 1, replication: 0, arm: scenario.resolved.arms[a].name });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const used = process.cpuUsage(u0);
  cpuSeconds += (used.user + used.system) / 1e6;
  // Every study that arrived was simulated; the warm-up's are counted too.
  const n = r.periods.arrivals.reduce((x, y) => x + y, 0) + department.streams.reduce((x, s) => x + s.backlog, 0);
  studies += n;
  seconds += wall;
  rssAfterYears.push(rssMb());
  console.log(
    `${r.arm}: ${n} studies in ${wall.toFixed(2)} s = ${(n / wall / 1e6).toFixed(2)} M studies/s; utilisation ${r.stats.utilisation.toFixed(3)}, backlog at end ${r.stats['studies.backlog_end']}, stat p90 TAT ${r.stats['tat.by_priority.stat.p90'].toFixed(1)} min`,
  );
}

// The whole command on the same scenario, seed and replication, on one thread.
const out = mkdtempSync(join(tmpdir(), 'readsim-bench-'));
const main = otherCli ?? resolve(here, '../../dist/bin/readsim.js');
if (!existsSync(main)) throw new Error(`no built readsim at ${main}: run npm run build first`);
/** The whole command, timed (wall and CPU seconds). */
const wholeCommand = (extra: string[], folder: string) =>
  timedNode(
    [
      main,
      'run',
      file,
      '--horizon',
      `${years}y`,
      '--seed',
      '1',
      '-r',
      '1',
      '-j',
      '1',
      '-q',
      ...extra,
      '--out',
      join(out, folder),
    ],
    'readsim run',
  );
const whole = wholeCommand([], 'default');
// And without charts, where the build knows --charts: what the charts cost.
const bare = knowsCharts(main) ? wholeCommand(['--charts', 'none'], 'none') : null;
rmSync(out, { recursive: true, force: true });
const commandSeconds = whole.wall;
const commandCpu = whole.cpu;
console.log(
  `whole command (${otherCli ?? 'readsim'} run -j 1, default charts): ${commandSeconds.toFixed(2)} s (CPU ${commandCpu.toFixed(2)} s) = ${(studies / commandSeconds / 1e6).toFixed(2)} M studies/s; the simulation alone took ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s)`,
);
if (bare)
  console.log(
    `whole command with --charts none: ${bare.wall.toFixed(2)} s (CPU ${bare.cpu.toFixed(2)} s) = ${(studies / bare.wall / 1e6).toFixed(2)} M studies/s`,
  );

// Yardstick: the engine's own M/M/c in this process, for scale.
const t0 = process.hrtime.bigint();
const q = new QueueModel({
  classes: [{ rate: 9, service: new Exponential(1) }],
  discipline: 'fifo',
  servers: 10,
  customers: 1_000_000,
  seed: 1,
}).run();
const engineRate = q.served / (Number(process.hrtime.bigint() - t0) / 1e9);
console.log(`engine M/M/c yardstick in this process: ${(engineRate / 1e6).toFixed(2)} M customers/s`);

console.log(
  JSON.stringify({
    studies_per_s: Math.round(studies / seconds),
    command_studies_per_s: Math.round(studies / commandSeconds),
    command_s: Number(commandSeconds.toFixed(2)),
    command_no_charts_s: bare ? Number(bare.wall.toFixed(2)) : null,
    command_no_charts_studies_per_s: bare ? Math.round(studies / bare.wall) : null,
    simulation_s: Number(seconds.toFixed(2)),
    command_studies_per_cpu_s: Math.round(studies / commandCpu),
    simulation_studies_per_cpu_s: Math.round(studies / cpuSeconds),
    studies,
    years,
    peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    engine_customers_per_s: Math.round(engineRate),
    ratio_to_engine: Number((studies / seconds / engineRate).toFixed(3)),
  }),
);
