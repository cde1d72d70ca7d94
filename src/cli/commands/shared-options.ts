import type { Argv } from 'yargs';
import { defaultJobs } from '../../experiment/default-jobs.js';
import type { ChartFormats } from '../../report/render-chart.js';
import { UsageError } from '../cli-error.js';

/** Options every simulating command takes. */
export function simulationOptions<T>(y: Argv<T>) {
  return y
    .option('replications', { alias: 'r', type: 'number', describe: "replications (default: the scenario's)" })
    .option('seed', { type: 'number', describe: "master seed (default: the scenario's)" })
    .option('horizon', { type: 'string', describe: 'simulated length, e.g. 2y (overrides the scenario)' })
    .option('set', { type: 'string', array: true, describe: 'change a value without editing the file: PATH=VALUE (repeatable)' })
    .option('jobs', { alias: 'j', type: 'number', describe: `worker threads (default: the cores, here ${defaultJobs()})` })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress bar' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'run even when the work estimate passes the limits (2 billion studies, 4 GB of memory)',
    });
}

export interface SimulationArgs {
  replications?: number;
  seed?: number;
  horizon?: string;
  set?: string[];
  jobs?: number;
  quiet: boolean;
  force: boolean;
}

/** Checks the numeric options and turns --horizon into a --set. */
export function checkSimulationArgs(a: SimulationArgs): { set: string[] } {
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < min))
      throw new UsageError(`--${name}: expected a whole number >= ${min}, found ${v}`);
  };
  whole('replications', a.replications, 1);
  whole('seed', a.seed, Number.MIN_SAFE_INTEGER);
  whole('jobs', a.jobs, 1);
  const set = [...(a.set ?? [])];
  if (a.horizon !== undefined) set.push(`horizon=${a.horizon}`);
  return { set };
}

/**
 * --charts: which chart files to draw. `fallback` is the command's default (run: svg, which is
 * all report.html needs; sweep: all, its one chart being its main output).
 */
export function chartsOption<T>(y: Argv<T>, fallback: ChartFormats) {
  return y.option('charts', {
    choices: ['none', 'svg', 'png', 'all'] as const,
    default: fallback,
    describe: 'chart files to draw: none, svg (report.html shows these), png (for slides), or all',
  });
}
