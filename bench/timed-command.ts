/**
 * One child process timed, for the benchmarks that time a whole readsim command: wall seconds,
 * CPU seconds (user + system) and peak resident memory (MB) from GNU time when the machine has
 * it (NaN otherwise: on a shared machine the CPU time is the steadier measure), and the child's
 * output. Throws with the child's stderr when it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const gnuTime = existsSync('/usr/bin/time');

export interface Timed {
  wall: number;
  cpu: number;
  rssMb: number;
  stdout: string;
}

/** Runs `node ...args` and times it. `label` names the command in the error. */
export function timedNode(args: string[], label = args.join(' ')): Timed {
  const t0 = process.hrtime.bigint();
  const child = spawnSync(
    gnuTime ? '/usr/bin/time' : process.execPath,
    gnuTime ? ['-f', 'rusage %U %S %M', process.execPath, ...args] : args,
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 },
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (child.status !== 0) throw new Error(`${label} failed: ${child.stderr}`);
  const usage = /rusage ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  return {
    wall,
    cpu: usage ? Number(usage[1]) + Number(usage[2]) : Number.NaN,
    rssMb: usage ? Number(usage[3]) / 1024 : Number.NaN,
    stdout: child.stdout,
  };
}

/** Does this build of readsim know `--charts`? (Builds before it drew SVG and PNG charts on every run.) */
export function knowsCharts(cli: string): boolean {
  return spawnSync(process.execPath, [cli, 'run', '--help'], { encoding: 'utf8' }).stdout.includes('--charts');
}

/**
 * This machine's speed at the moment: bench/heap-limit.mjs (a bare typed-array heap, M/M/c with
 * lambda 9, mu 1, c 10) over 3,000,000 customers in a child process, in M customers per second,
 * or NaN when the file is missing. A benchmark whose figure is an absolute time (seconds of a
 * whole command) prints it before and after, so that figures from different days or machines
 * can be read against the speed each one had (this shared machine's varies by a quarter from
 * day to day).
 */
export function yardstickSpeed(): number {
  const file = fileURLToPath(new URL('../../bench/heap-limit.mjs', import.meta.url));
  if (!existsSync(file)) return Number.NaN;
  const child = spawnSync(process.execPath, [file, '--customers', '3000000'], { encoding: 'utf8' });
  if (child.status !== 0) return Number.NaN;
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return (JSON.parse(last) as { customers_per_s: number }).customers_per_s / 1e6;
}
