/**
 * npm run bench:national [-- --regions 42 --jobs 2 --years 1]: a national scenario of about 46
 * million studies a year (England's volume), written to a temporary folder: 42 regions, each a
 * department of about 1.1 million studies a year (4 streams, a day team and a night CT team, a
 * reading load near 0.8 of capacity) whose readers read only their own region's studies, one arm,
 * one replication. Times the whole `readsim run` (--charts none) and prints, last, one JSON line
 * with wall and CPU seconds, studies per second, the peak resident memory and the machine's load
 * average (goal: one year under 30 s on two cores, under 300 MB). The regions share no readers,
 * so the run is one task per region (model/department-parts.ts) and `-j 2` uses both cores.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowsCharts, timedNode, yardstickSpeed } from './timed-command.js';

const args = { regions: 42, jobs: 2, years: 1 };
// --cli FILE: another build's dist/cli/main.js (to time a before and an after on one scenario).
let cli: string | null = null;
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (k === 'cli') cli = resolve(process.argv[i + 1]);
  else if (k in args) args[k as keyof typeof args] = Number(process.argv[i + 1]);
  else throw new Error(`unknown option --${k}`);
}

/** The scenario as YAML: region r's modalities are CT-r, MR-r and XR-r, read by region r's teams only. */
function nationalScenario(regions: number): string {
  const lines = [
    `name: National (benchmark, ${regions} regions)`,
    'horizon: 1y',
    'warmup: 4w',
    'period: week',
    'replications: 1',
    'priorities:',
    '  - { name: stat, target: 1h }',
    '  - { name: inpatient, target: 24h }',
    '  - { name: outpatient, target: 28d }',
    'streams:',
  ];
  const readers = ['readers:'];
  for (let r = 1; r <= regions; r++) {
    const id = String(r).padStart(2, '0');
    lines.push(
      `  - { name: ed-ct-${id}, modality: CT-${id}, priority: stat, volume: 130000/y, growth: 3%/y, pattern: ed, readTime: { dist: lognormal, mean: 8m, cv: 0.6 } }`,
      `  - { name: inpatient-ct-${id}, modality: CT-${id}, priority: inpatient, volume: 200000/y, growth: 3%/y, pattern: inpatient, readTime: { dist: lognormal, mean: 9m, cv: 0.6 } }`,
      `  - { name: outpatient-mr-${id}, modality: MR-${id}, priority: outpatient, volume: 220000/y, growth: 3%/y, pattern: office-hours, readTime: { dist: gamma, mean: 11m, cv: 0.5 } }`,
      `  - { name: gp-xr-${id}, modality: XR-${id}, priority: outpatient, volume: 550000/y, growth: 1%/y, pattern: office-hours, readTime: { dist: lognormal, mean: 1m, cv: 0.8 } }`,
    );
    readers.push(
      `  - name: day-${id}`,
      '    count: 80',
      `    modalities: [CT-${id}, MR-${id}, XR-${id}]`,
      '    roster:',
      '      - { days: Mon-Fri, from: "08:00", to: "18:00", on: 44 }',
      '      - { days: Mon-Fri, from: "18:00", to: "22:00", on: 11 }',
      '      - { days: Sat-Sun, from: "08:00", to: "22:00", on: 13 }',
      '    efficiency: 0.75',
      `  - name: night-${id}`,
      '    count: 9',
      `    modalities: [CT-${id}]`,
      '    roster:',
      '      - { days: all, from: "22:00", to: "08:00", on: 4 }',
      '    shiftEnd: handover',
    );
  }
  return `${[...lines, ...readers].join('\n')}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
const main = cli ?? resolve(here, '../../dist/bin/readsim.js');
if (!existsSync(main)) throw new Error(`no built readsim at ${main}: run npm run build first`);
const dir = mkdtempSync(join(tmpdir(), 'readsim-national-'));
try {
  const file = join(dir, 'national.yaml');
  writeFileSync(file, nationalScenario(args.regions));
  const command = [
    main,
    'run',
    file,
    '--horizon',
    `${args.years}y`,
    '-j',
    `${args.jobs}`,
    '-q',
    '--out',
    join(dir, 'out'),
    // Builds before --charts drew every chart; they run so (the figures then include charts).
    ...(knowsCharts(main) ? ['--charts', 'none'] : []),
  ];
  const loadBefore = loadavg()[0];
  const speedBefore = yardstickSpeed();
  const { wall, cpu, rssMb } = timedNode(command, 'readsim run');
  const speedAfter = yardstickSpeed();
  const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
  const arrived = summary.arms.reduce(
    (n: number, a: { studies: { arrived: { mean: number } } }) => n + a.studies.arrived.mean,
    0,
  );
  const result = {
    regions: args.regions,
    jobs: args.jobs,
    years: args.years,
    studies_after_warmup: Math.round(arrived),
    wall_s: Number(wall.toFixed(2)),
    cpu_s: Number.isNaN(cpu) ? null : Number(cpu.toFixed(2)),
    studies_per_s: Math.round(arrived / wall),
    peak_rss_mb: Number.isNaN(rssMb) ? null : Number(rssMb.toFixed(1)),
    // The machine's 1-minute load average before and after: on a shared machine the wall time is worth what the load lets it be.
    load_before: Number(loadBefore.toFixed(2)),
    load_after: Number(loadavg()[0].toFixed(2)),
    // This machine's speed before and after (timed-command.ts yardstickSpeed), M customers/s.
    yardstick_m_customers_per_s: [Number(speedBefore.toFixed(2)), Number(speedAfter.toFixed(2))],
  };
  console.log(
    `national scenario, ${args.regions} regions, ${args.years} year(s), -j ${args.jobs}: ${result.studies_after_warmup} studies in ${result.wall_s} s (CPU ${result.cpu_s} s), peak RSS ${result.peak_rss_mb} MB, load average ${result.load_before} before, ${result.load_after} after; machine speed (bench/heap-limit.mjs, one thread) ${result.yardstick_m_customers_per_s.join(' before, ')} after, M customers/s`,
  );
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
