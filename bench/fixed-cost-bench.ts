/**
 * npm run bench:fixed [-- --rounds N] [-- --cli FILE] [-- --baseline FILE]: the fixed cost of a
 * command, the whole process from start to exit: `readsim --help`, and `readsim run` of
 * bench/one-week.yaml (one stream, one week, one arm, one replication: nearly all of its time is
 * start-up, loading and writing the results folder) with the default charts (SVG) and with
 * `--charts none`. The yardstick, in the same rounds: `node -e 0` (a bare Node start-up).
 * Rounds alternate the commands, so a change of load on a shared machine touches all of them.
 * Prints, per command, the median wall and CPU (user + system, from GNU time when present)
 * seconds and their ratio to the yardstick's; the load average before and after; and last one
 * JSON line. `--cli` times another build of readsim instead of this one's (package.json's bin);
 * `--baseline` times another build (e.g. main's before a change: its package.json's bin, or
 * dist/cli/main.js in older builds) beside this one, in the same rounds, and prints this one's
 * time as a share of the baseline's: a before and after from one machine and one load.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowsCharts, timedNode } from './timed-command.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to .bench-build/bench/: the scenario stays in bench/, the CLI is the built dist/.
const root = resolve(here, '../..');
const scenario = resolve(root, 'bench/one-week.yaml');
const bin = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { bin: { readsim: string } }).bin.readsim;
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 5);
const cli = resolve(option('--cli') ?? resolve(root, bin));
const baseline = option('--baseline') === undefined ? null : resolve(option('--baseline') as string);
for (const file of [cli, baseline ?? cli])
  if (!existsSync(file)) throw new Error(`no built CLI at ${file}: run npm run build first`);
const out = mkdtempSync(join(tmpdir(), 'readsim-fixed-'));

/**
 * The three readsim commands timed, for one build; `tag` marks the baseline's rows. A build
 * without `--charts` runs its default (every chart) in both run rows, and the rows say so.
 */
const readsimCommands = (file: string, tag: string): { name: string; args: string[] }[] => {
  const charts = knowsCharts(file);
  const run = (name: string, dir: string, extra: string[]) => ({
    name: `readsim run one-week ${name}${tag}`,
    args: [file, 'run', scenario, '-q', ...(charts ? extra : []), '--out', join(out, `${dir}${tag}`)],
  });
  return [
    { name: `readsim --help${tag}`, args: [file, '--help'] },
    run(charts ? '(svg)' : '(svg + png: no --charts)', 'svg', []),
    run(charts ? '--charts none' : '(svg + png: no --charts)', 'none', ['--charts', 'none']),
  ];
};
const commands: { name: string; args: string[] }[] = [
  { name: 'node -e 0 (yardstick)', args: ['-e', '0'] },
  ...readsimCommands(cli, ''),
  ...(baseline ? readsimCommands(baseline, ' [baseline]') : []),
];

const timed = (commandArgs: string[]) => timedNode(commandArgs);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const loadBefore = loadavg()[0];
// One untimed pass first: the file system cache holds the modules afterwards, as for a user's second command.
for (const c of commands) timed(c.args);
const walls = commands.map(() => [] as number[]);
const cpus = commands.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  // Alternate the order between rounds (ABBA), so no command always runs right after the same one.
  const order = r % 2 ? [...commands.keys()].reverse() : [...commands.keys()];
  for (const i of order) {
    const t = timed(commands[i].args);
    walls[i].push(t.wall);
    cpus[i].push(t.cpu);
  }
}
rmSync(out, { recursive: true, force: true });
const loadAfter = loadavg()[0];

const yardWall = median(walls[0]);
const yardCpu = median(cpus[0]);
const rows = commands.map((c, i) => ({
  command: c.name,
  wall_s: median(walls[i]),
  cpu_s: median(cpus[i]),
  wall_ratio: median(walls[i]) / yardWall,
  cpu_ratio: median(cpus[i]) / yardCpu,
}));
console.log(
  `readsim fixed cost: ${cli}${baseline ? ` (baseline: ${baseline})` : ''}, medians of ${rounds} rounds; load average ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)}`,
);
console.log(
  `${'command'.padEnd(46)}${'wall s'.padStart(9)}${'CPU s'.padStart(9)}${'wall / yardstick'.padStart(18)}${'CPU / yardstick'.padStart(17)}`,
);
for (const r of rows)
  console.log(
    `${r.command.padEnd(46)}${r.wall_s.toFixed(3).padStart(9)}${r.cpu_s.toFixed(3).padStart(9)}${r.wall_ratio.toFixed(2).padStart(18)}${r.cpu_ratio.toFixed(2).padStart(17)}`,
  );
if (baseline) {
  console.log('this build / baseline (below 1: faster than the baseline)');
  for (let i = 1; i <= 3; i++)
    console.log(
      `${rows[i].command.padEnd(46)}${'wall'.padStart(9)}${(rows[i].wall_s / rows[i + 3].wall_s).toFixed(2).padStart(6)}${'CPU'.padStart(9)}${(rows[i].cpu_s / rows[i + 3].cpu_s).toFixed(2).padStart(6)}`,
    );
}
console.log('goals (issue 12): readsim --help under 0.3 s wall, the one-week run under 0.5 s wall (whole command)');
console.log(JSON.stringify({ rounds, load_before: loadBefore, load_after: loadAfter, baseline, rows }));
