import { resolve } from 'node:path';
import { planExperiment, runPlan } from '../../experiment/experiment.js';
import type { PrestartedWorkers } from '../../experiment/prestarted-workers.js';
import { summaryJson } from '../../experiment/summary.js';
import { runTasks } from '../../experiment/worker-pool.js';
import { type ClaimedFolder, claimOutputFolder, safeFolderName } from '../../report/atomic-folder.js';
import type { ChartThread } from '../../report/chart-thread.js';
import { armTable, differenceTable, textTable, yearTable } from '../../report/summary-table.js';
import type { LoadedScenario } from '../../scenario/load-scenario.js';
import { announceStart, interruptSignal, progressBar } from '../progress.js';
import { coreFreeForCharts, leavesCoreForCharts } from './chart-warmup.js';
import { type RunArgs, shownPath, whatIfSuffix } from './run-command.js';
import { checkWorkLimits } from './work-limits.js';

/** What the run command started before loading the scenario, for runScenario. */
export interface RunStarters {
  /** Draws the charts; none: they are drawn in this thread (or not at all, --charts none). */
  chartThread: ChartThread | undefined;
  /** The cores other programs keep busy (other-programs-load.ts), watched from the command's start, for the chart thread's warm-up. */
  otherLoad: () => number;
  /** The simulation's first worker, started early (prestarted-workers.ts); the caller discards it if it is not used. */
  workers?: PrestartedWorkers;
}

/**
 * The run command once its arguments are checked and its scenario loaded (with --set and
 * --horizon applied): runs it, writes the results folder (the charts drawn by the chart thread, or in
 * this thread without one) and prints the summary.
 */
export async function runScenario(argv: RunArgs, scenario: LoadedScenario, started: RunStarters): Promise<void> {
  const { chartThread, otherLoad, workers } = started;
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
    // What writes the results folder is loaded while the run simulates (on worker threads, this
    // thread is idle meanwhile).
    const resultsFolder = import('../../report/results-folder.js');
    resultsFolder.catch(() => {});
    const result = await runPlan(plan, (tasks) => {
      if (chartThread && leavesCoreForCharts(tasks, argv.jobs, otherLoad())) chartThread.warmUp();
      return runTasks(tasks, {
        jobs: argv.jobs,
        signal: interrupt.signal,
        onProgress: bar.update,
        prestarted: workers,
        // Near the end of a run on all the cores, one of them is free: the charts warm up there.
        onCoreFree: (running) => {
          if (chartThread && coreFreeForCharts(tasks, running, otherLoad())) chartThread.warmUp();
        },
      });
    });
    bar.stop();
    const { writeResults } = await resultsFolder;
    await writeResults(result, outDir, { signal: interrupt.signal, charts: argv.charts, draw: chartThread?.render });
    if (argv.format === 'json') {
      process.stdout.write(summaryJson(result.summary));
      return;
    }
    const s = result.summary;
    const out: string[] = [];
    out.push(`${s.scenario}: ${s.arms.length} arm(s) x ${s.replications} replication(s), ${s.horizon_days} days, seed ${s.seed}`);
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
}
