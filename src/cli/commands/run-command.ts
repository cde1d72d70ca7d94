import { relative } from 'node:path';
import type { CommandModule } from 'yargs';
import type { PrestartedWorkers } from '../../experiment/prestarted-workers.js';
import { startChartThread } from '../../report/chart-thread.js';
import type { ChartFormats } from '../../report/render-chart.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { watchOtherProgramsLoad } from './other-programs-load.js';
import { chartsOption, checkSimulationArgs, type SimulationArgs, simulationOptions } from './shared-options.js';

/** The run command's arguments, as yargs gives them to the handler. */
export interface RunArgs extends SimulationArgs {
  scenario: string;
  out?: string;
  format: 'text' | 'json';
  replication?: number;
  charts: ChartFormats;
}

/**
 * The folder-name suffix for `--set` changes, in characters any file system takes:
 * "--readers.radiologists.count-plus2" ("+" as "plus", "%" as "pct", "=" and others as "-"),
 * several joined by "--". Empty without changes.
 */
export function whatIfSuffix(set: string[]): string {
  if (set.length === 0) return '';
  const text = set
    .map((a) =>
      a
        .replaceAll('+', 'plus')
        .replaceAll('%', 'pct')
        .replace(/[^A-Za-z0-9._-]+/g, '-'),
    )
    .join('--');
  return `--${text.length > 80 ? text.slice(0, 80) : text}`;
}

/** A folder as the user would type it: relative when under the current folder. */
export function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

export const runCommand: CommandModule<object, RunArgs> = {
  ...COMMAND_INFO.run,
  builder: (y) =>
    chartsOption(simulationOptions(y), 'svg')
      .positional('scenario', { type: 'string', describe: 'scenario file (YAML or JSON)', demandOption: true })
      .option('out', { alias: 'o', type: 'string', describe: 'results folder (default: output/<scenario name>)' })
      .option('format', {
        choices: ['text', 'json'] as const,
        default: 'text' as const,
        describe: 'what to print: a table, or summary.json',
      })
      .option('replication', {
        type: 'number',
        describe: 'rerun only replication K (1-based), exactly as it ran among the others',
      })
      .example('$0 run scenarios/widening-gap.yaml', 'run the teaching scenario; results in output/widening-gap/')
      .example('$0 run scenarios/widening-gap.yaml --charts all', 'also draw every chart as PNG, for slides')
      .example(
        '$0 run scenarios/ed-head-ct-triage.yaml --set ai.ich-triage.sensitivity=0.95 -r 20',
        'a what-if with more replications',
      ),
  handler: async (argv) => {
    const { set } = checkSimulationArgs(argv);
    if (argv.replication !== undefined && (!Number.isInteger(argv.replication) || argv.replication < 1)) {
      throw new UsageError(`--replication: expected a whole number >= 1, found ${argv.replication}`);
    }
    // Charts are drawn on a thread of their own, started first: it loads vega while this thread
    // loads the simulation's code (run-scenario.ts and what it imports), the scenario, and runs it.
    const chartThread = argv.charts === 'none' ? undefined : startChartThread({ png: argv.charts !== 'svg' });
    // From now until the run starts, how busy other programs keep the cores (the chart thread's warm-up).
    const otherLoad = watchOtherProgramsLoad();
    let workers: PrestartedWorkers | undefined;
    try {
      const [{ loadScenario }, prestart] = await Promise.all([
        import('../../scenario/load-scenario.js'),
        import('../../experiment/prestarted-workers.js'),
      ]);
      const scenario = loadScenario(argv.scenario, { set });
      // A run for worker threads: the first one starts now and loads the model while this
      // thread loads the code that runs and reports (a tenth of a second or more sooner to the
      // first study). A run small enough for this thread starts none.
      const replications = argv.replication !== undefined ? 1 : (argv.replications ?? scenario.resolved.replications);
      workers = prestart.prestartFor(scenario.departments, replications, argv.jobs);
      const { runScenario } = await import('./run-scenario.js');
      await runScenario(argv, scenario, { chartThread, otherLoad, workers });
    } finally {
      await Promise.all([chartThread?.close(), workers?.discard()]);
    }
  },
};
