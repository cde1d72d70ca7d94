import { relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { planExperiment, runPlan } from '../../experiment/experiment.js';
import { summaryJson } from '../../experiment/summary.js';
import { runTasks } from '../../experiment/worker-pool.js';
import { type ClaimedFolder, claimOutputFolder, safeFolderName } from '../../report/atomic-folder.js';
import type { ChartFormats } from '../../report/render-chart.js';
import { writeResults } from '../../report/results-folder.js';
import { armTable, differenceTable, textTable, yearTable } from '../../report/summary-table.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { announceStart, interruptSignal, progressBar } from '../progress.js';
import { chartsOption, checkSimulationArgs, checkWorkLimits, type SimulationArgs, simulationOptions } from './shared-options.js';

interface RunArgs extends SimulationArgs {
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
    const scenario = loadScenario(argv.scenario, { set });
    // A what-if (--set) without --out goes to a folder of its own, named after the change, so that
    // it never replaces the baseline's results.
    const outArg = argv.out ?? `output/${safeFolderName(`${scenario.stem}${whatIfSuffix(argv.set ?? [])}`)}`;
    const outDir = resolve(outArg);
    checkWorkLimits(scenario, {
      replications: argv.replications,
      replication: argv.replication,
      jobs: argv.jobs,
      force: argv.force,
    });
    const interrupt = interruptSignal();
    let claimed: ClaimedFolder | undefined;
    const bar = progressBar(!argv.quiet && argv.format === 'text', scenario.resolved.name);
    try {
      claimed = claimOutputFolder(outArg, { inputs: [argv.scenario], shown: argv.out ?? shownPath(outDir) });
      announceStart(argv.quiet, `${scenario.resolved.name}: running; results will be in ${shownPath(outDir)}/`);
      // An arm that resolves to the same department as an earlier one is simulated once (planExperiment).
      const plan = planExperiment(scenario, {
        replications: argv.replications,
        seed: argv.seed,
        replication: argv.replication === undefined ? undefined : argv.replication - 1,
      });
      const result = await runPlan(plan, (tasks) =>
        runTasks(tasks, { jobs: argv.jobs, signal: interrupt.signal, onProgress: bar.update }),
      );
      bar.stop();
      await writeResults(result, outDir, { signal: interrupt.signal, charts: argv.charts });
      if (argv.format === 'json') {
        process.stdout.write(summaryJson(result.summary));
        return;
      }
      const s = result.summary;
      const out: string[] = [];
      out.push(
        `${s.scenario}: ${s.arms.length} arm(s) x ${s.replications} replication(s), ${s.horizon_days} days, seed ${s.seed}`,
      );
      out.push('');
      out.push(textTable(armTable(s, scenario.resolved)));
      const diff = differenceTable(s, scenario.resolved);
      if (diff.length) {
        out.push('');
        out.push(`Differences from "${s.arms[0].name}", paired by replication (mean [95% interval]):`);
        out.push(textTable(diff));
      }
      const years = yearTable(s, scenario.resolved);
      if (years.length > 1) {
        out.push('');
        out.push(
          `By ${scenario.resolved.start ? 'calendar' : 'simulated'} year (studies by the year they arrived; backlog at the end of the year's last ${scenario.resolved.period}):`,
        );
        out.push(textTable(years, 2));
      }
      if (plan.reused > 0) {
        out.push('');
        out.push(
          `${plan.reused} of ${plan.runs.length} runs reused from identical arms (an arm with the same department as an earlier one)`,
        );
      }
      out.push('');
      out.push(
        `Results in ${shownPath(outDir)}/ (report.html, summary.json, periods.csv${argv.charts === 'none' ? '' : ', charts/'})`,
      );
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      bar.stop();
      claimed?.release();
      interrupt.dispose();
    }
  },
};
