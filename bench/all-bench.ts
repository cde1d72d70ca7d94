/**
 * npm run bench: every benchmark, one after the other (each in its own process, as its own npm
 * script would run it), then one table of the figures issue 12 set goals for, each beside its
 * goal: engine against the bare heap at 10 million customers, the fixed cost of --help and of a
 * one-week run, the whole command and the simulation of a 500,000-studies-a-year department,
 * the national scenario on two cores, overload, many reader groups and the teaching run.
 * `--only engine,model,...` runs some; `--quick` skips the national and teaching runs (minutes).
 * The figures of a shared machine vary with its load: the table gives the load average.
 * Needs `npm run build` (the whole-command benchmarks run the built CLI).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const quick = argv.includes('--quick');

type Json = Record<string, unknown>;
interface Bench {
  name: string;
  script: string;
  args: string[];
  slow?: boolean;
  figures: (j: Json) => { figure: string; value: number; unit: string; goal: string; met: boolean }[];
}

const num = (x: unknown): number => (typeof x === 'number' ? x : Number.NaN);
/** The slower of a benchmark's two readings of the machine's speed (timed-command.ts yardstickSpeed); NaN without them. */
const slowerSpeed = (x: unknown): number => (Array.isArray(x) && x.length > 0 ? Math.min(...x.map(num)) : Number.NaN);
/** The table's row of the machine's speed while benchmark `name` ran (its JSON line `j`): for reading, no goal. */
const speedRow = (name: string, j: Json) => ({
  figure: `${name}: bare heap, the slower of before/after`,
  value: slowerSpeed(j.yardstick_m_customers_per_s),
  unit: 'M/s',
  goal: '(machine speed)',
  met: true,
});
const row = (j: Json, pattern: RegExp): Json | undefined =>
  (j.rows as Json[] | undefined)?.find((r) => pattern.test(String(r.command)));

const benches: Bench[] = [
  {
    name: 'engine',
    script: 'engine-bench.js',
    args: ['--customers', '10000000'],
    figures: (j) => [
      { figure: 'engine / bare heap, 10 M customers', value: num(j.ratio), unit: '', goal: '>= 0.5', met: num(j.ratio) >= 0.5 },
    ],
  },
  {
    name: 'fixed',
    script: 'fixed-cost-bench.js',
    args: [],
    figures: (j) => {
      const help = num(row(j, /--help/)?.wall_s);
      const svg = num(row(j, /one-week \(svg\)|one-week$/)?.wall_s);
      const none = num(row(j, /--charts none/)?.wall_s);
      return [
        { figure: 'readsim --help, wall', value: help, unit: 's', goal: '< 0.3 s', met: help < 0.3 },
        { figure: 'one-week run, SVG charts, wall', value: svg, unit: 's', goal: '< 0.5 s', met: svg < 0.5 },
        { figure: 'one-week run, --charts none, wall', value: none, unit: 's', goal: '< 0.5 s', met: none < 0.5 },
      ];
    },
  },
  {
    name: 'model',
    script: 'model-bench.js',
    args: [],
    figures: (j) => [
      {
        figure: 'simulation alone, one thread',
        value: num(j.studies_per_s) / 1e6,
        unit: 'M studies/s',
        goal: '(for scale)',
        met: true,
      },
      {
        figure: 'whole readsim run -j 1, 500 k/y department',
        value: num(j.command_studies_per_s) / 1e6,
        unit: 'M studies/s',
        goal: '>= 1 M studies/s',
        met: num(j.command_studies_per_s) >= 1e6,
      },
    ],
  },
  {
    name: 'overload',
    script: 'overload-bench.js',
    args: [],
    figures: (j) => [
      {
        figure: 'CPU per study at 1.5 / at 0.9 of capacity',
        value: num(j.cpu_per_study_ratio_1_5_to_0_9),
        unit: '',
        goal: '<= 1.2',
        met: num(j.cpu_per_study_ratio_1_5_to_0_9) <= 1.2,
      },
      {
        figure: 'bytes per waiting study',
        value: num(j.bytes_per_waiting_study),
        unit: 'B',
        goal: '< 80 B',
        met: num(j.bytes_per_waiting_study) < 80,
      },
      {
        figure: `peak RSS, backlog of ${num(j.backlog).toLocaleString('en-US')}`,
        value: num(j.peak_rss_mb),
        unit: 'MB',
        goal: '< 300 MB at 3 M',
        met: num(j.peak_rss_mb) < 300 && num(j.backlog) >= 2.9e6,
      },
    ],
  },
  {
    name: 'groups',
    script: 'groups-bench.js',
    args: [],
    figures: (j) => [
      {
        figure: `CPU, ${num(j.groups)} groups / one group`,
        value: num(j.ratio),
        unit: '',
        goal: '<= 1.1',
        met: num(j.ratio) <= 1.1,
      },
    ],
  },
  {
    name: 'national',
    script: 'national-bench.js',
    args: [],
    slow: true,
    figures: (j) => [
      {
        figure: 'national, 46 M studies, 1 year, -j 2, wall',
        value: num(j.wall_s),
        unit: 's',
        goal: '< 30 s',
        met: num(j.wall_s) < 30,
      },
      { figure: 'national, peak RSS', value: num(j.peak_rss_mb), unit: 'MB', goal: '< 300 MB', met: num(j.peak_rss_mb) < 300 },
      speedRow('national', j),
    ],
  },
  {
    name: 'start',
    script: 'start-bench.js',
    args: [],
    slow: true,
    figures: (j) => [
      {
        figure: 'npm start (teaching run), -j 2, wall',
        value: num(j.wall_s),
        unit: 's',
        goal: '< 40 s',
        met: num(j.wall_s) < 40,
      },
      speedRow('npm start', j),
    ],
  },
];

const table: { figure: string; value: number; unit: string; goal: string; met: boolean }[] = [];
const load0 = loadavg()[0];
for (const b of benches) {
  if (only ? !only.includes(b.name) : quick && b.slow) continue;
  console.log(`\n== bench:${b.name}`);
  const child = spawnSync(process.execPath, [resolve(here, b.script), ...b.args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  process.stdout.write(child.stdout);
  if (child.status !== 0) {
    console.log(`bench:${b.name} failed (exit ${child.status})`);
    continue;
  }
  const last = child.stdout.trim().split('\n').pop() ?? '{}';
  table.push(...b.figures(JSON.parse(last) as Json));
}
const load1 = loadavg()[0];
console.log(`\nIssue 12's figures (load average ${load0.toFixed(2)} before, ${load1.toFixed(2)} after):`);
const w = Math.max(...table.map((r) => r.figure.length));
for (const r of table) {
  const v = Number.isFinite(r.value) ? `${r.value.toFixed(r.value < 10 ? 3 : 1)}${r.unit ? ` ${r.unit}` : ''}` : 'n/a';
  console.log(
    `${r.figure.padEnd(w)}  ${v.padStart(18)}  goal ${r.goal.padEnd(18)} ${r.goal.startsWith('(') ? '' : r.met ? 'met' : 'NOT met'}`,
  );
}
console.log(JSON.stringify({ load_before: load0, load_after: load1, figures: table }));
