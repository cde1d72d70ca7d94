import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { possibleRange } from '../../experiment/summary.js';
import { checkMetric, neighbourDifferences, parseVary, runSweep, sweepVariants } from '../../experiment/sweep.js';
import { type ClaimedFolder, claimOutputFolder, safeFolderName } from '../../report/atomic-folder.js';
import { fmt, fmtShare } from '../../report/format.js';
import type { ChartFormats } from '../../report/render-chart.js';
import { statAt, textTable } from '../../report/summary-table.js';
import { writeSweep } from '../../report/sweep-output.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { announceStart, interruptSignal, progressBar } from '../progress.js';
import { shownPath } from './run-command.js';
import { chartsOption, checkSimulationArgs, type SimulationArgs, simulationOptions } from './shared-options.js';
import { checkWorkLimits } from './work-limits.js';

interface SweepArgs extends SimulationArgs {
  scenario: string;
  vary: string[];
  metric: string;
  out?: string;
  arms?: string;
  charts: ChartFormats;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  ...COMMAND_INFO.sweep,
  builder: (y) =>
    chartsOption(simulationOptions(y), 'all')
      .positional('scenario', { type: 'string', describe: 'scenario file', demandOption: true })
      .option('vary', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'PATH=V1,V2,... (repeatable; the grid of all combinations)',
      })
      .option('metric', {
        type: 'string',
        default: 'wait.all',
        describe: 'the summary.json statistic to chart, e.g. studies.backlog_end',
      })
      .option('out', { alias: 'o', type: 'string', describe: 'results folder (default: output/<scenario name>-sweep)' })
      .option('arms', {
        type: 'string',
        describe: 'run only these arms: names separated by commas, the first being the baseline (default: every arm)',
      })
      .example(
        '$0 sweep scenarios/ai-speed-sensitivity.yaml --vary ai.reading-assist.readTimeFactor=0.73,0.9,1,1.18 --metric studies.backlog_end',
        'a line of the backlog against the AI speed-up',
      )
      .example(
        '$0 sweep x.yaml --vary readers.general.count=4,5,6 --vary ai.ich-triage.sensitivity=0.8,0.9,0.95',
        'a heatmap of two parameters',
      )
      .example(
        '$0 sweep scenarios/widening-gap.yaml --arms "without AI" --vary readers.radiologists.count=20..30 --metric by_year.5.target_met_share.emergency',
        'how many radiologists keep emergency studies within target in year 5 (a range of whole numbers)',
      ),
  handler: async (argv) => {
    const { set } = checkSimulationArgs(argv);
    const axes = argv.vary.map((v) => {
      const a = parseVary(v);
      if (!a) throw new UsageError(`--vary ${v}: expected PATH=V1,V2,... such as readers.general.count=4,5,6`);
      return a;
    });
    const arms = argv.arms
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const variants = sweepVariants(argv.scenario, axes, { set, arms });
    // Against the statistics catalogue: nothing runs before the name is known to be good.
    const bad = checkMetric(argv.metric, variants[0].scenario.departments);
    if (bad) throw new UsageError(bad);
    const stem = safeFolderName(variants[0].scenario.stem);
    const outArg = argv.out ?? `output/${stem}-sweep`;
    const outDir = resolve(outArg);
    checkWorkLimits(
      variants.map((v) => v.scenario),
      { replications: argv.replications, seed: argv.seed, jobs: argv.jobs, force: argv.force },
    );
    const interrupt = interruptSignal();
    let claimed: ClaimedFolder | undefined;
    const bar = progressBar(!argv.quiet, `sweep of ${variants.length} variants`);
    try {
      claimed = claimOutputFolder(outArg, { inputs: [argv.scenario], shown: argv.out ?? shownPath(outDir) });
      announceStart(argv.quiet, `sweep of ${variants.length} variants: running; results will be in ${shownPath(outDir)}/`);
      const sweep = await runSweep(variants, axes, {
        replications: argv.replications,
        seed: argv.seed,
        jobs: argv.jobs,
        signal: interrupt.signal,
        onProgress: bar.update,
      });
      bar.stop();
      await writeSweep(sweep, argv.metric, outDir, argv.charts);
      const diffs = neighbourDifferences(sweep, argv.metric);
      const header = [
        ...axes.map((a) => a.path),
        'arm',
        `${argv.metric} [95%]`,
        ...(diffs.length ? ['change from previous [95%]'] : []),
      ];
      const rows = [header];
      // Shares as percentages, other statistics with few decimals.
      const share = possibleRange(argv.metric)[1] === 1;
      const num = (x: number | null | undefined) => (share ? fmtShare(x) : fmt(x));
      sweep.results.forEach((r, v) => {
        for (const arm of r.summary.arms) {
          const s = statAt(arm, argv.metric);
          const ci = s?.ci95 ? ` [${num(s.ci95[0])}, ${num(s.ci95[1])}]` : '';
          const d = diffs.find((x) => x.arm === arm.name && x.to === variants[v].settings[axes[0].path]);
          const change = d
            ? `${d.mean !== null && d.mean > 0 ? '+' : ''}${num(d.mean)}${d.ci95 ? ` [${num(d.ci95[0])}, ${num(d.ci95[1])}]` : ''}`
            : '';
          rows.push([
            ...axes.map((a) => variants[v].settings[a.path]),
            arm.name,
            `${num(s?.mean)}${ci}`,
            ...(diffs.length ? [change] : []),
          ]);
        }
      });
      // Runs of an arm a variant leaves unchanged were simulated once (runSweep): say how many.
      const reused = sweep.reused > 0 ? `\n\n${sweep.reused} of ${sweep.runs} runs reused from identical arms` : '';
      process.stdout.write(
        `${textTable(rows, axes.length + 1)}${reused}\n\nResults in ${shownPath(outDir)}/ (sweep.csv${diffs.length ? ', sweep_differences.csv' : ''}${argv.charts === 'none' ? '' : ', charts/'})\n`,
      );
    } finally {
      bar.stop();
      claimed?.release();
      interrupt.dispose();
    }
  },
};
