/**
 * npm run bench:start [-- --cli other/dist/cli/main.js] [-- --jobs 2]: the teaching run that
 * `npm start` makes (scenarios/widening-gap.yaml: every arm, its replications, ten years, every
 * chart), timed as a whole command in a child process: wall and CPU seconds (user + system,
 * GNU time), peak resident memory, the studies simulated (arrivals of every arm and replication,
 * read back from the results' summary.json) and studies per wall second. `--cli` times another
 * build (e.g. an older checkout, with its own bundled teaching scenario). Prints the load average
 * before and after (a shared machine's load changes the wall time) and, last, one JSON line.
 * Goal (issue 12): under 40 s on two cores.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowsCharts, timedNode, yardstickSpeed } from './timed-command.js';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
// Compiled to .bench-build/bench/: the CLI is the built dist/ of this checkout unless told.
const cli = resolve(option('--cli') ?? resolve(here, '../../dist/bin/readsim.js'));
if (!existsSync(cli)) throw new Error(`no built CLI at ${cli}: run npm run build first`);
// The teaching scenario of the checkout the CLI belongs to (dist/bin/readsim.js or dist/cli/main.js -> scenarios/).
const scenario = resolve(dirname(cli), '../../scenarios/widening-gap.yaml');
const jobs = option('--jobs') ?? '2';
const out = mkdtempSync(join(tmpdir(), 'readsim-start-'));
const folder = join(out, 'r');

const load0 = loadavg()[0];
const speed0 = yardstickSpeed();
const command = [cli, 'run', scenario, '-j', jobs, '-q', '--out', folder];
// Builds that know --charts draw every chart, as npm start does; older ones always did.
if (knowsCharts(cli)) command.push('--charts', 'all');
const { wall, cpu, rssMb } = timedNode(command, 'readsim run');

// Studies simulated: every arm's arrivals after the warm-up (mean per replication) x replications.
const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8')) as {
  replications: number;
  arms: { name: string; studies?: { arrived?: { mean: number } } }[];
};
const arms = summary.arms;
const replications = summary.replications;
const perReplication = arms.reduce((n, a) => n + (a.studies?.arrived?.mean ?? Number.NaN), 0);
rmSync(out, { recursive: true, force: true });
const studies = perReplication * replications;
const load1 = loadavg()[0];
const speed1 = yardstickSpeed();
console.log(`${cli} run widening-gap (-j ${jobs}): ${arms.length} arms x ${replications} replications`);
console.log(
  `wall ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB; about ${(studies / 1e6).toFixed(1)} M studies after the warm-up = ${(studies / wall / 1e6).toFixed(2)} M studies/s (wall), ${(studies / cpu / 1e6).toFixed(2)} M/CPU-s; load average ${load0.toFixed(2)} -> ${load1.toFixed(2)}`,
);
console.log(
  `machine speed (bench/heap-limit.mjs, one thread): ${speed0.toFixed(2)} M customers/s before, ${speed1.toFixed(2)} after`,
);
console.log('goal (issue 12): npm start under 40 s on two cores');
console.log(
  JSON.stringify({
    wall_s: Number(wall.toFixed(2)),
    cpu_s: Number(cpu.toFixed(2)),
    peak_rss_mb: Number(rssMb.toFixed(1)),
    arms: arms.length,
    replications,
    studies,
    load_before: load0,
    load_after: load1,
    yardstick_m_customers_per_s: [Number(speed0.toFixed(2)), Number(speed1.toFixed(2))],
  }),
);
